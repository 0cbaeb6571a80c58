/**
 * Compile rules against a recognition result into a flat program: one elementary check per comparison, each a
 * list of (cell index, weight) terms, plus an index cell → checks for incremental re-checking.
 *
 * Speed (a 55k-cell workbook compiles in a few ms): cells and checks are kept in typed parallel arrays (CellLayout,
 * CheckTable) and turned into ProgramCell / Check objects only on demand; rule texts are parsed once per process;
 * each view indexes its cells by (row position, column slot); FOREACH ROW bodies are resolved once (planRows).
 */
import type { ColumnRole, TableKind } from "../catalog/vocabulary";
import type { CellRef, RecognitionResult, RowView, TableView } from "../recognize/types";
import type { ComparisonOp } from "./interval";
import type { ColumnSelector, Expr, RowSelector, Statement } from "./language/ast";
import { normalizeLabel } from "./language/names";
import { parseRule } from "./language/parser";
import type { ParseOutcome } from "./language/parser";
import type { RuleSpec } from "./rule";
import type { Finding, RuleError, SkippedRule } from "./types";

/** A source cell the program reads. */
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
const CHECK_UNIT_WEIGHTS = 4;
const CHECK_ZERO_EXPS = 8;
export const OPS: readonly ComparisonOp[] = ["=", "<=", ">="];
const CODES: readonly CheckCode[] = ["sum-mismatch", "not-equal", "not-less-or-equal", "not-greater-or-equal", "negative", "not-empty"];

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
  /** State of the last evaluation (for recheck). */
  state?: unknown;
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

// Rule texts are parsed once per process, not once per compile (the built-ins are compiled for every workbook).
const parsedRules = new Map<string, ParseOutcome>();
const PARSE_CACHE_LIMIT = 1024;

