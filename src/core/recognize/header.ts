/**
 * Header blocks: one or more header rows (merged parent headers over child headers), an optional 栏次 row, then
 * data. Each column's header text is the parent+child texts joined, with merged cells carried across.
 */
import type { ColumnDef } from "../catalog/schema";
import type { ColumnRole } from "../catalog/vocabulary";

import type { Grid } from "./grid";
import { matchText } from "../text/keys";

/** Columns that hold codes, names or line numbers rather than amounts. */
export type Structural = "code" | "class" | "kuan" | "xiang" | "name" | "lineNo";

export interface HeaderColumn {
  col: number;
  /** Normalised header texts from top to bottom (deduplicated when a vertical merge repeats them). */
  parts: string[];
  joined: string;
  structural?: Structural;
}

export interface HeaderBlock {
  top: number;
  bottom: number;
  /** Row of 栏次 numbers (1, 2, 3 …) directly below the header, if any. */
  lineNoRow?: number;
  columns: HeaderColumn[];
  /** First row after the header (and the 栏次 row). */
  dataStart: number;
}

const STRUCTURAL_EXACT: Record<string, Structural> = {
  科目编码: "code", 编码: "code", 代码: "code", 科目代码: "code", 科目编号: "code", 编号: "code",
  功能分类科目编码: "code", 支出功能分类科目编码: "code", 经济分类科目编码: "code", 支出经济分类科目编码: "code",
  类: "class", 款: "kuan", 项: "xiang",
  科目名称: "name", 名称: "name", 项目: "name", 项目名称: "name", 科目: "name", 功能分类科目名称: "name",
  经济分类科目名称: "name", 支出项目: "name", 收入项目: "name", 指标: "name", 指标名称: "name",
  行次: "lineNo", 栏次: "lineNo", 行号: "lineNo",
};

/** Words that mark a header row besides the catalogue's column headers. */
export const STRUCTURAL_WORDS: readonly string[] = [...Object.keys(STRUCTURAL_EXACT), "收入", "支出", "预算数", "决算数", "金额"];

function structuralOf(parts: string[], joined: string): Structural | undefined {
  const last = parts[parts.length - 1];
  const hit = STRUCTURAL_EXACT[last];
  if (hit) return hit;
  if (/(科目编码|分类编码|编码)$/u.test(joined)) return "code";
  if (/(科目名称)$/u.test(joined)) return "name";
  if (/^(行次|栏次)/u.test(last)) return "lineNo";
  return undefined;
}

const INT_RE = /^\d{1,2}$/;
const ORDINAL_CHARS = /^[甲乙丙丁戊己庚辛]$/u;

/** A 栏次/行次 row: "栏次 | 1 | 2 | 3 …" or "甲 | 乙 | 1 | 2 | 3 …". */
export function isLineNumberRow(grid: Grid, row: number, left: number, right: number): boolean {
  let marker = false;
  const ints: number[] = [];
  for (let c = left; c <= right; c++) {
    const t = grid.norm(row, c);
    if (!t) continue;
    if (t === "栏次" || t === "行次") marker = true;
    else if (INT_RE.test(t)) ints.push(Number(t));
    else if (!ORDINAL_CHARS.test(t)) return false;
  }
  if (marker) return ints.length >= 1;
  if (ints.length < 3) return false;
  for (let i = 1; i < ints.length; i++) if (ints[i] !== ints[i - 1] + 1) return false;
  return true;
}

