/**
 * Amount parsing: every form of a money cell seen in real 财决 sheets, keeping the displayed precision
 * (number of decimals) that the tolerance model needs (domain notes §4).
 */
import type { CellValue } from "./snapshot";

/** A readable amount: the value in the cell's own unit and the decimals it is shown with. */
export interface AmountValue {
  kind: "amount";
  value: number;
  /** Displayed decimals d: the value stands for [value − ½·10^-d, value + ½·10^-d]. */
  decimals: number;
}

/** A cell that means "nothing here" in a table: empty, —, -, /. Counts as 0 at the table's precision. */
export interface AmountBlank {
  kind: "blank";
}

/** A cell that cannot be read as an amount. Never silently taken as 0. */
export interface AmountInvalid {
  kind: "invalid";
  /** The cell's text as found (untrusted). */
  text: string;
  reason: "error-value" | "not-a-number" | "boolean";
}

export type AmountReading = AmountValue | AmountBlank | AmountInvalid;

const BLANK_MARKS = new Set(["", "-", "--", "—", "——", "–", "－", "/", "／", "\\", "―", "─", "…", "……", "空"]);
const ERROR_VALUE = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)/i;

/** Map full-width digits and punctuation to ASCII and drop invisible characters. */
export function normalizeNumericText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === "．" || ch === "。") out += ".";
    else if (ch === "，" || ch === "､" || ch === "、") out += ",";
    else if (ch === "－" || ch === "−" || ch === "‐" || ch === "﹣") out += "-";
    else if (ch === "＋") out += "+";
    else if (ch === "（") out += "(";
    else if (ch === "）") out += ")";
    else if (ch === "％") out += "%";
    else if (/[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u.test(ch)) continue;
    else out += ch;
  }
  return out;
}

const decimalsCache = new Map<string, number | undefined>();

/** Decimals a number format shows ("#,##0.00" → 2, "0%" → 2 since percent, "General" → undefined). */
export function formatDecimals(format: string | null | undefined): number | undefined {
  if (!format || format === "General") return undefined;
  if (decimalsCache.has(format)) return decimalsCache.get(format);
  const d = computeFormatDecimals(format);
  if (decimalsCache.size < 1000) decimalsCache.set(format, d);
  return d;
}

function computeFormatDecimals(format: string): number | undefined {
  // Only the first section (positive numbers) matters; drop quoted text and colour/condition brackets.
  const section = format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  if (!/[0#?]/.test(section)) return undefined; // General, @, text formats
  const m = /\.([0#?]+)/.exec(section);
  let d = m ? m[1].length : 0;
  if (section.includes("%")) d += 2;
  return d;
}

function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  // Shortest round-trip representation tells how many decimals the value really carries; rounding to 10
  // places first drops binary noise of formula results (0.1 + 0.2 → 0.3, not 17 decimals).
  const s = String(Math.abs(value) >= 1e-6 ? Number(value.toFixed(10)) : value);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Math.min(15, Number(e[1]) + ((s.split("e")[0].split(".")[1] ?? "").length));
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(15, s.length - dot - 1);
}

/**
 * Read one cell as an amount.
 * @param defaultDecimals the table's display precision, used when the cell shows no decimals of its own
 *   (a whole number in a 0.01-万元 table means 0.01 precision, not 1).
 */
export function parseAmount(value: CellValue, numberFormat?: string | null, defaultDecimals = 2): AmountReading {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "boolean") return { kind: "invalid", text: String(value).toUpperCase(), reason: "boolean" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", text: String(value), reason: "not-a-number" };
    const fd = formatDecimals(numberFormat);
    const decimals = fd !== undefined ? fd : Math.max(decimalsOf(value), defaultDecimals);
    return { kind: "amount", value: Object.is(value, -0) ? 0 : value, decimals };
  }
  const raw = String(value);
  const trimmed = raw.trim();
  if (ERROR_VALUE.test(trimmed)) return { kind: "invalid", text: raw, reason: "error-value" };
  let t = normalizeNumericText(raw);
  if (t.startsWith("'")) t = t.slice(1);
  if (BLANK_MARKS.has(t)) return { kind: "blank" };
  // trailing unit words and a leading currency sign (¥/￥)
  t = t.replace(/(万元|元|万)$/u, "").replace(/^[¥￥]/u, "");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  }
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.startsWith("+")) {
    t = t.slice(1);
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1);
  }
  // thousands separators: only in groups of three before the decimal point
  if (t.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return { kind: "invalid", text: raw, reason: "not-a-number" };
    t = t.replace(/,/g, "");
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { kind: "invalid", text: raw, reason: "not-a-number" };
  const own = (t.split(".")[1] ?? "").length;
  let num = Number(t);
  let decimals = own > 0 ? own : defaultDecimals;
  if (percent) {
    num = num / 100;
    decimals = own + 2;
  }
  if (negative) num = -num;
  if (Object.is(num, -0)) num = 0;
  return { kind: "amount", value: num, decimals };
}

/**
 * True exactly when parseAmount(value, …).kind is "blank", without parsing a figure: text holding a digit is never
 * blank (no blank mark has one, and normalising keeps digits digits), so only digit-free text is normalised.
 */
export function isBlankAmount(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number" || typeof value === "boolean") return false;
  const raw = String(value);
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return false;
  }
  if (ERROR_VALUE.test(raw.trim())) return false;
  let t = normalizeNumericText(raw);
  if (t.startsWith("'")) t = t.slice(1);
  return BLANK_MARKS.has(t);
}
