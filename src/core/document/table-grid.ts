/**
 * Rebuild a table drawn as positioned text into a sheet grid: columns from the x-extents of data and header cells,
 * rows from baselines (wrapped cells joined), header cells spanning the columns they stand over (as merges), so
 * the recognizer reads it exactly like a sheet of an .xlsx workbook.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot";
import { toA1 } from "../workbook/snapshot";
import type { Chunk, Line } from "./lines";
import type { CellPlace } from "./types";

export interface GridSheet {
  sheet: SheetSnapshot;
  /** A1 address → place on the page. */
  places: Record<string, CellPlace>;
}

interface Column {
  x0: number;
  x1: number;
}

const AMOUNT_RE = /^[(（-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?[)）]?$/;
const CODE_RE = /^\d{2,9}$/;
const ORDINAL_RE = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])/u;
const NOTE_RE = /^(注|说明|备注)[:：]/u;
const UNIT_RE = /单位[:：]|万元|^元$/u;

function isDataChunk(c: Chunk): boolean {
  return AMOUNT_RE.test(c.text) || CODE_RE.test(c.text);
}

/** A line that belongs to the body of the table: figures, codes or numbered item labels. */
export function isDataLine(line: Line): boolean {
  // Item labels numbered 一、/（一） are body rows even without figures (a template, an all-empty table).
  return line.chunks.some((c) => isDataChunk(c) || (ORDINAL_RE.test(c.text) && c.text.length >= 4));
}

function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

function unionIntervals(spans: { x0: number; x1: number }[]): Column[] {
  const sorted = [...spans].sort((a, b) => a.x0 - b.x0);
  const out: Column[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, s.x1);
    else out.push({ x0: s.x0, x1: s.x1 });
  }
  return out;
}

function centre(s: { x0: number; x1: number }): number {
  return (s.x0 + s.x1) / 2;
}

