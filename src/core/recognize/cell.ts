/**
 * The CellRef recognition hands out: where the cell is (sheet, address, row, col) as plain own fields, and its text
 * and amount reading worked out on first use. A large workbook has tens of thousands of amount cells and most
 * callers (the rules engine reads values from the snapshot) never ask a number cell for its text or reading, so
 * neither is built up front. The value is captured when the cell is made, so a later mask of the grid does not
 * change what the cell reads. Text and numbers other than finite numbers are read at once (they are few, and
 * recognition reports unreadable ones). The rows of a coded table's subject codes (CodedRow) go one step further:
 * their cells object is made when first read, and the rules engine asks where the cells are (rowPanel) instead.
 */
import { parseAmount, type AmountReading } from "../workbook/amount";
import type { ColumnRole } from "../catalog/vocabulary";
import { toA1, type CellValue } from "../workbook/snapshot";
import type { SheetCells } from "./grid";
import { cellText } from "./normalize";
import type { CellRef, RowView } from "./types";

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

const PANEL = Symbol("panel");
const AT = Symbol("row");
const MASKS = Symbol("masks");
const CELLS = Symbol("cells");

/** The cells of a panel's row as the sheet held them after `masks` masks (recognised cells, read on first use). */
function panelRowCells(panel: PanelColumns, row: number, masks: number): Cells {
  const o: Cells = {};
  const { from, sheet, source, roles, cols } = panel;
  for (let k = 0; k < roles.length; k++) {
    const col = cols[k];
    o[roles[k]] = new RecognizedCell(sheet, columnLetters(col) + (row + 1), row, col, from.valueAsOf(row, col, masks), source);
  }
  return o;
}

/**
 * A subject-code row of a coded table whose `cells` object is built when first read: a large table's rows are
 * mostly only placed by the rules engine, which asks where the cells are (rowPlaces) and reads the values from
 * the snapshot. The row reads the values the sheet held when it was recognised (masks made later do not count).
 * `cells` is a plain object once built; JSON gives the same text, in the same order, as a plain RowView.
 */
export class CodedRow implements RowView {
  key: string;
  kind: "code";
  label: string;
  code: string;
  level: 1 | 2 | 3 | undefined;
  codeSystem: "function" | "economic" | undefined;
  role: RowView["role"];
  sheetRow: number;
  private [PANEL]: PanelColumns;
  private [AT]: number;
  private [MASKS]: number;
  private [CELLS]: Cells | undefined;

  constructor(code: string, label: string, level: 1 | 2 | 3 | undefined, codeSystem: "function" | "economic" | undefined, sheetRow: number, panel: PanelColumns) {
    this.key = code;
    this.kind = "code";
    this.label = label;
    this.code = code;
    this.level = level;
    this.codeSystem = codeSystem;
    this.role = "item";
    this.sheetRow = sheetRow;
    this[PANEL] = panel;
    this[AT] = sheetRow;
    this[MASKS] = panel.from.masks;
    this[CELLS] = undefined;
  }

  /** Cells of this row by column role (built on first use, then kept). */
  get cells(): Cells {
    let c = this[CELLS];
    if (c === undefined) {
      c = panelRowCells(this[PANEL], this[AT], this[MASKS]);
      this[CELLS] = c;
    }
    return c;
  }

  set cells(value: Cells) {
    this[CELLS] = value;
  }

  /** The panel holding the cells while they are not built yet (on the row this row was read from), else undefined. */
  get pendingPanel(): PanelColumns | undefined {
    return this[CELLS] === undefined && this[AT] === this.sheetRow ? this[PANEL] : undefined;
  }

  /** Where the cells sit while they are not built yet, else undefined. */
  get places(): CellPlaces | undefined {
    return this[CELLS] === undefined ? { panel: this[PANEL], row: this[AT] } : undefined;
  }

  /** The cells that are unreadable, building only those while the row's cells are not built. */
  unreadable(): CellRef[] {
    const out: CellRef[] = [];
    if (this[CELLS] !== undefined) {
      for (const k in this[CELLS]) {
        const c = this[CELLS][k as ColumnRole];
        if (c && isUnreadableCell(c)) out.push(c);
      }
      return out;
    }
    const { from, sheet, source, roles, cols } = this[PANEL];
    const row = this[AT];
    for (let k = 0; k < roles.length; k++) {
      const v = from.valueAsOf(row, cols[k], this[MASKS]);
      if (v === null || (typeof v === "number" && Number.isFinite(v))) continue;
      const c = new RecognizedCell(sheet, columnLetters(cols[k]) + (row + 1), row, cols[k], v, source);
      if (c.unreadable) out.push(c);
    }
    return out;
  }

  /** The plain RowView's JSON: own fields in order, `cells` after `sheetRow` where the plain object has it. */
  toJSON(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(this)) {
      o[k] = (this as unknown as Record<string, unknown>)[k];
      if (k === "sheetRow") o.cells = this.cells;
    }
    return o;
  }
}

/** Where a row's cells sit, without building them: the panel's columns (shared by its rows) and the row. */
export interface CellPlaces {
  readonly panel: Readonly<PanelColumns>;
  readonly row: number;
}

/** The places of a row's cells when they have not been built yet, else undefined (read row.cells then). */
export function rowPlaces(row: RowView): CellPlaces | undefined {
  return row instanceof CodedRow ? row.places : undefined;
}

/** The panel of a row whose cells are not built yet (its cells sit in the panel's columns on row.sheetRow). */
export function rowPanel(row: RowView): Readonly<PanelColumns> | undefined {
  return row instanceof CodedRow ? row.pendingPanel : undefined;
}

/** Column roles of a row's cells in order (Object.keys of its cells), without building them. */
export function rowRoles(row: RowView): readonly ColumnRole[] {
  const p = rowPlaces(row);
  return p !== undefined ? p.panel.roles : (Object.keys(row.cells) as ColumnRole[]);
}

/** Cells of the row that are unreadable (isUnreadableCell), in order, without building a lazy row's cells. */
export function unreadableCells(row: RowView): CellRef[] {
  if (row instanceof CodedRow) return row.unreadable();
  const out: CellRef[] = [];
  for (const k in row.cells) {
    const c = row.cells[k as ColumnRole];
    if (c && isUnreadableCell(c)) out.push(c);
  }
  return out;
}

/** The cells of a panel's row built now (item rows and rows printed by name: few, built as they are read). */
export function plainCells(panel: PanelColumns, row: number): Cells {
  return panelRowCells(panel, row, panel.from.masks);
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
