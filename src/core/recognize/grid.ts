/**
 * Read-only access to one sheet in absolute coordinates, with normalised text cached per cell and merged
 * ranges resolvable for header rows. Every reader of a sheet in recognition goes through this.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot";
import { cellText } from "./normalize";
import type { CellSource } from "./cell";
import type { CellRef } from "./types";
import { matchText, rowLabelKey } from "../text/keys";

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The values and number formats of a sheet with the cells recognition masked: what the recognised cells read
 * from, kept apart from the Grid so that a recognition result does not hold on to the Grid's text caches.
 */
export class SheetCells {
  readonly name: string;
  private readonly rows: readonly CellValue[][];
  private readonly formats: SheetSnapshot["numberFormats"];
  private readonly top: number;
  private readonly left: number;
  /** Cells read as blank although they hold text (a table's 「本表无数据」 note): row*16384+col → order of masking. */
  masked: Map<number, number> | undefined;
  private readonly sources: CellSource[] = [];

  constructor(sheet: SheetSnapshot, rows: readonly CellValue[][], top: number, left: number) {
    this.name = sheet.name;
    this.rows = rows;
    this.formats = sheet.numberFormats;
    this.top = top;
    this.left = left;
  }

  /** Number of cells masked so far. */
  get masks(): number {
    return this.masked === undefined ? 0 : this.masked.size;
  }

  /** The value as it read when `masks` cells had been masked (cells masked later read as before); null outside. */
  valueAsOf(row: number, col: number, masks: number): CellValue {
    const line = this.rows[row - this.top];
    if (!Array.isArray(line)) return null;
    const v = line[col - this.left];
    if (v === undefined) return null;
    if (this.masked === undefined || v === null) return v;
    const at = this.masked.get(row * 16384 + col);
    return at !== undefined && at < masks ? null : v;
  }

  format(row: number, col: number): string | undefined {
    const line = this.formats?.[row - this.top];
    const f = Array.isArray(line) ? line[col - this.left] : undefined;
    return typeof f === "string" ? f : undefined;
  }

  /** Number formats and default decimals for the cells read with these decimals (one object per decimals). */
  source(decimals: number): CellSource {
    let s = this.sources[decimals];
    if (s === undefined) {
      s = { decimals, format: (row, col) => this.format(row, col) };
      this.sources[decimals] = s;
    }
    return s;
  }
}

