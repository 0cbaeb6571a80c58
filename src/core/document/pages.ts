/**
 * A published document's pages → its tables (as snapshot sheets, one per table, continued pages joined) and its
 * narrative (prose in reading order). Page headers, footers, page numbers and the 目录 are dropped.
 */
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { buildLines, isMultiChunk, lineText, type Line } from "./lines";
import { buildTableSheet, isDataLine } from "./table-grid";
import type { PageText, PlaceMap, TextSpan } from "./types";

export interface DocumentContent {
  snapshot: WorkbookSnapshot;
  places: PlaceMap;
  /** Sheet name → the pages its table was read from. */
  sheetPages: Record<string, number[]>;
  narrative: string;
  /** Where each page's narrative starts in `narrative` (ascending offsets). */
  spans: TextSpan[];
  /** Pages that carried any text at all. */
  textPages: number;
}

const PAGE_NUMBER_RE = /^[-—－–\s]*(第\s*)?\d{1,4}\s*(页)?(\s*[/／]\s*\d{1,4})?(\s*共\s*\d{1,4}\s*页)?[-—－–\s]*$/u;
const TOC_TITLE_RE = /^目\s*录$/u;
const HEADING_RE = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|附[件表])/u;
const TITLE_RE = /表(（[^）]{1,20}）)?$/u;

function furnitureKey(text: string): string {
  return text.replace(/\d+/g, "#").replace(/\s+/g, "");
}

