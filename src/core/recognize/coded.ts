/**
 * Coded tables (T2, T3, T5, T6, T8, T9, SC5/7/9, Z03…): rows keyed by subject code. Handles one code column,
 * 类|款|项 columns with blank parents (MOF), codes inside the name cell, and side-by-side panels
 * (编码|名称|决算数 repeated, as in 基本支出表) merged into one view.
 */
import type { ColumnRole } from "../catalog/vocabulary";
import { codeLevel, codeSystemOf, digitsOf, leadingCode, twoDigitPart } from "./codes";
import { findHeader, isLineNumberRow, matchColumn, columnNames, STRUCTURAL_WORDS, type HeaderColumn } from "./header";
import { isBlankAmount } from "../workbook/amount";
import { CodedRow, plainCells, type PanelColumns } from "./cell";
import { itemMatcher, type ParseContext, type ParseOutcome } from "./parse-common";

import type { ColumnView, RowView } from "./types";
import { rowLabelKey } from "../text/keys";

interface Panel {
  start: number;
  /** Columns left of the first amount column: codes and names. */
  labelCols: number[];
  roles: Map<ColumnRole, { col: number; score: number; header: string }>;
  lineNoCols: Set<number>;
  classCol?: number;
  kuanCol?: number;
  xiangCol?: number;
  /** Roles and columns of `roles`, built once for the row loop. */
  columns?: PanelColumns;
}

/** Split header columns into panels: a new panel starts at a code/name column after an amount column. */
function panelsOf(columns: HeaderColumn[], ctx: ParseContext, regionLeft: number): Panel[] {
  const panels: Panel[] = [];
  let cur: Panel = { start: regionLeft, labelCols: [], roles: new Map(), lineNoCols: new Set() };
  let sawAmount = false;
  for (const h of columns) {
    if (h.structural) {
      if (h.structural !== "lineNo" && sawAmount) {
        panels.push(cur);
        cur = { start: h.col, labelCols: [], roles: new Map(), lineNoCols: new Set() };
        sawAmount = false;
      }
      if (h.structural === "lineNo") cur.lineNoCols.add(h.col);
      else if (!sawAmount) {
        cur.labelCols.push(h.col);
        if (h.structural === "class") cur.classCol = h.col;
        if (h.structural === "kuan") cur.kuanCol = h.col;
        if (h.structural === "xiang") cur.xiangCol = h.col;
      }
      continue;
    }
    const m = matchColumn(h, ctx.def.columns);
    if (!m) continue;
    sawAmount = true;
    const prev = cur.roles.get(m.role);
    if (!prev || m.score > prev.score) cur.roles.set(m.role, { col: h.col, score: m.score, header: h.joined });
  }
  panels.push(cur);
  // Label columns also include unlabelled columns between the panel start and its first amount column.
  for (const p of panels) {
    const first = Math.min(...[...p.roles.values()].map((r) => r.col));
    if (!Number.isFinite(first)) continue;
    const set = new Set(p.labelCols);
    for (let c = p.start; c < first; c++) if (!p.lineNoCols.has(c)) set.add(c);
    p.labelCols = [...set].sort((a, b) => a - b);
  }
  return panels.filter((p) => p.roles.size > 0);
}

interface CodeState {
  lastClass?: string;
  lastKuan?: string;
}

/** Code and label of one row from a panel's label columns. */
interface LabelArea {
  code: string | undefined;
  label: string;
  raw: string;
  labelCol: number | undefined;
}

/** readLabelArea's answer, reused row after row (read at once by the caller): no object per row. */
const area: LabelArea = { code: undefined, label: "", raw: "", labelCol: undefined };