/** A sheet with cached normalised text. Coordinates are zero-based absolute rows/columns. */
export class Grid {
  readonly sheet: SheetSnapshot;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** norm() and label() of each cell by row offset, at 2·(column offset) and the slot after (filled as asked). */
  private readonly texts: ((string | undefined)[] | undefined)[];
  private readonly merges: Merge[];
  /** Cells made by makeCell, by decimals, then by row offset, then by column offset. */
  private readonly made: (CellRef | undefined)[][][] = [];
  /** What recognised cells read from (values, formats, masks). */
  readonly cells: SheetCells;
  private readonly width: number;
  private readonly height: number;
  private readonly rows: readonly CellValue[][];
  /** Rows holding a masked cell. */
  private maskedRows: Set<number> | undefined;

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    const values = Array.isArray(sheet.values) ? sheet.values : [];
    this.rows = values;
    let width = 0;
    for (const line of values) if (Array.isArray(line) && line.length > width) width = line.length;
    const origin = sheet.origin ?? { row: 0, col: 0 };
    this.top = origin.row;
    this.left = origin.col;
    this.bottom = origin.row + values.length - 1;
    this.right = origin.col + width - 1;
    this.merges = Array.isArray(sheet.merges) ? sheet.merges : [];
    this.width = width;
    this.height = values.length;
    this.cells = new SheetCells(sheet, values, this.top, this.left);
    this.texts = [];
  }

  get isEmpty(): boolean {
    return this.bottom < this.top || this.right < this.left;
  }

  /** Raw value at (row, col); null outside the used range. */
  /** The raw values of one absolute row (undefined outside the used range or when malformed). */
  line(row: number): readonly CellValue[] | undefined {
    const l = this.rows[row - this.top];
    return Array.isArray(l) ? l : undefined;
  }

  value(row: number, col: number): CellValue {
    const line = this.rows[row - this.top];
    if (!Array.isArray(line)) return null;
    const v = line[col - this.left];
    if (v === undefined) return null;
    const masked = this.cells.masked;
    return masked !== undefined && v !== null && masked.has(row * 16384 + col) ? null : v;
  }

  /**
   * Read a cell as blank from now on: a table's 「本表无数据」 note is kept apart (TableView.emptyNote), never read as
   * a header, a label or an amount. Cached derivations of the cell are dropped.
   */
  mask(row: number, col: number): void {
    const key = row * 16384 + col;
    const masked = (this.cells.masked ??= new Map());
    if (!masked.has(key)) masked.set(key, masked.size);
    (this.maskedRows ??= new Set()).add(row);
    const texts = this.texts[row - this.top];
    if (texts) {
      texts[2 * (col - this.left)] = undefined;
      texts[2 * (col - this.left) + 1] = undefined;
    }
    for (const byRow of this.made) {
      const line = byRow?.[row - this.top];
      if (line) line[col - this.left] = undefined;
    }
  }

  /** True when the cell was masked by mask(). */
  isMasked(row: number, col: number): boolean {
    return this.cells.masked !== undefined && this.cells.masked.has(row * 16384 + col);
  }

  format(row: number, col: number): string | undefined {
    return this.cells.format(row, col);
  }

  /** matchText of the cell (cached). */
  norm(row: number, col: number): string {
    const line = this.cacheLine(row, col);
    if (line === undefined) return "";
    const c = col - this.left;
    let s = line[2 * c];
    if (s === undefined) {
      const v = this.value(row, col);
      s = v === null ? "" : matchText(cellText(v));
      line[2 * c] = s;
    }
    return s;
  }

  /**
   * The text cache of a row: sized for the row's values when the row is short, else grown as cells are asked for
   * (a sparse array for a far column), so memory follows the cells present.
   */
  private textLine(r: number): (string | undefined)[] {
    const n = this.rows[r]?.length ?? 0;
    return n <= 64 ? new Array<string | undefined>(2 * n).fill(undefined) : [];
  }

  /** The text cache of the cell's row; undefined outside the used range or past the row's values (an empty cell). */
  private cacheLine(row: number, col: number): (string | undefined)[] | undefined {
    const r = row - this.top;
    const c = col - this.left;
    if (r < 0 || c < 0 || r >= this.height || c >= (this.rows[r]?.length ?? 0)) return undefined;
    let line = this.texts[r];
    if (line === undefined) {
      line = this.textLine(r);
      this.texts[r] = line;
    }
    return line;
  }

  /** rowLabelKey of the cell (cached): numbering and 其中 stripped. */
  label(row: number, col: number): string {
    const line = this.cacheLine(row, col);
    if (line === undefined) return "";
    const c = col - this.left;
    let s = line[2 * c + 1];
    if (s === undefined) {
      const v = this.value(row, col);
      s = typeof v === "string" ? rowLabelKey(v) : v === null ? "" : matchText(cellText(v));
      line[2 * c + 1] = s;
    }
    return s;
  }

  /** The cell made earlier at (row, col) with these decimals (inside the used range), if any. */
  cachedCell(decimals: number, row: number, col: number): CellRef | undefined {
    return this.made[decimals]?.[row - this.top]?.[col - this.left];
  }

  /** Keep a cell made at (row, col) with these decimals; false (not kept) outside the used range. */
  keepCell(decimals: number, row: number, col: number, cell: CellRef): boolean {
    const r = row - this.top;
    const c = col - this.left;
    if (r < 0 || c < 0 || r >= this.height || c >= this.width) return false;
    const byRow = (this.made[decimals] ??= []);
    (byRow[r] ??= [])[c] = cell;
    return true;
  }

  /** True when the row holds no value at all. */
  rowIsBlank(row: number): boolean {
    const line = this.rows[row - this.top];
    if (!Array.isArray(line)) return true;
    if (this.maskedRows !== undefined && this.maskedRows.has(row)) {
      for (let c = this.left; c <= this.right; c++) {
        const v = this.value(row, c);
        if (v !== null && !(typeof v === "string" && v.trim() === "")) return false;
      }
      return true;
    }
    for (let i = 0; i < line.length; i++) {
      const v = line[i];
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
    }
    return true;
  }

  /** Merged range covering (row, col), if any. */
  mergeAt(row: number, col: number): Merge | undefined {
    for (const m of this.merges) {
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** Merges that intersect the rows [top, bottom] (for header blocks). */
  mergesInRows(top: number, bottom: number): Merge[] {
    return this.merges.filter((m) => m.bottom >= top && m.top <= bottom);
  }
}
