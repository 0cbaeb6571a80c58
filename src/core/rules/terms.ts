/**
 * What compiling a formula needs besides the tables: parsed rule texts (cached), the tables and wildcard references
 * of a statement (cached per AST node), decimal weights, the binding environment and planned terms.
 */
import type { ColumnRole, TableKind } from "../catalog/vocabulary";
import type { Expr, Statement } from "./language/ast";
import { parseRule } from "./language/parser";
import type { ParseOutcome } from "./language/parser";
import type { ViewIndex } from "./view-index";

/** A formula error found while compiling (a position and a zh-CN message, reported as a RuleError). */
export class CompileError extends Error {
  constructor(
    readonly position: number,
    readonly zh: string,
    readonly en: string = zh,
  ) {
    super(zh);
  }
}

// Rule texts are parsed once per process, not once per compile (the built-ins are compiled for every workbook).
const parsedRules = new Map<string, ParseOutcome>();
const PARSE_CACHE_LIMIT = 1024;

/** The parsed rule text (parsed once per process). */
export function parseCached(text: string): ParseOutcome {
  let p = parsedRules.get(text);
  if (!p) {
    p = parseRule(text);
    if (parsedRules.size >= PARSE_CACHE_LIMIT) parsedRules.clear();
    parsedRules.set(text, p);
  }
  return p;
}

export interface Env {
  row?: string;
  col?: ColumnRole;
  /** The table FOREACH ROW iterates and the position `row` stands for in it (saves a key lookup per reference). */
  rowIdx?: ViewIndex;
  rowPos?: number;
}

/** One term of a planned FOREACH ROW comparison: a cell (table, key or bound row, role slot) or a constant (no idx). */
export interface PlanTerm {
  idx: ViewIndex | undefined;
  key: string | undefined;
  slot: number;
  m: number;
  ex: number;
}

export function decimalParts(text: string): { m: number; e: number } {
  const [int, frac = ""] = text.split(".");
  return { m: Number(int + frac) || 0, e: frac.length };
}

export function isMulti(ref: Extract<Expr, { type: "ref" }>): boolean {
  return ref.row.kind === "all" || ref.row.kind === "level" || ref.row.kind === "range" || ref.col.kind === "all";
}

/** Multi-cell references standing outside SUM (they make the comparison expand per cell). */
export function bareMultiRefs(e: Expr, out: Extract<Expr, { type: "ref" }>[]): void {
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

export function tablesOf(st: Statement): TableKind[] {
  let t = tablesOfStatement.get(st);
  if (!t) {
    const set = new Set<TableKind>();
    statementTables(st, set);
    t = [...set];
    tablesOfStatement.set(st, t);
  }
  return t;
}

/** The multi-cell references standing outside SUM in a comparison (cached per statement). */
export function multisOf(st: Extract<Statement, { type: "compare" }>): Extract<Expr, { type: "ref" }>[] {
  let multis = multisOfStatement.get(st);
  if (!multis) {
    multis = [];
    for (const o of st.operands) bareMultiRefs(o, multis);
    multisOfStatement.set(st, multis);
  }
  return multis;
}