/** Code and label of one row from a panel's label columns (the shared `area` object, valid until the next call). */
function readLabelArea(ctx: ParseContext, p: Panel, row: number, st: CodeState): LabelArea {
  const g = ctx.grid;
  let code: string | undefined;
  let label = "";
  let raw = "";
  let labelCol: number | undefined;
  let orphans: { col: number; part: string }[] | undefined;
  if (p.classCol !== undefined && p.kuanCol !== undefined) {
    const c = digitsOf(g.value(row, p.classCol));
    const k = twoDigitPart(g.value(row, p.kuanCol));
    const x = p.xiangCol !== undefined ? twoDigitPart(g.value(row, p.xiangCol)) : undefined;
    if (c && codeLevel(c)) code = c.length === 3 ? c + (k ?? "") + (k && x ? x : "") : c;
    else if (!c && k && st.lastClass) code = st.lastClass + k + (x ?? "");
    else if (!c && !k && x && st.lastKuan) code = st.lastKuan + x;
  }
  for (const col of p.labelCols) {
    if (code !== undefined && (col === p.classCol || col === p.kuanCol || col === p.xiangCol)) continue;
    const v = g.value(row, col);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    const d = digitsOf(v);
    if (d !== undefined && code === undefined && !label && codeLevel(d)) {
      code = d;
      continue;
    }
    if (d !== undefined && d.length <= 2 && !label) {
      if (code !== undefined && (code.length === 3 || code.length === 5)) code += d.padStart(2, "0");
      else if (code === undefined) (orphans ??= []).push({ col, part: d.padStart(2, "0") });
      continue;
    }
    const t = g.label(row, col);
    if (!t) continue;
    if (code === undefined && !label) {
      const lc = leadingCode(g.norm(row, col));
      if (lc) {
        code = lc.code;
        label = lc.rest;
        raw = String(v).trim();
        labelCol = col;
        continue;
      }
    }
    if (!label) {
      label = t;
      raw = String(v).trim();
      labelCol = col;
    }
  }
  if (code === undefined && orphans !== undefined) {
    // MOF exports leave 类 (and 款) blank on child rows: join with the last parent seen.
    if (orphans.length >= 2 && st.lastClass) code = st.lastClass + orphans[0].part + orphans[1].part;
    else if (orphans.length === 1 && orphans[0].col === p.xiangCol && st.lastKuan) code = st.lastKuan + orphans[0].part;
    else if (orphans.length === 1 && orphans[0].col === p.kuanCol && st.lastClass) code = st.lastClass + orphans[0].part;
    else if (orphans.length === 1 && st.lastKuan) code = st.lastKuan + orphans[0].part;
    else if (orphans.length === 1 && st.lastClass) code = st.lastClass + orphans[0].part;
  }
  if (code !== undefined && !codeLevel(code)) code = undefined;
  if (code !== undefined) {
    st.lastClass = code.slice(0, 3);
    st.lastKuan = code.length >= 5 ? code.slice(0, 5) : undefined;
  }
  area.code = code;
  area.label = label;
  area.raw = raw;
  area.labelCol = labelCol;
  return area;
}

/** The amount columns of a panel, as lazy rows of cells read them (built once per panel). */
function panelColumns(ctx: ParseContext, p: Panel): PanelColumns {
  if (p.columns === undefined) {
    const roles: ColumnRole[] = [];
    const cols: number[] = [];
    for (const [role, rc] of p.roles) {
      roles.push(role);
      cols.push(rc.col);
    }
    p.columns = { from: ctx.grid.cells, sheet: ctx.grid.sheet.name, source: ctx.grid.cells.source(ctx.decimals), roles, cols };
  }
  return p.columns;
}

/** Whether any of a panel's amount cells on the row reads as something other than blank. */
function panelValued(ctx: ParseContext, p: Panel, r: number): boolean {
  const cols = panelColumns(ctx, p).cols;
  for (let k = 0; k < cols.length; k++) if (!isBlankAmount(ctx.grid.value(r, cols[k]))) return true;
  return false;
}

function labelAreaBlank(ctx: ParseContext, p: Panel, r: number): boolean {
  return p.labelCols.every((c) => ctx.grid.norm(r, c) === "");
}

/**
 * Code of a row printed by name only (indentation-only tables): a 类 name, else a 款 under the last 类,
 * else a 项 under the last 款 — parents come from the rows above, as the table prints them in order.
 */
function codeByName(ctx: ParseContext, label: string, st: CodeState): string | undefined {
  let code = ctx.classCode(label);
  if (!code && st.lastKuan) code = ctx.subjectByName(label, st.lastKuan);
  if (!code && st.lastClass) code = ctx.subjectByName(label, st.lastClass);
  if (!code) return undefined;
  st.lastClass = code.slice(0, 3);
  st.lastKuan = code.length >= 5 ? code.slice(0, 5) : undefined;
  return code;
}

