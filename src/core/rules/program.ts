/**
 * The compiled program as data: its cells (CellLayout) and checks (CheckTable) in typed parallel arrays, with the
 * ProgramCell / Check objects made on demand, and the lookups evaluation and re-checking use.
 */
import type { ColumnRole, TableKind } from "../catalog/vocabulary";
import type { CellRef, RowView, TableView } from "../recognize/types";
import type { ComparisonOp } from "./interval";
import type { RuleSpec } from "./rule";
import type { Finding, RuleError, SkippedRule } from "./types";

export interface ProgramCell {
  sheet: string;
  address: string;
  row: number;
  col: number;
  table: TableKind;
  /** The table's display decimals (a blank cell is 0 at this precision). */
  decimals: number;
  /** 4 for a 元 table (value × 10^-4 gives 万元), 0 for 万元. */
  unitShift: number;
  /** Known non-negative (some rule says `cell >= 0`): a displayed 0 then stands for [0, h). */
  clip: boolean;
  /** The cell as recognised (its text/reading at recognition time), and where it sits in its view. */
  ref: CellRef;
  view: TableView;
  rowView: RowView;
  role: ColumnRole;
}

/** Row label · column header of a program cell, for messages (built only when a finding needs it). */
export function cellLabel(c: ProgramCell): string {
  let many = 0;
  for (const k in c.rowView.cells) if (c.rowView.cells[k as ColumnRole]) many++;
  if (many <= 1) return c.rowView.label;
  const side = c.rowView.side;
  const col = c.view.columns.find((x) => x.role === c.role && (!side || !x.side || x.side === side));
  return `${c.rowView.label}·${col?.header ?? c.role}`;
}

export type CheckCode = Extract<Finding["code"], "sum-mismatch" | "not-equal" | "not-less-or-equal" | "not-greater-or-equal" | "negative" | "not-empty">;

/** One elementary comparison: Σ left terms op Σ right terms. A term with cell −1 is the constant weight·10^-wexp. */
export interface Check {
  /** Index into program.rules. */
  rule: number;
  op: ComparisonOp;
  code: CheckCode;
  cells: number[];
  /** Integer weight mantissas (sign included). */
  weights: readonly number[];
  /** Decimal exponent of each weight (0.5 → weight 5, wexp 1). */
  wexp: readonly number[];
  nLeft: number;
  /** References the rule needed that the table lacks (taken as exact 0). */
  missing: string[];
  table: TableKind;
  /**
   * 1 for a vector of sign checks: each cell of `cells` is compared with 0 on its own (`T2[*, *] >= 0`), evaluated by
   * the sign of its displayed value alone. One Check stands for cells.length elementary checks (keeps 50k
   * non-negativity checks cheap to compile).
   */
  sign?: 1;
  /** True when every term is a cell with an integer weight (no constants): eligible for the fast path. */
  simple?: boolean;
}

/** Number of elementary checks a Check stands for. */
export function elementaryCount(ch: Check): number {
  return ch.sign === 1 ? ch.cells.length : 1;
}

/** Terms of one elementary check: for a sign vector, its element `cell` against 0. */
export function termsOf(ch: Check, cell?: number): { cells: readonly number[]; weights: readonly number[]; wexp: readonly number[]; nLeft: number } {
  if (ch.sign === 1) return { cells: [cell ?? ch.cells[0], -1], weights: SIGN_WEIGHTS, wexp: SIGN_WEXP, nLeft: 1 };
  return ch;
}

/**
 * The program's cells as parallel arrays, indexed like program.cells (one object per cell would cost more than
 * compiling the rules on a 55k-cell workbook; the ProgramCell objects are made on demand).
 */
export interface CellLayout {
  count: number;
  views: TableView[];
  roleNames: ColumnRole[];
  sheetNames: string[];
  /** Per cell: index into `views`, position in that view's rows, index into `roleNames` (the ref is rows[pos].cells[role]). */
  viewOf: Uint16Array;
  rowPos: Int32Array;
  roleOf: Uint16Array;
  /** Per cell: index into `sheetNames`, absolute zero-based row and column. */
  sheetOf: Uint16Array;
  rowOf: Int32Array;
  colOf: Int32Array;
  /** 1 when the cell is known non-negative (ProgramCell.clip). */
  clip: Uint8Array;
  /** ProgramCell objects made so far (sparse). */
  entries: (ProgramCell | undefined)[];
}

/**
 * The checks as parallel arrays, indexed like program.checks; each check's terms are the slice
 * [start, start + len) of the term arrays. Evaluation reads these; Check objects are made on demand.
 */
