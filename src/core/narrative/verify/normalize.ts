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
  // One pass into preallocated buffers: string concatenation per character costs far more (and GC) on long input.
  const codes = new Uint16Array(original.length);
  const map = new Int32Array(original.length + 1);
  let k = 0;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    const code = original.charCodeAt(i);
    if (code <= 0x20 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : WHITESPACE.test(ch)) continue;
    let out = code;
    if (code >= 0xff10 && code <= 0xff19) out = code - 0xff10 + 48;
    else if (ch === "％") out = 37;
    else if (ch === "(") out = 0xff08;
    else if (ch === ")") out = 0xff09;
    else if (ch === ":") out = 0xff1a;
    else if (ch === ";") out = 0xff1b;
    else if (ch === "．") out = 46;
    else if (ch === "＂") out = 34;
    codes[k] = out;
    map[k] = i;
    k++;
  }
  map[k] = original.length;
  let text = "";
  const CHUNK = 8192;
  for (let i = 0; i < k; i += CHUNK) text += String.fromCharCode(...codes.subarray(i, Math.min(k, i + CHUNK)));
  return { text, map: Array.from(map.subarray(0, k + 1)), original };
}

/** Original offset range [start, end) of normalised range [start, end). */
export function originalRange(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = n.map[Math.max(0, Math.min(start, n.map.length - 1))];
  const e = end > 0 ? n.map[Math.min(end - 1, n.map.length - 2)] + 1 : s;
  return { start: s, end: Math.max(s, e) };
}
