/**
 * The workbook snapshot: the one host-free value every adapter (the Office add-in, the .xlsx reader, tests) produces
 * and the only thing the core reads. Plain data, JSON-serialisable, no host objects.
 */

/** A cell value as the host reports it. Excel error values are kept as their text, e.g. "#REF!". */
export type CellValue = string | number | boolean | null;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSnapshot {
  /** Sheet (tab) name, untrusted text. */
  name: string;
  visibility: SheetVisibility;
  /** Zero-based row and column of the used range's top-left cell (values[0][0]). */
  origin: { row: number; col: number };
  /**
   * Grid of the used range, row-major. Empty cells are null. A row may be shorter than the range is wide (a reader
   * leaves out the trailing empty cells of a sparse sheet, so that one far cell does not cost a grid the size of
   * the sheet): read through cellAt / formatAt, which treat missing cells as empty.
   */
  values: CellValue[][];
  /** Number formats, same shape as values, where the host gives them ("General", "#,##0.00", …). */
  numberFormats?: (string | null)[][];
  /** Formulas ("=SUM(B3:B9)") or null for constants, same shape as values, where the host gives them. */
  formulas?: (string | null)[][];
  /** Merged ranges as zero-based absolute inclusive coordinates, where the host gives them. */
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /** Zero-based absolute indexes of hidden rows, where the host gives them. */
  hiddenRows?: number[];
}

export interface WorkbookSnapshot {
  /** Name of the file or workbook, for messages only. */
  name?: string;
  sheets: SheetSnapshot[];
}

/** Column letters of a zero-based column ("A" for 0, "AA" for 26). The one A1 encoder of the project. */
export function columnLetters(col: number): string {
  let c = col + 1;
  let letters = "";
  while (c > 0) {
    const rem = (c - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return letters;
}

/** One-based column number of column letters ("A" → 1, "XFD" → 16384), case-insensitive. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

/** Convert zero-based (row, col) to an A1 address such as "C12". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Parse an A1 address ("C12", "$C$12") to zero-based (row, col); undefined when malformed or outside a sheet
 * (row 1,048,576, column XFD). The one A1 decoder of the project.
 */
export function fromA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1 || row > 1_048_576 || col > 16_384) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** Value of the cell at absolute zero-based (row, col), or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? line[c] : null;
}

/** Number format of the cell at absolute zero-based (row, col), if known. */
export function formatAt(sheet: SheetSnapshot, row: number, col: number): string | undefined {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  const f = sheet.numberFormats?.[r]?.[c];
  return f ?? undefined;
}
