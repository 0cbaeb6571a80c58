/**
 * The one small host interface the add-in talks to. Everything Excel-specific (Office.js proxies, syncs,
 * notes vs comments, custom XML parts) lives behind it, so a second host (WPS 表格's synchronous
 * `Application` model) only has to implement these methods. Types here are plain data.
 */
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import type { Severity } from "../core/rules/types";
import type { AddinState } from "./state";

/** A cell to mark: fill by severity and a note/comment carrying the message. */
export interface CellMark {
  sheet: string;
  /** A1 address of a single cell, e.g. "C12". */
  address: string;
  severity: Severity;
  message: string;
}

/** One row of the report sheet 「校验结果」, already rendered to text/numbers (no host objects). */
export interface ReportRow {
  severity: string;
  rule: string;
  table: string;
  /** Target cell; written as a hyperlink to `'sheet'!address`. */
  sheet: string;
  address: string;
  expected: number | null;
  actual: number | null;
  difference: number | null;
  message: string;
  explained: string;
}

export interface ReportSheet {
  /** Column headers, in the UI language. */
  headers: string[];
  /** First line above the table: the summary ("校验通过：0 个错误，3 个提示"). */
  summary: string;
  rows: ReportRow[];
}

/**
 * Rows to add to the inputs sheet 「说明数据」: the sheet is created when `create`, otherwise the rows go below
 * its used range, so no existing cell is ever written. Text cells are written as text, never as formulas.
 */
export interface InputsSheetEdit {
  sheet: string;
  create: boolean;
  /** Zero-based row and column of the first cell written. */
  row: number;
  col: number;
  /** 项目, 内容, 说明 per row; "" leaves a cell empty for the user to fill in. */
  rows: (string | number)[][];
}

/** Cells changed by the user, as reported by the host's change events. */
export interface CellChange {
  sheet: string;
  /** A1 range address without sheet, e.g. "C12" or "C12:D14". */
  address: string;
}

/** Host-specific abilities that change how marks are written. */
export interface HostCapabilities {
  /** ExcelApi 1.18 notes; otherwise threaded comments are used for the message. */
  notes: boolean;
  /** ExcelApi 1.15 RangeFill.pattern: tells "no fill" from an explicit white fill. */
  fillPattern: boolean;
}

export interface MarkResult {
  marked: number;
}

export interface Host {
  readonly capabilities: HostCapabilities;
  /** Read every sheet's used range (values, number formats, formulas) as one snapshot. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Replace the add-in's marks with `marks`: earlier marks are restored first, originals of new cells are saved
   * in the workbook state, then fills and notes are written. Never touches values or formulas.
   */
  writeMarks(marks: CellMark[]): Promise<MarkResult>;
  /** Restore every marked cell's original fill and note exactly; returns the number of cells restored. */
  clearMarks(): Promise<number>;
  /** Replace the report sheet 「校验结果」 (created if missing); other sheets are never touched. */
  writeReport(report: ReportSheet, activate: boolean): Promise<void>;
  /** Replace the sheet 「情况说明」 with one paragraph per row, as text. */
  writeNarrative(sheetName: string, paragraphs: string[]): Promise<void>;
  /** Create 「说明数据」 or append rows below its content (one sync); never writes over an existing cell. */
  writeInputsSheet(edit: InputsSheetEdit): Promise<void>;
  /** Select (and activate the sheet of) one cell, for "click takes me there". */
  selectCell(sheet: string, address: string): Promise<void>;
  loadState(): Promise<AddinState>;
  saveState(state: AddinState): Promise<void>;
  /** Subscribe to user edits; returns an unsubscribe function. The host drops events caused by its own writes. */
  onChanged(listener: (changes: CellChange[]) => void): Promise<() => Promise<void>>;
}

/** Names of the sheets the add-in owns; their changes never trigger a re-check. */
export const REPORT_SHEET = "校验结果";
export const NARRATIVE_SHEET = "情况说明";
