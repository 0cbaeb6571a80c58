/**
 * 核对 on phrasings seen across publishers (invented snippets in the style of 部门决算情况说明), checked against the
 * seed-sichuan-budget fixture: a correct snippet must yield no mismatch, a wrong one the mismatch with the expected value.
 */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { fixture } from "../../fixtures";
import { recognize } from "../../../src/core/recognize";
import { parseInputsSheet, verifyNarrative } from "../../../src/core/narrative";

const f = fixture("seed-sichuan-budget");
const recognition = recognize(f.snapshot);
const inputs = parseInputsSheet(f.snapshot);
const check = (text: string) => verifyNarrative(text, recognition, inputs, { style: "sichuan" });

/** Correct text: no mismatch, and every listed claim is checked ok (claimed values in order). */
function correct(text: string, okValues: number[]): void {
  const r = check(text);
  expect(r.mismatches).toEqual([]);
  expect(r.claims.filter((c) => c.status === "ok").map((c) => c.claimed)).toEqual(okValues);
}

/** Wrong text: exactly the listed mismatches as [code, claimed, expected]. */
function wrong(text: string, expected: [string, number, number | undefined][]): void {
  const r = check(text);
  expect(r.mismatches.map((m) => [m.code, m.claimed, m.expected])).toEqual(expected);
}

describe("change phrasings: 比上年 / 较2018年度 / 同比 / 与上年相比", () => {
  it("「比上年减少…，下降x%」 correct", () => correct("2019年度收、支总计4163.20万元，比上年减少2720.74万元，下降40%。", [4163.2, 2720.74, 40]));
  it("「比上年减少」 wrong amount", () => wrong("2019年度收、支总计4163.20万元，比上年减少2702.74万元，下降40%。", [["change", 2702.74, 2720.74]]));
  it("「较2018年度增加」 correct", () => correct("2019年度机关运行经费支出494.68万元，较2018年度增加59.05万元，增长13.56%。", [494.68, 59.05, 13.56]));
  it("「较2018年度减少」 for an increase is a direction error", () =>
    expect(check("2019年度机关运行经费支出494.68万元，较2018年度减少59.05万元。").mismatches.map((m) => [m.code, m.expected])).toEqual([["direction", 59.05]]));
  it("「同比下降x%」 without an amount change, correct", () => correct("2019年“三公”经费财政拨款支出95.41万元，同比下降69.81%。", [95.41, 69.81]));
  it("「同比下降x%」 wrong rate", () => wrong("2019年“三公”经费财政拨款支出95.41万元，同比下降68.90%。", [["rate", 68.9, 69.81]]));
  it("「同比增长」 correct", () => correct("因公出国（境）费13.52万元，同比增长36.02%。", [13.52, 36.02]));
  it("「与上年相比，…增加…，增长x%」 correct", () => correct("因公出国（境）费支出13.52万元，与上年相比，增加3.58万元，增长36.02%。", [13.52, 3.58, 36.02]));
  it("「与上年相比，<subject>增长x%」 wrong rate", () =>
    wrong("与上年相比，机关运行经费增长15.55%，主要原因是办公设备更新。", [["rate", 15.55, 13.56]]));
  it("「增加了…，增长了x%」 correct (the particle is not read as a subject)", () =>
    correct("2019年度机关运行经费支出494.68万元，较2018年度增加了59.05万元，增长了13.56%。", [494.68, 59.05, 13.56]));
  it("「比上年增加了」 wrong amount is a change mismatch, not an amount one", () =>
    wrong("2019年度机关运行经费支出494.68万元，比上年增加了58.05万元。", [["change", 58.05, 59.05]]));
  it("「同比上升」「降幅」「增幅为」 correct", () =>
    correct("因公出国（境）费13.52万元，同比上升36.02%。“三公”经费财政拨款支出95.41万元，降幅69.81%。", [13.52, 36.02, 95.41, 69.81]));
  it("「增幅为x%」 for a decrease is a direction error", () =>
    expect(check("“三公”经费财政拨款支出95.41万元，增幅为69.81%。").mismatches.map((m) => [m.code, m.claimed])).toEqual([["direction", 69.81]]));
  it("「与上年相比，<subject>增长x%」 correct", () => correct("与上年相比，机关运行经费增长13.56%。", [13.56]));
});

