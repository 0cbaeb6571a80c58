/**
 * Fixed-item tables: the 三公 table with its items across the header (each with 预算数/决算数 sub-columns and
 * one data row), or items down the rows (a vertical 三公 table, F03 机构运行信息表) with value columns to the
 * right of each label.
 */
import type { ColumnRole } from "../catalog/vocabulary";
import { columnNames, findHeader, isNumberish, matchColumn, STRUCTURAL_WORDS, type HeaderBlock } from "./header";

import { hasValue, itemMatcher, itemNames, makeCell, type ParseContext, type ParseOutcome } from "./parse-common";
import type { CellRef, ColumnView, RowView } from "./types";
import type { RowItemDef } from "../catalog/schema";
import { matchText, rowLabelKey } from "../text/keys";

function finish(
  ctx: ParseContext,
  header: HeaderBlock | undefined,
  rows: RowView[],
  columns: ColumnView[],
  unplaced: { label: string; sheetRow: number }[],
  bodyBottom: number,
  usedCols: number[],
): ParseOutcome {
  const { def } = ctx;
  const seen = new Set(rows.map((r) => r.key));
  const found = new Set(columns.map((c) => c.role));
  const reqCols = def.columns.filter((c) => c.required);
  const missingColumns = reqCols.filter((c) => !found.has(c.role)).map((c) => c.role);
  const reqRows = def.rows.filter((r) => r.required);
  const missingRows = reqRows.filter((r) => !seen.has(r.key)).map((r) => r.key);
  const anyAmount = rows.some((r) => hasValue(r.cells));
  const cols = usedCols.length > 0 ? usedCols : columns.map((c) => c.col);
  return {
    header, columns, rows, unplacedRows: unplaced, missingColumns, missingRows,
    bodyTop: header?.top ?? ctx.from, bodyBottom,
    left: Math.min(ctx.region.right, ...cols), right: Math.max(ctx.region.left, ...cols),
    columnScore: reqCols.length ? (reqCols.length - missingColumns.length) / reqCols.length : 1,
    rowScore: reqRows.length ? (reqRows.length - missingRows.length) / reqRows.length : rows.length > 0 ? 1 : 0,
    wrongSystem: false, anyAmount,
  };
}

/** The item whose alias ends latest in a joined header (the deepest header level names the column). */
function itemInHeader(joined: string, defs: readonly RowItemDef[]): { def: RowItemDef; start: number; end: number } | undefined {
  let best: { def: RowItemDef; start: number; end: number; len: number } | undefined;
  for (const d of defs) {
    for (const n of itemNames(d)) {
      const i = joined.lastIndexOf(n);
      if (i < 0) continue;
      const end = i + n.length;
      if (!best || end > best.end || (end === best.end && n.length > best.len)) best = { def: d, start: i, end, len: n.length };
    }
  }
  return best;
}

