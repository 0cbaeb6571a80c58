// The CJ.* functions against the figures printed in the seed narrative (攀枝花市人民政府办公室 2019 部门决算).
// Sentences produced by the functions must occur verbatim in the published text; shares are recomputed from the
// printed amounts and compared with the printed percentages.
import { expect } from "../support/expect";
import { before, it } from "mocha";
import { describeShared, hasShared, readShared } from "../support/shared";
import { installFakeCustomFunctions } from "./fakeCustomFunctions";
import * as F from "../../src/functions/functions";

const seed = hasShared ? readShared("reference", "panzhihua-2019-final-accounts.txt") : "";

before(() => installFakeCustomFunctions());

/** Printed percentage as a fraction ("76.29" → 0.7629). */
const frac = (p: string): number => Number((Number(p) / 100).toFixed((p.split(".")[1]?.length ?? 0) + 2));

describeShared("seed narrative", () => {
  it("类 structure shares (§五(二)) equal CJ.PCT over 一般公共预算财政拨款支出 4158.12", () => {
    const para = seed.split("\n").find((l) => l.includes("主要用于以下方面"))!;
    const claims = [...para.matchAll(/([^：；:]+?)（类）支出([\d.]+)万元，占([\d.]+)%/gu)];
    expect(claims.length).toBe(6);
    for (const [, , amount, percent] of claims) {
      expect(F.PCT(amount, "4158.12"), amount).toBeCloseTo(frac(percent), 10);
    }
    expect(F.PCT(3172.05, 4158.12)).toBe(0.7629);
  });

  it("三公 shares (§七(二)) equal CJ.PCT over 95.41", () => {
    const para = seed.split("\n").find((l) => l.includes("因公出国（境）费支出决算13.52万元"))!;
    const claims = [...para.matchAll(/支出决算([\d.]+)万元，占([\d.]+)%/gu)];
    expect(claims.length).toBe(3);
    for (const [, amount, percent] of claims) expect(F.PCT(amount, 95.41)).toBeCloseTo(frac(percent), 10);
  });

  it("income and expenditure shares, including the integer style", () => {
    expect(F.PCT(4050.15, 4051.18)).toBe(0.9997);
    expect(F.PCT(1.03, 4051.18)).toBe(0.0003);
    expect(F.PCT(3240.9, 4163.21, 0)).toBe(0.78);
    expect(F.PCT(922.31, 4163.21, 0)).toBe(0.22);
    expect(F.PCT(4158.12, 4163.21)).toBe(0.9988);
    expect(seed).toContain(`占${F.AMOUNT(F.PCT(3240.9, 4163.21, 0) * 100, "无", "0")}%`);
  });

  it("year-over-year sentences occur verbatim in the document", () => {
    // [current, printed change (prior = current − signed change), label, style]
    const cases: [number, number, string, string][] = [
      [4163.2, -2720.74, "收、支总计", "各"],
      [4050.15, -1919.5, "财政拨款收入总计", "减少减少"],
      [4158.11, -1828.21, "财政拨款支出总计", "减少减少"],
      [4158.12, -1696.01, "一般公共预算财政拨款", "减少减少"],
    ];
    for (const [current, delta, label, style] of cases) {
      const prior = F.CHANGE(current, delta); // current − (−x) = prior
      const text = F.CHANGETEXT(current, prior, label, 2018, style);
      expect(seed, text).toContain(text);
    }
    const bi: [number, number, string, string][] = [
      [13.52, 3.58, "因公出国（境）支出决算", "比"],
      [80.98, -218.36, "公务用车购置及运行维护费支出决算", "比 减少减少"],
      [0.91, -5.79, "公务接待费支出决算", "比"],
    ];
    for (const [current, delta, label, style] of bi) {
      const text = F.CHANGETEXT(current, F.CHANGE(current, delta), label, 2018, style);
      expect(seed, text).toContain(text);
    }
    // 机关运行经费: 「比2018年增加59.05万元，增长14%」
    expect(seed).toContain(F.CHANGETEXT(494.68, F.CHANGE(494.68, 59.05), "", 2018, "比"));
    expect(F.CHANGETEXT(4163.2, 6883.94, "收、支总计", 2018)).toBe("与2018年相比，收、支总计减少2720.74万元，下降40%");
  });

  it("item paths of §五(三) are CJ.SUBJECTPATH of the assigned codes", () => {
    const lines = seed.split("\n").filter((l) => /（项）.*支出决算为[\d.]+万元，完成预算/.test(l));
    expect(lines.length).toBe(14);
    for (const line of lines) {
      const path = /^\s*\d+\.?(.+?（项）)/u.exec(line)![1].trim();
      const code = F.SUBJECTCODE(path, 2019);
      // The seed writes 类 either short (「一般公共服务（类）」) or with 支出 (「卫生健康支出（类）」).
      expect(F.SUBJECTPATH(code, 2019).replace(/（类）/, "")).toBe(path.replace(/支出（类）/, "（类）").replace(/（类）/, ""));
    }
    expect(seed).toContain(F.SUBJECTPATH(2010301, 2019) + ": 支出决算为2295.91万元");
  });
});
