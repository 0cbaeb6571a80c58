/**
 * Rule N-PH: before submission, every cell of a narrative sheet (「情况说明」, or any sheet whose name contains
 * 情况说明) that still holds a placeholder — 【请填写…】, XXX, ××, 某某, 「增加（减少）」 — becomes a 核实 finding.
 * Pure: reads the snapshot only, so the CLI (via validate) and the add-in list the same findings.
 */
import type { Lang } from "../i18n/lang";
import { renderFinding } from "../i18n/findings";
import { stableHash } from "../rules/hash";
import type { Finding, ValidationResult } from "../rules/types";
import { parseAmount } from "../workbook/amount";
import type { SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { toA1 } from "../workbook/snapshot";
import { normalizeNarrativeText } from "./verify/normalize";
import { findPlaceholders } from "./verify/placeholders";

export const PLACEHOLDER_RULE = "N-PH";
const NARRATIVE_NAME = "情况说明";

/** True for a sheet holding narrative text (the add-in's 「情况说明」 or one the user named so). */
export function isNarrativeSheetName(name: string): boolean {
  return name.includes(NARRATIVE_NAME);
}

function sheetFindings(sheet: SheetSnapshot, lang: Lang): Finding[] {
  const out: Finding[] = [];
  sheet.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (typeof value !== "string" || value === "") return;
      // Normalised like 核对 does, so 「X X X」 or a placeholder broken by a line break is still found.
      const hits = findPlaceholders(normalizeNarrativeText(value).text);
      if (hits.length === 0) return;
      const row = sheet.origin.row + r;
      const col = sheet.origin.col + c;
      const address = toA1(row, col);
      const texts = [...new Set(hits.map((h) => h.text))];
      const kind = hits.every((h) => h.kind === "template-remnant") ? "template-remnant" : "placeholder";
      const finding: Finding = {
        // Stable while the same placeholders stay in the same cell; filling one in gives a new id.
        id: stableHash(`${PLACEHOLDER_RULE}|${sheet.name}!${address}|${texts.join("|")}`),
        rule: PLACEHOLDER_RULE,
        severity: "warning",
        code: "placeholder",
        target: { sheet: sheet.name, address, row, col, text: value, reading: parseAmount(value) },
        items: [],
        missing: [],
        params: { sheet: sheet.name, address, text: texts.join("」「"), kind, count: hits.length },
        message: "",
      };
      finding.message = renderFinding(finding, lang);
      out.push(finding);
    }),
  );
  return out;
}

/** N-PH findings for every narrative sheet of the snapshot, in sheet then row order. */
export function placeholderFindings(snapshot: WorkbookSnapshot, lang: Lang = "zh-CN"): Finding[] {
  const out: Finding[] = [];
  for (const sheet of snapshot.sheets) if (isNarrativeSheetName(sheet.name)) out.push(...sheetFindings(sheet, lang));
  return out;
}

/** A validation result with the N-PH findings added (suppressed ids left out) and the counts updated. */
export function withPlaceholderFindings(result: ValidationResult, snapshot: WorkbookSnapshot, options: { lang?: Lang; suppressed?: Set<string> } = {}): ValidationResult {
  const extra = placeholderFindings(snapshot, options.lang).filter((f) => !options.suppressed?.has(f.id));
  if (extra.length === 0) return result;
  return {
    ...result,
    findings: [...result.findings, ...extra],
    counts: { error: result.counts.error, warning: result.counts.warning + extra.length },
  };
}
