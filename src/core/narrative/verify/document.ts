/**
 * 核对 of a whole narrative: against the workbook when it has recognised tables (plus the completeness and wording
 * checks of the text), else the text against itself. The one entry shared by the CLI and the task pane.
 */
import type { RecognitionResult } from "../../recognize/types";
import { emptyInputs, type NarrativeInputs } from "../inputs";
import { checkNarrativeText, textFindings, toMismatch } from "./alone";
import { verifyNarrative, type VerifyOptions, type VerifyResult } from "./index";
import type { TemplateId } from "./structure";

// Wording checks the workbook 核对 already runs on the same words.
const ALSO_IN_WORKBOOK_MODE = new Set(["V-W04", "V-W08", "V-W09", "V-W10", "V-W11"]);

export interface DocumentVerifyResult extends VerifyResult {
  /** "workbook": figures checked against the tables; "text": the narrative against itself. */
  mode: "workbook" | "text";
  template: TemplateId;
}

/** 核对 of a narrative with or without a workbook. */
export function verifyNarrativeDocument(text: string, recognition: RecognitionResult | undefined, inputs: NarrativeInputs = emptyInputs(), options: VerifyOptions & { template?: TemplateId } = {}): DocumentVerifyResult {
  const lang = options.lang ?? "zh-CN";
  if (!recognition || recognition.tables.length === 0) {
    const r = checkNarrativeText(text, { lang, year: options.year, template: options.template });
    return { ...r, mode: "text", template: r.template };
  }
  const r = verifyNarrative(text, recognition, inputs, options);
  const t = textFindings(text, { lang, year: options.year, template: options.template, arithmetic: false });
  const extra = t.findings.filter((f) => !ALSO_IN_WORKBOOK_MODE.has(f.checkId)).map(toMismatch);
  const mismatches = [...r.mismatches, ...extra].sort((a, b) => a.offset - b.offset);
  return { ...r, mismatches, mode: "workbook", template: t.template };
}
