import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import fc from "fast-check";
import {
  ArgumentError,
  change,
  changePhrase,
  changeRateExact,
  changeRatePercent,
  direction,
  formatAmount,
  formatPercent,
  readArgumentAmount,
  readArgumentInteger,
  roundHalfUp,
  shareExact,
  sharePercent,
  trend,
  trendWord,
  yuanToWan,
} from "../../../src/core/metrics";

/** Reference half-up rounding on exact decimal strings (BigInt), for values written with ≤ 8 decimals. */
function refRound(text: string, digits: number): string {
  const neg = text.startsWith("-");
  const [i, f = ""] = text.replace("-", "").split(".");
  const frac = (f + "0".repeat(12)).slice(0, 12);
  const scaled = BigInt(i + frac);
  const unit = BigInt(10) ** BigInt(12 - digits);
  let q = scaled / unit;
  if ((scaled % unit) * BigInt(2) >= unit) q += BigInt(1);
  const s = q.toString().padStart(digits + 1, "0");
  const out = digits ? s.slice(0, -digits) + "." + s.slice(-digits) : s;
  return (neg && q !== BigInt(0) ? "-" : "") + out;
}

describe("roundHalfUp", () => {
  it("avoids binary-float traps", () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(1.255, 2)).toBe(1.26);
    expect(roundHalfUp(8.345, 2)).toBe(8.35);
    expect(roundHalfUp(0.285, 2)).toBe(0.29);
    expect(roundHalfUp(9.995, 2)).toBe(10);
    expect(roundHalfUp((3172.05 / 4158.12) * 100, 2)).toBe(76.29);
  });
  it("rounds halves away from zero for negatives and handles 0 digits / tiny values", () => {
    expect(roundHalfUp(-2.345, 2)).toBe(-2.35);
    expect(roundHalfUp(-0.004, 2)).toBe(0);
    expect(Object.is(roundHalfUp(-0.004, 2), -0)).toBe(false);
    expect(roundHalfUp(39.523, 0)).toBe(40);
    expect(roundHalfUp(0.5, 0)).toBe(1);
    expect(roundHalfUp(5e-7, 6)).toBe(0.000001);
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
  });
  it("matches exact decimal rounding for amounts typed with up to 6 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (n, scale, digits) => {
        const text = (n / 10 ** scale).toFixed(scale);
        const expected = Number(refRound(text, digits));
        expect(roundHalfUp(Number(text), digits)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("shares and changes", () => {
  it("shares as percent numbers; total 0 → undefined", () => {
    expect(sharePercent(3172.05, 4158.12, 2)).toBe(76.29);
    expect(sharePercent(152.05, 4158.12, 2)).toBe(3.66);
    expect(sharePercent(3240.9, 4163.21, 0)).toBe(78);
    expect(sharePercent(1, 0, 2)).toBeUndefined();
  });
  it("change and unsigned rates with the prior-zero convention", () => {
    expect(change(4163.2, 6883.94)).toBe(-2720.74);
    expect(changeRatePercent(4163.2, 6883.94, 0)).toBe(40);
    expect(changeRatePercent(4163.2, 6883.94, 2)).toBe(39.52);
    expect(changeRatePercent(5, 0, 2)).toBe(100);
    expect(changeRatePercent(0, 0, 2)).toBe(0);
    expect(changeRatePercent(0, 5, 0)).toBe(100);
  });
  it("unrounded shares and rates (what a written figure is checked against) round to the published ones", () => {
    expect(shareExact(3172.05, 4158.12)! * 4158.12).toBeCloseTo(317205, 6);
    expect(shareExact(1, 0)).toBeUndefined();
    expect(changeRateExact(4163.2, 6883.94)).toBeCloseTo((2720.74 / 6883.94) * 100, 12);
    expect(changeRateExact(5, 0)).toBe(100);
    expect(changeRateExact(0, 0)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 0, max: 4 }), (a, b, d) => {
        const [cur, prior] = [a / 100, b / 100];
        expect(changeRatePercent(cur, prior, d)).toBe(roundHalfUp(changeRateExact(cur, prior), d));
        const s = shareExact(cur, prior);
        expect(sharePercent(cur, prior, d)).toBe(s === undefined ? undefined : roundHalfUp(s, d));
        expect(direction(change(cur, prior))).toBe(trend(cur, prior));
      }),
    );
  });
  it("trend and words", () => {
    expect(trend(2, 1)).toBe("up");
    expect(trend(1, 2)).toBe("down");
    expect(trend(1.001, 1.004)).toBe("flat");
    expect(trendWord("up")).toBe("增加");
    expect(trendWord("down", { decrease: "下降" })).toBe("下降");
    expect(trendWord("down", { decrease: "降低" })).toBe("降低");
    expect(trendWord("up", { increase: "增长" })).toBe("增长");
    expect(trendWord("flat", { increase: "增长" })).toBe("持平");
  });
});

