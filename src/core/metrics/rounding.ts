/**
 * Decimal-safe half-up rounding (四舍五入). Binary floats turn 1.005 into 1.00499999…, so a plain
 * Math.round(x * 100) / 100 gives 1.00. We first cut the float to 15 significant digits (which removes
 * representation noise while keeping every digit a 万元 amount or a ratio of two can carry) and then
 * round the decimal string exactly.
 */

const POW10: number[] = [];
for (let i = 0; i <= 12; i++) POW10.push(Number(`1e${i}`));

/** Expand a toPrecision() string that may use exponent notation into plain decimal digits. */
function plainDecimal(s: string): string {
  const e = s.indexOf("e");
  if (e < 0) return s;
  const mantissa = s.slice(0, e);
  const exp = Number(s.slice(e + 1));
  const [intPart, fracPart = ""] = mantissa.split(".");
  const digits = intPart + fracPart;
  const point = intPart.length + exp; // position of the decimal point within `digits`
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}

/** Add one unit in the last place to a string of decimal digits ("0999" → "1000"). */
function incrementDigits(d: string): string {
  const chars = d.split("");
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === "9") {
      chars[i] = "0";
      i--;
    } else {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

/** Round half away from zero to `digits` decimals (0–12), decimal-safe: 1.005 → 1.01, 76.285… → 76.29. */
export function roundHalfUp(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.max(0, Math.min(12, Math.trunc(digits)));
  const negative = x < 0;
  // Fast path: away from a half, x·10^d's float error cannot change the result, and integer ÷ 10^d is the
  // correctly rounded double of the decimal. Only near-halves need the exact decimal-string path below.
  const p = POW10[d];
  const scaled = Math.abs(x) * p;
  if (scaled < 1e9) {
    const floor = Math.floor(scaled);
    const frac = scaled - floor;
    if (Math.abs(frac - 0.5) > 1e-6) {
      const v = (frac > 0.5 ? floor + 1 : floor) / p;
      return negative && v !== 0 ? -v : v;
    }
  }
  const s = plainDecimal(Math.abs(x).toPrecision(15));
  const dot = s.indexOf(".");
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const fracPart = dot < 0 ? "" : s.slice(dot + 1);
  if (fracPart.length <= d) {
    const v = Number(s);
    return negative && v !== 0 ? -v : v;
  }
  let kept = intPart + fracPart.slice(0, d);
  if (fracPart.charCodeAt(d) >= 53 /* '5' */) kept = incrementDigits(kept);
  const intLen = kept.length - d;
  const text = d === 0 ? kept : kept.slice(0, intLen) + "." + kept.slice(intLen);
  const v = Number(text);
  return negative && v !== 0 ? -v : v;
}