function parseCached(text: string): ParseOutcome {
  let p = parsedRules.get(text);
  if (!p) {
    p = parseRule(text);
    if (parsedRules.size >= PARSE_CACHE_LIMIT) parsedRules.clear();
    parsedRules.set(text, p);
  }
  return p;
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
function cellRefOf(L: CellLayout, i: number): CellRef {
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
class CompiledProgram implements Program {
  cellIndex?: Map<string, number>;
  checksByCell?: number[][];
  state?: unknown;
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

/**
 * Program cell index by (sheet, row, column): open addressing over typed arrays, so interning 55k cells allocates
 * no object per row or cell.
 */
class CellGrid {
  private sheetOf!: Int32Array;
  private rowOf!: Int32Array;
  private colOf!: Int32Array;
  /** Cell index + 1 (0 = empty slot). */
  private value!: Int32Array;
  private mask = 0;
  private size = 0;

  constructor(expected: number) {
    let n = 1024;
    while (n < expected * 2) n *= 2;
    this.alloc(n);
  }

  private alloc(n: number): void {
    this.sheetOf = new Int32Array(n);
    this.rowOf = new Int32Array(n);
    this.colOf = new Int32Array(n);
    this.value = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The index stored for the cell, or −1 after storing `index` for it. */
  getOrAdd(s: number, row: number, col: number, index: number): number {
    // neighbouring cells get neighbouring slots (cells are interned row by row): cache-friendly probing
    let h = (Math.imul(s, 0x9e3779b1) + Math.imul(row, 17) + col) & this.mask;
    for (;;) {
      const v = this.value[h];
      if (v === 0) break;
      if (this.rowOf[h] === row && this.colOf[h] === col && this.sheetOf[h] === s) return v - 1;
      h = (h + 1) & this.mask;
    }
    this.sheetOf[h] = s;
    this.rowOf[h] = row;
    this.colOf[h] = col;
    this.value[h] = index + 1;
    if (++this.size * 2 > this.mask) this.rehash();
    return -1;
  }

  private rehash(): void {
    const { sheetOf, rowOf, colOf, value } = this;
    this.alloc(value.length * 2);
    this.size = 0;
    for (let i = 0; i < value.length; i++) if (value[i] !== 0) this.getOrAdd(sheetOf[i], rowOf[i], colOf[i], value[i] - 1);
  }
}

class CompileError extends Error {
  constructor(
    readonly position: number,
    readonly zh: string,
  ) {
    super(zh);
  }
}

/** Lookups over one table view, built once per compile. Rows are addressed by their position in view.rows. */
class ViewIndex {
  /** Row key (and MOF 行次 "L27") → position of the first row with it. */
  readonly byKey = new Map<string, number>();
  /** byKey.get(rows[p].key) for every position p (what a FOREACH ROW over this table binds `row` to). */
  readonly firstPos: Int32Array;
  readonly rows: RowView[];
  /** Rows / columns the catalogue expects but recognition could not find: a gap, not a zero. */
  readonly missingRows: Set<string>;
  readonly missingColumns: Set<string>;
  private labels?: Map<string, number>;
  private allRows?: number[];
  readonly numericRoles: ColumnRole[];
  /** Lengths of the subject codes the table prints (a table printed only to 类 level has just 3). */
  readonly codeLengths = new Set<number>();
  /** numericRoles → slot. */
  readonly slotOf = new Map<string, number>();
  /** Program cell index of (row position, role slot) at pos·numericRoles.length + slot; −1 when the row has none. */
  readonly cellIdx: Int32Array;
  // Last key looked up: a FOREACH ROW body refers to the same row of a table several times in a row.
  private lastKey?: string;
  private lastPos: number | undefined;

  /** Position of the first row with this key. */
  rowOf(key: string): number | undefined {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastPos = this.byKey.get(key);
    }
    return this.lastPos;
  }

  /** Row positions by normalised printed label (built on first use: most rules address rows by key). */
  get byLabel(): Map<string, number> {
    if (!this.labels) {
      this.labels = new Map();
      for (let p = 0; p < this.rows.length; p++) {
        const n = normalizeLabel(this.rows[p].label);
        if (n && !this.labels.has(n)) this.labels.set(n, p);
      }
    }
    return this.labels;
  }

  /** Positions of every row (shared; do not modify). */
  get all(): number[] {
    if (!this.allRows) {
      this.allRows = new Array<number>(this.rows.length);
      for (let p = 0; p < this.rows.length; p++) this.allRows[p] = p;
    }
    return this.allRows;
  }

  constructor(readonly view: TableView) {
    const rows = view.rows;
    this.rows = rows;
    this.missingRows = new Set(view.missingRows);
    this.missingColumns = new Set(view.missingColumns);
    this.firstPos = new Int32Array(rows.length);
    for (let p = 0; p < rows.length; p++) {
      const q = this.byKey.get(rows[p].key);
      if (q === undefined) {
        this.byKey.set(rows[p].key, p);
        this.firstPos[p] = p;
      } else this.firstPos[p] = q;
      if (rows[p].kind === "code") this.codeLengths.add((rows[p].code ?? rows[p].key).length);
    }
    // MOF sheets: rows also answer to their 行次 ("L27") when recognition kept it, even if keyed by an item.
    for (let p = 0; p < rows.length; p++) {
      const line = (rows[p] as { lineNo?: number }).lineNo;
      if (typeof line === "number" && !this.byKey.has(`L${line}`)) this.byKey.set(`L${line}`, p);
    }
    const roles: ColumnRole[] = [];
    for (const c of view.columns) if (!roles.includes(c.role)) roles.push(c.role);
    // Recognition lists every column it placed; scan the rows only when it did not (hand-built views).
    if (roles.length === 0) for (const r of rows) for (const role in r.cells) if (!roles.includes(role as ColumnRole)) roles.push(role as ColumnRole);
    this.numericRoles = roles;
    roles.forEach((r, k) => this.slotOf.set(r, k));
    this.cellIdx = new Int32Array(rows.length * roles.length).fill(-1);
  }
}

interface Env {
  row?: string;
  col?: ColumnRole;
  /** The table FOREACH ROW iterates and the position `row` stands for in it (saves a key lookup per reference). */
  rowIdx?: ViewIndex;
  rowPos?: number;
}

/** One term of a planned FOREACH ROW comparison: a cell (table, key or bound row, role slot) or a constant (no idx). */
interface PlanTerm {
  idx: ViewIndex | undefined;
  key: string | undefined;
  slot: number;
  m: number;
  ex: number;
}

function decimalParts(text: string): { m: number; e: number } {
  const [int, frac = ""] = text.split(".");
  return { m: Number(int + frac) || 0, e: frac.length };
}

function isMulti(ref: Extract<Expr, { type: "ref" }>): boolean {
  return ref.row.kind === "all" || ref.row.kind === "level" || ref.row.kind === "range" || ref.col.kind === "all";
}

/** Multi-cell references standing outside SUM (they make the comparison expand per cell). */
function bareMultiRefs(e: Expr, out: Extract<Expr, { type: "ref" }>[]): void {
  switch (e.type) {
    case "ref":
      if (isMulti(e)) out.push(e);
      return;
    case "binary":
      bareMultiRefs(e.left, out);
      bareMultiRefs(e.right, out);
      return;
    case "scale":
    case "neg":
      bareMultiRefs(e.expr, out);
      return;
    default:
      return;
  }
}

function statementTables(s: Statement, out: Set<TableKind>): void {
  const walk = (e: Expr): void => {
    if (e.type === "ref") out.add(e.table);
    else if (e.type === "sum") e.args.forEach(walk);
    else if (e.type === "binary") {
      walk(e.left);
      walk(e.right);
    } else if (e.type === "scale" || e.type === "neg") walk(e.expr);
  };
  if (s.type === "compare") s.operands.forEach(walk);
  else if (s.type === "foreach" || s.type === "when-empty") {
    out.add(s.table);
    statementTables(s.body, out);
  } else out.add(s.table);
}

// Per statement (the AST is cached per rule text, so these survive across compiles).
const tablesOfStatement = new WeakMap<Statement, TableKind[]>();
const multisOfStatement = new WeakMap<Statement, Extract<Expr, { type: "ref" }>[]>();

function tablesOf(st: Statement): TableKind[] {
  let t = tablesOfStatement.get(st);
  if (!t) {
    const set = new Set<TableKind>();
    statementTables(st, set);
    t = [...set];
    tablesOfStatement.set(st, t);
  }
  return t;
}

/** Parent code in the subject hierarchy: 7→5→3 digits (economic 5→3). */
function parentCode(code: string): string | undefined {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return undefined;
}

function rowLevel(r: RowView): number | undefined {
  if (r.kind !== "code") return undefined;
  if (r.level) return r.level;
  const c = r.code ?? r.key;
  return c.length === 3 ? 1 : c.length === 5 ? 2 : c.length === 7 ? 3 : undefined;
}

class Compiler {
  readonly layout: CellLayout = {
    count: 0,
    views: [],
    roleNames: [],
    sheetNames: [],
    viewOf: new Uint16Array(0),
    rowPos: new Int32Array(0),
    roleOf: new Uint16Array(0),
    sheetOf: new Uint16Array(0),
    rowOf: new Int32Array(0),
    colOf: new Int32Array(0),
    clip: new Uint8Array(0),
    entries: [],
  };
  private readonly sheetIds = new Map<string, number>();
  private lastSheet?: string;
  private lastSheetId = 0;
  private readonly viewIds = new Map<TableView, number>();
  private readonly roleIds = new Map<string, number>();
  readonly table: CheckTable = {
    count: 0,
    // sized by presize() once the cells are known
    rule: new Int32Array(0),
    op: new Uint8Array(0),
    code: new Uint8Array(0),
    nLeft: new Int32Array(0),
    start: new Int32Array(0),
    len: new Int32Array(0),
    flags: new Uint8Array(0),
    missing: [],
    termCell: new Int32Array(0),
    termW: new Float64Array(0),
    termE: new Int32Array(0),
    terms: 0,
    entries: [],
  };
  readonly skipped: SkippedRule[] = [];
  readonly ruleErrors: RuleError[] = [];
  private readonly views = new Map<TableKind, ViewIndex>();
  private grid: CellGrid;
  private ruleIdx = 0;
  private inEmptyGuard = false;

  /** The workbook's year, for rules keyed by year (MOF 行次 formulas). */
  private readonly year: number | undefined;

  constructor(recognition: RecognitionResult) {
    this.year = workbookYear(recognition);
    for (const v of recognition.tables) if (!this.views.has(v.kind)) this.views.set(v.kind, new ViewIndex(v));
    // typed per-cell arrays sized for every cell the views can hold (grown if a rule reaches an unlisted column)
    let capacity = 16;
    for (const v of recognition.tables) capacity += v.rows.length * Math.max(1, v.columns.length);
    this.grow(capacity);
    this.grid = new CellGrid(capacity);
    this.presize(capacity);
    // Every recognised amount cell is in the program, so unreadable cells are reported even if no rule reads them.
    for (const v of recognition.tables) {
      const first = this.views.get(v.kind)!;
      const own = first.view === v;
      const vi = own ? first : new ViewIndex(v);
      const roles = vi.numericRoles;
      const nR = roles.length;
      const rows = v.rows;
      const slots = vi.cellIdx;
      const viewId = this.viewId(v);
      const roleIds = roles.map((r) => this.roleId(r));
      for (let p = 0; p < rows.length; p++) {
        const r = rows[p];
        const rc = r.cells;
        for (let k = 0; k < nR; k++) {
          const c = rc[roles[k]];
          if (c) {
            const ci = this.intern(c, viewId, p, roleIds[k]);
            if (own) slots[p * nR + k] = ci;
          }
        }
      }
    }
  }

  private viewId(view: TableView): number {
    let id = this.viewIds.get(view);
    if (id === undefined) {
      id = this.layout.views.length;
      this.layout.views.push(view);
      this.viewIds.set(view, id);
    }
    return id;
  }

  private grow(capacity: number): void {
    const L = this.layout;
    const more = <T extends Uint8Array | Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    L.viewOf = more(L.viewOf, (n) => new Uint16Array(n));
    L.rowPos = more(L.rowPos, (n) => new Int32Array(n));
    L.roleOf = more(L.roleOf, (n) => new Uint16Array(n));
    L.sheetOf = more(L.sheetOf, (n) => new Uint16Array(n));
    L.rowOf = more(L.rowOf, (n) => new Int32Array(n));
    L.colOf = more(L.colOf, (n) => new Int32Array(n));
    L.clip = more(L.clip, (n) => new Uint8Array(n));
  }

  private sheetId(sheet: string): number {
    if (sheet !== this.lastSheet) {
      let id = this.sheetIds.get(sheet);
      if (id === undefined) {
        id = this.layout.sheetNames.length;
        this.layout.sheetNames.push(sheet);
        this.sheetIds.set(sheet, id);
      }
      this.lastSheet = sheet;
      this.lastSheetId = id;
    }
    return this.lastSheetId;
  }

  private roleId(role: ColumnRole): number {
    let id = this.roleIds.get(role);
    if (id === undefined) {
      id = this.layout.roleNames.length;
      this.layout.roleNames.push(role);
      this.roleIds.set(role, id);
    }
    return id;
  }

  /** Index of the cell (row `pos` of view `viewId`, role `roleId`), adding it on first sight. */
  private intern(cell: CellRef, viewId: number, pos: number, roleId: number): number {
    const sheet = this.sheetId(cell.sheet);
    const row = cell.row;
    const col = cell.col;
    const known = this.grid.getOrAdd(sheet, row, col, this.layout.count);
    if (known >= 0) return known;
    const L = this.layout;
    const idx = L.count++;
    if (idx >= L.clip.length) this.grow(2 * idx + 16);
    L.viewOf[idx] = viewId;
    L.rowPos[idx] = pos;
    L.roleOf[idx] = roleId;
    L.sheetOf[idx] = sheet;
    L.rowOf[idx] = row;
    L.colOf[idx] = col;
    return idx;
  }

  /** Program cell of the row at `pos` in the given role; −1 when the row has no such cell. */
  private cellAt(idx: ViewIndex, pos: number, role: ColumnRole): number {
    const slot = idx.slotOf.get(role);
    if (slot !== undefined) return idx.cellIdx[pos * idx.numericRoles.length + slot];
    // a role recognition did not list as a column (hand-built views): look at the row itself
    const r = idx.rows[pos];
    const cell = r.cells[role];
    return cell ? this.intern(cell, this.viewId(idx.view), pos, this.roleId(role)) : -1;
  }

  compileRule(rule: RuleSpec, ruleIdx: number): void {
    this.ruleIdx = ruleIdx;
    this.ruleId = rule.id;
    const parsed = parseCached(rule.expression);
    if (!parsed.ok) {
      this.ruleErrors.push({
        source: rule.source ?? {},
        ruleId: rule.id,
        position: parsed.error.position,
        message: `规则 ${rule.id} 的公式在第 ${parsed.error.position + 1} 个字符处有误：${parsed.error.zh}`,
      });
      return;
    }
    if (rule.years && (this.year === undefined || !rule.years.includes(this.year))) {
      // The formula encodes another year's layout: applying it would compare the wrong rows.
      this.skipped.push({ rule: rule.id, reason: this.year === undefined ? "year-unknown" : "year-not-applicable", tables: parsed.ast.tables, year: this.year, years: [...rule.years] });
      return;
    }
    const absent = new Set<TableKind>();
    for (const st of parsed.ast.statements) {
      const missing = tablesOf(st).filter((t) => !this.views.has(t));
      if (missing.length > 0) {
        missing.forEach((t) => absent.add(t));
        continue;
      }
      try {
        this.inEmptyGuard = false;
        this.statement(st, {});
      } catch (e) {
        if (!(e instanceof CompileError)) throw e;
        this.ruleErrors.push({
          source: rule.source ?? {},
          ruleId: rule.id,
          position: e.position,
          message: `规则 ${rule.id} 的公式在第 ${e.position + 1} 个字符处有误：${e.zh}`,
        });
      }
    }
    if (absent.size > 0) this.skipped.push({ rule: rule.id, reason: "tables-absent", tables: [...absent] });
  }

  private statement(st: Statement, env: Env): void {
    switch (st.type) {
      case "compare":
        return this.compare(st, env);
      case "foreach": {
        const idx = this.views.get(st.table)!;
        if (st.over === "row") {
          if (env.row !== undefined) throw new CompileError(st.pos, "FOREACH ROW 不能嵌套");
          const rows = st.filter ? this.selectRows(idx, st.filter, env) : idx.all;
          const plan = st.body.type === "compare" ? this.planRows(st.body) : undefined;
          env.rowIdx = idx;
          for (let i = 0; i < rows.length; i++) {
            env.row = idx.rows[rows[i]].key;
            env.rowPos = idx.firstPos[rows[i]];
            if (plan && st.body.type === "compare") this.comparePlanned(plan, st.body, env);
            else this.statement(st.body, env);
          }
          env.row = undefined;
          env.rowIdx = undefined;
          env.rowPos = undefined;
        } else {
          if (env.col !== undefined) throw new CompileError(st.pos, "FOREACH COL 不能嵌套");
          for (const role of idx.numericRoles) {
            env.col = role;
            this.statement(st.body, env);
          }
          env.col = undefined;
        }
        return;
      }
      case "when-empty": {
        if (!this.views.get(st.table)!.view.empty) return;
        const prev = this.inEmptyGuard;
        this.inEmptyGuard = true;
        this.statement(st.body, env);
        this.inEmptyGuard = prev;
        return;
      }
      case "rollup":
        return this.rollup(st.table, st.cols, env);
    }
  }

  /** Positions of the rows a selector picks. */
  private selectRows(idx: ViewIndex, sel: RowSelector, env: Env): number[] {
    switch (sel.kind) {
      case "key":
      case "label":
      case "row": {
        const p = this.selectOne(idx, sel, env);
        return p === undefined ? [] : [p];
      }
      case "all":
        return idx.all;
      case "level": {
        const out: number[] = [];
        for (let p = 0; p < idx.rows.length; p++) if (rowLevel(idx.rows[p]) === sel.level) out.push(p);
        return out;
      }
      case "range": {
        const out: number[] = [];
        for (let k = sel.from; k <= sel.to; k++) {
          const p = idx.byKey.get(`${sel.prefix}${k}`);
          if (p !== undefined) out.push(p);
        }
        return out;
      }
    }
  }

  private rowDescription(sel: RowSelector, env: Env): string {
    switch (sel.kind) {
      case "key":
        return sel.key;
      case "label":
        return sel.label;
      case "row":
        return env.row ?? "row";
      default:
        return "*";
    }
  }

  private roleFor(row: RowView, col: ColumnSelector, env: Env): ColumnRole | undefined {
    if (col.kind === "role") return col.role;
    if (col.kind === "col") {
      if (env.col === undefined) throw new CompileError(col.pos, "col 只能用在 FOREACH COL 之中");
      return env.col;
    }
    const c = row.cells;
    if (c.amount) return "amount";
    if (c.total) return "total";
    if (c.final) return "final";
    return Object.keys(c)[0] as ColumnRole | undefined;
  }

  /**
   * Append the cell indexes a reference stands for to `out` (or, without `out`, as terms of the comparison being
   * built); a missing single cell is pushed to `missing` as its description.
   */
  private resolve(ref: Extract<Expr, { type: "ref" }>, env: Env, missing: string[] | undefined, out: number[] | undefined): void {
    const idx = this.views.get(ref.table)!;
    const k = ref.row.kind;
    if (k === "key" || k === "label" || k === "row") {
      const p = this.selectOne(idx, ref.row, env);
      if (p === undefined) {
        const key = ref.row.kind === "key" ? ref.row.key : ref.row.kind === "row" ? env.row : undefined;
        if (key !== undefined && idx.missingRows.has(key)) this.gap(idx.view.kind);
        // An absent subject-code row means nothing was spent there (compared as 0), unlike an absent fixed item —
        // unless the table prints no code of that level at all (printed only to 类 level, or by nature): a gap.
        if (key !== undefined && /^\d+$/.test(key)) {
          if (idx.codeLengths.has(key.length)) this.tMissingCode = true;
          else this.gap(idx.view.kind);
        }
        const colText = ref.col.kind === "role" ? ref.col.role : ref.col.kind === "col" ? (env.col ?? "col") : "";
        missing?.push(`${ref.table}[${this.rowDescription(ref.row, env)}${colText ? `, ${colText}` : ""}]`);
        return;
      }
      this.cellsOfRow(idx, p, ref.col, env, out, missing);
      return;
    }
    const rows = this.selectRows(idx, ref.row, env);
    // A set of rows the table does not have at all (no 类 rows in an old-template 收入支出决算总表) is missing, not 0.
    if (rows.length === 0) missing?.push(`${ref.table}[${this.rowDescription(ref.row, env)}]`);
    for (let i = 0; i < rows.length; i++) this.cellsOfRow(idx, rows[i], ref.col, env, out, undefined);
  }

  private selectOne(idx: ViewIndex, sel: RowSelector, env: Env): number | undefined {
    if (sel.kind === "key") return idx.rowOf(sel.key);
    if (sel.kind === "label") return idx.byLabel.get(normalizeLabel(sel.label));
    if (sel.kind === "row") {
      if (env.row === undefined) throw new CompileError(sel.pos, "row 只能用在 FOREACH ROW 之中");
      return env.rowIdx === idx ? env.rowPos : idx.rowOf(env.row);
    }
    return undefined;
  }

  private cellsOfRow(idx: ViewIndex, pos: number, col: ColumnSelector, env: Env, out: number[] | undefined, missing: string[] | undefined): void {
    if (col.kind === "all") {
      const nR = idx.numericRoles.length;
      const base = pos * nR;
      for (let k = 0; k < nR; k++) {
        const ci = idx.cellIdx[base + k];
        if (ci >= 0) this.put(out, ci);
      }
      return;
    }
    const role = this.roleFor(idx.rows[pos], col, env);
    const ci = role ? this.cellAt(idx, pos, role) : -1;
    if (ci >= 0) this.put(out, ci);
    else {
      if (role && idx.missingColumns.has(role)) this.gap(idx.view.kind);
      this.columnNotPrinted = role !== undefined && !idx.slotOf.has(role);
      missing?.push(`${idx.view.kind}[${idx.rows[pos].key}, ${role ?? "?"}]`);
    }
  }

  // Term buffers of the comparison being built, with their fill count tN (reused: compiling 70k checks must not
  // allocate per term, nor shrink arrays).
  private readonly tCells: number[] = [];
  private readonly tW: number[] = [];
  private readonly tE: number[] = [];
  private tN = 0;
  private readonly tMissing: string[] = [];
  private bindRef?: Expr;
  private bindCell = -1;

  /** Start the check table at a size fitting the workbook (the built-ins give about 3 terms per cell, 1 check per 3 cells). */
  private presize(cells: number): void {
    const checks = Math.max(1024, cells >> 1);
    const terms = Math.max(8192, cells * 4);
    const T = this.table;
    T.rule = new Int32Array(checks);
    T.op = new Uint8Array(checks);
    T.code = new Uint8Array(checks);
    T.nLeft = new Int32Array(checks);
    T.start = new Int32Array(checks);
    T.len = new Int32Array(checks);
    T.flags = new Uint8Array(checks);
    T.termCell = new Int32Array(terms);
    T.termW = new Float64Array(terms);
    T.termE = new Int32Array(terms);
  }

  /** Room for one more check with n terms. */
  private reserve(n: number): void {
    const T = this.table;
    if (T.count >= T.rule.length) {
      const size = Math.max(1024, T.rule.length * 2);
      const more = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const b = make(size);
        b.set(a);
        return b;
      };
      T.rule = more(T.rule, (m) => new Int32Array(m));
      T.op = more(T.op, (m) => new Uint8Array(m));
      T.code = more(T.code, (m) => new Uint8Array(m));
      T.nLeft = more(T.nLeft, (m) => new Int32Array(m));
      T.start = more(T.start, (m) => new Int32Array(m));
      T.len = more(T.len, (m) => new Int32Array(m));
      T.flags = more(T.flags, (m) => new Uint8Array(m));
    }
    if (T.terms + n > T.termCell.length) {
      const size = Math.max(T.termCell.length * 2, T.terms + n);
      const cell = new Int32Array(size);
      cell.set(T.termCell);
      const w = new Float64Array(size);
      w.set(T.termW);
      const e = new Int32Array(size);
      e.set(T.termE);
      T.termCell = cell;
      T.termW = w;
      T.termE = e;
    }
  }

  /** Append a check whose terms were already written at [T.terms, T.terms + n). */
  private pushCheck(op: ComparisonOp, code: CheckCode, n: number, nLeft: number, flags: number, missing: string[] | undefined): void {
    const T = this.table;
    const k = T.count++;
    T.rule[k] = this.ruleIdx;
    T.op[k] = op === "=" ? 0 : op === "<=" ? 1 : 2;
    T.code[k] = CODES.indexOf(code);
    T.nLeft[k] = nLeft;
    T.start[k] = T.terms;
    T.len[k] = n;
    T.flags[k] = flags;
    if (missing) T.missing[k] = missing;
    T.terms += n;
  }

  private term(cell: number, w: number, e: number): void {
    const i = this.tN++;
    if (i < this.tCells.length) {
      this.tCells[i] = cell;
      this.tW[i] = w;
      this.tE[i] = e;
    } else {
      this.tCells.push(cell);
      this.tW.push(w);
      this.tE.push(e);
    }
  }

  /** Flatten an expression into the term buffers with weight m·10^-ex. */
  private flatten(e: Expr, env: Env, m: number, ex: number): void {
    switch (e.type) {
      case "num": {
        const p = decimalParts(e.text);
        this.term(-1, m * p.m, ex + p.e);
        return;
      }
      case "ref": {
        if (this.bindRef === e) {
          this.term(this.bindCell, m, ex);
          return;
        }
        const before = this.tMissing.length;
        const wasEmpty = this.tN === 0;
        this.fm = m;
        this.fe = ex;
        this.resolve(e, env, this.tMissing, undefined);
        if (this.tMissing.length > before && wasEmpty) {
          this.leftFirstMissing = true;
          this.leftMissingColumn = this.columnNotPrinted;
          this.leftMissingCode = this.tMissingCode;
          this.leftMissingTable = e.table;
        }
        return;
      }
      case "sum":
        for (const a of e.args) this.flatten(a, env, m, ex);
        return;
      case "binary":
        this.flatten(e.left, env, m, ex);
        this.flatten(e.right, env, e.op === "-" ? -m : m, ex);
        return;
      case "scale": {
        const p = decimalParts(e.factorText);
        this.flatten(e.expr, env, m * p.m, ex + p.e);
        return;
      }
      case "neg":
        this.flatten(e.expr, env, -m, ex);
        return;
    }
  }

  private leftFirstMissing = false;
  /** The missing first left-hand reference was a subject-code row (a zero), and its table. */
  private leftMissingCode = false;
  private leftMissingTable?: TableKind;
  /** The comparison being built names fixed cells (not a FOREACH row or column, where an absent cell means "not this row"). */
  private fixedRefs = false;
  /** The last missing cell was in a column its table does not print at all; and so was the first left-hand one. */
  private columnNotPrinted = false;
  private leftMissingColumn = false;
  /** Some missing reference of the comparison being built is a subject-code row (which counts as 0). */
  private tMissingCode = false;
  /** Weight of the reference being flattened: resolve() without an output array appends terms (cell, fm, fe). */
  private fm = 1;
  private fe = 0;

  private put(out: number[] | undefined, ci: number): void {
    if (out) out.push(ci);
    else this.term(ci, this.fm, this.fe);
  }
  /** Set when the comparison being built needs a row/column recognition reported missing. */
  private gapTable?: TableKind;
  /** Rules with checks left out because of gaps, with the tables concerned. */
  readonly gaps = new Map<string, Set<TableKind>>();
  private ruleId = "";

  private gap(table: TableKind): void {
    this.gapTable = table;
  }

  /** The current rule left a check out because a side is not printed in `table`. */
  private recordGap(table: TableKind): void {
    let set = this.gaps.get(this.ruleId);
    if (!set) {
      set = new Set<TableKind>();
      this.gaps.set(this.ruleId, set);
    }
    set.add(table);
  }

  private compare(st: Extract<Statement, { type: "compare" }>, env: Env): void {
    this.fixedRefs = env.row === undefined && env.col === undefined;
    let multis = multisOfStatement.get(st);
    if (!multis) {
      multis = [];
      for (const o of st.operands) bareMultiRefs(o, multis);
      multisOfStatement.set(st, multis);
    }
    if (multis.length > 1) throw new CompileError(multis[1].pos, "一个比较中只能有一处通配引用（其余请放进 SUM(...)）");
    if (multis.length === 1) {
      const ref = multis[0];
      const cells: number[] = [];
      this.resolve(ref, env, undefined, cells);
      // `wildcard op 0` (non-negativity, empty tables): one tiny check per cell without the general flattening
      const zero = st.operands.length === 2 && st.operands[0] === ref && st.operands[1].type === "num" && st.operands[1].value === 0;
      if (zero) {
        if (cells.length > 0) this.emitSign(st.ops[0], cells);
        return;
      }
      for (const c of cells) {
        this.bindRef = ref;
        this.bindCell = c;
        this.comparePairs(st, env);
        this.bindRef = undefined;
      }
      return;
    }
    this.comparePairs(st, env);
  }

  private comparePairs(st: Extract<Statement, { type: "compare" }>, env: Env): void {
    for (let i = 0; i < st.ops.length; i++) {
      this.begin();
      this.flatten(st.operands[i], env, 1, 0);
      const nLeft = this.tN;
      this.flatten(st.operands[i + 1], env, 1, 0);
      this.emit(st.ops[i], nLeft);
    }
  }

  /**
   * A FOREACH ROW body resolved once for all rows: each operand as (table, fixed key or the bound row, role slot,
   * weight) terms. Only for comparisons of single cells in named columns; anything else takes the general path.
   */
  private planRows(st: Extract<Statement, { type: "compare" }>): PlanTerm[][] | undefined {
    let multis = multisOfStatement.get(st);
    if (!multis) {
      multis = [];
      for (const o of st.operands) bareMultiRefs(o, multis);
      multisOfStatement.set(st, multis);
    }
    if (multis.length > 0) return undefined;
    const out: PlanTerm[][] = [];
    for (const o of st.operands) {
      const terms: PlanTerm[] = [];
      if (!this.planExpr(o, 1, 0, terms)) return undefined;
      out.push(terms);
    }
    return out;
  }

  private planExpr(e: Expr, m: number, ex: number, out: PlanTerm[]): boolean {
    switch (e.type) {
      case "num": {
        const p = decimalParts(e.text);
        out.push({ idx: undefined, key: undefined, slot: -1, m: m * p.m, ex: ex + p.e });
        return true;
      }
      case "ref": {
        if (isMulti(e) || (e.row.kind !== "row" && e.row.kind !== "key") || e.col.kind !== "role") return false;
        const idx = this.views.get(e.table)!;
        const slot = idx.slotOf.get(e.col.role);
        if (slot === undefined) return false;
        out.push({ idx, key: e.row.kind === "key" ? e.row.key : undefined, slot, m, ex });
        return true;
      }
      case "sum":
        for (const a of e.args) if (!this.planExpr(a, m, ex, out)) return false;
        return true;
      case "binary":
        return this.planExpr(e.left, m, ex, out) && this.planExpr(e.right, e.op === "-" ? -m : m, ex, out);
      case "scale": {
        const p = decimalParts(e.factorText);
        return this.planExpr(e.expr, m * p.m, ex + p.e, out);
      }
      case "neg":
        return this.planExpr(e.expr, -m, ex, out);
    }
  }

  /** comparePairs() through a plan; a pair with any cell missing is redone by the general path (same result). */
  private comparePlanned(plan: PlanTerm[][], st: Extract<Statement, { type: "compare" }>, env: Env): void {
    for (let i = 0; i < st.ops.length; i++) {
      this.begin();
      let ok = this.termsOfPlan(plan[i], env);
      const nLeft = this.tN;
      if (ok) ok = this.termsOfPlan(plan[i + 1], env);
      if (ok) {
        this.emit(st.ops[i], nLeft);
        continue;
      }
      this.begin();
      this.flatten(st.operands[i], env, 1, 0);
      const n = this.tN;
      this.flatten(st.operands[i + 1], env, 1, 0);
      this.emit(st.ops[i], n);
    }
  }

  private termsOfPlan(terms: PlanTerm[], env: Env): boolean {
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k];
      const idx = t.idx;
      if (idx === undefined) {
        this.term(-1, t.m, t.ex);
        continue;
      }
      const pos = t.key !== undefined ? idx.rowOf(t.key) : env.rowIdx === idx ? env.rowPos : idx.rowOf(env.row!);
      if (pos === undefined) return false;
      const ci = idx.cellIdx[pos * idx.numericRoles.length + t.slot];
      if (ci < 0) return false;
      this.term(ci, t.m, t.ex);
    }
    return true;
  }

  private begin(): void {
    this.tN = 0;
    if (this.tMissing.length > 0) this.tMissing.length = 0;
    this.leftFirstMissing = false;
    this.leftMissingCode = false;
    this.leftMissingColumn = false;
    this.columnNotPrinted = false;
    this.tMissingCode = false;
    this.gapTable = undefined;
  }

  private emitSign(op: ComparisonOp, cells: number[]): void {
    let code: CheckCode;
    if (this.inEmptyGuard) code = "not-empty";
    else if (op === ">=") {
      code = "negative";
      for (const c of cells) this.layout.clip[c] = 1;
    } else if (op === "<=") code = "not-less-or-equal";
    else code = "not-equal";
    this.reserve(cells.length);
    const T = this.table;
    for (let i = 0; i < cells.length; i++) T.termCell[T.terms + i] = cells[i];
    this.pushCheck(op, code, cells.length, 1, CHECK_SIGN, undefined);
  }

  /** Turn the term buffers into a check (left side = the first nLeft terms). */
  private emit(op: ComparisonOp, nLeft: number): void {
    if (this.gapTable !== undefined) {
      // A needed row or column was not found: checking against 0 would raise a false alarm.
      this.recordGap(this.gapTable);
      return;
    }
    // The check is about the left side's first cell; without it there is nothing to point at.
    if (this.leftFirstMissing) {
      // A fixed item the table does not print is a side not printed: say the check was not run (a missing
      // subject-code row is a zero, and inside FOREACH an absent cell only means the row has no such column).
      // A column the table does not print at all is a gap in FOREACH too (T9 printed with its expenditure only).
      if ((this.fixedRefs || this.leftMissingColumn) && !this.leftMissingCode && !this.inEmptyGuard && this.leftMissingTable !== undefined) this.recordGap(this.leftMissingTable);
      return;
    }
    if (nLeft === 0) return;
    const n = this.tN;
    const tCells = this.tCells;
    const tW = this.tW;
    const tE = this.tE;
    let first = -1;
    let cellTerms = 0;
    let rightIsZero = true;
    let simple = true;
    let unitWeights = true;
    let zeroExps = true;
    for (let i = 0; i < n; i++) {
      const c = tCells[i];
      if (c >= 0) {
        cellTerms++;
        if (first < 0) first = c;
      } else simple = false;
      if (tE[i] !== 0) zeroExps = false;
      if (tW[i] !== 1) unitWeights = false;
      if (i >= nLeft && (c >= 0 || tW[i] !== 0)) rightIsZero = false;
    }
    if (!zeroExps) simple = false;
    if (first < 0) return;
    // Everything the left side is compared with is missing: there is nothing to check it against (a total whose
    // items this layout does not print), so the check is a gap rather than "total = 0".
    if (nLeft < n || rightIsZero) {
      let rightCells = 0;
      for (let i = nLeft; i < n; i++) if (tCells[i] >= 0) rightCells++;
      // Also for ≤ / ≥: a bound that is not printed is not a bound of 0.
      if (rightCells === 0 && rightIsZero && this.tMissing.length > 0 && !this.tMissingCode && !this.inEmptyGuard) {
        // the table of the side not printed (missing references read "T4[inc_soc]")
        const m = this.tMissing[0];
        this.recordGap(m.slice(0, m.indexOf("[")) as TableKind);
        return;
      }
    }
    let code: CheckCode;
    if (this.inEmptyGuard) code = "not-empty";
    else if (op === ">=" && nLeft === 1 && tCells[0] >= 0 && tW[0] > 0 && rightIsZero) code = "negative";
    else if (op === "<=") code = "not-less-or-equal";
    else if (op === ">=") code = "not-greater-or-equal";
    else code = cellTerms > 2 ? "sum-mismatch" : "not-equal";
    if (code === "negative") this.layout.clip[tCells[0]] = 1;
    this.reserve(n);
    const T = this.table;
    const at = T.terms;
    for (let i = 0; i < n; i++) {
      T.termCell[at + i] = tCells[i];
      T.termW[at + i] = tW[i];
      T.termE[at + i] = tE[i];
    }
    const flags = (simple ? CHECK_SIMPLE : 0) | (unitWeights ? CHECK_UNIT_WEIGHTS : 0) | (zeroExps ? CHECK_ZERO_EXPS : 0);
    this.pushCheck(op, code, n, nLeft, flags, this.tMissing.length ? this.tMissing.slice() : undefined);
  }

  private rollup(table: TableKind, cols: ColumnSelector[], env: Env): void {
    const idx = this.views.get(table)!;
    const roles: ColumnRole[] = [];
    if (cols.length === 0) roles.push(...idx.numericRoles);
    for (const c of cols) {
      if (c.kind === "all") roles.push(...idx.numericRoles);
      else if (c.kind === "role") roles.push(c.role);
      else if (c.kind === "col") {
        if (env.col === undefined) throw new CompileError(c.pos, "col 只能用在 FOREACH COL 之中");
        roles.push(env.col);
      } else roles.push(...idx.numericRoles);
    }
    const rows = idx.rows;
    // first position of a parent row → positions of its child rows; the 类 rows for the 合计
    const kidsAt: (number[] | undefined)[] = new Array<number[] | undefined>(rows.length);
    const classes: number[] = [];
    for (let p = 0; p < rows.length; p++) {
      const r = rows[p];
      if (r.kind !== "code") continue;
      const code = r.code ?? r.key;
      if (rowLevel(r) === 1) classes.push(p);
      const parent = parentCode(code);
      const at = parent ? idx.byKey.get(parent) : undefined;
      if (at !== undefined) {
        const list = kidsAt[at];
        if (list) list.push(p);
        else kidsAt[at] = [p];
      }
    }
    const totalPos = idx.byKey.get("total");
    // every row keyed like a parent (later rows with the same key too) gets the check
    const parents: number[] = [];
    const kidsOf: number[][] = [];
    for (let p = 0; p < rows.length; p++) {
      const kids = kidsAt[idx.firstPos[p]];
      if (kids) {
        parents.push(p);
        kidsOf.push(kids);
      }
    }
    for (const role of roles) {
      // the role's slot, looked up once (undefined: a column recognition did not list, read row by row)
      const slot = idx.slotOf.get(role);
      if (totalPos !== undefined && classes.length > 0) {
        const ci = this.cellAt(idx, totalPos, role);
        if (ci >= 0) this.rollupCheck(idx, ci, classes, role, slot);
      }
      for (let i = 0; i < parents.length; i++) {
        const ci = this.cellAt(idx, parents[i], role);
        if (ci >= 0) this.rollupCheck(idx, ci, kidsOf[i], role, slot);
      }
    }
  }

  private rollupCheck(idx: ViewIndex, parentCell: number, kids: number[], role: ColumnRole, slot: number | undefined): void {
    this.begin();
    this.term(parentCell, 1, 0);
    const nR = idx.numericRoles.length;
    for (const k of kids) {
      const ci = slot !== undefined ? idx.cellIdx[k * nR + slot] : this.cellAt(idx, k, role);
      if (ci >= 0) this.term(ci, 1, 0);
      else this.tMissing.push(`${idx.view.kind}[${idx.rows[k].key}, ${role}]`);
    }
    this.emit("=", 1);
  }
}

/** The year of a recognised workbook: the one recognition found, else the first table that states one. */
export function workbookYear(recognition: RecognitionResult): number | undefined {
  if (recognition.year !== undefined) return recognition.year;
  for (const t of recognition.tables) if (t.year !== undefined) return t.year;
  return undefined;
}

/** Compile rules once for a recognised workbook. Errors in user rules are collected, never thrown. */
export function compileRules(recognition: RecognitionResult, rules: RuleSpec[]): Program {
  const c = new Compiler(recognition);
  rules.forEach((r, i) => c.compileRule(r, i));
  for (const [rule, tables] of c.gaps) c.skipped.push({ rule, reason: "cells-absent", tables: [...tables] });
  let elementary = 0;
  const T = c.table;
  for (let k = 0; k < T.count; k++) elementary += T.flags[k] & CHECK_SIGN ? T.len[k] : 1;
  return new CompiledProgram(rules, c.layout, T, c.skipped, c.ruleErrors, elementary);
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
