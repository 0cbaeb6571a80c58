/** Shares, year-over-year changes and the direction words of the 情况说明 (domain notes §5). */
import { roundHalfUp } from "./rounding";

export type Trend = "up" | "down" | "flat";

/** Words for an increase: 增加 (amount) / 增长 (rate). */
export type IncreaseWord = "增加" | "增长";
/** Words for a decrease: 减少 / 下降 / 降低. */
export type DecreaseWord = "减少" | "下降" | "降低";

export interface TrendWordStyle {
  increase?: IncreaseWord;
  decrease?: DecreaseWord;
}

/** Share of `part` in `total` as a percent before rounding (what a written share is checked against); undefined when total is 0. */
export function shareExact(part: number, total: number): number | undefined {
  if (total === 0 || !Number.isFinite(total) || !Number.isFinite(part)) return undefined;
  const share = (part / total) * 100;
  return Number.isFinite(share) ? share : undefined;
}

/** Share of `part` in `total` as a percent number (76.29 for 76.29%), half-up; undefined when total is 0. */
export function sharePercent(part: number, total: number, digits = 2): number | undefined {
  const share = shareExact(part, total);
  return share === undefined ? undefined : roundHalfUp(share, digits);
}

/** Signed change current − prior, rounded half-up to 2 decimals (万元 precision). */
export function change(current: number, prior: number): number {
  return roundHalfUp(current - prior, 2);
}

/**
 * Unsigned change rate |current − prior| ÷ |prior| × 100 before rounding (the change itself at 万元 precision).
 * Prior 0: 100 when current ≠ 0 (the reports' convention "增长100%"), 0 when both are 0.
 */
export function changeRateExact(current: number, prior: number): number {
  const delta = Math.abs(change(current, prior));
  if (prior === 0) return delta === 0 ? 0 : 100;
  return (delta / Math.abs(prior)) * 100;
}

/** changeRateExact half-up to `digits`. */
export function changeRatePercent(current: number, prior: number, digits = 2): number {
  return roundHalfUp(changeRateExact(current, prior), digits);
}

/** Direction of a change already computed (see change()): 'flat' when it is 0. */
export function direction(delta: number): Trend {
  return delta > 0 ? "up" : delta < 0 ? "down" : "flat";
}

/** Direction of the change; 'flat' when the change rounds to 0.00. */
export function trend(current: number, prior: number): Trend {
  return direction(change(current, prior));
}

/** The word for a direction: 增加/减少 by default, 持平 for flat. */
export function trendWord(t: Trend, style: TrendWordStyle = {}): string {
  if (t === "up") return style.increase ?? "增加";
  if (t === "down") return style.decrease ?? "减少";
  return "持平";
}
