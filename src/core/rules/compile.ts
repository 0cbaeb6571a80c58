/**
 * Compile rules against a recognition result into a flat program: one elementary check per comparison, each a
 * list of (cell index, weight) terms, plus an index cell → checks for incremental re-checking.
 */
import type { ColumnRole, TableKind } from "../catalog/vocabulary";
import type { CellRef, RecognitionResult, RowView, TableView } from "../recognize/types";
import type { ComparisonOp } from "./interval";
import type { ColumnSelector, Expr, RowSelector, Statement } from "./language/ast";
import { normalizeLabel } from "./language/names";
import { parseRule } from "./language/parser";
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

export interface Program {
  rules: RuleSpec[];
  cells: ProgramCell[];
  checks: Check[];
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
    program.cells.forEach((c, i) => idx.set(cellKey(c.sheet, c.address), i));
    program.cellIndex = idx;
  }
  return program.cellIndex.get(cellKey(sheet, address));
}

// Shared, never mutated: sign checks all have the terms (cell, +1) and the constant 0.
const SIGN_WEIGHTS: readonly number[] = Object.freeze([1, 0]);
const SIGN_WEXP: readonly number[] = Object.freeze([0, 0]);
const NO_MISSING: string[] = Object.freeze([]) as unknown as string[];

const uniform = new Map<string, readonly number[]>();

/** A frozen shared array when every entry equals `value` (most weights are 1, most exponents 0), else a copy. */
function sharedOrCopy(xs: number[], value: number): readonly number[] {
  for (let i = 0; i < xs.length; i++) if (xs[i] !== value) return xs.slice();
  const key = `${value}:${xs.length}`;
  let arr = uniform.get(key);
  if (!arr) {
    arr = Object.freeze(xs.slice());
    uniform.set(key, arr);
  }
  return arr;
}

class CompileError extends Error {
  constructor(
    readonly position: number,
    readonly zh: string,
  ) {
    super(zh);
  }
}

/** Lookups over one table view, built once per compile. */
class ViewIndex {
  readonly byKey = new Map<string, RowView>();
  /** Rows / columns the catalogue expects but recognition could not find: a gap, not a zero. */
  readonly missingRows: Set<string>;
  readonly missingColumns: Set<string>;
  private labels?: Map<string, RowView>;
  readonly numericRoles: ColumnRole[];

  /** Rows by normalised printed label (built on first use: most rules address rows by key). */
  get byLabel(): Map<string, RowView> {
    if (!this.labels) {
      this.labels = new Map();
      for (const r of this.view.rows) {
        const n = normalizeLabel(r.label);
        if (n && !this.labels.has(n)) this.labels.set(n, r);
      }
    }
    return this.labels;
  }

  constructor(readonly view: TableView) {
    this.missingRows = new Set(view.missingRows);
    this.missingColumns = new Set(view.missingColumns);
    for (const r of view.rows) if (!this.byKey.has(r.key)) this.byKey.set(r.key, r);
    // MOF sheets: rows also answer to their 行次 ("L27") when recognition kept it, even if keyed by an item.
    for (const r of view.rows) {
      const line = (r as { lineNo?: number }).lineNo;
      if (typeof line === "number" && !this.byKey.has(`L${line}`)) this.byKey.set(`L${line}`, r);
    }
    const roles: ColumnRole[] = [];
    for (const c of view.columns) if (!roles.includes(c.role)) roles.push(c.role);
    // Recognition lists every column it placed; scan the rows only when it did not (hand-built views).
    if (roles.length === 0) for (const r of view.rows) for (const role in r.cells) if (!roles.includes(role as ColumnRole)) roles.push(role as ColumnRole);
    this.numericRoles = roles;
  }
}

interface Env {
  row?: string;
  col?: ColumnRole;
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
  readonly cells: ProgramCell[] = [];
  readonly checks: Check[] = [];
  readonly skipped: SkippedRule[] = [];
  readonly ruleErrors: RuleError[] = [];
  private readonly views = new Map<TableKind, ViewIndex>();
  /** Cell index + 1 by sheet, row and column (0 = not interned yet); typed rows keep this cheap for 50k cells. */
  private readonly grid = new Map<string, number[][]>();
  private ruleIdx = 0;
  private inEmptyGuard = false;

  constructor(recognition: RecognitionResult) {
    for (const v of recognition.tables) if (!this.views.has(v.kind)) this.views.set(v.kind, new ViewIndex(v));
    // Every recognised amount cell is in the program, so unreadable cells are reported even if no rule reads them.
    for (const v of recognition.tables) {
      const roles = this.views.get(v.kind)?.view === v ? this.views.get(v.kind)!.numericRoles : new ViewIndex(v).numericRoles;
      for (const r of v.rows)
        for (let k = 0; k < roles.length; k++) {
          const c = r.cells[roles[k]];
          if (c) this.intern(c, v, r, roles[k]);
        }
    }
  }

