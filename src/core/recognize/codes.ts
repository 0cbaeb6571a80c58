/**
 * Subject codes in table rows: one 7-digit column, three 类|款|项 columns (款/项 as 2-digit parts, often with
 * the 类 or 款 cell left blank on child rows in MOF exports), or the code at the start of the name cell
 * ("2010301 行政运行"); stored as numbers or text.
 */
import type { CellValue } from "../workbook/snapshot";
import { matchText } from "../text/keys";

export type CodeSystem = "function" | "economic";

/** Function codes start with 2 (201…234); economic with 3 (部门预算, 301…399) or 5 (政府预算, 501…599). */
export function codeSystemOf(code: string): CodeSystem | undefined {
  if (!/^\d{3}(\d{2}){0,2}$/.test(code)) return undefined;
  if (code[0] === "2") return "function";
  if ((code[0] === "3" || code[0] === "5") && code.length <= 5) return "economic";
  return undefined;
}

/** 1 = 类 (3 digits), 2 = 款 (5), 3 = 项 (7). */
export function codeLevel(code: string): 1 | 2 | 3 | undefined {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : undefined;
}

/** Digits of a code-ish cell: numbers as integers, text trimmed; undefined when it is not all digits. */
export function digitsOf(value: CellValue): string | undefined {
  if (value === null || typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) return undefined;
    return String(value);
  }
  // A text starting with a CJK ideograph (every name) is never a code; normalisation cannot strip it.
  const c0 = value.charCodeAt(0);
  if (c0 >= 0x4e00 && c0 <= 0x9fff) return undefined;
  const t = matchText(value).replace(/^'/, "");
  return /^\d+$/.test(t) ? t : undefined;
}

/**
 * A full code at the start of a text, with the rest as the label: 「2010301行政运行」, 「[2010301]行政运行」,
 * 「【201】一般公共服务支出」, 「201-03-01 行政运行」, 「201.03 …」.
 */
export function leadingCode(normalized: string): { code: string; rest: string } | undefined {
  const t = normalized.replace(/^'/, "");
  // The label after a code never starts with a digit: 「123.45」 is an amount, not code 123 + 「45」.
  const dotted = /^[[【(]?([235]\d{2})[-.](\d{2})(?:[-.](\d{2}))?(?!\d)[\]】)]?[\s\-_|:.、]*([^\d\s\-_|:.、].*)$/u.exec(t);
  if (dotted) return { code: dotted[1] + dotted[2] + (dotted[3] ?? ""), rest: dotted[4] };
  const m = /^[[【(]?(\d{3}|\d{5}|\d{7})(?!\d)[\]】)]?[\s\-_|:.、]*((?:[^\d\s\-_|:.、].*)?)$/u.exec(t);
  if (!m) return undefined;
  return { code: m[1], rest: m[2] };
}

/** A 2-digit 款/项 part: "03", "3" or the number 3 → "03". */
export function twoDigitPart(value: CellValue): string | undefined {
  const d = digitsOf(value);
  if (d === undefined) return undefined;
  if (d.length === 1) return `0${d}`;
  return d.length === 2 ? d : undefined;
}

/** Running context for split codes: the last 类 and 款 seen, since MOF exports blank them on child rows. */
export interface SplitCodeContext {
  lastClass?: string;
  lastKuan?: string;
}

/**
 * Join 类|款|项 cells into one code. `cls` may also hold a full 5/7-digit code. Returns undefined when the
 * cells hold no code.
 */
export function joinSplitCode(cls: CellValue, kuan: CellValue, xiang: CellValue, ctx: SplitCodeContext): string | undefined {
  const c = digitsOf(cls);
  const k = twoDigitPart(kuan);
  const x = twoDigitPart(xiang);
  let code: string | undefined;
  if (c && (c.length === 5 || c.length === 7)) {
    code = c;
    if (c.length === 5 && x) code = c + x;
  } else if (c && c.length === 3) {
    code = c + (k ?? "") + (k && x ? x : "");
  } else if (!c && k && ctx.lastClass) {
    code = ctx.lastClass + k + (x ?? "");
  } else if (!c && !k && x && ctx.lastKuan) {
    code = ctx.lastKuan + x;
  } else {
    // 款 column holding a full 5-digit code, or 项 column holding a full 7-digit code.
    const kd = digitsOf(kuan);
    const xd = digitsOf(xiang);
    if (kd && kd.length === 5) code = kd + (x ?? "");
    else if (xd && xd.length === 7) code = xd;
  }
  if (!code || !codeLevel(code)) return undefined;
  ctx.lastClass = code.slice(0, 3);
  ctx.lastKuan = code.length >= 5 ? code.slice(0, 5) : undefined;
  return code;
}