describe("amount formats", () => {
  it("thousands separators, correct", () => correct("2019年本年支出合计4,163.21万元。", [4163.21]));
  it("thousands separators, wrong", () => wrong("2019年本年支出合计4,136.21万元。", [["amount", 4136.21, 4163.21]]));
  it("full-width digits, correct", () => correct("基本支出３２４０．９０万元，占本年支出合计的７７．８５％。", [3240.9, 77.85]));
  it("full-width digits, wrong share", () => wrong("基本支出３２４０．９０万元，占本年支出合计的７８．８５％。", [["share", 78.85, 77.85]]));
  it("a space before 万元, correct", () => correct("项目支出922.31 万元，占本年支出合计的22.15%。", [922.31, 22.15]));
  it("「元」 amounts, correct", () => correct("2019年本年支出合计41,632,100.00元。", [4163.21]));
  it("「元」 amounts, wrong", () => wrong("2019年本年支出合计41,362,100.00元。", [["amount", 4136.21, 4163.21]]));
  it("whole numbers without .00, correct", () =>
    correct("科学技术（类）科学技术管理事务（款）一般行政管理事务（项）支出决算为3万元。政府采购工程支出0万元。", [3, 0]));
  it("whole numbers without .00, wrong", () =>
    wrong("科学技术（类）科学技术管理事务（款）一般行政管理事务（项）支出决算为5万元。", [["amount", 5, 3]]));
  it("「亿元」 amounts compare at the precision written", () => {
    correct("2019年度收、支总计0.42亿元。", [4200]);
    wrong("2019年度收、支总计0.45亿元。", [["amount", 4500, 4163.2]]);
  });
  it("「元」 amounts with 元 precision and 「均为…，较上年各减少」", () =>
    correct("公务接待费9,100.00元。收、支总计均为4,163.20 万元，较上年各减少2,720.74 万元。", [0.91, 4163.2, 2720.74]));
  it("a line break inside a number and before its unit", () => correct("一般公共预算财政拨款支出41\n58.12\n万元，比上年减少1696.\n01万元，下降29%。", [4158.12, 1696.01, 29]));
  it("a line break inside a wrong number", () => wrong("一般公共预算财政拨款支出41\n85.12万元。", [["amount", 4185.12, 4158.12]]));
});

describe("share phrasings: 占…的比重为 / 占比 / 所占比例", () => {
  it("「占…的比重为x%」 correct", () => correct("一般公共预算财政拨款收入4050.15万元，占本年收入合计的比重为99.97%。", [4050.15, 99.97]));
  it("「占…的比重为x%」 wrong", () => wrong("一般公共预算财政拨款收入4050.15万元，占本年收入合计的比重为99.79%。", [["share", 99.79, 99.97]]));
  it("「占比x%」 correct", () => correct("其他收入1.03万元，占比0.03%。", [1.03, 0.03]));
  it("「占比x%」 wrong", () => wrong("公务用车购置及运行维护费80.98万元，占比48.88%。", [["share", 48.88, 84.88]]));
  it("「所占比例为x%」 correct", () => correct("项目支出922.31万元，所占比例为22.15%。", [922.31, 22.15]));
  it("「所占比例为x%」 wrong", () => wrong("项目支出922.31万元，所占比例为21.15%。", [["share", 21.15, 22.15]]));
});

