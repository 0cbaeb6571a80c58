/**
 * The one small host interface the add-in talks to. Everything Excel-specific (Office.js proxies, syncs,
 * notes vs comments, custom XML parts) lives behind it, so a second host (WPS 表格's synchronous
 * `Application` model) only has to implement these methods. Types here are plain data; what to write
 * (report rows, cell marks, the state) is decided once in src/app.
 */
import type { WorkbookSnapshot, CellValue } from "../core/workbook/snapshot";
import type { CellMark, ReportSheet } from "../app/report";
import type { WorkbookState } from "../app/state";
import { NARRATIVE_SHEET, REPORT_SHEET } from "../app/check";

export type { CellMark, ReportRow, ReportSheet } from "../app/report";

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

/** A rectangle of one sheet to re-read (zero-based). */
export interface CellBox {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Fresh content of a CellBox. */
export interface CellBoxContent extends CellBox {
  values: CellValue[][];
  numberFormats: (string | null)[][];
  formulas: (string | null)[][];
}

/** Host-specific abilities that change how marks are written. */
export interface HostCapabilities {
  /** ExcelApi 1.18 notes; otherwise threaded comments are used for the message. */
  notes: boolean;
  /** ExcelApi 1.15 RangeFill.pattern: tells "no fill" from an explicit white fill. */
  fillPattern: boolean;
  /** ExcelApi 1.13 Range.getMergedAreasOrNullObject: merged header cells (absent = supported). */
  mergedAreas?: boolean;
}

export interface MarkResult {
  marked: number;
  /** Cells given back their original fill and note. */
  restored: number;
}

/** Everything one validation writes, in one Excel.run. `null` leaves that part as it is. */
export interface ResultsWrite {
  marks: CellMark[] | null;
  report: ReportSheet | null;
  activateReport: boolean;
  /** Settings and explanations to store (the marks' originals are filled in by the host). */
  state?: WorkbookState;
  /**
   * This write follows the caller's read (readWorkbook or readCells) in the same operation, with nothing
   * written in between: the host may use what that read saw of the cells it marked (their current notes)
   * instead of looking again. Leave it out for a write that is not right after a read.
   */
  afterRead?: boolean;
}

/** Text paragraphs for our narrative sheet; `sheet` is the sheet to write (planned by src/app/narrative). */
export interface NarrativeWrite {
  sheet: string;
  /** Replace this existing sheet's content (only when it holds nothing the user wrote). */
  replace: boolean;
  paragraphs: string[];
  /** State to store alongside (records what was written, to tell the user's later edits from ours). */
  state: WorkbookState;
}

export interface Host {
  readonly capabilities: HostCapabilities;
  /**
   * Every sheet's used range (values, number formats, formulas) and our state part, in one round trip; a host
   * may read in the same trip what a following writeResults needs of the cells it marked (see `afterRead`).
   */
  readWorkbook(): Promise<{ snapshot: WorkbookSnapshot; state: WorkbookState }>;
  /** Every sheet's used range as one snapshot (same round trip as readWorkbook). */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Fresh content of a few boxes of cells, in one round trip (a live re-check reads only these; see `afterRead`). */
  readCells(boxes: CellBox[]): Promise<CellBoxContent[]>;
  /**
   * Marks, report sheet and state in one Excel.run: earlier marks no longer wanted are restored, originals of
   * new cells are saved in the state, then fills and notes are written. Never touches values or formulas.
   */
  writeResults(write: ResultsWrite): Promise<MarkResult>;
  /** Replace the add-in's marks with `marks` (writeResults with marks only). */
  writeMarks(marks: CellMark[]): Promise<MarkResult>;
  /** Restore every marked cell's original fill and note exactly; returns the number of cells restored. */
  clearMarks(): Promise<number>;
  /** Replace the report sheet 「校验结果」 (created if missing); other sheets are never touched. */
  writeReport(report: ReportSheet, activate: boolean): Promise<void>;
  /** Write narrative paragraphs as text into the planned sheet, with the state, in one batch. */
  writeNarrative(write: NarrativeWrite): Promise<void>;
  /** Create 「说明数据」 or append rows below its content (one sync); never writes over an existing cell. */
  writeInputsSheet(edit: InputsSheetEdit): Promise<void>;
  /** Select (and activate the sheet of) one cell, or several cells of one sheet, for "click takes me there". */
  selectCells(sheet: string, addresses: string[]): Promise<void>;
  loadState(): Promise<WorkbookState>;
  saveState(state: WorkbookState): Promise<void>;
  /** Subscribe to user edits; returns an unsubscribe function. The host drops events caused by its own writes. */
  onChanged(listener: (changes: CellChange[]) => void): Promise<() => Promise<void>>;
}

/** Names of the sheets the add-in owns; their changes never trigger a re-check. */
export { NARRATIVE_SHEET, REPORT_SHEET };
