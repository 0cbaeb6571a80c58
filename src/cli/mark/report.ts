/**
 * What the marked copy shows: the rows of its 「校验结果」 sheet and the mark (fill + note) of each finding cell.
 * One function each, so the rows can come from the use-case layer shared with the add-in once it exists; until
 * then they follow the add-in's report (src/excel/session.ts reportOf): the same columns, a summary line on top,
 * the table's printed name, a link from the 单元格 column to the cell.
 */
import type { Lang } from "../../core/i18n/lang";
import type { Finding } from "../../core/rules/types";
import { TABLE_KINDS } from "../../core/catalog/vocabulary";
import type { CellMarkEdit } from "../xlsx/package/edit";
import type { TableSheet } from "../xlsx/package/report-sheet";

export const REPORT_SHEET = "校验结果";
/** Fills, as the add-in paints them (src/excel/officeHost.ts MARK_FILL): light red 强制, amber 核实. */
export const MARK_FILL = { error: "FFFFC7CE", warning: "FFFFEB9C" } as const;
/** Opening of every note the checker writes, as the add-in writes it, so a person can tell ours from theirs. */
export const MARK_PREFIX = "【财决助手】";
export const NOTE_AUTHOR = "财决助手";
const MAX_NOTE = 2000;

const HEADERS = {
  "zh-CN": ["级别", "规则", "表", "单元格", "期望", "实际", "差额", "说明", "已说明"],
  "en-US": ["Severity", "Rule", "Table", "Cell", "Expected", "Actual", "Difference", "Message", "Explained"],
};
const WIDTHS = [8, 10, 16, 22, 14, 14, 12, 70, 10];

export function severityWord(severity: Finding["severity"], lang: Lang): string {
  if (lang === "en-US") return severity === "error" ? "error" : "warning";
  return severity === "error" ? "强制" : "核实";
}

/** The table's printed name (as the add-in writes it), not the internal kind code. */
export function reportTableName(kind: string | undefined, lang: Lang): string {
  if (!kind) return "";
  const zh = (TABLE_KINDS as Record<string, string>)[kind];
  return zh ? (lang === "en-US" ? `${kind} ${zh}` : zh) : kind;
}

export interface ReportContext {
  /** Number of 决算 tables recognised; 0 means nothing was checked, which the summary must say. */
  tables: number;
}

/** The summary line above the report table. */
export function summaryLine(findings: Finding[], lang: Lang, ctx: ReportContext): string {
  const e = findings.filter((f) => f.severity === "error").length;
  const w = findings.length - e;
  if (ctx.tables === 0) {
    return lang === "en-US" ? "No final-accounts tables were recognised; nothing was checked." : "未识别到任何财决表格，未执行校验。请确认工作簿包含决算报表。";
  }
  if (lang === "en-US") return `${e === 0 ? "Validation passed" : "Validation failed"}: ${e} errors, ${w} warnings`;
  return `${e === 0 ? "校验通过" : "校验未通过"}：强制 ${e} 项，核实 ${w} 项`;
}

/** Rows of the report sheet, one per finding, 强制 first as reported. */
export function reportTable(findings: Finding[], lang: Lang, ctx: ReportContext): TableSheet {
  return {
    title: summaryLine(findings, lang, ctx),
    headers: HEADERS[lang],
    widths: WIDTHS,
    rows: findings.map((f) => ({
      cells: [
        severityWord(f.severity, lang),
        f.rule,
        reportTableName(f.table, lang),
        `${f.target.sheet}!${f.target.address}`,
        f.expected ?? null,
        f.actual ?? null,
        f.difference ?? null,
        f.message,
        "",
      ],
      link: { col: 3, sheet: f.target.sheet, address: f.target.address },
      fill: MARK_FILL[f.severity],
    })),
  };
}

/** One mark per cell: 强制 wins over 核实, the messages of the cell are joined into one note. */
export function cellMarks(findings: Finding[], lang: Lang): CellMarkEdit[] {
  const byCell = new Map<string, { sheet: string; address: string; error: boolean; lines: string[] }>();
  for (const f of findings) {
    const key = `${f.target.sheet}\u0000${f.target.address.replace(/\$/g, "").toUpperCase()}`;
    const m = byCell.get(key) ?? { sheet: f.target.sheet, address: f.target.address, error: false, lines: [] };
    m.error ||= f.severity === "error";
    const line = `${severityWord(f.severity, lang)} ${f.rule}${lang === "en-US" ? ": " : "："}${f.message}`;
    if (!m.lines.includes(line)) m.lines.push(line);
    byCell.set(key, m);
  }
  return [...byCell.values()].map((m) => {
    const text = MARK_PREFIX + m.lines.join("\n");
    return {
      sheet: m.sheet,
      address: m.address,
      fill: m.error ? MARK_FILL.error : MARK_FILL.warning,
      note: text.length > MAX_NOTE ? text.slice(0, MAX_NOTE - 1) + "…" : text,
    };
  });
}
