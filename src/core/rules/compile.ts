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
  /** Row label · column header, for messages. */
  label: string;
  /** The cell as recognised (its text/reading at recognition time). */
  ref: CellRef;
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
  weights: number[];
  /** Decimal exponent of each weight (0.5 → weight 5, wexp 1). */
  wexp: number[];
  nLeft: number;
  /** References the rule needed that the table lacks (taken as exact 0). */
  missing: string[];
  table: TableKind;
}

export interface Program {
  rules: RuleSpec[];
  cells: ProgramCell[];
  checks: Check[];
  /** "sheet!A1" → cell index. */
  cellIndex: Map<string, number>;
  /** Cell index → indexes of checks that read it. */
  checksByCell: number[][];
  skipped: SkippedRule[];
  ruleErrors: RuleError[];
  /** State of the last evaluation (for recheck). */
  state?: unknown;
}

/** Key of a cell in the program's index. */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, "").toUpperCase()}`;
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
  readonly byLabel = new Map<string, RowView>();
  readonly numericRoles: ColumnRole[];

  constructor(readonly view: TableView) {
    for (const r of view.rows) {
      if (!this.byKey.has(r.key)) this.byKey.set(r.key, r);
      const n = normalizeLabel(r.label);
      if (n && !this.byLabel.has(n)) this.byLabel.set(n, r);
    }
    // MOF sheets: rows also answer to their 行次 ("L27") when recognition kept it, even if keyed by an item.
    for (const r of view.rows) {
      const line = (r as { lineNo?: number }).lineNo;
      if (typeof line === "number" && !this.byKey.has(`L${line}`)) this.byKey.set(`L${line}`, r);
    }
    const roles: ColumnRole[] = [];
    for (const c of view.columns) if (!roles.includes(c.role)) roles.push(c.role);
    for (const r of view.rows) for (const role of Object.keys(r.cells) as ColumnRole[]) if (!roles.includes(role)) roles.push(role);
    this.numericRoles = roles;
  }
}

interface Env {
  row?: string;
  col?: ColumnRole;
}

/** A resolved reference: a cell, or a description of what is missing. */
type Resolved = { cell: CellRef; view: TableView; row: RowView; role: ColumnRole } | { missing: string };

/** Linear term before cell interning: cell or constant (cell undefined), with a rational weight. */
interface LinearTerm {
  res?: Extract<Resolved, { cell: CellRef }>;
  missing?: string;
  /** weight = m · 10^-e */
  m: number;
  e: number;
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
  readonly cellIndex = new Map<string, number>();
  readonly checks: Check[] = [];
  readonly skipped: SkippedRule[] = [];
  readonly ruleErrors: RuleError[] = [];
  private readonly views = new Map<TableKind, ViewIndex>();
  private ruleIdx = 0;
  private inEmptyGuard = false;

  constructor(recognition: RecognitionResult) {
    for (const v of recognition.tables) if (!this.views.has(v.kind)) this.views.set(v.kind, new ViewIndex(v));
    // Every recognised amount cell is in the program, so unreadable cells are reported even if no rule reads them.
    for (const v of recognition.tables) for (const r of v.rows) for (const [role, c] of Object.entries(r.cells) as [ColumnRole, CellRef][]) this.intern(c, v, r, role);
  }

  private intern(cell: CellRef, view: TableView, row: RowView, role: ColumnRole): number {
    const key = cellKey(cell.sheet, cell.address);
    const found = this.cellIndex.get(key);
    if (found !== undefined) return found;
    const header = view.columns.find((c) => c.role === role && (!row.side || !c.side || c.side === row.side))?.header ?? role;
    const label = row.cells && Object.keys(row.cells).length > 1 ? `${row.label}·${header}` : row.label;
    const idx = this.cells.length;
    this.cells.push({
      sheet: cell.sheet,
      address: cell.address,
      row: cell.row,
      col: cell.col,
      table: view.kind,
      decimals: view.decimals,
      unitShift: view.unit === "元" ? 4 : 0,
      clip: false,
      label,
      ref: cell,
    });
    this.cellIndex.set(key, idx);
    return idx;
  }

  compileRule(rule: RuleSpec, ruleIdx: number): void {
    this.ruleIdx = ruleIdx;
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
          for (const r of rows) this.statement(st.body, { ...env, row: r.key });
        } else {
          if (env.col !== undefined) throw new CompileError(st.pos, "FOREACH COL 不能嵌套");
          for (const role of idx.numericRoles) this.statement(st.body, { ...env, col: role });
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

  /** Resolve a reference to its cells (several for wildcards), or what is missing. */
  private resolve(ref: Extract<Expr, { type: "ref" }>, env: Env): Resolved[] {
    const idx = this.views.get(ref.table)!;
    const rows = this.selectRows(idx, ref.row, env);
    const multiRow = ref.row.kind === "all" || ref.row.kind === "level" || ref.row.kind === "range";
    if (rows.length === 0) {
      if (multiRow) return [];
      const colText = ref.col.kind === "role" ? ref.col.role : ref.col.kind === "col" ? (env.col ?? "col") : "";
      return [{ missing: `${ref.table}[${this.rowDescription(ref.row, env)}${colText ? `, ${colText}` : ""}]` }];
    }
    const out: Resolved[] = [];
    for (const r of rows) {
      if (ref.col.kind === "all") {
        for (const role of idx.numericRoles) {
          const cell = r.cells[role];
          if (cell) out.push({ cell, view: idx.view, row: r, role });
        }
        continue;
      }
      const role = this.roleFor(r, ref.col, env);
      const cell = role ? r.cells[role] : undefined;
      if (cell && role) out.push({ cell, view: idx.view, row: r, role });
      else if (!multiRow) out.push({ missing: `${ref.table}[${r.key}, ${role ?? "?"}]` });
    }
    return out;
  }

  /** Flatten an expression into linear terms; `bind` fixes the one expanding wildcard reference to one cell. */
  private flatten(e: Expr, env: Env, m: number, ex: number, out: LinearTerm[], bind?: { ref: Expr; res: Resolved }): void {
    switch (e.type) {
      case "num": {
        const p = decimalParts(e.text);
        out.push({ m: m * p.m, e: ex + p.e });
        return;
      }
      case "ref": {
        const list = bind && bind.ref === e ? [bind.res] : this.resolve(e, env);
        for (const r of list) {
          if ("missing" in r) out.push({ missing: r.missing, m, e: ex });
          else out.push({ res: r, m, e: ex });
        }
        return;
      }
      case "sum":
        for (const a of e.args) this.flatten(a, env, m, ex, out, bind);
        return;
      case "binary":
        this.flatten(e.left, env, m, ex, out, bind);
        this.flatten(e.right, env, e.op === "-" ? -m : m, ex, out, bind);
        return;
      case "scale": {
        const p = decimalParts(e.factorText);
        this.flatten(e.expr, env, m * p.m, ex + p.e, out, bind);
        return;
      }
      case "neg":
        this.flatten(e.expr, env, -m, ex, out, bind);
        return;
    }
  }

  private compare(st: Extract<Statement, { type: "compare" }>, env: Env): void {
    const multis: Extract<Expr, { type: "ref" }>[] = [];
    st.operands.forEach((o) => bareMultiRefs(o, multis));
    if (multis.length > 1) throw new CompileError(multis[1].pos, "一个比较中只能有一处通配引用（其余请放进 SUM(...)）");
    if (multis.length === 1) {
      const ref = multis[0];
      for (const res of this.resolve(ref, env)) this.comparePairs(st, env, { ref, res });
      return;
    }
    this.comparePairs(st, env);
  }

  private comparePairs(st: Extract<Statement, { type: "compare" }>, env: Env, bind?: { ref: Expr; res: Resolved }): void {
    for (let i = 0; i < st.ops.length; i++) {
      const left: LinearTerm[] = [];
      const right: LinearTerm[] = [];
      this.flatten(st.operands[i], env, 1, 0, left, bind);
      this.flatten(st.operands[i + 1], env, 1, 0, right, bind);
      this.emit(st.ops[i], left, right);
    }
  }

  private emit(op: ComparisonOp, left: LinearTerm[], right: LinearTerm[]): void {
    // The check is about the left side's first cell; without it there is nothing to point at.
    if (left.length === 0 || (!left[0].res && left[0].missing !== undefined)) return;
    const cells: number[] = [];
    const weights: number[] = [];
    const wexp: number[] = [];
    const missing: string[] = [];
    let nLeft = 0;
    let table: TableKind | undefined;
    const add = (t: LinearTerm): boolean => {
      if (t.missing !== undefined) {
        missing.push(t.missing);
        return false;
      }
      if (t.res) {
        cells.push(this.intern(t.res.cell, t.res.view, t.res.row, t.res.role));
        table ??= t.res.view.kind;
      } else cells.push(-1);
      weights.push(t.m);
      wexp.push(t.e);
      return true;
    };
    for (const t of left) if (add(t)) nLeft++;
    for (const t of right) add(t);
    if (cells.every((c) => c < 0) || table === undefined) return;
    const cellTerms = cells.filter((c) => c >= 0).length;
    const rightIsZero = cells.slice(nLeft).every((c, i) => c < 0 && weights[nLeft + i] === 0) || cells.length === nLeft;
    let code: CheckCode;
    if (this.inEmptyGuard) code = "not-empty";
    else if (op === ">=" && nLeft === 1 && cells[0] >= 0 && weights[0] > 0 && rightIsZero) code = "negative";
    else if (op === "<=") code = "not-less-or-equal";
    else if (op === ">=") code = "not-greater-or-equal";
    else code = cellTerms > 2 ? "sum-mismatch" : "not-equal";
    if (code === "negative") this.cells[cells[0]].clip = true;
    this.checks.push({ rule: this.ruleIdx, op, code, cells, weights, wexp, nLeft, missing, table });
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
        const list = children.get(p) ?? [];
        list.push(r);
        children.set(p, list);
      }
    }
    const totalRow = idx.byKey.get("total");
    for (const role of roles) {
      if (totalRow?.cells[role] && classes.length > 0) this.rollupCheck(idx.view, totalRow, classes, role);
      for (const r of idx.view.rows) {
        const kids = children.get(r.key);
        if (kids && r.cells[role]) this.rollupCheck(idx.view, r, kids, role);
      }
    }
  }

  private rollupCheck(view: TableView, parent: RowView, kids: RowView[], role: ColumnRole): void {
    const left: LinearTerm[] = [{ res: { cell: parent.cells[role]!, view, row: parent, role }, m: 1, e: 0 }];
    const right: LinearTerm[] = [];
    for (const k of kids) {
      const cell = k.cells[role];
      if (cell) right.push({ res: { cell, view, row: k, role }, m: 1, e: 0 });
      else right.push({ missing: `${view.kind}[${k.key}, ${role}]`, m: 1, e: 0 });
    }
    this.emit("=", left, right);
  }
}

/** Compile rules once for a recognised workbook. Errors in user rules are collected, never thrown. */
export function compileRules(recognition: RecognitionResult, rules: RuleSpec[]): Program {
  const c = new Compiler(recognition);
  rules.forEach((r, i) => c.compileRule(r, i));
  const checksByCell: number[][] = c.cells.map(() => []);
  c.checks.forEach((ch, i) => {
    for (const cell of ch.cells) if (cell >= 0) {
      const list = checksByCell[cell];
      if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return { rules, cells: c.cells, checks: c.checks, cellIndex: c.cellIndex, checksByCell, skipped: c.skipped, ruleErrors: c.ruleErrors };
}
