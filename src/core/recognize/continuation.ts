/**
 * Tables continued on the next sheet, as PDF-to-Excel converters split them (「第5页」 → 「第6页」): the next
 * sheet holds more code rows of the same table, with its header repeated or without any header or title. Its
 * rows are merged into the first sheet's view (keyed by code, addresses on the second sheet).
 */
import type { ColumnRole } from "../catalog/vocabulary";
import { codeLevel, codeSystemOf, digitsOf, leadingCode } from "./codes";
import type { Grid } from "./grid";
import { makeCell, type ItemMatcher } from "./parse-common";

import type { CellRef, RowView, TableView } from "./types";
import { rowLabelKey } from "../text/keys";

/** Can `next` (found on the following sheet without a title or sheet hint) be the rest of `prev`? */
export function continues(prev: TableView, next: TableView): boolean {
  if (prev.empty || next.empty || !isCodedView(prev)) return false;
  if (next.unitStated && next.unit !== prev.unit) return false;
  const roles = new Set(prev.columns.map((c) => c.role));
  // Another kind read by shape alone (e.g. 支出决算表 columns read as 一般公共预算支出表) still continues a
  // one-sided coded table when it has a subset of its columns and code rows only; a two-sided table never.
  const twoSided = prev.rows.some((r) => r.side !== undefined);
  const same = next.kind === prev.kind || (!twoSided && next.columns.every((c) => roles.has(c.role)) && next.rows.every((r) => r.kind === "code"));
  // The continuation carries code rows only (its 合计 is on the first page, if anywhere).
  return same && next.rows.some((r) => r.kind === "code") && !next.rows.some((r) => r.kind === "item" && prev.rows.some((p) => p.key === r.key));
}

function isCodedView(v: TableView): boolean {
  return v.rows.some((r) => r.kind === "code");
}

/** Move the rows of `next` into `prev`; codes already in `prev` are reported as unplaced rather than overwritten. */
export function mergeContinuation(prev: TableView, next: TableView): void {
  const seen = new Set(prev.rows.map((r) => r.key));
  for (const r of next.rows) {
    if (seen.has(r.key)) prev.unplacedRows.push({ label: r.label || r.key, sheetRow: r.sheetRow });
    else {
      prev.rows.push(r);
      seen.add(r.key);
    }
  }
  prev.unplacedRows.push(...next.unplacedRows);
  markParents(prev.rows);
}

/** A code row with deeper codes below it is a subtotal (类 = Σ 款, 款 = Σ 项), across both sheets. */
function markParents(rows: RowView[]): void {
  const parents = new Set<string>();
  for (const r of rows) {
    if (r.kind !== "code" || r.codeSystem !== "function") continue;
    if (r.key.length >= 5) parents.add(r.key.slice(0, 3));
    if (r.key.length >= 7) parents.add(r.key.slice(0, 5));
  }
  for (const r of rows) if (r.kind === "code" && parents.has(r.key)) r.role = "subtotal";
}

/**
 * Read a sheet with neither title nor header as the body of `prev` continued: the code (or code + name) in the
 * columns left of the amounts, the amounts in the same columns as on the first sheet; closing item rows
 * (「人员经费合计」) matched by `items`. Undefined unless every row with amounts is such a row.
 */
export function readHeaderless(g: Grid, prev: TableView, items?: ItemMatcher): { rows: RowView[]; bottom: number } | undefined {
  if (prev.empty || !isCodedView(prev) || prev.columns.length === 0) return undefined;
  const system = prev.rows.find((r) => r.kind === "code")?.codeSystem;
  const firstAmount = Math.min(...prev.columns.map((c) => c.col));
  const lastAmount = Math.max(...prev.columns.map((c) => c.col));
  const roleCols: [ColumnRole, number][] = prev.columns.map((c) => [c.role, c.col]);
  const rows: RowView[] = [];
  let lastCode = [...prev.rows].reverse().find((r) => r.kind === "code")?.key;
  let lead = 0;
  const seen = new Set(prev.rows.map((x) => x.key));
  const here = new Set<string>();
  let bottom = g.top;
  for (let r = g.top; r <= g.bottom; r++) {
    if (g.rowIsBlank(r)) continue;
    // Nothing may stand right of the table's last amount column.
    for (let c = lastAmount + 1; c <= g.right; c++) if (g.norm(r, c) !== "") return undefined;
    let code: string | undefined;
    let label = "";
    // 类|款|项 printed in separate cells: 2-digit parts join the code before them, or the last 类/款 above.
    const parts: string[] = [];
    for (let c = Math.min(g.left, prev.range.left); c < firstAmount; c++) {
      const v = g.value(r, c);
      if (v === null || g.norm(r, c) === "") continue;
      const d = digitsOf(v);
      if (d !== undefined && !label && (codeLevel(d) || d.length <= 2)) {
        parts.push(d.length === 1 ? `0${d}` : d);
        code = joinParts(parts, lastCode);
        continue;
      }
      const lc = code === undefined ? leadingCode(g.norm(r, c)) : undefined;
      if (lc && codeLevel(lc.code)) {
        code = lc.code;
        label = String(v).trim();
        continue;
      }
      label ||= String(v).trim();
    }
    const cells: Partial<Record<ColumnRole, CellRef>> = {};
    let amounts = 0;
    let bad = false;
    for (const [role, col] of roleCols) {
      const cell = makeCell(g, r, col, prev.decimals);
      cells[role] = cell;
      if (cell.reading.kind === "amount") amounts++;
      if (cell.reading.kind === "invalid" && cell.reading.reason !== "error-value") bad = true;
    }
    const item = code === undefined && label && items && !bad ? items.pick(rowLabelKey(label), seen) : undefined;
    if (item) {
      seen.add(item.key);
      rows.push({ key: item.key, kind: "item", label, role: item.role, sheetRow: r, cells });
      bottom = r;
      continue;
    }
    if (code === undefined || codeSystemOf(code) !== system || bad) {
      // Lines without amounts may stand around the body (a 「（续）」 title and unit line above, a 「注：…」 or page
      // number below, at most a few before the first row); a line with amounts that is no row of this table is
      // not this table.
      if (amounts > 0 || (rows.length === 0 && ++lead > 4)) return undefined; // stop early on large unrelated sheets
      continue;
    }
    // Twice on this sheet: not a table body. Already on the first sheet: kept, and reported by the merge.
    if (here.has(code)) return undefined;
    here.add(code);
    seen.add(code);
    lastCode = code;
    rows.push({ key: code, kind: "code", label, code, level: codeLevel(code), codeSystem: system, role: "item", sheetRow: r, cells });
    bottom = r;
  }
  return rows.length > 0 ? { rows, bottom } : undefined;
}

/** Join code parts read left to right (「201」「01」「01」, or 「01」 under the last 款 printed above). */
function joinParts(parts: string[], last: string | undefined): string | undefined {
  let code: string;
  if (parts[0].length >= 3) code = parts.join("");
  else if (!last) return undefined;
  else if (parts.length >= 2) code = last.slice(0, 3) + parts.join("");
  else code = (last.length >= 5 ? last.slice(0, 5) : last.slice(0, 3)) + parts[0];
  return codeLevel(code) ? code : undefined;
}