/** Items across the header (三公 tables). Undefined when fewer than three item columns are found. */
export function parseMatrix(ctx: ParseContext): ParseOutcome | undefined {
  const { grid: g, def, region } = ctx;
  const keywords = [
    ...def.rows.flatMap(itemNames),
    ...def.columns.flatMap(columnNames),
    ...STRUCTURAL_WORDS,
  ];
  const isDataRow = (r: number): boolean => {
    for (let c = region.left; c <= region.right; c++) if (isNumberish(g, r, c)) return true;
    return false;
  };
  const header = findHeader({ grid: g, from: ctx.from, to: region.bottom, left: region.left, right: region.right, keywords, isDataRow });
  if (!header) return undefined;
  const slots: { col: number; item: RowItemDef; role: ColumnRole; header: string; row?: number }[] = [];
  const bare: { col: number; item: RowItemDef; header: string }[] = [];
  for (const h of header.columns) {
    const joined = h.parts.map(rowLabelKey).join("");
    const hit = itemInHeader(joined, def.rows);
    if (!hit) continue;
    // 预算数/决算数 below the item (「合计 | 预算数」) or above it as a parent (「预算数 | 合计」).
    const after = joined.slice(hit.end);
    const before = joined.slice(0, hit.start);
    // A prior-year group (「上年决算数」「上年数」) beside 预算数 | 决算数 is not this year's figures.
    if (/上年|上期|去年/u.test(joined)) continue;
    const m =
      (after ? matchColumn({ ...h, joined: after, parts: [after] }, def.columns) : undefined) ??
      (before ? matchColumn({ ...h, joined: before, parts: [before] }, def.columns) : undefined);
    if (!m) {
      if (!bare.some((b) => b.item.key === hit.def.key)) bare.push({ col: h.col, item: hit.def, header: h.joined });
      continue;
    }
    if (slots.some((s) => s.item.key === hit.def.key && s.role === m.role)) continue;
    slots.push({ col: h.col, item: hit.def, role: m.role, header: h.joined });
  }
  // Items across without 预算数/决算数 sub-headers: those are row labels below (「预算数」 row, 「决算数」 row).
  if (new Set(slots.map((s) => s.item.key)).size < 3 && bare.length >= 3) {
    const firstItemCol = Math.min(...bare.map((b) => b.col));
    for (let r = header.dataStart; r <= Math.min(region.bottom, header.dataStart + 6); r++) {
      for (let c = region.left; c < firstItemCol; c++) {
        const t = g.label(r, c);
        if (!t) continue;
        const m = matchColumn({ col: c, parts: [t], joined: t }, def.columns);
        if (m && !slots.some((s) => s.role === m.role)) for (const b of bare) slots.push({ ...b, role: m.role, row: r });
        break;
      }
    }
  }
  if (new Set(slots.map((s) => s.item.key)).size < 3) return undefined;
  // The data row: the first row under the header with a value in an item column (or the first row at all).
  let dataRow = header.dataStart;
  for (let r = header.dataStart; r <= Math.min(region.bottom, header.dataStart + 5); r++) {
    if (slots.some((s) => g.value(r, s.col) !== null && g.norm(r, s.col) !== "")) {
      dataRow = r;
      break;
    }
  }
  const byItem = new Map<string, RowView>();
  for (const s of slots) {
    let row = byItem.get(s.item.key);
    if (!row) {
      row = { key: s.item.key, kind: "item", label: s.header, role: s.item.role, sheetRow: dataRow, cells: {} };
      byItem.set(s.item.key, row);
    }
    row.cells[s.role] = makeCell(g, s.row ?? dataRow, s.col, ctx.decimals);
  }
  const order = def.rows.map((r) => r.key as string);
  const rows = [...byItem.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const columns: ColumnView[] = [];
  for (const role of new Set(slots.map((s) => s.role))) {
    const first = slots.find((s) => s.role === role)!;
    columns.push({ role, header: first.header, col: first.col });
  }
  return finish(ctx, header, rows, columns, [], Math.max(dataRow, ...slots.map((s) => s.row ?? dataRow)), slots.map((s) => s.col));
}

/** Items down the rows, each with its value cells to the right of the label. */
export function parseItems(ctx: ParseContext): ParseOutcome | undefined {
  const { grid: g, def, region } = ctx;
  const items = itemMatcher(def.rows);
  const keywords = [...def.columns.flatMap(columnNames), ...STRUCTURAL_WORDS];
  const isDataRow = (r: number): boolean => {
    for (let c = region.left; c <= region.right; c++) if (items.candidates(g.label(r, c)).length > 0) return true;
    return false;
  };
  const header = findHeader({ grid: g, from: ctx.from, to: region.bottom, left: region.left, right: region.right, keywords, isDataRow });
  const roleCols: { col: number; role: ColumnRole; header: string }[] = [];
  const skipCols = new Set<number>();
  for (const h of header?.columns ?? []) {
    if (h.structural) {
      skipCols.add(h.col);
      continue;
    }
    const m = matchColumn(h, def.columns);
    if (m) roleCols.push({ col: h.col, role: m.role, header: h.joined });
    else if (/单位|计量/u.test(h.joined)) skipCols.add(h.col);
  }
  const start = header ? header.dataStart : ctx.from;
  const seen = new Set<string>();
  const rows: RowView[] = [];
  const unplaced: { label: string; sheetRow: number }[] = [];
  let bodyBottom = header?.bottom ?? start;
  const usedCols = new Map<ColumnRole, number>();
  const allCols: number[] = [];
  let blankRun = 0;
  for (let r = start; r <= region.bottom; r++) {
    if (g.rowIsBlank(r)) {
      if (++blankRun > 12 && rows.length > 0) break;
      continue;
    }
    blankRun = 0;
    const labelCols: number[] = [];
    for (let c = region.left; c <= region.right; c++) {
      const v = g.value(r, c);
      if (typeof v === "string" && g.label(r, c) && !isNumberish(g, r, c) && !/^\d+$/.test(matchText(v))) labelCols.push(c);
    }
    labelCols.forEach((c, i) => {
      const label = g.label(r, c);
      const it = items.pick(label, seen);
      if (!it) return;
      const boundary = i + 1 < labelCols.length ? labelCols[i + 1] : region.right + 1;
      const cells: Partial<Record<ColumnRole, CellRef>> = {};
      if (roleCols.length > 0) {
        for (const rc of roleCols) {
          if (rc.col > c && rc.col < boundary && !cells[rc.role]) {
            cells[rc.role] = makeCell(g, r, rc.col, ctx.decimals);
            usedCols.set(rc.role, rc.col);
            allCols.push(c, rc.col);
          }
        }
      }
      if (Object.keys(cells).length === 0) {
        for (let cc = c + 1; cc < Math.min(boundary, c + 4); cc++) {
          if (skipCols.has(cc)) continue;
          cells.amount = makeCell(g, r, cc, ctx.decimals);
          usedCols.set("amount", cc);
          allCols.push(c, cc);
          break;
        }
      }
      seen.add(it.key);
      rows.push({ key: it.key, kind: "item", label: String(g.value(r, c)).trim(), role: it.role, sheetRow: r, cells });
      bodyBottom = Math.max(bodyBottom, r);
    });
  }
  if (rows.length === 0) return undefined;
  const columns: ColumnView[] = [...usedCols].map(([role, col]) => ({
    role, col, header: roleCols.find((rc) => rc.col === col)?.header ?? "",
  }));
  return finish(ctx, header, rows, columns, unplaced, bodyBottom, allCols);
}
