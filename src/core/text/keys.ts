/**
 * Text keys for matching what people type in cells and narratives: one module, one function per purpose, so a
 * change to how (say) 说明数据 items are matched cannot silently change how table rows are recognised. Real sheets
 * mix full- and half-width forms, stray spaces and line breaks inside cells, quotes, and numbering prefixes
 * (一、 1. （一） ① 其中：); each key below says which of these it removes and why.
 */

const INVISIBLE = /[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const QUOTES = /[“”‘’"'「」『』〝〞＂＇`]/gu;

const FULL_WIDTH = /[\uff01-\uff5e]/gu;
const PLAIN = /^[\u4e00-\u9fff0-9a-z().,:-]*$/u;

/** Full-width ASCII forms (！…～) to half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Text for matching titles and headers: half-width, no whitespace, no quotes, lower-case ASCII; numbering kept. */
export function matchText(text: string): string {
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

/** Key of a table row label or header for recognition: matchText + stripNumbering, an English gloss dropped. */
export function rowLabelKey(text: string): string {
  const s = stripNumbering(matchText(text));
  return ENGLISH_TAIL.test(s) ? s.replace(ENGLISH_TAIL, "$1") : s;
}

/** Key of a name in the rule language (table, row item, column alias): no spaces, numbering or 其中：, half-width brackets. */
export function ruleNameKey(text: string): string {
  let t = text.replace(/[\s\u3000]+/g, "");
  t = t.replace(/^(其中[:：])/, "");
  t = t.replace(/^([一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])/, "");
  t = t.replace(/[（(]/g, "(").replace(/[）)]/g, ")").replace(/[“”"]/g, "").replace(/[:：]/g, ":");
  return t;
}

/** Key of a 「说明数据」 item or sheet name: no spaces, quotes or list numbering, full-width brackets, no trailing colon. */
export function inputItemKey(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]/g, "")
    .replace(/[(（]/g, "（")
    .replace(/[)）]/g, "）")
    .replace(/["“”'‘’「」『』]/g, "")
    .replace(/[,，、]/g, "")
    .replace(/[:：]+$/, "")
    .replace(/^[0-9一二三四五六七八九十]+[、.．]/, "");
}

const SUBJECT_NUMBERING = /^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+[、.．]|\d+[、.．](?!\d)|其中[:：])+/u;

/** Key of a subject (类/款/项) name for the code book: full-width parentheses, no spaces, list numbering or 「其中：」. */
export function subjectNameKey(name: string): string {
  let s = name.normalize("NFC");
  s = s.replace(/[\s\u3000\u00a0]/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
  s = s.replace(/[“”"]/g, "").replace(/：/g, ":");
  for (let i = 0; i < 3; i++) s = s.replace(SUBJECT_NUMBERING, "");
  return s;
}