/** A number-like cell (number, or text that reads as a decimal amount). */
export function isNumberish(grid: Grid, row: number, col: number): boolean {
  const v = grid.value(row, col);
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const t = grid.norm(row, col).replace(/^'/, "");
  return /^[(-]?[\d,]+\.\d+\)?$/.test(t) || /^[(-]?\d{1,3}(,\d{3})+(\.\d+)?\)?$/.test(t);
}

export interface HeaderSearch {
  grid: Grid;
  from: number;
  to: number;
  left: number;
  right: number;
  /** Normalised header words of the candidate table (its column headers, aliases, items for 三公). */
  keywords: readonly string[];
  /** True for a row that is clearly data (a code, an item label at the left, …). */
  isDataRow: (row: number) => boolean;
}

function headerScore(s: HeaderSearch, row: number): number {
  let n = 0;
  for (let c = s.left; c <= s.right; c++) {
    const t = s.grid.norm(row, c);
    if (!t || t.length > 40) continue;
    if (STRUCTURAL_EXACT[t]) {
      n++;
      continue;
    }
    for (const k of s.keywords) {
      if (t === k || (k.length >= 3 && t.includes(k))) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** Find the header block of a table starting at or after `from`. */
export function findHeader(s: HeaderSearch): HeaderBlock | undefined {
  const last = Math.min(s.to, s.from + 25);
  let top = -1;
  for (let r = s.from; r <= last; r++) {
    if (s.grid.rowIsBlank(r)) continue;
    if (headerScore(s, r) >= 2) {
      top = r;
      break;
    }
  }
  if (top < 0) return undefined;
  let bottom = top;
  let lineNoRow: number | undefined;
  for (let r = top + 1; r <= Math.min(s.to, top + 6); r++) {
    if (isLineNumberRow(s.grid, r, s.left, s.right)) {
      lineNoRow = r;
      break;
    }
    if (s.isDataRow(r)) break;
    if (s.grid.rowIsBlank(r)) {
      // A blank row inside a vertical merge still belongs to the header.
      const covered = s.grid.mergesInRows(r, r).some((m) => m.top < r && m.top >= top);
      if (!covered) break;
      bottom = r;
      continue;
    }
    let numeric = false;
    for (let c = s.left; c <= s.right && !numeric; c++) numeric = isNumberish(s.grid, r, c);
    if (numeric) break;
    bottom = r;
  }
  const columns = headerColumns(s.grid, top, bottom, lineNoRow, s.left, s.right);
  return { top, bottom, lineNoRow, columns, dataStart: (lineNoRow ?? bottom) + 1 };
}

/**
 * Joined header text of every column in [left, right] over rows [top, bottom], carrying merged cells. A parent
 * header printed once over several child columns without a merge (as PDF converters leave 「本年支出」 over
 * 合计 | 基本支出 | 项目支出) is carried right over the empty cells of its row, as long as the parent and each
 * column it reaches have text below it.
 */
export function headerColumns(grid: Grid, top: number, bottom: number, skipRow: number | undefined, left: number, right: number): HeaderColumn[] {
  const merges = grid.mergesInRows(top, bottom).filter((m) => m.top >= top && m.top <= bottom);
  const width = right - left + 1;
  const height = bottom - top + 1;
  // Text of each header cell (merged cells resolved); "" for none. Rows × columns of the header only.
  const texts: string[] = new Array<string>(width * height).fill("");
  const covered: boolean[] = new Array<boolean>(width * height).fill(false);
  for (let r = top; r <= bottom; r++) {
    if (r === skipRow) continue;
    for (let c = left; c <= right; c++) {
      const i = (r - top) * width + (c - left);
      let t = grid.norm(r, c);
      const m = merges.find((mm) => r >= mm.top && r <= mm.bottom && c >= mm.left && c <= mm.right);
      if (m) covered[i] = true;
      if (!t && m) t = grid.norm(m.top, m.left);
      texts[i] = t;
    }
  }
  if (height > 1) {
    const hasBelow = (r: number, c: number): boolean => {
      for (let rr = r + 1; rr <= bottom; rr++) if (rr !== skipRow && texts[(rr - top) * width + (c - left)] !== "") return true;
      return false;
    };
    for (let r = top; r < bottom; r++) {
      if (r === skipRow) continue;
      let parent = "";
      for (let c = left; c <= right; c++) {
        const i = (r - top) * width + (c - left);
        if (texts[i] !== "") {
          parent = covered[i] || !hasBelow(r, c) ? "" : texts[i];
          continue;
        }
        if (!parent || covered[i] || !hasBelow(r, c)) {
          parent = "";
          continue;
        }
        texts[i] = parent;
      }
    }
  }
  const out: HeaderColumn[] = [];
  for (let c = left; c <= right; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      if (r === skipRow) continue;
      const t = texts[(r - top) * width + (c - left)];
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    if (parts.length === 0) continue;
    const joined = parts.join("");
    out.push({ col: c, parts, joined, structural: structuralOf(parts, joined) });
  }
  return out;
}

const namesCache = new WeakMap<ColumnDef, string[]>();

/** Normalised aliases of a column definition (header first), cached per definition. */
export function columnNames(def: ColumnDef): string[] {
  let n = namesCache.get(def);
  if (!n) {
    n = [def.header, ...def.aliases].map(matchText);
    namesCache.set(def, n);
  }
  return n;
}

/** Best column role for a header column among `defs`, with a score (0 = none). */
export function matchColumn(h: HeaderColumn, defs: readonly ColumnDef[]): { role: ColumnRole; score: number } | undefined {
  let best: { role: ColumnRole; score: number } | undefined;
  const last = h.parts[h.parts.length - 1];
  for (const d of defs) {
    for (const a of columnNames(d)) {
      let s = 0;
      if (h.joined === a) s = 1000 + a.length;
      else if (last === a) s = 900 + a.length;
      else if (h.joined.endsWith(a)) s = 500 + a.length;
      else if (a.length >= 2 && h.joined.includes(a)) s = 100 + a.length;
      if (s > 0 && (!best || s > best.score)) best = { role: d.role, score: s };
    }
  }
  return best;
}
