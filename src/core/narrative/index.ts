/** 情况说明: generation with provenance (generateNarrative) and 核对 of hand-written text (verifyNarrative). */
import type { RecognitionResult } from "../recognize/types";
import { emptyInputs, type NarrativeInputs } from "./inputs";
import { NarrativeRenderer, type NarrativeTemplate } from "./render";
import { makeStyle, STYLE_PRESETS, type NarrativeStyle, type StyleOverrides, type StylePresetId } from "./style";
import { SICHUAN_TEMPLATE } from "./templates/sichuan";
import { SHANGHAI_TEMPLATE } from "./templates/shanghai";
import type { Narrative } from "./types";

export * from "./types";
export { renderNarrativeText, narrativeSheetRows, checkTemplate, NarrativeRenderer } from "./render";
export type { NarrativeTemplate, SectionTemplate, EachParagraph, NarrativeSheetRow } from "./render";
export { STYLE_PRESETS, makeStyle } from "./style";
export type { NarrativeStyle, PercentKind, StyleOverrides, StylePresetId } from "./style";
export { parseInputsSheet, buildInputsSheetTemplate, emptyInputs, INPUT_KEYS, INPUTS_SHEET } from "./inputs";
export { inputItemKey } from "../text/keys";
export type { NarrativeInputs, InputEntry, InputKeyDef, InputsTemplateRow } from "./inputs";
export { parseTemplate, TemplateError } from "./template";
export { planInputsSheet } from "./inputs-sheet";
export type { InputsSheetPlan } from "./inputs-sheet";
export { placeholderFindings, withPlaceholderFindings, isNarrativeSheetName, PLACEHOLDER_RULE } from "./placeholder-findings";
export { narrativeTextFromSheet, findNarrativeSheet, NARRATIVE_SHEET_NAME } from "./sheet-text";
export { findPlaceholders } from "./verify/placeholders";
export type { PlaceholderHit, PlaceholderKind } from "./verify/placeholders";
export { SICHUAN_TEMPLATE, SHANGHAI_TEMPLATE };
export { verifyNarrative } from "./verify";
export { checkNarrativeText, type TextCheckOptions } from "./verify/alone";
export { verifyNarrativeDocument, type DocumentVerifyResult } from "./verify/document";
export { NARRATIVE_CHECKS, type NarrativeCheckInfo, type CheckId } from "./verify/checks";
export type { VerifyResult, Mismatch, Claim, ClaimKind, VerifyOptions } from "./verify";
export type { UnverifiedCode, NarrativeMessageCode } from "../i18n/narrative";

/** Templates by preset id. */
export const TEMPLATES: Record<StylePresetId, NarrativeTemplate> = { sichuan: SICHUAN_TEMPLATE, shanghai: SHANGHAI_TEMPLATE };

export interface GenerateOptions {
  /** Preset id or a full style (default sichuan). */
  style?: StylePresetId | NarrativeStyle;
  /** Option overrides on top of the style. */
  overrides?: StyleOverrides;
  /** Template (default: the preset's template). */
  template?: NarrativeTemplate;
}

/** Generate the 情况说明 from recognised tables and the 「说明数据」 inputs. */
export function generateNarrative(recognition: RecognitionResult, inputs: NarrativeInputs = emptyInputs(), options: GenerateOptions = {}): Narrative {
  const base = options.style ?? "sichuan";
  const style = makeStyle(base, options.overrides);
  const template = options.template ?? (typeof base === "string" ? TEMPLATES[base] : TEMPLATES[(base.id in STYLE_PRESETS ? base.id : "sichuan") as StylePresetId]);
  return new NarrativeRenderer(recognition, inputs, style).render(template);
}