export interface CheckTable {
  count: number;
  rule: Int32Array;
  /** Index into OPS / CODES. */
  op: Uint8Array;
  code: Uint8Array;
  nLeft: Int32Array;
  start: Int32Array;
  len: Int32Array;
  /** CHECK_SIGN | CHECK_SIMPLE | CHECK_UNIT_WEIGHTS | CHECK_ZERO_EXPS. */
  flags: Uint8Array;
  /** Missing references, for the few checks that have them (sparse). */
  missing: (string[] | undefined)[];
  termCell: Int32Array;
  termW: Float64Array;
  termE: Int32Array;
  terms: number;
  /** Check objects made so far (sparse). */
  entries: (Check | undefined)[];
}

export const CHECK_SIGN = 1;
export const CHECK_SIMPLE = 2;
export const CHECK_UNIT_WEIGHTS = 4;
export const CHECK_ZERO_EXPS = 8;
export const OPS: readonly ComparisonOp[] = ["=", "<=", ">="];
export const CODES: readonly CheckCode[] = ["sum-mismatch", "not-equal", "not-less-or-equal", "not-greater-or-equal", "negative", "not-empty"];

/** A cross-table check one side of which is a subject row the other table does not list. */
export interface NotPrintedCheck {
  rule: string;
  /** The table that does not list the row. */
  table: TableKind;
  /** The references not listed, e.g. 「T3[2010101, total]」. */
  missing: string[];
}

export interface Program {
  rules: RuleSpec[];
  /** Every program cell as an object (made on first access; evaluation reads `layout`). */
  cells: ProgramCell[];
  layout: CellLayout;
  /** Every check as an object (made on first access; evaluation reads `table`). */
  checks: Check[];
  table: CheckTable;
  /** "sheet!A1" → cell index; built on first use (see findCell). */
  cellIndex?: Map<string, number>;
  /** Cell index → indexes of checks that read it; built on first use (see checksOfCell). */
  checksByCell?: number[][];
  /** Number of elementary checks. */
  elementary: number;
  skipped: SkippedRule[];
  ruleErrors: RuleError[];
  /** Largest Σ|weight| over the simple checks; computed on first use (see maxWeightSum). */
  weightSum?: number;
  /** Checks (by index) that tie to a subject row another table does not print: failing, they are listed as not run. */
  notPrinted?: Map<number, NotPrintedCheck>;
}

