/**
 * Normalise text copied out of PDF/Word for claim extraction while keeping offsets into the original:
 * line breaks and spaces fall anywhere (even inside 「8487.88\n万元」), digits and punctuation may be full-width.
 */

export interface NormalizedText {
  /** The normalised text: no whitespace, ASCII digits and %, unified brackets and colons. */
  text: string;
  /** map[i] = offset in the original of normalised character i; map[text.length] = original length. */
  map: number[];
  original: string;
}

const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** Normalise for matching, keeping an offset map. */
export function normalizeNarrativeText(original: string): NormalizedText {
  let text = "";
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    if (WHITESPACE.test(ch)) continue;
    const code = ch.charCodeAt(0);
    let out = ch;
    if (code >= 0xff10 && code <= 0xff19) out = String.fromCharCode(code - 0xff10 + 48);
    else if (ch === "％") out = "%";
    else if (ch === "(") out = "（";
    else if (ch === ")") out = "）";
    else if (ch === ":") out = "：";
    else if (ch === ";") out = "；";
    else if (ch === "．") out = ".";
    else if (ch === "＂") out = "\"";
    text += out;
    map.push(i);
  }
  map.push(original.length);
  return { text, map, original };
}

/** Original offset range [start, end) of normalised range [start, end). */
export function originalRange(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = n.map[Math.max(0, Math.min(start, n.map.length - 1))];
  const e = end > 0 ? n.map[Math.min(end - 1, n.map.length - 2)] + 1 : s;
  return { start: s, end: Math.max(s, e) };
}
