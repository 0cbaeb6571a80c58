/**
 * The CellRef recognition hands out: where the cell is (sheet, address, row, col) as plain own fields, and its text
 * and amount reading worked out on first use. A large workbook has tens of thousands of amount cells and most
 * callers (the rules engine reads values from the snapshot) never ask a number cell for its text or reading, so
 * neither is built up front. The value is captured when the cell is made, so a later mask of the grid does not
 * change what the cell reads. Text and numbers other than finite numbers are read at once (they are few, and
 * recognition reports unreadable ones).
 */
import { parseAmount, type AmountReading } from "../workbook/amount";
import type { ColumnRole } from "../catalog/vocabulary";
import { toA1, type CellValue } from "../workbook/snapshot";
import type { SheetCells } from "./grid";
import { cellText } from "./normalize";
import type { CellRef } from "./types";

/** Where a cell's number format and the table's default decimals come from (one per grid and decimals). */
export interface CellSource {
  /** Number format of a cell, if any. */
  format(row: number, col: number): string | undefined;
  readonly decimals: number;
}

// Symbol keys: not in JSON, Object.keys, for…in or Object.values; an object spread of a cell copies them, which is
// harmless (the copy's text and reading are plain fields then).
const SOURCE = Symbol("source");
const VALUE = Symbol("value");
const READING = Symbol("reading");

/** The reading of every empty cell (shared, frozen: readings are never mutated). */
const BLANK: AmountReading = Object.freeze({ kind: "blank" as const });

/** A recognised cell whose text and reading are computed on first access (see the module comment). */
export class RecognizedCell implements CellRef {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly col: number;
  private readonly [SOURCE]: CellSource;
  private readonly [VALUE]: CellValue;
  /** The reading once known; undefined only for a finite number not yet asked for. */
  private [READING]: AmountReading | undefined;

  constructor(sheet: string, address: string, row: number, col: number, value: CellValue, source: CellSource) {
    this.sheet = sheet;
    this.address = address;
    this.row = row;
    this.col = col;
    this[SOURCE] = source;
    this[VALUE] = value;
    this[READING] = value === null ? BLANK : typeof value === "number" && Number.isFinite(value) ? undefined : parseAmount(value, source.format(row, col), source.decimals);
  }

  /** The raw cell value as text (for messages); empty for an empty cell. */
  get text(): string {
    const v = this[VALUE];
    return v === null ? "" : cellText(v);
  }

  /** The cell read as an amount in the table's own unit. */
  get reading(): AmountReading {
    let r = this[READING];
    if (r === undefined) {
      r = parseAmount(this[VALUE], this[SOURCE].format(this.row, this.col), this[SOURCE].decimals);
      this[READING] = r;
    }
    return r;
  }

  /** True when the reading is blank, without parsing a number (a finite number is never blank). */
  get blank(): boolean {
    const r = this[READING];
    return r !== undefined && r.kind === "blank";
  }

  /** True when the reading is invalid for another reason than an error value (#REF! …), without parsing a number. */
  get unreadable(): boolean {
    const r = this[READING];
    return r !== undefined && r.kind === "invalid" && r.reason !== "error-value";
  }

  /** The same JSON as the plain CellRef it stands for, fields in the same order. */
  toJSON(): CellRef {
    return { sheet: this.sheet, address: this.address, row: this.row, col: this.col, text: this.text, reading: this.reading };
  }
}

/** True when the cell reads as blank (cheap for a recognised cell). */
export function isBlankCell(c: CellRef): boolean {
  return c instanceof RecognizedCell ? c.blank : c.reading.kind === "blank";
}

/** True when the cell cannot be read as an amount and is not an error value (cheap for a recognised cell). */
export function isUnreadableCell(c: CellRef): boolean {
  if (c instanceof RecognizedCell) return c.unreadable;
  const r = c.reading;
  return r.kind === "invalid" && r.reason !== "error-value";
}

/** The amount columns of one panel of a coded table: the same for every row of the panel. */
export interface PanelColumns {
  /** The sheet's values (not the Grid: a result keeps no text caches alive). */
  from: SheetCells;
  sheet: string;
  source: CellSource;
  roles: readonly ColumnRole[];
  cols: readonly number[];
}

