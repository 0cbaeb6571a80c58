/**
 * Rounding-sound comparison of sums (XBRL Calculations 1.1, as Arelle implements it; domain notes §4).
 *
 * A value shown with d decimals stands for [v − ½·10^-d, v + ½·10^-d]. We work in exact integers: every term is
 * brought to a common scale 10^-E (E = the finest exponent of the check + 1, so that the half-widths 5·10^-(e+1)
 * are integers too), which avoids floating-point noise in the overlap test.
 *
 * Endpoints matter for the boundary case: Excel rounds half away from zero, so a non-negative displayed value v
 * stands for the half-open [v − h, v + h) and a negative one for (v − h, v + h]. We track open/closed ends through
 * sums and sign changes; that is what lets 收支总计 4163.20 vs 本年支出合计 4163.21 + 年末结转和结余 0.00 be
 * recognised as impossible (the intervals only touch at an excluded endpoint) once 年末结转和结余 is known ≥ 0.
 */
import type { TolerancePolicy } from "./types";

export type ComparisonOp = "=" | "<=" | ">=";

/** Largest exponent (decimals + unit shift) kept exactly; finer display precision is cut here (< 1e-9 万元). */
export const MAX_EXPONENT = 9;

const POW10: number[] = [];
for (let i = 0; i <= 40; i++) POW10.push(Number(`1e${i}`));

/** 10^k for 0 ≤ k ≤ 40, from a table (exact for k ≤ 22). */
export function pow10(k: number): number {
  return POW10[k];
}

/**
 * Terms of one comparison, left side first. Value of term i in the common unit (万元) = w[i] · m[i] · 10^-e[i];
 * m is the displayed value as an integer at its own decimals.
 */
export class TermBuffer {
  m: Float64Array;
  e: Int32Array;
  w: Float64Array;
  /** 1 when the term carries a rounding interval (a displayed value); 0 for exact zeros (absent rows). */
  half: Uint8Array;
  /** 1 when the amount is known non-negative, so a displayed 0 stands for [0, h) rather than [−h, h). */
  clip: Uint8Array;
  n = 0;
  nLeft = 0;

  constructor(capacity = 64) {
    this.m = new Float64Array(capacity);
    this.e = new Int32Array(capacity);
    this.w = new Float64Array(capacity);
    this.half = new Uint8Array(capacity);
    this.clip = new Uint8Array(capacity);
  }

  /** Empty the buffer and make room for `capacity` terms. */
  reset(capacity: number): void {
    if (capacity > this.m.length) {
      const size = Math.max(capacity, this.m.length * 2);
      this.m = new Float64Array(size);
      this.e = new Int32Array(size);
      this.w = new Float64Array(size);
      this.half = new Uint8Array(size);
      this.clip = new Uint8Array(size);
    }
    this.n = 0;
    this.nLeft = 0;
  }

  /** Append a term (left side while nLeft has not been fixed by `endLeft`). */
  push(m: number, e: number, w: number, half: boolean, clip: boolean): void {
    const i = this.n++;
    this.m[i] = m;
    this.e[i] = e;
    this.w[i] = w;
    this.half[i] = half ? 1 : 0;
    this.clip[i] = clip ? 1 : 0;
  }

  /** Mark the end of the left-hand side. */
  endLeft(): void {
    this.nLeft = this.n;
  }
}

/** Result of one comparison, in integer units of 10^-scale (reused object; copy what you keep). */
export interface IntervalOutcome {
  pass: boolean;
  /** Left and right sides at their displayed values. */
  left: number;
  right: number;
  /** Sum of all half-widths: the two sides may differ by less than this (both sides' rounding together). */
  half: number;
  /** Left − right can range over [diffLow, diffHigh]. */
  diffLow: number;
  diffHigh: number;
  scale: number;
}

/** Turn a displayed amount into (integer mantissa, exponent) with the unit shift (4 for 元 → 万元). */
export function toMantissa(value: number, decimals: number, unitShift: number): { m: number; e: number } {
  const d = Math.max(0, Math.min(decimals, MAX_EXPONENT - unitShift));
  return { m: Math.round(value * POW10[d]), e: d + unitShift };
}

/**
 * Compare left (terms 0..nLeft) with right (nLeft..n) under the policy. Interval policy: pass when the intervals
 * can agree (=), or when some value of the left interval can be ≤ / ≥ some value of the right one.
 * Exact policy: the displayed values themselves must satisfy the relation.
 */