/** Key of a cell in the program's index. */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, "").toUpperCase()}`;
}

/** Index of the program cell at sheet!address, if the program reads it. */
export function findCell(program: Program, sheet: string, address: string): number | undefined {
  if (!program.cellIndex) {
    const idx = new Map<string, number>();
    const L = program.layout;
    for (let i = 0; i < L.count; i++) idx.set(cellKey(L.sheetNames[L.sheetOf[i]], cellRefOf(L, i).address), i);
    program.cellIndex = idx;
  }
  return program.cellIndex.get(cellKey(sheet, address));
}

// Shared, never mutated: sign checks all have the terms (cell, +1) and the constant 0.
const SIGN_WEIGHTS: readonly number[] = Object.freeze([1, 0]);
const SIGN_WEXP: readonly number[] = Object.freeze([0, 0]);
const NO_MISSING: string[] = Object.freeze([]) as unknown as string[];

// Frozen arrays of n equal entries, by length (most weights are 1, most exponents 0).
const uniformOnes: (readonly number[])[] = [];
const uniformZeros: (readonly number[])[] = [];

/** The frozen shared array of n entries equal to `value`. */
function uniform(table: (readonly number[])[], n: number, value: number): readonly number[] {
  let arr = table[n];
  if (!arr) {
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(value);
    arr = Object.freeze(a);
    table[n] = arr;
  }
  return arr;
}

/** A program cell read through from the layout (made only when a finding or a caller needs the object). */
class CellEntry implements ProgramCell {
  constructor(
    private readonly layout: CellLayout,
    private readonly index: number,
  ) {}
  get ref(): CellRef {
    return cellRefOf(this.layout, this.index);
  }
  get view(): TableView {
    return this.layout.views[this.layout.viewOf[this.index]];
  }
  get rowView(): RowView {
    return this.layout.views[this.layout.viewOf[this.index]].rows[this.layout.rowPos[this.index]];
  }
  get role(): ColumnRole {
    return this.layout.roleNames[this.layout.roleOf[this.index]];
  }
  get clip(): boolean {
    return this.layout.clip[this.index] === 1;
  }
  set clip(v: boolean) {
    this.layout.clip[this.index] = v ? 1 : 0;
  }
  get sheet(): string {
    return this.layout.sheetNames[this.layout.sheetOf[this.index]];
  }
  get address(): string {
    return this.ref.address;
  }
  get row(): number {
    return this.layout.rowOf[this.index];
  }
  get col(): number {
    return this.layout.colOf[this.index];
  }
  get table(): TableKind {
    return this.view.kind;
  }
  get decimals(): number {
    return this.view.decimals;
  }
  get unitShift(): number {
    return this.view.unit === "元" ? 4 : 0;
  }
}

/** The recognised cell behind program cell i. */
export function cellRefOf(L: CellLayout, i: number): CellRef {
  return L.views[L.viewOf[i]].rows[L.rowPos[i]].cells[L.roleNames[L.roleOf[i]]]!;
}

/** The ProgramCell object of cell i (made once, then kept). */
export function programCell(layout: CellLayout, i: number): ProgramCell {
  let e = layout.entries[i];
  if (!e) {
    e = new CellEntry(layout, i);
    layout.entries[i] = e;
  }
  return e;
}

/** The Check object of check k (made once, then kept). */
export function checkAt(program: Pick<Program, "table" | "layout">, k: number): Check {
  const T = program.table;
  let ch = T.entries[k];
  if (!ch) {
    const start = T.start[k];
    const n = T.len[k];
    const cells: number[] = [];
    for (let i = 0; i < n; i++) cells.push(T.termCell[start + i]);
    const flags = T.flags[k];
    const L = program.layout;
    if (flags & CHECK_SIGN) {
      const table = L.views[L.viewOf[cells[0]]].kind;
      ch = { rule: T.rule[k], op: OPS[T.op[k]], code: CODES[T.code[k]], cells, weights: SIGN_WEIGHTS, wexp: SIGN_WEXP, nLeft: 1, missing: NO_MISSING, table, sign: 1 };
    } else {
      let first = -1;
      for (let i = 0; i < n && first < 0; i++) if (cells[i] >= 0) first = cells[i];
      const weights = flags & CHECK_UNIT_WEIGHTS ? uniform(uniformOnes, n, 1) : Array.from(T.termW.subarray(start, start + n));
      const wexp = flags & CHECK_ZERO_EXPS ? uniform(uniformZeros, n, 0) : Array.from(T.termE.subarray(start, start + n));
      const table = L.views[L.viewOf[first]].kind;
      ch = { rule: T.rule[k], op: OPS[T.op[k]], code: CODES[T.code[k]], cells, weights, wexp, nLeft: T.nLeft[k], missing: T.missing[k] ?? NO_MISSING, table, simple: (flags & CHECK_SIMPLE) !== 0 };
    }
    T.entries[k] = ch;
  }
  return ch;
}

/** A compiled program; `cells` and `checks` are built from the layout and check table on first access. */
export class CompiledProgram implements Program {
  cellIndex?: Map<string, number>;
  checksByCell?: number[][];
  weightSum?: number;
  notPrinted?: Map<number, NotPrintedCheck>;
  private allCells?: ProgramCell[];
  private allChecks?: Check[];

  constructor(
    public rules: RuleSpec[],
    public layout: CellLayout,
    public table: CheckTable,
    public skipped: SkippedRule[],
    public ruleErrors: RuleError[],
    public elementary: number,
  ) {}

  get checks(): Check[] {
    if (!this.allChecks) {
      const out: Check[] = new Array<Check>(this.table.count);
      for (let k = 0; k < this.table.count; k++) out[k] = checkAt(this, k);
      this.allChecks = out;
    }
    return this.allChecks;
  }

  get cells(): ProgramCell[] {
    if (!this.allCells) {
      const out: ProgramCell[] = new Array<ProgramCell>(this.layout.count);
      for (let i = 0; i < this.layout.count; i++) out[i] = programCell(this.layout, i);
      this.allCells = out;
    }
    return this.allCells;
  }
}

/** Indexes of the checks that read cell `cell` (index built once per program, for recheck). */
export function checksOfCell(program: Program, cell: number): readonly number[] {
  if (!program.checksByCell) {
    const byCell: number[][] = [];
    for (let i = 0; i < program.layout.count; i++) byCell.push([]);
    const T = program.table;
    for (let i = 0; i < T.count; i++) {
      const end = T.start[i] + T.len[i];
      for (let t = T.start[i]; t < end; t++) {
        const c = T.termCell[t];
        if (c >= 0) {
          const list = byCell[c];
          if (list[list.length - 1] !== i) list.push(i);
        }
      }
    }
    program.checksByCell = byCell;
  }
  return program.checksByCell[cell];
}

/** Largest sum of |weights| of a simple check (CHECK_SIMPLE): bounds the fast path's integer sums. Computed once. */
export function maxWeightSum(program: Program): number {
  if (program.weightSum === undefined) {
    const T = program.table;
    let max = 0;
    for (let k = 0; k < T.count; k++) {
      if ((T.flags[k] & CHECK_SIMPLE) === 0) continue;
      let sum = 0;
      const end = T.start[k] + T.len[k];
      for (let t = T.start[k]; t < end; t++) sum += Math.abs(T.termW[t]);
      if (sum > max) max = sum;
    }
    program.weightSum = max;
  }
  return program.weightSum;
}