describe("formatting", () => {
  it("amounts", () => {
    expect(formatAmount(4163.2)).toBe("4163.20万元");
    expect(formatAmount(3, { dropZeroDecimals: true })).toBe("3万元");
    expect(formatAmount(3.5, { dropZeroDecimals: true })).toBe("3.50万元");
    expect(formatAmount(19044.27, { thousands: true, spaceBeforeUnit: true })).toBe("19,044.27 万元");
    expect(formatAmount(1234567.891, { thousands: true, unit: "元" })).toBe("1,234,567.89元");
    expect(formatAmount(-12, { unit: "" })).toBe("-12.00");
    expect(formatAmount(1.005)).toBe("1.01万元");
  });
  it("percents and 元→万元", () => {
    expect(formatPercent(76.29, 2)).toBe("76.29%");
    expect(formatPercent(40, 0)).toBe("40%");
    expect(formatPercent(0, 2, { dropZeroDecimals: true })).toBe("0%");
    expect(formatPercent(0.5, 2, { dropZeroDecimals: true })).toBe("0.50%");
    expect(yuanToWan(12355)).toBe(1.24);
    expect(yuanToWan(41632000)).toBe(4163.2);
  });
});

describe("changePhrase", () => {
  it("reproduces the seed's sentences", () => {
    expect(changePhrase(4163.2, 6883.94, { label: "收、支总计", priorYear: 2018 })).toBe("与2018年相比，收、支总计减少2720.74万元，下降40%");
    expect(changePhrase(4163.2, 6883.94, { label: "收、支总计", priorYear: 2018, each: true })).toBe("与2018年相比，收、支总计各减少2720.74万元，下降40%");
    expect(changePhrase(4050.15, 5969.65, { label: "财政拨款收入总计", priorYear: 2018, rateWords: "same" })).toBe(
      "与2018年相比，财政拨款收入总计减少1919.50万元，减少32%",
    );
    expect(changePhrase(13.52, 9.94, { label: "因公出国（境）支出决算", priorYear: 2018, form: "bi" })).toBe("因公出国（境）支出决算比2018年增加3.58万元，增长36%");
  });
  it("flat, prior zero, year suffix and percent digits", () => {
    expect(changePhrase(5, 5, { label: "机关运行经费", priorYear: 2023, yearSuffix: "年度" })).toBe("机关运行经费与2023年度持平");
    expect(changePhrase(5, 5, { label: "X", priorYear: 2018, flat: "numbers" })).toBe("与2018年相比，X增加0.00万元，增长0%");
    expect(changePhrase(3, 0, { label: "X", priorYear: 2018 })).toBe("与2018年相比，X增加3.00万元，增长100%");
    expect(changePhrase(3, 0, { label: "X", priorYear: 2018, priorZero: "no-rate" })).toBe("与2018年相比，X增加3.00万元");
    expect(changePhrase(2961.68, 3018.63, { label: "总计", priorYear: 2023, yearSuffix: "年度", percentDigits: 2 })).toBe(
      "与2023年度相比，总计减少56.95万元，下降1.89%",
    );
    expect(changePhrase(1, 2, { label: "X" })).toBe("与上年相比，X减少1.00万元，下降50%");
    expect(changePhrase(1, 2, { label: "X", rateWords: { increase: "增长", decrease: "降低" } })).toBe("与上年相比，X减少1.00万元，降低50%");
  });
});

describe("readArgumentAmount", () => {
  it("accepts numbers, amount text, full-width digits and blanks", () => {
    expect(readArgumentAmount(12.5)).toBe(12.5);
    expect(readArgumentAmount("1,234.50")).toBe(1234.5);
    expect(readArgumentAmount("１２３．４５")).toBe(123.45);
    expect(readArgumentAmount("（12.00）")).toBe(-12);
    expect(readArgumentAmount("3万元")).toBe(3);
    expect(readArgumentAmount(null)).toBe(0);
    expect(readArgumentAmount("")).toBe(0);
    expect(readArgumentAmount("—")).toBe(0);
  });
  it("rejects anything else with a typed error naming the argument", () => {
    const err = (v: unknown): ArgumentError => {
      try {
        readArgumentAmount(v, "合计");
      } catch (e) {
        return e as ArgumentError;
      }
      throw new Error("no error");
    };
    expect(err("abc")).toBeInstanceOf(ArgumentError);
    expect(err("abc").kind).toBe("invalid");
    expect(err("abc").message).toContain("合计");
    expect(err("#REF!").message).toContain("错误值");
    expect(err(true).message).toContain("逻辑值");
    expect(err([[1]]).message).toContain("区域");
    expect(err({}).kind).toBe("invalid");
    expect(() => readArgumentInteger(2.5, "位数", 2, 0, 10)).toThrow(/位数/);
    expect(readArgumentInteger(undefined, "位数", 2, 0, 10)).toBe(2);
  });
});
