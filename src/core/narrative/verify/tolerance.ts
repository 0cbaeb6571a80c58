/**
 * Tolerance of 核对: every number written in a narrative is itself rounded, so it stands for an interval
 * (「6.2万元」 is anything in [6.15, 6.25)). Arithmetic on stated numbers is done on those intervals, and a stated
 * result is consistent when its own interval meets the computed one — rounding noise is never a mismatch.
 * Half-up rounding of the final figure comes from core/metrics.
 */
import { roundHalfUp } from "../../metrics/rounding";
import { formatNumber } from "../../metrics/format";

export interface Interval {
  lo: number;
  hi: number;
}

const EPS = 1e-9;

/** Half a unit of the last written digit: 2 decimals → 0.005. */
export function halfUnit(decimals: number): number {
  return 0.5 * Math.pow(10, -decimals);
}

/** The interval a number written with `decimals` decimals stands for, times `scale` (元 → 万元: 1e-4). */
export function writtenInterval(value: number, decimals: number, scale = 1): Interval {
  const h = halfUnit(decimals);
  return { lo: (value - h) * scale, hi: (value + h) * scale };
}

/** Sum of intervals. */
export function sumIntervals(xs: Interval[]): Interval {
  let lo = 0;
  let hi = 0;
  for (const x of xs) {
    lo += x.lo;
    hi += x.hi;
  }
  return { lo, hi };
}

/** a − b. */
export function subInterval(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

/** a + b. */
export function addInterval(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

/** a ÷ b × 100 for non-negative a and b; undefined when b may be 0 or negative. */
export function percentInterval(a: Interval, b: Interval): Interval | undefined {
  if (b.lo <= EPS) return undefined;
  const lo = Math.max(0, a.lo);
  const hi = Math.max(0, a.hi);
  return { lo: (lo / b.hi) * 100, hi: (hi / b.lo) * 100 };
}

/** Distance from a point to an interval (0 inside). */
export function distance(x: number, iv: Interval): number {
  return x < iv.lo ? iv.lo - x : x > iv.hi ? x - iv.hi : 0;
}

export type Agreement = "ok" | "near" | "far";

/**
 * Does a number written with `decimals` decimals agree with a computed interval? "ok" when its own interval meets
 * it; "near" when it is off by at most one unit of its last digit more (a truncated or once-rounded figure: 核实);
 * "far" otherwise (强制).
 */
export function agreement(stated: number, decimals: number, computed: Interval): Agreement {
  const d = distance(stated, computed);
  const unit = Math.pow(10, -decimals);
  if (d <= unit / 2 + EPS) return "ok";
  if (d <= unit + EPS) return "near";
  return "far";
}

/** The computed value shown at `decimals` (half-up): the midpoint of the interval. */
export function shown(iv: Interval, decimals: number): number {
  return roundHalfUp((iv.lo + iv.hi) / 2, decimals);
}

/** Text of a stated number as written (「2,106.66」 → 「2106.66」), for arithmetic strings. */
export function numText(value: number, decimals: number): string {
  return formatNumber(value, decimals);
}


/**
 * A 万元 amount (two decimals) against a table value, by their difference: "ok" below 0.005 万元, "near"
 * up to 0.01 (a copying or rounding slip: 核实), "far" beyond (强制).
 */
export function amountVerdict(difference: number): Agreement {
  const d = Math.abs(difference);
  // Strictly below: a table value of 545.845 rounds to 545.85, so 545.84 is not right.
  if (d < 0.005) return "ok";
  if (d <= 0.01 + EPS) return "near";
  return "far";
}

/**
 * A written percentage against the exact figure: "ok" when it is the half-up value at its written decimals; "near"
 * when one unit of its last digit off (truncated, or rounded from other figures: 核实) — for whole-number
 * percentages only the truncated side, a point above is no rounding slip; "far" otherwise.
 */
export function percentVerdict(value: number, digits: number, exact: number): { verdict: Agreement; halfUp: number; truncated: boolean } {
  const d = Math.min(Math.max(0, digits), 12);
  const halfUp = roundHalfUp(exact, d);
  const truncated = Math.abs(value) < Math.abs(halfUp);
  if (Math.abs(halfUp - value) < EPS) return { verdict: "ok", halfUp, truncated };
  const unit = Math.pow(10, -d);
  const offByOne = Math.abs(Math.abs(halfUp - value) - unit) < unit * 1e-6 && (d > 0 || truncated);
  return { verdict: offByOne ? "near" : "far", halfUp, truncated };
}