/** Parse a coded table in the context's region; undefined when no usable header is found. */
export function parseCoded(ctx: ParseContext): ParseOutcome | undefined {
  const { grid: g, def, region } = ctx;
  const items = itemMatcher(def.rows);
  const keywords = [...def.columns.flatMap(columnNames), ...STRUCTURAL_WORDS];
  const isDataRow = (r: number): boolean => {
    // A row whose first column is still covered by a header cell merged down from above is header, even when
    // a child header reads like an item (「决算数」 over 「合计 | 基本支出 | 项目支出」).
    const m = g.mergeAt(r, region.left);
    if (m && m.top < r && g.norm(r, region.left) === "") return false;
    for (let c = region.left; c <= Math.min(region.right, region.left + 4); c++) {
      const v = g.value(r, c);
      if (v === null || v === "") continue;
      const d = digitsOf(v);
      if (d !== undefined && codeLevel(d)) return true;
      if (leadingCode(g.norm(r, c))) return true;
      return items.candidates(g.label(r, c)).length > 0;
    }
    return false;
  };
  const header = findHeader({ grid: g, from: ctx.from, to: region.bottom, left: region.left, right: region.right, keywords, isDataRow });
  if (!header) return undefined;
  const panels = panelsOf(header.columns, ctx, region.left);
  if (panels.length === 0) return undefined;

  const rows: RowView[] = [];
  const unplaced: { label: string; sheetRow: number }[] = [];
  const seen = new Set<string>();
  let right = Number.NEGATIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bodyBottom = header.bottom;
  let matchedSystem = 0;
  let otherSystem = 0;
  let anyAmount = false;
  const states = panels.map(() => ({}) as CodeState);
  let blankRun = 0;
  let printedCodes = 0;
  /** Cells (row * 16384 + col) holding the wrapped rest of the name above, already joined to it. */
  const wrapRests = new Set<number>();
  const headerTexts = new Set<string>();
  for (let r = header.top; r <= header.bottom; r++) {
    for (let c = region.left; c <= region.right; c++) {
      const t = g.norm(r, c);
      if (t) headerTexts.add(t);
    }
  }
  const isRepeatedHeader = (r: number): boolean => {
    let n = 0;
    for (let c = region.left; c <= region.right; c++) {
      const t = g.norm(r, c);
      if (!t) continue;
      if (!headerTexts.has(t)) return false;
      n++;
    }
    return n >= 2;
  };
  /** Text-only rows inside the body (name fragments of a wrapped subject name, or rows to report). */
  const fragments: Fragment[] = [];
  /** Code rows as (sheet row * 64 + panel, index in rows) pairs and their normalised labels: no object per row. */
  const codeAt: number[] = [];
  const codeLabels: string[] = [];
  const firstAmountCol = panels.map((p) => Math.min(...[...p.roles.values()].map((rc) => rc.col)));
  const lastAmountCol = panels.map((p) => Math.max(...[...p.roles.values()].map((rc) => rc.col)));

  for (let r = header.dataStart; r <= region.bottom; r++) {
    if (g.rowIsBlank(r)) {
      if (++blankRun > 12 && rows.length > 0) break;
      continue;
    }
    blankRun = 0;
    if (r === header.lineNoRow) continue;
    // 栏次 rows inside the body are rare: test only rows that start with a marker or a small number.
    const lead = g.norm(r, panels[0].labelCols[0] ?? region.left);
    if ((lead === "栏次" || lead === "行次" || lead === "甲" || /^\d{1,2}$/.test(lead) || lead === "") && isLineNumberRow(g, r, region.left, region.right)) continue;
    // A page break in a PDF export repeats the header rows inside the body.
    if ((lead === "" || headerTexts.has(lead)) && isRepeatedHeader(r)) continue;
    let consumed = -1;
    for (let i = 0; i < panels.length; i++) {
      const p = panels[i];
      if (i === consumed) continue;
      const { code, label, raw, labelCol } = readLabelArea(ctx, p, r, states[i]);
      // the panel whose amount columns hold this row's cells (built only when a row is made)
      let cellPanel = p;
      let valued = panelValued(ctx, p, r);
      // 「公用经费合计」 merged across two panels: its amount sits in the next panel's amount column.
      const next = panels[i + 1];
      if (code === undefined && label && labelCol !== undefined && next) {
        const m = g.mergeAt(r, labelCol);
        const spans = m !== undefined && m.right >= firstAmountCol[i];
        if (spans || (!valued && labelAreaBlank(ctx, next, r))) {
          const borrowedValued = panelValued(ctx, next, r);
          if (spans || borrowedValued) {
            cellPanel = next;
            valued = borrowedValued;
            consumed = i + 1;
          }
        }
      }
      if (valued) anyAmount = true;
      if (code !== undefined) {
        printedCodes++;
        const sys = codeSystemOf(code);
        if (sys !== undefined && (sys === def.codeSystem || def.codeSystem === "either")) matchedSystem++;
        else otherSystem++;
        if (seen.has(code)) {
          unplaced.push({ label: raw || code, sheetRow: r });
        } else {
          seen.add(code);
          const view: RowView = new CodedRow(code, raw, codeLevel(code), sys, r, panelColumns(ctx, cellPanel));
          codeAt.push(r * 64 + i, rows.length);
          codeLabels.push(label);
          rows.push(view);
        }
      } else if (label) {
        if (labelCol !== undefined && wrapRests.has(r * 16384 + labelCol)) continue;
        const it = items.pick(label, seen);
        const byName = !it && printedCodes === 0 && def.codeSystem !== "economic";
        let named = byName ? codeByName(ctx, label, states[i]) : undefined;
        // A name wrapped onto the next row (PDF line wrap): that row holds only the rest of the name.
        if (byName && !named && labelCol !== undefined && r + 1 <= region.bottom && !panelValued(ctx, p, r + 1)) {
          const rest = g.label(r + 1, labelCol);
          if (rest && rest.length <= 12 && !p.labelCols.some((c) => c !== labelCol && g.norm(r + 1, c) !== "")) {
            named = codeByName(ctx, label + rest, states[i]);
            if (named) wrapRests.add((r + 1) * 16384 + labelCol);
          }
        }
        if (it) {
          seen.add(it.key);
          rows.push({ key: it.key, kind: "item", label: raw, role: it.role, sheetRow: r, cells: plainCells(panelColumns(ctx, cellPanel), r) });
        } else if (named && !seen.has(named)) {
          seen.add(named);
          matchedSystem++;
          rows.push({ key: named, kind: "code", label: raw, code: named, level: codeLevel(named), codeSystem: "function", role: "item", sheetRow: r, cells: plainCells(panelColumns(ctx, cellPanel), r) });
        } else if (valued) {
          unplaced.push({ label: raw, sheetRow: r });
        } else {
          // Text only: a fragment of a wrapped name (joined to its code row below), or a row to report.
          if (labelCol !== undefined && !NOTE_START.test(label)) fragments.push({ row: r, panel: i, col: labelCol, label, raw });
          continue;
        }
      } else if (valued) {
        unplaced.push({ label: "", sheetRow: r });
      } else continue;
      bodyBottom = Math.max(bodyBottom, r);
      for (const c of p.labelCols) {
        if (c >= left) break;
        if (g.norm(r, c) !== "") left = c;
      }
      right = Math.max(right, lastAmountCol[i]);
    }
  }
  const joined = fragments.length > 0 ? joinFragments(ctx, fragments, codeAt, codeLabels, rows, unplaced, bodyBottom) : undefined;
  // A code row with deeper codes below it is a subtotal (类 = Σ 款, 款 = Σ 项).
  const parents = new Set<string>();
  for (const r of rows) {
    if (r.kind !== "code") continue;
    if (r.key.length >= 5) parents.add(r.key.slice(0, 3));
    if (r.key.length >= 7) parents.add(r.key.slice(0, 5));
  }
  for (const r of rows) if (r.kind === "code" && parents.has(r.key)) r.role = "subtotal";

  const columns: ColumnView[] = [];
  const found = new Set<ColumnRole>();
  for (const p of panels) {
    for (const [role, rc] of p.roles) {
      columns.push({ role, header: rc.header, col: rc.col });
      found.add(role);
    }
  }
  const required = def.columns.filter((c) => c.required);
  const missingColumns = required.filter((c) => !found.has(c.role)).map((c) => c.role);
  const missingRows = rows.length > 0 ? def.rows.filter((d) => d.required && !seen.has(d.key)).map((d) => d.key) : [];
  const columnScore = required.length ? (required.length - missingColumns.length) / required.length : found.size > 0 ? 1 : 0;
  const itemsFound = def.rows.filter((d) => seen.has(d.key)).length;
  const rowScore = Math.min(1, (matchedSystem > 0 ? 0.5 + matchedSystem / 6 : 0) + (itemsFound > 0 ? 0.3 : 0));
  if (!Number.isFinite(left)) left = region.left;
  if (!Number.isFinite(right)) right = Math.max(...columns.map((c) => c.col), region.left);
  return {
    header, columns, rows, unplacedRows: unplaced, missingColumns, missingRows,
    bodyTop: header.top, bodyBottom, left, right, columnScore, rowScore,
    wrongSystem: otherSystem > matchedSystem, anyAmount, joined,
    nameCol: panels[0].labelCols[panels[0].labelCols.length - 1],
  };
}

