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
 * A percentage one unit of its last digit from the half-up value of an exact figure: written 45.67 where the exact
 * 45.678 rounds to 45.68. Returns the half-up value when the written one is the truncated figure.
 */
export function truncationOf(stated: number, decimals: number, exact: number): number | undefined {
  const halfUp = roundHalfUp(exact, decimals);
  const unit = Math.pow(10, -decimals);
  if (Math.abs(halfUp - stated) < EPS) return undefined;
  if (Math.abs(Math.abs(halfUp - stated) - unit) > unit * 1e-6) return undefined;
  return halfUp;
}
