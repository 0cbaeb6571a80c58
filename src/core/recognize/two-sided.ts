/**
 * Two-sided tables (T1, T4, 财决01): a 收入 block on the left and a 支出 block on the right, each with its
 * label column and amount column(s). Expenditure class rows carry names only and are keyed by 类 code.
 */
import type { ColumnDef } from "../catalog/schema";
import type { ColumnRole } from "../catalog/vocabulary";
import { digitsOf, leadingCode } from "./codes";
import { columnNames, findHeader, isLineNumberRow, isNumberish, matchColumn, STRUCTURAL_WORDS, type HeaderBlock } from "./header";
import { hasValue, itemMatcher, makeCell, type ParseContext, type ParseOutcome } from "./parse-common";
import type { CellRef, ColumnView, RowView } from "./types";

type Side = "income" | "expenditure";

interface SideLayout {
  side: Side;
  labelCol: number;
  from: number;
  to: number;
  roles: Map<ColumnRole, { col: number; score: number; header: string }>;
  lineNoCol?: number;
}

function sideColumns(defs: readonly ColumnDef[], side: Side): ColumnDef[] {
  return defs.filter((d) => !d.side || d.side === side);
}

/** Parse a two-sided table; undefined when the income and expenditure label columns cannot be found. */
export function parseTwoSided(ctx: ParseContext): ParseOutcome | undefined {
  const { grid: g, def, region } = ctx;
  const items = itemMatcher(def.rows);
  const isClass = (label: string): string | undefined => {
    const lc = leadingCode(label);
    if (lc && lc.code.length === 3 && lc.code[0] === "2") return lc.code;
    return ctx.classCode(label);
  };
  // Data: the leftmost text is an item, or some cell names a 类 (header cells such as 一般公共预算财政拨款
  // repeat income labels, so items count only at the left edge).
  const isDataRow = (r: number): boolean => {
    let first = true;
    for (let c = region.left; c <= region.right; c++) {
      const t = g.label(r, c);
      if (!t) continue;
      if (first && items.candidates(t).length > 0) return true;
      first = false;
      if (def.classRows && isClass(t)) return true;
    }
    return false;
  };
  const keywords = [...def.columns.flatMap(columnNames), ...STRUCTURAL_WORDS];
  const header: HeaderBlock | undefined = findHeader({
    grid: g, from: ctx.from, to: region.bottom, left: region.left, right: region.right, keywords, isDataRow,
  });
  const start = header ? header.dataStart : ctx.from;

  // Label columns: where the income and expenditure items are printed.
  let incCol: number | undefined;
  let expCol: number | undefined;
  const scanTo = Math.min(region.bottom, start + 200);
  for (let r = start; r <= scanTo && (incCol === undefined || expCol === undefined); r++) {
    for (let c = region.left; c <= region.right; c++) {
      const t = g.label(r, c);
      if (!t) continue;
      const inc = items.candidates(t, "income").some((d) => !d.under && d.key !== "inc_grand_total");
      const exp = items.candidates(t, "expenditure").some((d) => d.key !== "exp_grand_total") || (def.classRows && isClass(t));
      if (inc && !items.candidates(t, "expenditure").length && incCol === undefined) incCol = c;
      else if (exp && !inc && expCol === undefined && (incCol === undefined || c >= incCol)) expCol = c;
    }
  }
  if (incCol === undefined && header) incCol = header.columns.find((h) => h.structural === "name")?.col;
  if (expCol === undefined && header && incCol !== undefined) {
    expCol = header.columns.find((h) => h.structural === "name" && h.col > incCol!)?.col;
  }
  if (incCol === undefined || expCol === undefined || expCol < incCol) return undefined;
  // Hand-made copies often stack the 收入 block above the 支出 block in one label column.
  const stacked = expCol === incCol;

  const sides: SideLayout[] = [
    { side: "income", labelCol: incCol, from: incCol + 1, to: stacked ? region.right : expCol - 1, roles: new Map() },
    { side: "expenditure", labelCol: expCol, from: expCol + 1, to: region.right, roles: new Map() },
  ];
  for (const s of sides) {
    const defs = sideColumns(def.columns, s.side);
    for (const h of header?.columns ?? []) {
      if (h.col < s.from || h.col > s.to) continue;
      if (h.structural === "lineNo") {
        s.lineNoCol ??= h.col;
        continue;
      }
      if (h.structural) continue;
      const m = matchColumn(h, defs);
      if (!m) continue;
      const prev = s.roles.get(m.role);
      if (!prev || m.score > prev.score) s.roles.set(m.role, { col: h.col, score: m.score, header: h.joined });
    }
    // One unlabelled amount column on a side is that side's "amount" (决算数).
    const amountDef = defs.find((d) => d.role === "amount");
    if (s.roles.size === 0 && amountDef) {
      for (let c = s.from; c <= s.to; c++) {
        if (c === s.lineNoCol) continue;
        let numeric = false;
        for (let r = start; r <= scanTo && !numeric; r++) numeric = isNumberish(g, r, c) && !/^\d{1,2}$/.test(g.norm(r, c));
        if (numeric) {
          s.roles.set("amount", { col: c, score: 1, header: "" });
          break;
        }
      }
    }
  }

  const rows: RowView[] = [];
  const unplaced: { label: string; sheetRow: number }[] = [];
  const seen: Record<Side, Set<string>> = { income: new Set(), expenditure: new Set() };
  let bodyBottom = header?.bottom ?? start;
  let anyAmount = false;
  let blankRun = 0;
  let classRows = 0;
  let current: Side = "income";
  /** Cells (row * 16384 + col) holding the wrapped rest of the label above, already joined to it. */
  const wrapRests = new Set<number>();
  const knownLabel = (label: string, side: Side): boolean =>
    items.pick(label, seen[side], side) !== undefined || (side === "expenditure" && def.classRows && isClass(label) !== undefined);
  for (let r = start; r <= region.bottom; r++) {
    if (g.rowIsBlank(r)) {
      if (++blankRun > 12 && rows.length > 0) break;
      continue;
    }
    blankRun = 0;
    if (isLineNumberRow(g, r, region.left, region.right)) continue;
    let rowSides = sides;
    if (stacked) {
      const label = g.label(r, incCol);
      if (/^(收入|收入项目|收入部分)$/u.test(label)) current = "income";
      else if (/^(支出|支出项目|支出部分)$/u.test(label)) current = "expenditure";
      else if (current === "income" && label && !items.pick(label, seen.income, "income")) {
        if (items.pick(label, seen.expenditure, "expenditure") || (def.classRows && isClass(label))) current = "expenditure";
      }
      if (/^(收入|收入项目|收入部分|支出|支出项目|支出部分)$/u.test(label)) continue;
      rowSides = sides.filter((x) => x.side === current);
    }
    for (const s of rowSides) {
      const cells: Partial<Record<ColumnRole, CellRef>> = {};
      for (const [role, rc] of s.roles) cells[role] = makeCell(g, r, rc.col, ctx.decimals);
      const valued = hasValue(cells);
      if (valued) anyAmount = true;
      if (wrapRests.has(r * 16384 + s.labelCol)) continue;
      const rawValue = g.value(r, s.labelCol);
      let raw = rawValue === null ? "" : String(rawValue).trim();
      let label = g.label(r, s.labelCol);
      // PDF exports cut long labels at the cell edge and put the rest on the next row, alone
      // (「二、政府性基金预算财政拨」 / 「款」): join the two when only the joined label is known.
      if (label && !knownLabel(label, s.side) && r + 1 <= region.bottom) {
        const rest = g.label(r + 1, s.labelCol);
        const restCells = [...s.roles.values()].every((rc) => g.value(r + 1, rc.col) === null);
        if (rest && restCells && rest.length <= 12 && knownLabel(label + rest, s.side)) {
          label += rest;
          raw += String(g.value(r + 1, s.labelCol)).trim();
          wrapRests.add((r + 1) * 16384 + s.labelCol);
        }
      }
      const lineDigits = s.lineNoCol !== undefined ? digitsOf(g.value(r, s.lineNoCol)) : undefined;
      const lineNo = lineDigits !== undefined ? Number(lineDigits) : undefined;
      if (!label && !valued) continue;
      const it = label ? items.pick(label, seen[s.side], s.side) : undefined;
      let view: RowView | undefined;
      if (it) {
        view = { key: it.key, kind: "item", label: raw, role: it.role, sheetRow: r, side: s.side, cells };
      } else if (s.side === "expenditure" && def.classRows && label) {
        const code = isClass(label);
        if (code && !seen.expenditure.has(code)) {
          classRows++;
          view = { key: code, kind: "code", label: raw, code, level: 1, codeSystem: "function", role: "item", sheetRow: r, side: s.side, cells };
        }
      }
      if (!view && def.lineKeys && lineNo !== undefined && label && !seen[s.side].has(`L${lineNo}`)) {
        view = { key: `L${lineNo}`, kind: "item", label: raw, role: "item", sheetRow: r, side: s.side, cells };
      }
      if (view) {
        if (lineNo !== undefined) view.lineNo = lineNo;
        seen[s.side].add(view.key);
        rows.push(view);
      } else if (valued || (label && !STRUCTURAL_WORDS.includes(label))) {
        if (valued) unplaced.push({ label: raw, sheetRow: r });
        else continue;
      } else continue;
      bodyBottom = Math.max(bodyBottom, r);
    }
  }

  const columns: ColumnView[] = [];
  const found = new Set<string>();
  for (const s of sides) {
    for (const [role, rc] of s.roles) {
      columns.push({ role, header: rc.header, col: rc.col, side: s.side });
      found.add(`${s.side}:${role}`);
    }
  }
  const missingColumns: ColumnRole[] = [];
  let required = 0;
  for (const d of def.columns.filter((c) => c.required)) {
    const needed: Side[] = d.side ? [d.side] : ["income", "expenditure"];
    for (const side of needed) {
      required++;
      if (!found.has(`${side}:${d.role}`) && !missingColumns.includes(d.role)) missingColumns.push(d.role);
    }
  }
  const missingCount = def.columns
    .filter((c) => c.required)
    .reduce((n, d) => n + (d.side ? [d.side] : (["income", "expenditure"] as Side[])).filter((s) => !found.has(`${s}:${d.role}`)).length, 0);
  const reqRows = def.rows.filter((d) => d.required);
  const missingRows = reqRows.filter((d) => !seen[d.side ?? "income"].has(d.key)).map((d) => d.key);
  const columnScore = required ? (required - missingCount) / required : 1;
  const rowScore = reqRows.length ? (reqRows.length - missingRows.length) / reqRows.length : classRows > 0 ? 1 : 0;
  const allCols = columns.map((c) => c.col);
  return {
    header, columns, rows, unplacedRows: unplaced, missingColumns, missingRows,
    bodyTop: header?.top ?? start, bodyBottom, left: Math.min(incCol, ...allCols), right: Math.max(expCol, ...allCols),
    columnScore, rowScore, wrongSystem: false, anyAmount,
  };
}