  private intern(cell: CellRef, view: TableView, row: RowView, role: ColumnRole): number {
    let rows = this.grid.get(cell.sheet);
    if (!rows) {
      rows = [];
      this.grid.set(cell.sheet, rows);
    }
    let line = rows[cell.row];
    if (!line) {
      line = [];
      rows[cell.row] = line;
    }
    const known = line[cell.col];
    if (known !== undefined) return known;
    const idx = this.cells.length;
    line[cell.col] = idx;
    this.cells.push({
      sheet: cell.sheet,
      address: cell.address,
      row: cell.row,
      col: cell.col,
      table: view.kind,
      decimals: view.decimals,
      unitShift: view.unit === "元" ? 4 : 0,
      clip: false,
      ref: cell,
      view,
      rowView: row,
      role,
    });
    return idx;
  }

  compileRule(rule: RuleSpec, ruleIdx: number): void {
    this.ruleIdx = ruleIdx;
    this.ruleId = rule.id;
    const parsed = parseRule(rule.expression);
    if (!parsed.ok) {
      this.ruleErrors.push({
        source: rule.source ?? {},
        ruleId: rule.id,
        position: parsed.error.position,
        message: `规则 ${rule.id} 的公式在第 ${parsed.error.position + 1} 个字符处有误：${parsed.error.zh}`,
      });
      return;
    }
    const absent = new Set<TableKind>();
    for (const st of parsed.ast.statements) {
      const tables = new Set<TableKind>();
      statementTables(st, tables);
      const missing = [...tables].filter((t) => !this.views.has(t));
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
          const rows = st.filter ? this.selectRows(idx, st.filter, env) : idx.view.rows;
          for (const r of rows) {
            env.row = r.key;
            this.statement(st.body, env);
          }
          env.row = undefined;
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

  private selectRows(idx: ViewIndex, sel: RowSelector, env: Env): RowView[] {
    switch (sel.kind) {
      case "key": {
        const r = idx.byKey.get(sel.key);
        return r ? [r] : [];
      }
      case "label": {
        const r = idx.byLabel.get(normalizeLabel(sel.label));
        return r ? [r] : [];
      }
      case "row": {
        if (env.row === undefined) throw new CompileError(sel.pos, "row 只能用在 FOREACH ROW 之中");
        const r = idx.byKey.get(env.row);
        return r ? [r] : [];
      }
      case "all":
        return idx.view.rows;
      case "level":
        return idx.view.rows.filter((r) => rowLevel(r) === sel.level);
      case "range": {
        const out: RowView[] = [];
        for (let k = sel.from; k <= sel.to; k++) {
          const r = idx.byKey.get(`${sel.prefix}${k}`);
          if (r) out.push(r);
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

  /** Cell indexes a reference stands for; a missing single cell is pushed to `missing` as its description. */
  private resolve(ref: Extract<Expr, { type: "ref" }>, env: Env, missing?: string[], into?: number[]): number[] {
    const idx = this.views.get(ref.table)!;
    const out: number[] = into ?? [];
    out.length = 0;
    const k = ref.row.kind;
    if (k === "key" || k === "label" || k === "row") {
      const r = this.selectOne(idx, ref.row, env);
      if (!r) {
        const key = ref.row.kind === "key" ? ref.row.key : ref.row.kind === "row" ? env.row : undefined;
        if (key !== undefined && idx.missingRows.has(key)) this.gap(idx.view.kind);
        const colText = ref.col.kind === "role" ? ref.col.role : ref.col.kind === "col" ? (env.col ?? "col") : "";
        missing?.push(`${ref.table}[${this.rowDescription(ref.row, env)}${colText ? `, ${colText}` : ""}]`);
        return out;
      }
      this.cellsOfRow(idx, r, ref.col, env, out, missing);
      return out;
    }
    for (const r of this.selectRows(idx, ref.row, env)) this.cellsOfRow(idx, r, ref.col, env, out, undefined);
    return out;
  }

  private selectOne(idx: ViewIndex, sel: RowSelector, env: Env): RowView | undefined {
    if (sel.kind === "key") return idx.byKey.get(sel.key);
    if (sel.kind === "label") return idx.byLabel.get(normalizeLabel(sel.label));
    if (sel.kind === "row") {
      if (env.row === undefined) throw new CompileError(sel.pos, "row 只能用在 FOREACH ROW 之中");
      return idx.byKey.get(env.row);
    }
    return undefined;
  }

  private cellsOfRow(idx: ViewIndex, r: RowView, col: ColumnSelector, env: Env, out: number[], missing: string[] | undefined): void {
    if (col.kind === "all") {
      for (const role of idx.numericRoles) {
        const cell = r.cells[role];
        if (cell) out.push(this.intern(cell, idx.view, r, role));
      }
      return;
    }
    const role = this.roleFor(r, col, env);
    const cell = role ? r.cells[role] : undefined;
    if (cell && role) out.push(this.intern(cell, idx.view, r, role));
    else {
      if (role && idx.missingColumns.has(role)) this.gap(idx.view.kind);
      missing?.push(`${idx.view.kind}[${r.key}, ${role ?? "?"}]`);
    }
  }

  // Term buffers of the comparison being built (reused: compiling 70k checks must not allocate per term).
  private tCells: number[] = [];
  private tW: number[] = [];
  private tE: number[] = [];
  private tMissing: string[] = [];
  private bindRef?: Expr;
  private bindCell = -1;

  /** Flatten an expression into the term buffers with weight m·10^-ex. */
  private flatten(e: Expr, env: Env, m: number, ex: number): void {
    switch (e.type) {
      case "num": {
        const p = decimalParts(e.text);
        this.tCells.push(-1);
        this.tW.push(m * p.m);
        this.tE.push(ex + p.e);
        return;
      }
      case "ref": {
        if (this.bindRef === e) {
          this.tCells.push(this.bindCell);
          this.tW.push(m);
          this.tE.push(ex);
          return;
        }
        const before = this.tMissing.length;
        const cells = this.resolve(e, env, this.tMissing, this.scratch);
        if (this.tMissing.length > before && this.tCells.length === 0) this.leftFirstMissing = true;
        for (let i = 0; i < cells.length; i++) {
          this.tCells.push(cells[i]);
          this.tW.push(m);
          this.tE.push(ex);
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
  /** Reused output of resolve() while flattening (its contents are copied at once). */
  private readonly scratch: number[] = [];
  /** Set when the comparison being built needs a row/column recognition reported missing. */
  private gapTable?: TableKind;
  /** Rules with checks left out because of gaps, with the tables concerned. */
  readonly gaps = new Map<string, Set<TableKind>>();
  private ruleId = "";

  private gap(table: TableKind): void {
    this.gapTable = table;
  }
  private readonly multiCache = new WeakMap<Statement, Extract<Expr, { type: "ref" }>[]>();

  private compare(st: Extract<Statement, { type: "compare" }>, env: Env): void {
    let multis = this.multiCache.get(st);
    if (!multis) {
      multis = [];
      for (const o of st.operands) bareMultiRefs(o, multis);
      this.multiCache.set(st, multis);
    }
    if (multis.length > 1) throw new CompileError(multis[1].pos, "一个比较中只能有一处通配引用（其余请放进 SUM(...)）");
    if (multis.length === 1) {
      const ref = multis[0];
      const cells = this.resolve(ref, env);
      // `wildcard op 0` (non-negativity, empty tables): one tiny check per cell without the general flattening
      const zero = st.operands.length === 2 && st.operands[0] === ref && st.operands[1].type === "num" && st.operands[1].value === 0;
      if (zero) {
        if (cells.length > 0) this.emitSign(st.ops[0], cells);
        return;
      }
      for (const c of cells) {
        {
          this.bindRef = ref;
          this.bindCell = c;
          this.comparePairs(st, env);
          this.bindRef = undefined;
        }
      }
      return;
    }
    this.comparePairs(st, env);
  }

  private comparePairs(st: Extract<Statement, { type: "compare" }>, env: Env): void {
    for (let i = 0; i < st.ops.length; i++) {
      this.begin();
      this.flatten(st.operands[i], env, 1, 0);
      const nLeft = this.tCells.length;
      this.flatten(st.operands[i + 1], env, 1, 0);
      this.emit(st.ops[i], nLeft);
    }
  }

  private begin(): void {
    this.tCells.length = 0;
    this.tW.length = 0;
    this.tE.length = 0;
    this.tMissing.length = 0;
    this.leftFirstMissing = false;
    this.gapTable = undefined;
  }

  private emitSign(op: ComparisonOp, cells: number[]): void {
    let code: CheckCode;
    if (this.inEmptyGuard) code = "not-empty";
    else if (op === ">=") {
      code = "negative";
      for (const c of cells) this.cells[c].clip = true;
    } else if (op === "<=") code = "not-less-or-equal";
    else code = "not-equal";
    this.checks.push({ rule: this.ruleIdx, op, code, cells, weights: SIGN_WEIGHTS, wexp: SIGN_WEXP, nLeft: 1, missing: NO_MISSING, table: this.cells[cells[0]].table, sign: 1 });
  }

  /** Turn the term buffers into a check (left side = the first nLeft terms). */
  private emit(op: ComparisonOp, nLeft: number): void {
    if (this.gapTable !== undefined) {
      // A needed row or column was not found: checking against 0 would raise a false alarm.
      const set = this.gaps.get(this.ruleId) ?? new Set<TableKind>();
      set.add(this.gapTable);
      this.gaps.set(this.ruleId, set);
      return;
    }
    // The check is about the left side's first cell; without it there is nothing to point at.
    if (nLeft === 0 || this.leftFirstMissing) return;
    const cells = this.tCells.slice();
    let first = -1;
    let cellTerms = 0;
    let rightIsZero = true;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] >= 0) {
        cellTerms++;
        if (first < 0) first = cells[i];
      }
      if (i >= nLeft && (cells[i] >= 0 || this.tW[i] !== 0)) rightIsZero = false;
    }
    if (first < 0) return;
    const weights = sharedOrCopy(this.tW, 1);
    let code: CheckCode;
    if (this.inEmptyGuard) code = "not-empty";
    else if (op === ">=" && nLeft === 1 && cells[0] >= 0 && weights[0] > 0 && rightIsZero) code = "negative";
    else if (op === "<=") code = "not-less-or-equal";
    else if (op === ">=") code = "not-greater-or-equal";
    else code = cellTerms > 2 ? "sum-mismatch" : "not-equal";
    if (code === "negative") this.cells[cells[0]].clip = true;
    const missing = this.tMissing.length ? this.tMissing.slice() : NO_MISSING;
    let simple = true;
    for (let i = 0; i < cells.length; i++) if (cells[i] < 0 || this.tE[i] !== 0) simple = false;
    this.checks.push({ rule: this.ruleIdx, op, code, cells, weights, wexp: sharedOrCopy(this.tE, 0), nLeft, missing, table: this.cells[first].table, simple });
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
    const children = new Map<string, RowView[]>();
    const classes: RowView[] = [];
    for (const r of idx.view.rows) {
      if (r.kind !== "code") continue;
      const code = r.code ?? r.key;
      const lvl = rowLevel(r);
      if (lvl === 1) classes.push(r);
      const p = parentCode(code);
      if (p && idx.byKey.has(p)) {
        const list = children.get(p);
        if (list) list.push(r);
        else children.set(p, [r]);
      }
    }
    const totalRow = idx.byKey.get("total");
    const parents = idx.view.rows.filter((r) => children.has(r.key));
    for (const role of roles) {
      if (totalRow?.cells[role] && classes.length > 0) this.rollupCheck(idx, totalRow, classes, role);
      for (const r of parents) if (r.cells[role]) this.rollupCheck(idx, r, children.get(r.key)!, role);
    }
  }

  private rollupCheck(idx: ViewIndex, parent: RowView, kids: RowView[], role: ColumnRole): void {
    this.begin();
    this.tCells.push(this.intern(parent.cells[role]!, idx.view, parent, role));
    this.tW.push(1);
    this.tE.push(0);
    for (const k of kids) {
      const cell = k.cells[role];
      if (cell) {
        this.tCells.push(this.intern(cell, idx.view, k, role));
        this.tW.push(1);
        this.tE.push(0);
      } else this.tMissing.push(`${idx.view.kind}[${k.key}, ${role}]`);
    }
    this.emit("=", 1);
  }
}

/** Compile rules once for a recognised workbook. Errors in user rules are collected, never thrown. */
export function compileRules(recognition: RecognitionResult, rules: RuleSpec[]): Program {
  const c = new Compiler(recognition);
  rules.forEach((r, i) => c.compileRule(r, i));
  for (const [rule, tables] of c.gaps) c.skipped.push({ rule, reason: "cells-absent", tables: [...tables] });
  let elementary = 0;
  for (const ch of c.checks) elementary += elementaryCount(ch);
  return { rules, cells: c.cells, checks: c.checks, skipped: c.skipped, ruleErrors: c.ruleErrors, elementary };
}

/** Indexes of the checks that read cell `cell` (index built once per program, for recheck). */
export function checksOfCell(program: Program, cell: number): readonly number[] {
  if (!program.checksByCell) {
    const byCell: number[][] = program.cells.map(() => []);
    program.checks.forEach((ch, i) => {
      for (const c of ch.cells)
        if (c >= 0) {
          const list = byCell[c];
          if (list[list.length - 1] !== i) list.push(i);
        }
    });
    program.checksByCell = byCell;
  }
  return program.checksByCell[cell];
}
