/** Syntax tree of the rule language (see ../LANGUAGE.md). Positions are zero-based offsets into the rule text. */
import type { ColumnRole, TableKind } from "../../catalog/vocabulary";
import type { ComparisonOp } from "../interval";

/** Row selector inside `T[row, column]`. */
export type RowSelector =
  /** A row item key (inc_total_year), a subject code (2010301), or an MOF row number key (L27). */
  | { kind: "key"; key: string; pos: number }
  /** A printed label not in the vocabulary, matched against the table's row labels at compile time. */
  | { kind: "label"; label: string; pos: number }
  /** `row`: the row bound by FOREACH ROW. */
  | { kind: "row"; pos: number }
  /** `*`: every row with a cell in the column. */
  | { kind: "all"; pos: number }
  /** `*class*` / `*category*` / `*item*` (类 / 款 / 项; economic codes: 3-digit / 5-digit). */
  | { kind: "level"; level: 1 | 2 | 3; pos: number }
  /** `L1:L8`: MOF row numbers from..to inclusive. */
  | { kind: "range"; prefix: string; from: number; to: number; pos: number };

/** Column selector inside `T[row, column]`; `default` when omitted (the table's single amount column). */
export type ColumnSelector =
  | { kind: "role"; role: ColumnRole; pos: number }
  | { kind: "col"; pos: number }
  | { kind: "all"; pos: number }
  | { kind: "default"; pos: number };

export type Expr =
  | { type: "num"; value: number; text: string; pos: number }
  | { type: "ref"; table: TableKind; row: RowSelector; col: ColumnSelector; pos: number }
  | { type: "sum"; args: Expr[]; pos: number }
  | { type: "binary"; op: "+" | "-"; left: Expr; right: Expr; pos: number }
  /** Multiplication by a constant (either order in the source). */
  | { type: "scale"; factor: number; factorText: string; expr: Expr; pos: number }
  | { type: "neg"; expr: Expr; pos: number };

export type Statement =
  /** `a = b`, `a <= b`, chains `a = b = c` (each neighbouring pair is one comparison). */
  | { type: "compare"; operands: Expr[]; ops: ComparisonOp[]; pos: number }
  | { type: "foreach"; over: "row" | "col"; table: TableKind; filter?: RowSelector; body: Statement; pos: number }
  /** `WHEN EMPTY(T8): …` — only when the table declares it has no data. */
  | { type: "when-empty"; table: TableKind; body: Statement; pos: number }
  /** `ROLLUP(T3[, col…])` — 类 = Σ款, 款 = Σ项, 合计 = Σ类 generated from the code column. */
  | { type: "rollup"; table: TableKind; cols: ColumnSelector[]; pos: number };

/** A parsed rule text: one or more statements separated by `;`. */
export interface RuleProgramAst {
  statements: Statement[];
  /** Tables the text refers to. */
  tables: TableKind[];
}
