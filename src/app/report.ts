/**
 * What a host writes for a check: the rows of the report sheet 「校验结果」 and one mark per cell. Plain data in
 * the chosen language; the Office.js host and the CLI's xlsx writer only translate them into their API.
 */
import { TABLE_KINDS } from "../core/catalog/vocabulary";
import type { Lang } from "../core/i18n/lang";
import type { Finding, Severity } from "../core/rules/types";
import type { CheckOutcome } from "./check";
import { appMessages } from "./i18n/index";
import type { Explanation } from "./state";

/** One row of the report sheet, already rendered to text/numbers (no host objects). */
export interface ReportRow {
  /** 强制 / 核实. */
  severity: string;
  /** The finding's severity, for the row's colour. */
  level: Severity;
  rule: string;
  table: string;
  /** Target cell; written as an internal link to `'sheet'!address`. */
  sheet: string;
  address: string;
  expected: number | null;
  actual: number | null;
  difference: number | null;
  message: string;
  /** 已说明 column: "否" or "是：<reason>". */
  explained: string;
  /** The finding's stable id (what `caijue explain` and the pane's 标记为已说明 key on). */
  id: string;
}

export interface ReportSheet {
  /** Column headers, in the language asked for. */
  headers: string[];
  /** First line above the table: the summary ("校验通过：强制 0 项，核实 3 项"). */
  summary: string;
  rows: ReportRow[];
}

/** A cell to mark: fill by severity and a note carrying every message of the cell. */
export interface CellMark {
  sheet: string;
  /** A1 address of a single cell, e.g. "C12". */
  address: string;
  severity: Severity;
  message: string;
}

/** The table's printed name (收入支出决算总表), not the internal kind code. */
export function tableName(kind: string | undefined, lang: Lang): string {
  if (!kind) return "";
  return appMessages(lang).tableName(kind, (TABLE_KINDS as Record<string, string>)[kind]);
}

/** 强制 / 核实 (Error / Warning). */
export function severityWord(severity: Severity, lang: Lang): string {
  return appMessages(lang).severity(severity);
}

function row(f: Finding, explanation: Explanation | null, lang: Lang): ReportRow {
  const m = appMessages(lang);
  return {
    severity: m.severity(f.severity),
    level: f.severity,
    rule: f.rule,
    table: tableName(f.table, lang),
    sheet: f.target.sheet,
    address: f.target.address,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    difference: f.difference ?? null,
    message: f.message,
    explained: m.explainedCell(explanation ? explanation.reason : null),
    id: f.id,
  };
}

/** The report: open findings first (in engine order), then the explained ones with their reason. */
export function reportRows(outcome: CheckOutcome, lang: Lang = outcome.lang): ReportSheet {
  return {
    headers: appMessages(lang).reportHeaders,
    summary: lang === outcome.lang ? outcome.summary : appMessages(lang).summary(outcome.counts),
    rows: [...outcome.active.map((f) => row(f, null, lang)), ...outcome.explained.map((e) => row(e.finding, e.explanation, lang))],
  };
}

/**
 * One mark per cell for the open findings: 强制 wins over 核实, the messages of the cell are joined one per
 * line as "[强制 T1-a] …". Explained findings are not marked.
 */
export function cellMarks(outcome: Pick<CheckOutcome, "active">, lang: Lang): CellMark[] {
  const m = appMessages(lang);
  const byCell = new Map<string, CellMark>();
  for (const f of outcome.active) {
    const key = `${f.target.sheet}\u0000${f.target.address}`;
    const line = m.markLine(f.severity, f.rule, f.message);
    const prev = byCell.get(key);
    if (!prev) byCell.set(key, { sheet: f.target.sheet, address: f.target.address, severity: f.severity, message: line });
    else {
      if (f.severity === "error") prev.severity = "error";
      prev.message = `${prev.message}\n${line}`;
    }
  }
  return [...byCell.values()];
}

/** `'Sheet name'!A1`, quoting as Excel does (a quote inside the name is doubled). */
export function qualifiedAddress(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
