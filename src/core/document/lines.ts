/**
 * Text runs → chunks (runs drawn next to each other on one baseline, i.e. one cell or one line of prose) → lines
 * (chunks sharing a baseline), the raw material of both the table grid and the narrative.
 */
import type { TextRun } from "./types";

export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  /** Baseline from the top of the page. */
  y: number;
  /** Font size. */
  h: number;
  page: number;
  /** Baseline of the last line when the chunk is text wrapped over several lines. */
  yEnd?: number;
}

export interface Line {
  y: number;
  h: number;
  page: number;
  /** Sorted left to right. */
  chunks: Chunk[];
}

const LATIN_END = /[A-Za-z0-9.,%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** Runs closer than this (in font sizes) belong to the same chunk: glyph runs split by the producer, not cells. */
const JOIN_GAP = 0.5;

/** Group the runs of one page into lines of chunks, top to bottom. */
export function buildLines(runs: readonly TextRun[], page: number): Line[] {
  const items = runs
    .filter((r) => r.text.trim() !== "" && r.height > 0 && Number.isFinite(r.x) && Number.isFinite(r.y))
    .map((r) => ({ ...r, text: r.text.replace(/\s+/g, " ") }));
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const rawLines: { y: number; h: number; runs: TextRun[] }[] = [];
  for (const r of items) {
    const last = rawLines[rawLines.length - 1];
    // Same baseline within a third of the smaller font: superscripts and mixed fonts stay on their line.
    if (last && Math.abs(r.y - last.y) <= 0.3 * Math.min(r.height, last.h)) {
      last.runs.push(r);
      last.h = Math.max(last.h, r.height);
    } else rawLines.push({ y: r.y, h: r.height, runs: [r] });
  }
  const lines: Line[] = [];
  for (const l of rawLines) {
    l.runs.sort((a, b) => a.x - b.x);
    const chunks: Chunk[] = [];
    for (const r of l.runs) {
      const text = r.text;
      const last = chunks[chunks.length - 1];
      const gap = last ? r.x - last.x1 : Infinity;
      if (last && gap <= JOIN_GAP * Math.min(r.height, last.h)) {
        const sep = gap > 0.2 * r.height && LATIN_END.test(last.text) && LATIN_START.test(text.trimStart()) ? " " : "";
        last.text = (last.text + sep + text).replace(/\s+/g, " ");
        last.x1 = Math.max(last.x1, r.x + r.width);
        last.h = Math.max(last.h, r.height);
      } else chunks.push({ text, x0: r.x, x1: r.x + r.width, y: l.y, h: r.height, page });
    }
    // Letter-spaced CJK (「因 公 出 国」) reads as one word; spaces between Latin words and figures stay.
    for (const c of chunks) c.text = c.text.trim().replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/gu, "");
    const kept = chunks.filter((c) => c.text !== "");
    if (kept.length > 0) lines.push({ y: l.y, h: l.h, page, chunks: kept });
  }
  return lines;
}

/** Text of a line with its chunks separated by one space (prose lines are usually one chunk). */
export function lineText(line: Line): string {
  return line.chunks.map((c) => c.text).join(" ");
}

/** Does the line hold two or more chunks separated by clear gaps (a table row rather than prose)? */
export function isMultiChunk(line: Line): boolean {
  for (let i = 1; i < line.chunks.length; i++) if (line.chunks[i].x0 - line.chunks[i - 1].x1 >= 1.2 * line.h) return true;
  return false;
}
