/**
 * The shape of the application layer's user-facing text. One module per language implements it (zh-CN.ts,
 * en-US.ts), like a validation library's locales: typed values in, words out. Finding messages themselves are
 * rendered by core/i18n; these are the words around them (severity, report, summary, status, explanations).
 */
import type { Severity } from "../../core/rules/types";

/** A file's status for a reviewer: passed, failed, not checked (no 财决 table) or unreadable. */
export type FileStatus = "passed" | "failed" | "unchecked" | "unreadable";

export interface SummaryCounts {
  error: number;
  warning: number;
  explained: number;
  tables: number;
}

export interface AppMessages {
  /** 强制 / 核实. */
  severity(s: Severity): string;
  reportHeaders: string[];
  /** Printed name of a table kind for the report's 表 column. */
  tableName(kind: string, zhName: string | undefined): string;
  /** The one-line verdict above the report and in the pane. */
  summary(c: SummaryCounts): string;
  status(s: FileStatus): string;
  /** 已说明 column: "否", or the reason. */
  explainedCell(reason: string | null): string;
  /** One line of a cell's note: "[强制 T1-a] …". */
  markLine(severity: Severity, rule: string, message: string): string;
  /** 「四舍五入误差允许 ±0.02」. */
  tolerance(tol: string): string;
  difference(value: string): string;
  /** 「另 6 项为 0」 appended to a shortened sum. */
  zeroTerms(n: number): string;
  /** Several findings share one cell: name it. */
  sharedCell(where: string, rules: string[]): string;
  likelyCell(where: string): string;
  explainForbidden: string;
  explainedBy(by: string | undefined, at: string | undefined): string;
  /** Batch summary file columns. */
  summaryColumns: string[];
  /** A narrative built from tables that failed validation. */
  narrativeFromFailedTables(errors: number): string;
  unverifiedTitle: string;
  line(n: number): string;
  /** The sheet already holds edits we did not write. */
  editedSheetKept(sheet: string, next: string): string;
}