type Cells = Partial<Record<ColumnRole, CellRef>>;

/** What a lazy row of cells knows until someone looks at it: the panel, the row and the grid's masks then. */
interface Pending {
  panel: PanelColumns;
  row: number;
  masks: number;
  real: Cells | undefined;
}

const PENDING = Symbol("pending cells");

function realCells(p: Pending): Cells {
  let o = p.real;
  if (o === undefined) {
    o = {};
    const { from, sheet, source, roles, cols } = p.panel;
    for (let k = 0; k < roles.length; k++) {
      const col = cols[k];
      o[roles[k]] = new RecognizedCell(sheet, columnLetters(col) + (p.row + 1), p.row, col, from.valueAsOf(p.row, col, p.masks), source);
    }
    p.real = o;
  }
  return o;
}

// Every operation on the row's cells object is done on the plain object built on first use, so reading, listing,
// deleting, JSON and toEqual see exactly what an eagerly built object would hold.
const handler: ProxyHandler<Pending> = {
  get: (p, key) => (key === PENDING ? p : Reflect.get(realCells(p), key)),
  set: (p, key, value) => Reflect.set(realCells(p), key, value),
  has: (p, key) => Reflect.has(realCells(p), key),
  deleteProperty: (p, key) => Reflect.deleteProperty(realCells(p), key),
  ownKeys: (p) => Reflect.ownKeys(realCells(p)),
  getOwnPropertyDescriptor: (p, key) => Reflect.getOwnPropertyDescriptor(realCells(p), key),
  defineProperty: (p, key, d) => Reflect.defineProperty(realCells(p), key, d),
};

/**
 * The cells of one row of a panel, built when first used (a row of a large coded table is mostly only placed by
 * the rules engine, which reads where its cells are, see cellPlaces). Values are read as the grid held them now.
 * Not structured-cloneable (like the recognised cells themselves): results cross threads as JSON or compact data.
 */
export function lazyCells(panel: PanelColumns, row: number): Cells {
  const p: Pending = { panel, row, masks: panel.from.masks, real: undefined };
  return new Proxy(p, handler) as unknown as Cells;
}

/** Where a row's cells sit, without building them: the panel's columns (shared by its rows) and the row. */
export interface CellPlaces {
  readonly panel: Readonly<PanelColumns>;
  readonly row: number;
}

/** The places of a row's cells when they have not been built yet, else undefined (read the cells then). */
export function cellPlaces(cells: Cells): CellPlaces | undefined {
  const p = (cells as { [PENDING]?: Pending })[PENDING];
  return p === undefined || p.real !== undefined ? undefined : p;
}

/** Column roles of a row's cells in order (Object.keys of the cells), without building lazy ones. */
export function cellRoles(cells: Cells): readonly ColumnRole[] {
  const p = (cells as { [PENDING]?: Pending })[PENDING];
  if (p !== undefined && p.real === undefined) return p.panel.roles;
  return Object.keys(cells) as ColumnRole[];
}

/** Cells of the row that are unreadable (isUnreadableCell), in order, building only those of lazy rows. */
export function unreadableCells(cells: Cells): CellRef[] {
  const out: CellRef[] = [];
  const p = (cells as { [PENDING]?: Pending })[PENDING];
  if (p !== undefined && p.real === undefined) {
    const { from, sheet, source, roles, cols } = p.panel;
    for (let k = 0; k < roles.length; k++) {
      const v = from.valueAsOf(p.row, cols[k], p.masks);
      if (v === null || (typeof v === "number" && Number.isFinite(v))) continue;
      const c = new RecognizedCell(sheet, columnLetters(cols[k]) + (p.row + 1), p.row, cols[k], v, source);
      if (c.unreadable) out.push(c);
    }
    return out;
  }
  for (const k in cells) {
    const c = cells[k as ColumnRole];
    if (c && isUnreadableCell(c)) out.push(c);
  }
  return out;
}

const letters: string[] = [];

/** Column letters of a zero-based column ("A", "AB"), cached: toA1 without the per-cell string building. */
export function columnLetters(col: number): string {
  let l = letters[col];
  if (l === undefined) {
    l = toA1(0, col).slice(0, -1);
    letters[col] = l;
  }
  return l;
}
