/** Amount and percent text as the reports print them (domain notes §5, amount/percent style). */
import { roundHalfUp } from "./rounding";

export type AmountUnit = "万元" | "元" | "";

export interface AmountStyle {
  /** Decimals shown (default 2). */
  decimals?: number;
  /** Write whole numbers without ".00" ("3万元"). */
  dropZeroDecimals?: boolean;
  /** Thousands separators ("19,044.27"). */
  thousands?: boolean;
  /** Unit appended (default 万元). */
  unit?: AmountUnit;
  /** Space between number and unit, as Shanghai prints it ("19,044.27 万元"). */
  spaceBeforeUnit?: boolean;
}

export interface PercentStyle {
  /** Write "0%" / "100%" instead of "0.00%" / "100.00%". */
  dropZeroDecimals?: boolean;
}

function groupThousands(intDigits: string): string {
  let out = "";
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += ",";
    out += intDigits[i];
  }
  return out;
}

/** Format a number with fixed decimals after half-up rounding; optional thousands and dropping of zeros. */
export function formatNumber(value: number, decimals = 2, opts: { dropZeroDecimals?: boolean; thousands?: boolean } = {}): string {
  const d = Math.max(0, Math.min(12, Math.trunc(decimals)));
  const r = roundHalfUp(value, d);
  const negative = r < 0;
  let text = Math.abs(r).toFixed(d); // exact: r already has at most d decimals
  if (opts.dropZeroDecimals && d > 0 && /\.0+$/.test(text)) text = text.replace(/\.0+$/, "");
  if (opts.thousands) {
    const [i, f] = text.split(".");
    text = groupThousands(i) + (f !== undefined ? "." + f : "");
  }
  return (negative ? "-" : "") + text;
}

/** Amount as report text: "4163.20万元", "3万元" (dropZeroDecimals), "19,044.27 万元" (thousands + space). */
export function formatAmount(value: number, style: AmountStyle = {}): string {
  const unit = style.unit ?? "万元";
  const num = formatNumber(value, style.decimals ?? 2, style);
  return unit ? num + (style.spaceBeforeUnit ? " " : "") + unit : num;
}

/** Percent number as text: formatPercent(76.29, 2) → "76.29%", formatPercent(40, 0) → "40%". */
export function formatPercent(p: number, digits = 2, style: PercentStyle = {}): string {
  return formatNumber(p, digits, { dropZeroDecimals: style.dropZeroDecimals }) + "%";
}

/** 元 → 万元, half-up to `digits` decimals (default 2). */
export function yuanToWan(yuan: number, digits = 2): number {
  return roundHalfUp(yuan / 10000, digits);
}
