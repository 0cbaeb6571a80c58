/**
 * Compile rules against a recognition result into a flat program: one elementary check per comparison, each a
 * list of (cell index, weight) terms, plus an index cell → checks for incremental re-checking.
 *
 * Speed (a 55k-cell workbook compiles in a few ms): cells and checks are kept in typed parallel arrays (CellLayout,
 * CheckTable) and turned into ProgramCell / Check objects only on demand; rule texts are parsed once per process;
 * each view indexes its cells by (row position, column slot); FOREACH ROW bodies are resolved once (planRows).
 *
 * Modules: program.ts (the program as data and its lookups), interning.ts (cell indexes), view-index.ts (lookups
 * over a table view), terms.ts (parsed formulas, weights, planned terms), gaps.ts (zero or side not printed),
 * rollup.ts (ROLLUP groups); this file walks the statements and emits the checks.
 */
import type { ColumnRole, TableKind } from "../catalog/vocabulary";
import { rowPanel, rowPlaces } from "../recognize/cell";
import type { RecognitionResult, RowView } from "../recognize/types";
import { absentCodeIsZero, GapLog, leftSideNotPrinted, rightSideNotPrinted, tableOfMissing } from "./gaps";
import { CellInterner } from "./interning";
import type { ComparisonOp } from "./interval";
import type { ColumnSelector, Expr, RowSelector, Statement } from "./language/ast";

import { CHECK_SIGN, CHECK_SIMPLE, CHECK_UNIT_WEIGHTS, CHECK_ZERO_EXPS, CODES, CompiledProgram } from "./program";
import type { CellLayout, CheckCode, CheckTable, NotPrintedCheck, Program } from "./program";
import { rollupGroups, rollupRoles } from "./rollup";
import type { RuleSpec } from "./rule";
import { CompileError, decimalParts, isMulti, multisOf, parseCached, tablesOf } from "./terms";
import type { Env, PlanTerm } from "./terms";
import type { RuleError, SkippedRule } from "./types";
import { ViewIndex, rowLevel } from "./view-index";
import { ruleNameKey } from "../text/keys";

export { cellKey, cellLabel, checkAt, checksOfCell, elementaryCount, findCell, programCell, termsOf, CHECK_SIGN, CHECK_SIMPLE, OPS } from "./program";
export type { CellLayout, Check, CheckCode, CheckTable, NotPrintedCheck, Program, ProgramCell } from "./program";

// Local bindings of imported functions and constants used per check or per cell: some module loaders
// (tsx/CommonJS interop) turn every access to an imported binding into a getter call (see evaluate.ts).
const absentCodeIsZeroL = absentCodeIsZero;
const leftSideNotPrintedL = leftSideNotPrinted;
const rightSideNotPrintedL = rightSideNotPrinted;
const tableOfMissingL = tableOfMissing;
const decimalPartsL = decimalParts;
const isMultiL = isMulti;
const multisOfL = multisOf;
const parseCachedL = parseCached;
const tablesOfL = tablesOf;
const rowLevelL = rowLevel;
const CODES_L = CODES;
const SIGN = CHECK_SIGN;
const SIMPLE = CHECK_SIMPLE;
const UNIT_WEIGHTS = CHECK_UNIT_WEIGHTS;
const ZERO_EXPS = CHECK_ZERO_EXPS;