export function compareTerms(buf: TermBuffer, op: ComparisonOp, policy: TolerancePolicy, out: IntervalOutcome): IntervalOutcome {
  const n = buf.n;
  let maxE = 0;
  for (let i = 0; i < n; i++) if (buf.e[i] > maxE) maxE = buf.e[i];
  const scale = maxE + 1;
  const useHalf = policy === "interval";
  let left = 0;
  let right = 0;
  let half = 0;
  // difference interval D = left − right, with open/closed ends
  let lo = 0;
  let hi = 0;
  let loClosed = true;
  let hiClosed = true;
  for (let i = 0; i < n; i++) {
    const shift = scale - buf.e[i];
    const f = POW10[shift];
    const sign = i < buf.nLeft ? 1 : -1;
    const w = buf.w[i] * sign;
    const m = buf.m[i];
    const c = m * f;
    if (i < buf.nLeft) left += buf.w[i] * c;
    else right += buf.w[i] * c;
    if (!useHalf || buf.half[i] === 0) {
      lo += w * c;
      hi += w * c;
      continue;
    }
    const h = 5 * POW10[shift - 1];
    // interval of the displayed value itself
    let tLo = c - h;
    const tHi = c + h;
    let tLoClosed = m >= 0;
    const tHiClosed = m < 0;
    if (buf.clip[i] === 1 && m === 0) {
      tLo = 0;
      tLoClosed = true;
    }
    if (w >= 0) {
      lo += w * tLo;
      hi += w * tHi;
      loClosed = loClosed && tLoClosed;
      hiClosed = hiClosed && tHiClosed;
    } else {
      lo += w * tHi;
      hi += w * tLo;
      loClosed = loClosed && tHiClosed;
      hiClosed = hiClosed && tLoClosed;
    }
    half += Math.abs(buf.w[i]) * h;
  }
  let pass: boolean;
  const loOk = loClosed ? lo <= 0 : lo < 0;
  const hiOk = hiClosed ? hi >= 0 : hi > 0;
  if (op === "=") pass = loOk && hiOk;
  else if (op === "<=") pass = loOk;
  else pass = hiOk;
  out.pass = pass;
  out.left = left;
  out.right = right;
  out.half = half;
  out.diffLow = lo;
  out.diffHigh = hi;
  out.scale = scale;
  return out;
}

/** Status of a cell that cannot be read as an amount (ScaledCells.status). */
export const CELL_UNREADABLE = 2;

/**
 * Cells already brought to one common exponent `scale` (so every half-width is an integer too): cell i displays
 * M[i] · 10^-scale and stands for M[i] ± H[i] (ends as in compareTerms). status[i] = CELL_UNREADABLE for a cell that
 * could not be read; clip[i] = 1 when it is known non-negative.
 */
export interface ScaledCells {
  scale: number;
  M: Float64Array;
  H: Float64Array;
  status: Uint8Array;
  clip: Uint8Array;
}

/** Largest |M| + H for which sums of terms with weights adding up to `weightSum` stay exact integers. */
export function scaledLimit(weightSum: number): number {
  return Number.MAX_SAFE_INTEGER / Math.max(1, weightSum);
}

/**
 * compareTerms for a check whose terms are all cells with integer weights, on pre-scaled cells (the evaluation's
 * fast path: no per-check rescaling). Terms are termCell/termW[start, start + len), the first nLeft on the left.
 * Fills `out` at cells.scale and returns true; returns false, leaving `out` alone, when a cell is unreadable.
 * Exact only while every |M| + H stays within scaledLimit of the weights' sum.
 */
export function compareScaled(cells: ScaledCells, termCell: Int32Array, termW: Float64Array, start: number, nLeft: number, len: number, op: ComparisonOp, policy: TolerancePolicy, out: IntervalOutcome): boolean {
  const { M, H, status, clip } = cells;
  const end = start + len;
  const split = start + nLeft;
  const useHalf = policy === "interval";
  let left = 0;
  let right = 0;
  let half = 0;
  let lo = 0;
  let hi = 0;
  let loClosed = true;
  let hiClosed = true;
  for (let t = start; t < end; t++) {
    const ci = termCell[t];
    if (status[ci] === CELL_UNREADABLE) return false;
    const c = M[ci];
    let w = termW[t];
    if (t < split) left += w * c;
    else {
      right += w * c;
      w = -w;
    }
    if (!useHalf) {
      lo += w * c;
      hi += w * c;
      continue;
    }
    const h = H[ci];
    let tLo = c - h;
    const tHi = c + h;
    let tLoClosed = c >= 0;
    const tHiClosed = c < 0;
    if (c === 0 && clip[ci] === 1) {
      tLo = 0;
      tLoClosed = true;
    }
    if (w >= 0) {
      lo += w * tLo;
      hi += w * tHi;
      loClosed = loClosed && tLoClosed;
      hiClosed = hiClosed && tHiClosed;
    } else {
      lo += w * tHi;
      hi += w * tLo;
      loClosed = loClosed && tHiClosed;
      hiClosed = hiClosed && tLoClosed;
    }
    half += Math.abs(w) * h;
  }
  const loOk = loClosed ? lo <= 0 : lo < 0;
  const hiOk = hiClosed ? hi >= 0 : hi > 0;
  out.pass = op === "=" ? loOk && hiOk : op === "<=" ? loOk : hiOk;
  out.left = left;
  out.right = right;
  out.half = half;
  out.diffLow = lo;
  out.diffHigh = hi;
  out.scale = cells.scale;
  return true;
}

/** A fresh outcome object for compareTerms. */
export function newOutcome(): IntervalOutcome {
  return { pass: true, left: 0, right: 0, half: 0, diffLow: 0, diffHigh: 0, scale: 0 };
}