/** A note under or inside a table (注：…, 说明：…, 填表人 …): not a table row. */
const NOTE_START = /^(注|说明|备注|填表|填报|制表|审核|单位负责人|财务负责人|数据来源)/u;

interface Fragment {
  row: number;
  panel: number;
  col: number;
  /** Normalised label and the text as printed. */
  label: string;
  raw: string;
}

interface CodeRow {
  view: RowView;
  label: string;
  before?: Fragment[];
  after?: Fragment[];
}

/** Does the code book's name of the row hold the joined text (a wrapped name put back together)? */
function bookHolds(ctx: ParseContext, row: CodeRow | undefined, joined: string): boolean {
  if (!row || !ctx.nameOf) return false;
  const name = ctx.nameOf(row.view.key);
  return name !== undefined && rowLabelKey(name).includes(joined);
}

/**
 * Join text-only rows to the code row they wrap from: a fragment right below a code row ends its name, one right
 * above begins it (both when a converter centres the code row in a three-line cell). The code book decides
 * between the two neighbours; else the row above wins. A fragment with no code row next to it is reported
 * (unplaced). Returns the rows whose names were joined.
 */
function joinFragments(
  ctx: ParseContext,
  fragments: Fragment[],
  codeAt: number[],
  codeLabels: string[],
  rows: RowView[],
  unplaced: { label: string; sheetRow: number }[],
  bodyBottom: number,
): Set<RowView> {
  const codeRowAt = new Map<number, CodeRow>();
  for (let k = 0; k < codeAt.length; k += 2) codeRowAt.set(codeAt[k], { view: rows[codeAt[k + 1]], label: codeLabels[k >> 1] });
  const fragmentAt = new Set<number>();
  for (const f of fragments) fragmentAt.add(f.row * 64 + f.panel);
  for (let k = 0; k < fragments.length; k++) {
    const f = fragments[k];
    // Past the body (a note under the table) is not a table row.
    if (f.row > bodyBottom + 1) continue;
    // Neighbours: the code row above/below, across adjacent fragments of the same name.
    let a = f.row - 1;
    while (a >= 0 && fragmentAt.has(a * 64 + f.panel)) a--;
    let b = f.row + 1;
    while (fragmentAt.has(b * 64 + f.panel)) b++;
    const above = codeRowAt.get(a * 64 + f.panel);
    const below = codeRowAt.get(b * 64 + f.panel);
    let target: "above" | "below" | undefined;
    if (above && bookHolds(ctx, above, above.label + f.label)) target = "above";
    else if (below && bookHolds(ctx, below, f.label + below.label)) target = "below";
    else if (above && f.row - a === 1) target = "above";
    else if (below && b - f.row === 1) target = "below";
    else if (above && !below) target = "above";
    else if (below && !above) target = "below";
    if (target === "above" && above) (above.after ??= []).push(f);
    else if (target === "below" && below) (below.before ??= []).push(f);
    else unplaced.push({ label: f.raw, sheetRow: f.row });
  }
  const joined = new Set<RowView>();
  for (const row of codeRowAt.values()) {
    if (!row.before && !row.after) continue;
    row.view.label = [...(row.before ?? []).map((x) => x.raw), row.view.label, ...(row.after ?? []).map((x) => x.raw)].join("");
    joined.add(row.view);
  }
  return joined;
}