class Compiler {
  /** Cell indexes and the layout they fill. */
  private readonly cells: CellInterner;
  readonly layout: CellLayout;
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
    this.cells = new CellInterner(capacity);
    this.layout = this.cells.layout;
    this.presize(capacity);
    // Every recognised amount cell is in the program, so unreadable cells are reported even if no rule reads them.
    const cells = this.cells;
    for (const v of recognition.tables) {
      const first = this.views.get(v.kind)!;
      const own = first.view === v;
      const vi = own ? first : new ViewIndex(v);
      const roles = vi.numericRoles;
      const nR = roles.length;
      const rows = v.rows;
      const slots = vi.cellIdx;
      const viewId = this.cells.viewId(v);
      const roleIds = roles.map((r) => this.cells.roleId(r));
      // Rows whose cells recognition has not built yet are interned by place (no cell object is made).
      let panel: object | undefined;
      let at = new Int32Array(nR);
      for (let p = 0; p < rows.length; p++) {
        const r = rows[p];
        const pc = rowPanel(r);
        if (pc !== undefined) {
          if (pc !== panel) {
            panel = pc;
            at = new Int32Array(nR);
            for (let k = 0; k < nR; k++) at[k] = pc.roles.indexOf(roles[k]);
          }
          for (let k = 0; k < nR; k++) {
            const j = at[k];
            if (j < 0) continue;
            const ci = cells.internAt(pc.sheet, r.sheetRow, pc.cols[j], viewId, p, roleIds[k]);
            if (own) slots[p * nR + k] = ci;
          }
          continue;
        }
        const rc = r.cells;
        for (let k = 0; k < nR; k++) {
          const c = rc[roles[k]];
          if (c) {
            const ci = cells.intern(c, viewId, p, roleIds[k]);
            if (own) slots[p * nR + k] = ci;
          }
        }
      }
    }
  }

  /** Program cell of the row at `pos` in the given role; −1 when the row has no such cell. */
  private cellAt(idx: ViewIndex, pos: number, role: ColumnRole): number {
    const slot = idx.slotOf.get(role);
    if (slot !== undefined) return idx.cellIdx[pos * idx.numericRoles.length + slot];
    // a role recognition did not list as a column (hand-built views): look at the row itself
    const r = idx.rows[pos];
    const cell = r.cells[role];
    return cell ? this.cells.intern(cell, this.cells.viewId(idx.view), pos, this.cells.roleId(role)) : -1;
  }

  compileRule(rule: RuleSpec, ruleIdx: number): void {
    this.ruleIdx = ruleIdx;
    this.ruleId = rule.id;
    const parsed = parseCachedL(rule.expression);
    if (!parsed.ok) {
      this.ruleErrors.push({
        source: rule.source ?? {},
        ruleId: rule.id,
        position: parsed.error.position,
        message: `规则 ${rule.id} 的公式在第 ${parsed.error.position + 1} 个字符处有误：${parsed.error.zh}`,
        messageEn: parsed.error.en,
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
      const missing = tablesOfL(st).filter((t) => !this.views.has(t));
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
          messageEn: e.en,
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
          if (env.row !== undefined) throw new CompileError(st.pos, "FOREACH ROW 不能嵌套", "FOREACH ROW cannot be nested");
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
          if (env.col !== undefined) throw new CompileError(st.pos, "FOREACH COL 不能嵌套", "FOREACH COL cannot be nested");
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
        for (let p = 0; p < idx.rows.length; p++) if (rowLevelL(idx.rows[p]) === sel.level) out.push(p);
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
      if (env.col === undefined) throw new CompileError(col.pos, "col 只能用在 FOREACH COL 之中", "col may only be used inside FOREACH COL");
      return env.col;
    }
    const places = rowPlaces(row);
    if (places !== undefined) {
      // the same answer as below, read from the roles of cells not built yet (a panel has a cell for each role)
      const roles = places.panel.roles;
      for (const r of ["amount", "total", "final"] as const) if (roles.includes(r)) return r;
      return roles[0];
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
          if (absentCodeIsZeroL(idx, key)) {
            this.tMissingCode = true;
            this.tMissingCodeTable ??= idx.view.kind;
          } else this.gap(idx.view.kind);
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
    if (sel.kind === "label") return idx.byLabel.get(ruleNameKey(sel.label));
    if (sel.kind === "row") {
      if (env.row === undefined) throw new CompileError(sel.pos, "row 只能用在 FOREACH ROW 之中", "row may only be used inside FOREACH ROW");
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
    T.code[k] = CODES_L.indexOf(code);
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
        const p = decimalPartsL(e.text);
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
        const p = decimalPartsL(e.factorText);
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
  /** Table of the first subject-code row the comparison being built needs but that table does not list. */
  private tMissingCodeTable?: TableKind;
  /** Cross-table checks (by index) one side of which is a subject row the other table does not list. */
  readonly notPrinted = new Map<number, NotPrintedCheck>();
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
  readonly gaps = new GapLog();
  private ruleId = "";

  private gap(table: TableKind): void {
    this.gapTable = table;
  }

  /** The current rule left a check out because a side is not printed in `table`. */
  private recordGap(table: TableKind): void {
    this.gaps.record(this.ruleId, table);
  }

  private compare(st: Extract<Statement, { type: "compare" }>, env: Env): void {
    this.fixedRefs = env.row === undefined && env.col === undefined;
    const multis = multisOfL(st);
    if (multis.length > 1) throw new CompileError(multis[1].pos, "一个比较中只能有一处通配引用（其余请放进 SUM(...)）", "only one wildcard reference per comparison (put the others in SUM(...))");
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
    const multis = multisOfL(st);
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
        const p = decimalPartsL(e.text);
        out.push({ idx: undefined, key: undefined, slot: -1, m: m * p.m, ex: ex + p.e });
        return true;
      }
      case "ref": {
        if (isMultiL(e) || (e.row.kind !== "row" && e.row.kind !== "key") || e.col.kind !== "role") return false;
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
        const p = decimalPartsL(e.factorText);
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
    this.tMissingCodeTable = undefined;
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
    this.pushCheck(op, code, cells.length, 1, SIGN, undefined);
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
      if (this.leftMissingTable !== undefined && leftSideNotPrintedL(this.fixedRefs, this.leftMissingColumn, this.leftMissingCode, this.inEmptyGuard)) this.recordGap(this.leftMissingTable);
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
    // A tie across tables whose other side does not list this subject row (a 类 one table lists and the other does
    // not, an unjoined continuation): should it fail, evaluation lists it as not run rather than comparing with 0.
    // (Decided on values, so that an edit to the printed side is still seen.)
    const notPrinted =
      this.tMissingCodeTable !== undefined && !this.inEmptyGuard && this.layout.views[this.layout.viewOf[first]].kind !== this.tMissingCodeTable
        ? this.tMissingCodeTable
        : undefined;
    // Everything the left side is compared with is missing: there is nothing to check it against (a total whose
    // items this layout does not print), so the check is a gap rather than "total = 0".
    if (nLeft < n || rightIsZero) {
      let rightCells = 0;
      for (let i = nLeft; i < n; i++) if (tCells[i] >= 0) rightCells++;
      // Also for ≤ / ≥: a bound that is not printed is not a bound of 0.
      if (rightSideNotPrintedL(rightCells, rightIsZero, this.tMissing.length, this.tMissingCode, this.inEmptyGuard)) {
        this.recordGap(tableOfMissingL(this.tMissing[0]));
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
    const flags = (simple ? SIMPLE : 0) | (unitWeights ? UNIT_WEIGHTS : 0) | (zeroExps ? ZERO_EXPS : 0);
    this.pushCheck(op, code, n, nLeft, flags, this.tMissing.length ? this.tMissing.slice() : undefined);
    if (notPrinted !== undefined) {
      this.notPrinted.set(T.count - 1, { rule: this.ruleId, table: notPrinted, missing: this.tMissing.filter((m) => m.startsWith(notPrinted)) });
    }
  }

  private rollup(table: TableKind, cols: ColumnSelector[], env: Env): void {
    const idx = this.views.get(table)!;
    const roles = rollupRoles(idx, cols, env);
    const { classes, totalPos, parents, kidsOf } = rollupGroups(idx);
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
  c.skipped.push(...c.gaps.skipped());
  let elementary = 0;
  const T = c.table;
  for (let k = 0; k < T.count; k++) elementary += T.flags[k] & SIGN ? T.len[k] : 1;
  const program = new CompiledProgram(rules, c.layout, T, c.skipped, c.ruleErrors, elementary);
  if (c.notPrinted.size > 0) program.notPrinted = c.notPrinted;
  return program;
}