describe("numbers that are not amounts or rates", () => {
  it("「增长x个百分点」 is a percentage-point change, never compared as a growth rate", () => {
    const r = check("一般公共服务（类）支出3172.05万元，占一般公共预算财政拨款支出的76.29%，比上年增长5.2个百分点。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.some((c) => c.claimed === 5.2 && c.status !== "unverified")).toBe(false);
  });
  it("「占比…提高x个百分点」 after a correct share is not compared either", () => {
    const r = check("公务用车购置及运行维护费80.98万元，占“三公”经费的84.88%，占比较上年提高10个百分点。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.filter((c) => c.status === "ok").map((c) => c.claimed)).toEqual([80.98, 84.88]);
  });
  it("dates and years are never amounts", () => {
    const r = check("截至2019年12月31日，2019年度本单位共有车辆15辆。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.map((c) => c.claimed)).toEqual([15]);
  });
  it("counts (批次, 人次, 辆) are unverified", () => {
    const r = check("2019年度共接待国内来访团组5批次、22人次，公务用车保有量15辆。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.map((c) => [c.claimed, c.kind, c.status])).toEqual([
      [5, "count", "unverified"],
      [22, "count", "unverified"],
      [15, "count", "unverified"],
    ]);
  });
});

describe("prior-year amounts are checked against the prior-year figure, never the current one", () => {
  it("「2018年度收、支总计…」 correct", () => correct("2019年度收、支总计4163.20万元，2018年度收、支总计6883.94万元。", [4163.2, 6883.94]));
  it("「2018年度收、支总计…」 wrong", () => wrong("2018年度收、支总计6838.94万元。", [["amount", 6838.94, 6883.94]]));
  it("「比上年的…减少…」 and 「上年为…」 correct", () =>
    correct("“三公”经费财政拨款支出95.41万元，比上年的315.98万元减少220.57万元。公务接待费0.91万元，上年为6.70万元。", [95.41, 315.98, 220.57, 0.91, 6.7]));
  it("an amount dated with an older year is unverified", () => {
    const r = check("2017年度收、支总计5000.00万元。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.map((c) => c.status)).toEqual(["unverified"]);
  });
});

describe("changes against the budget (比预算 / 较年初预算) are not prior-year changes", () => {
  // The fixture's 附表七 budget for “三公”经费 equals the final 95.41, so the only right budget change is 0.
  it("「比预算减少」 is compared with final − budget, and the rate after it is left unverified", () => {
    const r = check("“三公”经费财政拨款支出95.41万元，比预算减少4.59万元，下降4.59%。");
    expect(r.mismatches.map((m) => [m.code, m.claimed, m.expected])).toEqual([["change", 4.59, 0]]);
    expect(r.claims.find((c) => c.kind === "rate" || c.kind === "percent")?.status).toBe("unverified");
  });
  it("「与年初预算相比，…」 with no 年初预算 in the tables is unverified", () => {
    const r = check("一般公共预算财政拨款支出4158.12万元，与年初预算相比，增加158.12万元。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.find((c) => c.claimed === 158.12)?.status).toBe("unverified");
  });
  it("「较调整预算增加0万元」 correct", () => correct("一般公共预算财政拨款支出4158.12万元，较调整预算增加0万元。", [4158.12, 0]));
});

describe("完成年初预算 vs 完成调整预算 (the fixture has 调整预算数 only)", () => {
  it("「完成调整预算的100%」 correct", () => correct("一般公共预算财政拨款支出决算为4158.12万元，完成调整预算的100%。", [4158.12, 100]));
  it("「完成调整预算的x%」 wrong", () => wrong("一般公共预算财政拨款支出决算为4158.12万元，完成调整预算的95%。", [["completion", 95, 100]]));
  it("「年初预算为…」 is not checked against the adjusted budget either", () => {
    const r = check("一般公共预算财政拨款支出年初预算为4000.00万元，支出决算为4158.12万元。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.find((c) => c.claimed === 4000)?.status).toBe("unverified");
  });
  it("「调整预算为…」 wrong", () =>
    wrong("一般公共预算财政拨款支出调整预算为4000.00万元，支出决算为4158.12万元。", [["budget", 4000, 4158.12]]));
  it("「完成年初预算的x%」 is not checked against the adjusted budget", () => {
    const r = check("一般公共预算财政拨款支出决算为4158.12万元，完成年初预算的95%。");
    expect(r.mismatches).toEqual([]);
    expect(r.claims.find((c) => c.claimed === 95)?.status).toBe("unverified");
  });
});
