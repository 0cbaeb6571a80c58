/**
 * Reading worksheet-function arguments as amounts, with the same leniency as the validator
 * (text amounts 「1,234.50」, full-width digits) and typed errors the Excel adapter maps to #VALUE!/#N/A.
 */
import { parseAmount } from "../workbook/amount";

/**
 * Why a call failed: 'invalid' → #VALUE!, 'not-available' → #N/A, 'division-by-zero' → #DIV/0!,
 * 'out-of-range' → #NUM! (a result too large for a number).
 */
export type ArgumentErrorKind = "invalid" | "not-available" | "division-by-zero" | "out-of-range";

/** A typed, host-free error carrying a zh-CN message that names the argument. */
export class ArgumentError extends Error {
  readonly kind: ArgumentErrorKind;
  constructor(kind: ArgumentErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = "ArgumentError";
  }
}

const PLAIN_AMOUNT = /^-?(?:\d{1,15}|\d{1,3}(?:,\d{3}){1,4})(?:\.\d{1,12})?$/;

function preview(text: string): string {
  const t = text.length > 20 ? text.slice(0, 20) + "…" : text;
  return `「${t}」`;
}

/**
 * Read one argument as an amount: numbers, amount text, blank → 0 (reports count blank as 0).
 * Throws ArgumentError('invalid') naming `argName` for anything else.
 */
export function readArgumentAmount(value: unknown, argName = "参数"): number {
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  // Plain ASCII amounts ("1234.50", "1,234.50") are by far the most common text; skip the full parser for them.
  if (typeof value === "string" && PLAIN_AMOUNT.test(value)) return Number(value.replace(/,/g, "")) || 0; // "-0" → 0
  if (typeof value === "number" || typeof value === "string") {
    const r = parseAmount(value);
    if (r.kind === "amount") return r.value;
    if (r.kind === "blank") return 0;
    const why = r.reason === "error-value" ? "是错误值" : "不是金额";
    throw new ArgumentError("invalid", `参数「${argName}」${why}：${preview(r.text)}`);
  }
  if (typeof value === "boolean") {
    throw new ArgumentError("invalid", `参数「${argName}」应为金额，不能是逻辑值 ${value ? "TRUE" : "FALSE"}`);
  }
  if (Array.isArray(value)) {
    throw new ArgumentError("invalid", `参数「${argName}」应为单个值，不能是区域`);
  }
  throw new ArgumentError("invalid", `参数「${argName}」不是金额`);
}

/** Read an optional whole-number argument (digits, year…), blank → fallback; range-checked. */
export function readArgumentInteger(value: unknown, argName: string, fallback: number, min: number, max: number): number {
  if (value === null || value === undefined || value === "") return fallback;
  const n = readArgumentAmount(value, argName);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ArgumentError("invalid", `参数「${argName}」应为 ${min} 到 ${max} 之间的整数，收到 ${n}`);
  }
  return n;
}