/** Drop page numbers and running headers/footers (the same text near the same edge on several pages). */
function dropFurniture(pages: { page: PageText; lines: Line[] }[]): void {
  const counts = new Map<string, number>();
  const edge = (p: PageText, l: Line) => l.y < 0.1 * p.height || l.y > 0.9 * p.height;
  for (const { page, lines } of pages) {
    const seen = new Set<string>();
    for (const l of lines) if (edge(page, l)) seen.add(furnitureKey(lineText(l)));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (k: string) => pages.length >= 3 && (counts.get(k) ?? 0) >= Math.max(3, 0.3 * pages.length);
  for (const p of pages) {
    p.lines = p.lines.filter((l) => {
      if (!edge(p.page, l)) return true;
      const t = lineText(l);
      return !(PAGE_NUMBER_RE.test(t) || repeated(furnitureKey(t)));
    });
  }
}

function isTablePage(lines: Line[], width: number): boolean {
  // Two columns of prose are two wide pieces per line, not cells.
  const cellRow = (l: Line) => isMultiChunk(l) && !l.chunks.every((c) => c.x1 - c.x0 > 0.25 * width) && !l.chunks.some((c) => c.text.length > 22);
  const multi = lines.filter(cellRow).length;
  // A titled page (「…决算表」 near the top) with a few rows of cells is a table even when wrapped labels and
  // empty rows make most of its lines single pieces of text.
  return (multi >= 3 && multi >= 0.35 * lines.length) || (multi >= 2 && hasTitle(lines) && multi >= 0.15 * lines.length);
}

/** A line of running text: one piece spanning most of the page width. */
function isProse(l: Line, width: number): boolean {
  return l.chunks.length === 1 && l.chunks[0].x1 - l.chunks[0].x0 > 0.55 * width && !/^(注|说明)/u.test(l.chunks[0].text);
}

function hasTitle(lines: Line[]): boolean {
  return lines.slice(0, 4).some((l) => l.chunks.length <= 2 && TITLE_RE.test(l.chunks[0].text.replace(/\s+/g, "")) && l.chunks[0].text.length <= 45);
}

/** Lines of a continued page that repeat the previous page's header (text before its first body line). */
function dropRepeatedHeader(prev: Line[], next: Line[]): Line[] {
  const known = new Set(prev.flatMap((l) => l.chunks.map((c) => c.text)));
  let i = 0;
  while (i < next.length && !isDataLine(next[i]) && next[i].chunks.every((c) => known.has(c.text))) i++;
  return next.slice(i);
}

/** Split a page into columns of prose when a vertical gutter runs down its middle (two-column layout). */
function readingOrder(lines: Line[], width: number): Line[][] {
  if (lines.length < 6) return [lines];
  const lo = 0.3 * width;
  const hi = 0.7 * width;
  // Find the widest empty x-range in the middle band.
  const covered: [number, number][] = lines.flatMap((l) => l.chunks.map((c) => [c.x0, c.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  let best: [number, number] | undefined;
  let reach = -Infinity;
  for (const [a, b] of covered) {
    if (a > reach && reach > -Infinity) {
      const g0 = Math.max(reach, lo);
      const g1 = Math.min(a, hi);
      if (g1 - g0 > 8 && (!best || g1 - g0 > best[1] - best[0])) best = [reach, a];
    }
    reach = Math.max(reach, b);
  }
  if (!best) return [lines];
  const split = (best[0] + best[1]) / 2;
  const both = lines.filter((l) => l.chunks.some((c) => c.x1 <= split) && l.chunks.some((c) => c.x0 >= split)).length;
  if (both < 0.3 * lines.length) return [lines];
  const left: Line[] = [];
  const right: Line[] = [];
  for (const l of lines) {
    const a = l.chunks.filter((c) => c.x1 <= split);
    const b = l.chunks.filter((c) => c.x0 >= split);
    if (a.length) left.push({ ...l, chunks: a });
    if (b.length) right.push({ ...l, chunks: b });
  }
  return [left, right];
}

/** Prose of a page: wrapped lines joined, a new paragraph where a line starts indented or the last one ended short. */
function pageProse(lines: Line[]): string {
  if (lines.length === 0) return "";
  const left = Math.min(...lines.map((l) => l.chunks[0].x0));
  const right = Math.max(...lines.map((l) => l.chunks[l.chunks.length - 1].x1));
  let out = "";
  let prev: Line | undefined;
  for (const l of lines) {
    const text = lineText(l);
    if (prev) {
      const prevEnd = prev.chunks[prev.chunks.length - 1].x1;
      const indented = l.chunks[0].x0 > left + 1.2 * l.h;
      const ended = /[。；：！？」）]$/u.test(out);
      // Short: ends well before the right margin after a finished sentence, or far before it whatever it ends with.
      const short = (prevEnd < right - 2 * prev.h && ended) || prevEnd < right - 6 * prev.h;
      const gapped = l.y - prev.y > 2.2 * l.h;
      // A number broken by the line end ("4,8" / "38.27") always runs on.
      const inNumber = /[\d,.]$/.test(out) && /^[\d,.%]/.test(text);
      if (!inNumber && (indented || short || gapped || HEADING_RE.test(text))) out += "\n";
      else if (/[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(text)) out += " ";
    }
    out += text;
    prev = l;
  }
  return out;
}

/** Join prose blocks (columns, pages): a sentence running on continues without a break. */
function joinProse(blocks: string[]): string {
  let out = "";
  for (const b of blocks) {
    if (!b) continue;
    out += out && !/[。；：！？」）\n]$/u.test(out) ? "" : out ? "\n" : "";
    out += b;
  }
  return out;
}

/** Is this page (part of) the 目录: titled so, or a list of headings right after such a page? */
function isTocPage(lines: Line[], afterToc: boolean): boolean {
  if (lines.slice(0, 3).some((l) => TOC_TITLE_RE.test(lineText(l)))) return true;
  if (!afterToc || lines.length === 0) return false;
  return lines.every((l) => l.chunks.length <= 3 && (HEADING_RE.test(lineText(l)) || /[.…·]{3,}\s*\d+$|\s\d{1,3}$/u.test(lineText(l))));
}

/** Turn positioned pages into tables and narrative. */
export function readDocumentPages(pages: readonly PageText[], name?: string): DocumentContent {
  const work = pages.map((page) => ({ page, lines: buildLines(page.runs, page.page) }));
  const textPages = work.filter((w) => w.lines.length > 0).length;
  dropFurniture(work);
  const sheets: { name: string; pages: number[]; lines: Line[] }[] = [];
  const prose: { page: number; text: string }[] = [];
  let afterToc = false;
  let lastWasTable = false;
  for (const { page, lines } of work) {
    if (lines.length === 0) continue;
    if (isTocPage(lines, afterToc)) {
      afterToc = true;
      lastWasTable = false;
      continue;
    }
    afterToc = false;
    const prev = sheets[sheets.length - 1];
    // The last rows of a table spilling onto the next page: no title, no prose, a row or two of cells.
    const spill = lastWasTable && prev !== undefined && !hasTitle(lines) && lines.some(isMultiChunk) && !lines.some((l) => isProse(l, page.width));
    if (isTablePage(lines, page.width) || spill) {
      if (lastWasTable && prev && !hasTitle(lines)) {
        prev.pages.push(page.page);
        prev.lines.push(...dropRepeatedHeader(prev.lines, lines));
      } else sheets.push({ name: "", pages: [page.page], lines: [...lines] });
      lastWasTable = true;
      continue;
    }
    lastWasTable = false;
    prose.push({ page: page.page, text: joinProse(readingOrder(lines, page.width).map(pageProse)) });
  }
  const snapshot: WorkbookSnapshot = { name, sheets: [] };
  const places: PlaceMap = {};
  const sheetPages: Record<string, number[]> = {};
  for (const s of sheets) {
    const first = s.pages[0];
    const last = s.pages[s.pages.length - 1];
    s.name = first === last ? `第${first}页` : `第${first}-${last}页`;
    const g = buildTableSheet(s.name, s.lines);
    snapshot.sheets.push(g.sheet);
    places[s.name] = g.places;
    sheetPages[s.name] = s.pages;
  }
  let narrative = "";
  const spans: TextSpan[] = [];
  for (const p of prose) {
    if (!p.text) continue;
    // A paragraph broken by the page end runs on; a finished one starts a new line.
    if (narrative) narrative += /[。；：！？」）]$/u.test(narrative) ? "\n" : "";
    spans.push({ offset: narrative.length, page: p.page });
    narrative += p.text;
  }
  return { snapshot, places, sheetPages, narrative, spans, textPages };
}

/** Page on which a narrative offset lies. */
export function pageAt(spans: readonly TextSpan[], offset: number): number | undefined {
  let page: number | undefined;
  for (const s of spans) {
    if (s.offset > offset) break;
    page = s.page;
  }
  return page;
}
