/**
 * ROLLUP(table): the subject-code hierarchy of a table as groups to add up — 合计 = Σ 类, and every parent row =
 * Σ its child rows (类 = Σ款, 款 = Σ项; economic 3 digits = Σ 5 digits) — generated from the code column.
 */
import type { ColumnRole } from "../catalog/vocabulary";
import type { ColumnSelector } from "./language/ast";
import { CompileError } from "./terms";
import type { Env } from "./terms";
import type { ViewIndex } from "./view-index";
import { parentCode, rowLevel } from "./view-index";

/** Row positions to add up: the 类 rows (for the 合计 row at totalPos), and each parent row with its children. */
export interface RollupGroups {
  classes: number[];
  totalPos: number | undefined;
  parents: number[];
  kidsOf: number[][];
}

/** The columns a ROLLUP checks: the listed ones, or every amount column. */
export function rollupRoles(idx: ViewIndex, cols: ColumnSelector[], env: Env): ColumnRole[] {
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
  return roles;
}

/** The hierarchy of a table's code rows (every row keyed like a parent, later rows with the same key too, is one). */
export function rollupGroups(idx: ViewIndex): RollupGroups {
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
  const parents: number[] = [];
  const kidsOf: number[][] = [];
  for (let p = 0; p < rows.length; p++) {
    const kids = kidsAt[idx.firstPos[p]];
    if (kids) {
      parents.push(p);
      kidsOf.push(kids);
    }
  }
  return { classes, totalPos, parents, kidsOf };
}