/** Column a chunk falls in: most overlap, else nearest centre. */
function columnOf(c: { x0: number; x1: number }, cols: readonly Column[]): number {
  let best = -1;
  let bestOv = 0;
  for (let i = 0; i < cols.length; i++) {
    const ov = overlap(c, cols[i]);
    if (ov > bestOv) {
      bestOv = ov;
      best = i;
    }
  }
  if (best >= 0) return best;
  let bestD = Infinity;
  for (let i = 0; i < cols.length; i++) {
    const d = Math.abs(centre(c) - centre(cols[i]));
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return Math.max(0, best);
}

/** Vertical extent of a chunk (baseline-relative em box). */
function top(c: Chunk, yOff = 0): number {
  return c.y + yOff - 0.85 * c.h;
}
function bottom(c: Chunk, yOff = 0): number {
  return (c.yEnd ?? c.y) + yOff + 0.15 * c.h;
}

/** Words that label the code columns of the header (they may share a baseline with the 合计 row). */
const HEADER_WORDS = new Set(["类", "款", "项", "栏次", "行次"]);

/** Header text wrapped inside its cell: a line directly below, within the same x-range, continues the text. */
function mergeWrapped(chunks: Chunk[]): Chunk[] {
  const sorted = [...chunks].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: Chunk[] = [];
  for (const c of sorted) {
    const into = out.find(
      (a) => c.y - (a.yEnd ?? a.y) > 0.5 * c.h && c.y - (a.yEnd ?? a.y) <= 1.5 * c.h && c.x0 >= a.x0 - 0.5 * c.h && c.x1 <= a.x1 + 0.5 * c.h && a.h === c.h &&
        !HEADER_WORDS.has(c.text) &&
        // nothing else sits between them, and c is not one of several cells under a parent
        !sorted.some((o) => o !== a && o !== c && o.y > (a.yEnd ?? a.y) && o.y < c.y && overlap(o, c) > 0) &&
        !sorted.some((o) => o !== c && Math.abs(o.y - c.y) < 0.3 * c.h && overlap(o, a) > 0),
    );
    if (into) {
      into.text += c.text;
      into.yEnd = c.y;
    } else out.push({ ...c });
  }
  return out;
}


/** Beside each other in the header: not clearly one above the other (cells of one row centre their text apart). */
function vOverlap(a: Chunk, b: Chunk): boolean {
  const gap = 0.3 * Math.min(a.h, b.h);
  return !(top(b) >= bottom(a) + gap || top(a) >= bottom(b) + gap);
}

interface HeaderCell {
  chunks: Chunk[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  cols: number[];
  level: number;
}

/** Spread the header chunks over the columns: leaves over their own column, parents over the columns below them. */
function headerCells(chunks: Chunk[], cols: Column[]): HeaderCell[] {
  const n = chunks.length;
  const below = (a: Chunk, b: Chunk) => top(b) >= bottom(a) - 0.1 * a.h && overlap(a, b) > 0;
  const spans: number[][] = [];
  const isLeaf = chunks.map((a) => !chunks.some((b) => b !== a && below(a, b)));
  for (let i = 0; i < n; i++) {
    const a = chunks[i];
    const own = cols.map((c, k) => (overlap(a, c) > 0.5 ? k : -1)).filter((k) => k >= 0);
    if (isLeaf[i]) {
      spans.push(own.length > 0 ? own : [columnOf(a, cols)]);
      continue;
    }
    // Bounded by the nearest cells beside it (drawn at the same height): a centred parent is narrower than its span.
    let left = -Infinity;
    let right = Infinity;
    for (const b of chunks) {
      if (b === a || !vOverlap(a, b)) continue;
      if (b.x1 <= a.x0 + 0.5) left = Math.max(left, b.x1);
      else if (b.x0 >= a.x1 - 0.5) right = Math.min(right, b.x0);
    }
    // Only columns with a header cell below it, contiguous around the column under its centre.
    const under = new Set<number>();
    for (const b of chunks) if (b !== a && top(b) >= bottom(a) + 0.3 * a.h) under.add(columnOf(b, cols));
    const ok = (k: number) => k >= 0 && k < cols.length && centre(cols[k]) > left && centre(cols[k]) < right && under.has(k);
    const mid = columnOf({ x0: centre(a) - 0.5, x1: centre(a) + 0.5 }, cols);
    const cand: number[] = [];
    if (ok(mid)) {
      let lo = mid;
      let hi = mid;
      while (ok(lo - 1)) lo--;
      while (ok(hi + 1)) hi++;
      for (let k = lo; k <= hi; k++) cand.push(k);
    }
    spans.push(cand.length > 0 ? cand : own.length > 0 ? own : [columnOf(a, cols)]);
  }
  // Two parents beside each other may both claim the columns between them: split so each stays centred on its span.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || isLeaf[i] || isLeaf[j] || !vOverlap(chunks[i], chunks[j]) || chunks[i].x0 >= chunks[j].x0) continue;
      const shared = spans[i].filter((k) => spans[j].includes(k));
      if (shared.length === 0) continue;
      const a = spans[i].filter((k) => !shared.includes(k));
      const b = spans[j].filter((k) => !shared.includes(k));
      let best = 0;
      let bestErr = Infinity;
      for (let s = 0; s <= shared.length; s++) {
        const sa = [...a, ...shared.slice(0, s)];
        const sb = [...shared.slice(s), ...b];
        const err = centreError(chunks[i], sa, cols) + centreError(chunks[j], sb, cols);
        if (err < bestErr) {
          bestErr = err;
          best = s;
        }
      }
      spans[i] = [...a, ...shared.slice(0, best)].sort((x, y) => x - y);
      spans[j] = [...shared.slice(best), ...b].sort((x, y) => x - y);
    }
  }
  // Text wrapped inside one cell: the same span, stacked closely.
  const order = chunks.map((_, i) => i).sort((x, y) => chunks[x].y - chunks[y].y || chunks[x].x0 - chunks[y].x0);
  const cells: HeaderCell[] = [];
  for (const i of order) {
    const c = chunks[i];
    const key = spans[i].join(",");
    const into = cells.find(
      (h) => h.cols.join(",") === key && top(c) - h.bottom < 0.9 * c.h && top(c) >= h.top && overlap(h, c) > -c.h,
    );
    if (into) {
      into.chunks.push(c);
      into.x0 = Math.min(into.x0, c.x0);
      into.x1 = Math.max(into.x1, c.x1);
      into.bottom = Math.max(into.bottom, bottom(c));
    } else cells.push({ chunks: [c], x0: c.x0, x1: c.x1, top: top(c), bottom: bottom(c), cols: spans[i], level: 0 });
  }
  // Rows of the header: a cell sits one level below every cell above it that shares a column.
  cells.sort((a, b) => a.top - b.top);
  for (let i = 0; i < cells.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = cells[j];
      const b = cells[i];
      if (b.top >= a.bottom - 0.2 * b.chunks[0].h && a.cols.some((k) => b.cols.includes(k))) b.level = Math.max(b.level, a.level + 1);
    }
  }
  return cells;
}

