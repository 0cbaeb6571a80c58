/**
 * Text normalisation for matching labels, titles and headers: real sheets mix full- and half-width forms,
 * stray spaces and line breaks inside cells, quotes, and numbering prefixes (一、 1. （一） ① 其中：).
 */
import type { CellValue } from "../workbook/snapshot";

const INVISIBLE = /[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const QUOTES = /[“”‘’"'「」『』〝〞＂＇`]/gu;

const FULL_WIDTH = /[\uff01-\uff5e]/gu;
const PLAIN = /^[\u4e00-\u9fff0-9a-z().,:-]*$/u;

/** Full-width ASCII forms (！…～) to half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Half-width, no whitespace, no quotes, lower-case ASCII; numbering kept. */
export function normalizeText(text: string): string {
  if (PLAIN.test(text)) return text; // most labels: nothing to do
  return toHalfWidth(text).replace(INVISIBLE, "").replace(QUOTES, "").replace(/[﹙]/g, "(").replace(/[﹚]/g, ")").toLowerCase();
}

const NUMBERING: RegExp[] = [
  /^其中[:：]?/u,
  /^[一二三四五六七八九十百零〇]+[、.,，:]/u,
  /^\d{1,2}[、,，](?!\d)/u,
  /^\d{1,2}\.(?!\d)/u,
  /^\([一二三四五六七八九十百\d]{1,3}\)[、.]?/u,
  /^[\u2460-\u2473\u2776-\u277f]/u, // ① … ⑳, ❶ …
  /^[:：、.\-—]+/u,
];

/** First characters any NUMBERING pattern can start with. */
const NUMBERING_START = /^[其一二三四五六七八九十百零〇\d(\u2460-\u2473\u2776-\u277f:：、.\-—]/u;

/** Remove leading numbering such as 一、 1. (一) ① and 其中:, repeatedly; drop a trailing colon. */
export function stripNumbering(normalized: string): string {
  // Most labels start with neither numbering nor a colon: skip the loop (hot on large coded tables).
  if (!NUMBERING_START.test(normalized)) {
    const last = normalized[normalized.length - 1];
    return last === ":" || last === "：" ? normalized.replace(/[:：]+$/u, "") : normalized;
  }
  let s = normalized;
  for (let guard = 0; guard < 6; guard++) {
    const before = s;
    for (const re of NUMBERING) s = s.replace(re, "");
    if (s === before) break;
  }
  return s.replace(/[:：]+$/u, "");
}

/** An English gloss after a Chinese label (「合计 Total」, 「基本支出 Basic expenditure」), already lower-cased. */
const ENGLISH_TAIL = /([\u4e00-\u9fff])[a-z][a-z&'\-,./]*$/u;

/** Normalised label for row matching: normalizeText + stripNumbering, an English gloss dropped. */
export function normalizeLabel(text: string): string {
  const s = stripNumbering(normalizeText(text));
  return ENGLISH_TAIL.test(s) ? s.replace(ENGLISH_TAIL, "$1") : s;
}

/** A cell value as text: numbers in their shortest form, booleans as TRUE/FALSE, empty for null. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
