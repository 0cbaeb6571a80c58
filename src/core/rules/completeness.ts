/**
 * Completeness of a disclosure (rules C-tables, C-empty-note): every table of the published layout is present —
 * the national nine or Sichuan's thirteen 附表 — and a table without figures carries its note (「本表无数据」).
 * Layout-level checks, not cell comparisons: run on the recognition result after the table rules. Both are 核实.
 * MOF exports and unknown layouts are not public disclosures and are not checked here.
 */
import type { TableKind } from "../catalog/vocabulary";
import { TABLE_KINDS } from "../catalog/vocabulary";
import type { Lang } from "../i18n/lang";
import { renderFinding } from "../i18n/findings";
import type { CellRef, RecognitionResult, TableView } from "../recognize/types";
import { toA1 } from "../workbook/snapshot";
import { stableHash } from "./hash";
import type { Finding, ValidationResult } from "./types";

export const TABLES_RULE = "C-tables";
export const EMPTY_NOTE_RULE = "C-empty-note";

/** The tables each published layout prints, in its order. */
export const LAYOUT_TABLES: Readonly<Record<"national" | "sichuan", readonly TableKind[]>> = {
  national: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"],
  sichuan: ["T1", "T2", "T3", "T4", "SC5", "T5", "SC7", "T6", "SC9", "T7", "T8", "SC12", "T9"],
};

/** The published layout the recognised tables follow (most tables of one variant), if any. */
export function disclosureLayout(recognition: RecognitionResult): "national" | "sichuan" | undefined {
  let national = 0;
  let sichuan = 0;
  for (const t of recognition.tables) {
    if (t.variant === "national") national++;
    else if (t.variant === "sichuan") sichuan++;
  }
  if (national === 0 && sichuan === 0) return undefined;
  return sichuan >= national ? "sichuan" : "national";
}

/** True when no amount cell of the table holds a figure other than 0 (and none holds unreadable text). */
function hasNoFigures(view: TableView): boolean {
  for (const r of view.rows)
    for (const k in r.cells) {
      const reading = r.cells[k as keyof typeof r.cells]!.reading;
      if (reading.kind === "invalid" || (reading.kind === "amount" && reading.value !== 0)) return false;
    }
  return true;
}

function titleCell(view: TableView): CellRef {
  const row = view.range.top;
  const col = view.range.left;
  return { sheet: view.sheet, address: toA1(row, col), row, col, text: view.title, reading: { kind: "blank" } };
}

function finding(rule: string, code: Finding["code"], target: CellRef, kind: TableKind, params: Record<string, string | number>, lang: Lang): Finding {
  const f: Finding = {
    id: stableHash(`${rule}|${kind}|${target.sheet}!${target.address}`),
    rule,
    severity: "warning",
    code,
    target,
    table: kind,
    items: [],
    missing: [],
    params: { sheet: target.sheet, address: target.address, label: TABLE_KINDS[kind], table: TABLE_KINDS[kind], tableKind: kind, basis: "template", ruleVersion: 1, ...params },
    message: "",
    basis: "template",
    ruleVersion: 1,
  };
  f.message = renderFinding(f, lang);
  return f;
}

/** C-tables and C-empty-note findings for a recognised workbook (none for MOF exports or unknown layouts). */
export function completenessFindings(recognition: RecognitionResult, lang: Lang = "zh-CN"): Finding[] {
  const layout = disclosureLayout(recognition);
  if (!layout) return [];
  const out: Finding[] = [];
  const present = new Set(recognition.tables.map((t) => t.kind));
  const expected = LAYOUT_TABLES[layout];
  const missing = expected.filter((k) => !present.has(k));
  // A missing table has no cell of its own: point at the first table of the disclosure.
  const first = recognition.tables.find((t) => t.variant === layout) ?? recognition.tables[0];
  for (const kind of missing) {
    const position = expected.indexOf(kind) + 1;
    out.push(finding(TABLES_RULE, "table-missing", titleCell(first), kind, { layout, position, expected: expected.length, missingCount: missing.length }, lang));
  }
  for (const view of recognition.tables) {
    if (view.variant !== "national" && view.variant !== "sichuan") continue;
    // `empty` means recognition read a note saying the table has no data
    if (view.empty || view.emptyNote || !hasNoFigures(view)) continue;
    out.push(finding(EMPTY_NOTE_RULE, "empty-without-note", titleCell(view), view.kind, {}, lang));
  }
  return out;
}

/** A validation result with the completeness findings added (suppressed ids left out) and the counts updated. */
export function withCompletenessFindings(result: ValidationResult, recognition: RecognitionResult, options: { lang?: Lang; suppressed?: Set<string> } = {}): ValidationResult {
  const extra = completenessFindings(recognition, options.lang).filter((f) => !options.suppressed?.has(f.id));
  if (extra.length === 0) return result;
  return { ...result, findings: [...result.findings, ...extra], counts: { error: result.counts.error, warning: result.counts.warning + extra.length } };
}
