/** What recognition produces: table views that answer "value at (row, column role)" with the source cell. */
import type { AmountReading } from "../workbook/amount";
import type { ColumnRole, RowItemKey, TableKind, Unit } from "../catalog/vocabulary";
import type { SheetVisibility } from "../workbook/snapshot";

/**
 * One source cell of a recognised table. recognize() hands out RecognizedCell objects (./cell) that work out `text`
 * and `reading` on first use, and the cells of a large coded table's rows are built when a row's `cells` is first
 * read; JSON, object spreads and for…in see the plain fields. Send results across threads as JSON, not by
 * structuredClone (which would drop the computed fields or refuse the lazy rows).
 */
export interface CellRef {
  sheet: string;
  /** A1 address, e.g. "C12". */
  address: string;
  /** Zero-based absolute row and column. */
  row: number;
  col: number;
  /** The raw cell value as text (for messages); empty for an empty cell. */
  text: string;
  /** The cell read as an amount in the table's own unit. */
  reading: AmountReading;
}

/** A recognised row: either a fixed item (key from ROW_ITEMS) or a subject-code row (key = the code). */
export interface RowView {
  /** RowItemKey, or a subject code such as "201", "20103", "2010301", "301", "30101". */
  key: RowItemKey | string;
  kind: "item" | "code";
  /** Label as printed, trimmed (untrusted text). */
  label: string;
  /** Subject code when kind = "code". */
  code?: string;
  /** 1 = 类 (3 digits), 2 = 款 (5), 3 = 项 (7); economic codes: 1 = 3 digits, 2 = 5 digits. */
  level?: 1 | 2 | 3;
  codeSystem?: "function" | "economic";
  role: "item" | "subtotal" | "total";
  /** Zero-based absolute sheet row of the label (for a two-sided table, the side is in `side`). */
  sheetRow: number;
  side?: "income" | "expenditure";
  /** 行次 printed on the row (MOF sheets), if any. */
  lineNo?: number;
  /** Cells of this row by column role. */
  cells: Partial<Record<ColumnRole, CellRef>>;
}

export interface ColumnView {
  role: ColumnRole;
  /** Header text as printed (joined over merged header rows). */
  header: string;
  /** Zero-based absolute column. */
  col: number;
  side?: "income" | "expenditure";
}

export interface TableView {
  kind: TableKind;
  /** Catalogue variant id that matched, e.g. "national", "sichuan", "mof-Z03". */
  variant: string;
  sheet: string;
  /** Visibility of the sheet the table sits on (hidden sheets are read too, and said so in the report). */
  sheetVisibility?: SheetVisibility;
  title: string;
  unit: Unit;
  /** True when the unit was read from the sheet (「单位：万元」), false when it is the variant's default. */
  unitStated?: boolean;
  /** Default display decimals of the table (2 for 万元 and 元 tables). */
  decimals: number;
  year?: number;
  /** 0..1: how sure recognition is that this is the table. */
  confidence: number;
  /** Zero-based absolute rows spanned by the table body (header to last data row). */
  range: { top: number; left: number; bottom: number; right: number };
  columns: ColumnView[];
  rows: RowView[];
  /** True when the table is present but states it has no data (e.g. 本表无数据). */
  empty: boolean;
  /**
   * The sentence saying so (「说明：本单位本年度没有……，故本表无数据。」) and its cell: in the first data row, a row
   * merged across the table, a 注/说明 line below it, or the title. Absent when the table is empty without a note.
   */
  emptyNote?: { text: string; sheet: string; address: string };
  /** Catalogue items and column roles expected but not found. */
  missingRows: string[];
  missingColumns: ColumnRole[];
  /** Labels of rows that could not be placed (untrusted text) with their sheet rows. */
  unplacedRows: { label: string; sheetRow: number }[];
}

/** A problem met while reading (unreadable cells, ambiguous tables…), rendered later by i18n. */
export interface RecognitionIssue {
  code: "unreadable-cell" | "missing-column" | "missing-row" | "unplaced-row" | "ambiguous-table" | "no-tables" | "duplicate-table" | "unit-unknown"
    /** The sheet continues the table of sheet `detail` (PDF page split); its rows were merged into that view. */
    | "continued-table"
    /** A subject name cut short (line wrap) was completed from the code book: `text` as printed, `detail` = 「code name」. */
    | "name-from-code-book";
  sheet?: string;
  address?: string;
  text?: string;
  kind?: TableKind;
  detail?: string;
}

export interface RecognitionResult {
  tables: TableView[];
  /** Sheets that were not recognised as any 财决 table (ignored), with the reason. */
  ignoredSheets: { sheet: string; reason: string }[];
  issues: RecognitionIssue[];
  /** Year found in titles / cover, if any. */
  year?: number;
  /** Unit name found on a cover or title, if any (untrusted text). */
  unitName?: string;
  /** Where `year` was read (a table title, a 编制单位 header line, a cover sheet, a sheet or file name, the caller). */
  yearSource?: MetaSource;
  /** Where `unitName` was read. */
  unitNameSource?: MetaSource;
}

/** Where a unit name or year was read. */
export type MetaSource = "option" | "header-line" | "title" | "cover" | "sheet-name" | "file-name";

/** Convenience: find the first table of a kind. */
export function tableOf(result: RecognitionResult, kind: TableKind): TableView | undefined {
  return result.tables.find((t) => t.kind === kind);
}

/** Convenience: the cell at (row key, column role) of a view. */
export function cellOf(view: TableView, rowKey: string, role: ColumnRole): CellRef | undefined {
  for (const r of view.rows) if (r.key === rowKey) return r.cells[role];
  return undefined;
}