function lineTextOf(l: Line): string {
  return l.chunks.map((c) => c.text).join(" ");
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function centreError(c: Chunk, span: number[], cols: Column[]): number {
  if (span.length === 0) return 1e6;
  const x0 = cols[Math.min(...span)].x0;
  const x1 = cols[Math.max(...span)].x1;
  return Math.abs(centre(c) - (x0 + x1) / 2);
}

function joinTexts(chunks: Chunk[]): string {
  // A code drawn beside a wrapped label (centred between its lines) leads the cell text: 「30108机关事业…」.
  const rank = (c: Chunk) => (CODE_RE.test(c.text) ? 0 : 1);
  const sorted = [...chunks].sort((a, b) => rank(a) - rank(b) || a.y - b.y || a.x0 - b.x0);
  let out = "";
  for (const c of sorted) {
    const sep = out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(c.text) ? " " : "";
    out += sep + c.text;
  }
  return out;
}

function placeOf(chunks: Chunk[]): CellPlace {
  const x0 = Math.min(...chunks.map((c) => c.x0));
  const x1 = Math.max(...chunks.map((c) => c.x1));
  const t = Math.min(...chunks.map((c) => top(c)));
  const b = Math.max(...chunks.map((c) => bottom(c)));
  return { page: chunks[0].page, x: round2(x0), y: round2(t), width: round2(x1 - x0), height: round2(b - t) };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export function parseAmount(text: string): number | undefined {
  if (!AMOUNT_RE.test(text)) return undefined;
  const neg = /^[(（-]/.test(text);
  const v = Number(text.replace(/[(（)）,-]/g, ""));
  if (!Number.isFinite(v)) return undefined;
  return neg ? -v : v;
}

export function decimals(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1].length : 0;
}

/**
 * Lines of one table (one page, or several pages of a table continued, in order) → a sheet.
 * Lines of later pages must come after those of earlier ones; rows never join across pages.
 */
export function buildTableSheet(name: string, lines: readonly Line[]): GridSheet {
  // Preamble (title, unit) above the first row of cells; notes below the last; header between; body from the
  // first line with figures or codes.
  let tailStart = lines.length;
  while (tailStart > 0 && (NOTE_RE.test(lines[tailStart - 1].chunks[0].text) || (lines[tailStart - 1].chunks.length === 1 && lines[tailStart - 1].chunks[0].text.length > 25))) tailStart--;
  // A note wrapped over several lines: from its first line on, everything is tail.
  for (let i = 0; i < tailStart; i++) {
    if (NOTE_RE.test(lines[i].chunks[0].text) && lines.slice(i).every((l) => l.chunks.length === 1)) {
      tailStart = i;
      break;
    }
  }
  // Preamble: lines above the cells that are the title (larger type, or ending in 表), the unit or the unit name.
  const bodyH = median(lines.map((l) => l.h));
  let headerStart = 0;
  while (
    headerStart < tailStart &&
    !isDataLine(lines[headerStart]) &&
    (lines[headerStart].h > bodyH * 1.15 ||
      lines[headerStart].chunks.some((c) => (UNIT_RE.test(c.text) && c.text.length <= 30) || /^(编制单位|单位名称|部门|填报单位)/u.test(c.text)) ||
      (lines[headerStart].chunks.length === 1 && /表(（[^）]*）)?$/u.test(lines[headerStart].chunks[0].text)) ||
      /^第[一二三四五六七八九十]+部分/u.test(lines[headerStart].chunks[0].text) ||
      // the second line of a wrapped 编制单位 name
      (headerStart > 0 &&
        lines[headerStart].chunks.length === 1 &&
        /编制单位|单位名称/u.test(lineTextOf(lines[headerStart - 1])) &&
        lines[headerStart].y - lines[headerStart - 1].y < 1.6 * lines[headerStart].h))
  )
    headerStart++;
  let firstData = -1;
  for (let i = headerStart; i < tailStart; i++) if (isDataLine(lines[i])) {
    firstData = i;
    break;
  }
  // A table without figures (nothing to report, or a blank template): its 合计 line is still the first body row.
  if (firstData < 0 && tailStart - headerStart >= 2) {
    const last = lines[tailStart - 1];
    if (last.chunks.length === 1 && /^(合计|总计)$/u.test(last.chunks[0].text)) firstData = tailStart - 1;
  }
  const headerEnd = firstData < 0 ? tailStart : firstData; // exclusive
  const preamble = lines.slice(0, headerStart);
  const header = lines.slice(headerStart, headerEnd).map((l) => ({ ...l, chunks: [...l.chunks] }));
  const body = firstData < 0 ? [] : lines.slice(firstData, tailStart).map((l) => ({ ...l, chunks: [...l.chunks] }));
  const tail = lines.slice(tailStart);
  // 类/款/项 drawn on the baseline of the 合计 row still belong to the header.
  if (body.length > 0) {
    const moved = body[0].chunks.filter((c) => HEADER_WORDS.has(c.text));
    if (moved.length > 0) {
      body[0].chunks = body[0].chunks.filter((c) => !HEADER_WORDS.has(c.text));
      header.push({ ...body[0], chunks: moved });
      if (body[0].chunks.length === 0) body.shift();
    }
  }

  const tableX0 = Math.min(...[...header, ...body].flatMap((l) => l.chunks.map((c) => c.x0)), Infinity);
  const tableX1 = Math.max(...[...header, ...body].flatMap((l) => l.chunks.map((c) => c.x1)), -Infinity);
  const wide = 0.45 * (tableX1 - tableX0);
  // Columns come from the lines that carry figures or codes; stray text (a repeated unit line) cannot bridge them.
  const withFigures = body.filter((l) => l.chunks.some(isDataChunk));
  const bodyChunks = (withFigures.length >= 2 ? withFigures : body)
    .flatMap((l) => (l.chunks.length === 1 && NOTE_RE.test(l.chunks[0].text) ? [] : l.chunks))
    .filter((c) => c.x1 - c.x0 < wide || body.length < 2);
  const headerChunks = mergeWrapped(header.flatMap((l) => l.chunks));
  let cols = unionIntervals(bodyChunks);
  // Header leaves over columns without any figure (an empty 事业收入 column) make columns of their own.
  const leafOnly = headerChunks.filter(
    (a) =>
      a.x1 - a.x0 < wide && !headerChunks.some((b) => b !== a && top(b) >= bottom(a) - 0.1 * a.h && overlap(a, b) > 0) && !cols.some((c) => overlap(a, c) > 0.5),
  );
  if (leafOnly.length > 0) cols = unionIntervals([...cols, ...leafOnly]);
  if (cols.length === 0) cols = [{ x0: tableX0, x1: tableX1 }];

  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const places: Record<string, CellPlace> = {};
  const merges: SheetSnapshot["merges"] = [];
  const width = cols.length;
  const newRow = () => {
    values.push(new Array<CellValue>(width).fill(null));
    formats.push(new Array<string | null>(width).fill(null));
    return values.length - 1;
  };
  const put = (row: number, col: number, chunks: Chunk[], numeric: boolean) => {
    const text = joinTexts(chunks);
    const amount = numeric ? parseAmount(text) : undefined;
    values[row][col] = amount !== undefined ? amount : text;
    if (amount !== undefined) formats[row][col] = decimals(text) > 0 ? "#,##0." + "0".repeat(decimals(text)) : "#,##0";
    places[toA1(row, col)] = placeOf(chunks);
  };

  const looseRows = (ls: readonly Line[]) => {
    for (const l of ls) {
      const r = newRow();
    const byCol = new Map<number, Chunk[]>();
    for (const c of l.chunks) {
      const k = columnOf({ x0: c.x0, x1: Math.min(c.x1, c.x0 + 1) }, cols);
      byCol.set(k, [...(byCol.get(k) ?? []), c]);
    }
    for (const [k, cs] of byCol) put(r, k, cs, false);
    }
  };
  looseRows(preamble);

  const hcells = headerCells(headerChunks, cols);
  const levels = hcells.reduce((m, h) => Math.max(m, h.level + 1), 0);
  const headerTop = values.length;
  for (let i = 0; i < levels; i++) newRow();
  for (const h of hcells) {
    const r = headerTop + h.level;
    const c0 = Math.min(...h.cols);
    const c1 = Math.max(...h.cols);
    if (values[r][c0] !== null) values[r][c0] = `${values[r][c0]}${joinTexts(h.chunks)}`;
    else put(r, c0, h.chunks, false);
    if (c1 > c0) merges.push({ top: r, left: c0, bottom: r, right: c1 });
  }

  // Numeric columns: most of their body cells are amounts (codes in the left columns stay text).
  const amountCount = new Array<number>(width).fill(0);
  const textCount = new Array<number>(width).fill(0);
  for (const c of bodyChunks) {
    const k = columnOf(c, cols);
    if (/^[(（-]?[\d,]*\.\d+[)）]?$|^\d{1,3}(,\d{3})+$/.test(c.text)) amountCount[k]++;
    else textCount[k]++;
  }
  const numericCol = amountCount.map((a, k) => a > 0 && a >= textCount[k]);

  // Body rows: lines whose glyphs overlap vertically form one row (a label wrapped around its centred figures).
  let band: Line[] = [];
  const flush = () => {
    if (band.length === 0) return;
    const r = newRow();
    const byCol = new Map<number, Chunk[]>();
    for (const l of band) {
      for (const c of l.chunks) {
        const k = l.chunks.length === 1 && NOTE_RE.test(c.text) ? 0 : columnOf(c, cols);
        byCol.set(k, [...(byCol.get(k) ?? []), c]);
      }
    }
    for (const [k, cs] of byCol) put(r, k, cs, numericCol[k] && cs.every((c) => AMOUNT_RE.test(c.text)) && cs.length === 1);
    band = [];
  };
  // Row pitch of lines with figures: a label's second line follows closer than the next row does.
  const pitches: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const d = body[i].y - body[i - 1].y;
    if (body[i].page === body[i - 1].page && d > 0 && body[i].chunks.some(isDataChunk) && body[i - 1].chunks.some(isDataChunk)) pitches.push(d);
  }
  const pitch = median(pitches);
  const continues = (l: Line, prev: Line): boolean => {
    // One piece of text, in a text column, directly under text of the previous row's same column, not an item of its own.
    if (l.chunks.length !== 1 || isDataLine(l) || !pitch) return false;
    const c = l.chunks[0];
    const k = columnOf(c, cols);
    if (numericCol[k] || CODE_RE.test(c.text)) return false;
    const d = l.y - prev.y;
    if (d >= 0.92 * pitch || d > 1.6 * l.h) return false;
    return band.some((b) => b.chunks.some((p) => columnOf(p, cols) === k && Math.abs(p.x0 - c.x0) < 0.6 * c.h));
  };
  for (const l of body) {
    const prev = band[band.length - 1];
    if (prev && (l.page !== prev.page || l.y - prev.y >= 0.9 * Math.min(l.h, prev.h)) && !(l.page === prev.page && continues(l, prev))) flush();
    band.push(l);
  }
  flush();
  looseRows(tail);

  return {
    sheet: {
      name,
      visibility: "visible",
      origin: { row: 0, col: 0 },
      values,
      numberFormats: formats,
      merges,
    },
    places,
  };
}
