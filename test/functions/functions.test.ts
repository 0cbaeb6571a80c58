import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { FakeError, installFakeCustomFunctions } from "./fakeCustomFunctions";
import * as F from "../../src/functions/functions";
import { setLastValidation } from "../../src/functions/registry";
import type { Finding, ValidationResult } from "../../src/core/rules/types";

before(() => installFakeCustomFunctions());

/** Call a function and return its Excel error (code + message) or fail. */
function excelError(fn: () => unknown): FakeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeError);
    return e as FakeError;
  }
  throw new Error("expected an Excel error");
}

describe("CJ.PCT / CHANGE / RATE", () => {
  it("computes as the reports do", () => {
    expect(F.PCT(3172.05, 4158.12)).toBe(0.7629);
    expect(F.PCT(3240.9, 4163.21, 0)).toBe(0.78);
    expect(F.PCT("1,234.50", "２４６９")).toBe(0.5);
    expect(F.PCT(null, 10)).toBe(0);
    expect(F.CHANGE(4163.2, 6883.94)).toBe(-2720.74);
    expect(F.CHANGE("", 5)).toBe(-5);
    expect(F.RATE(4163.2, 6883.94, 0)).toBe(-0.4);
    expect(F.RATE(4163.2, 6883.94)).toBe(-0.3952);
    expect(F.RATE(5, 0)).toBe(1);
    expect(F.RATE(0, 0)).toBe(0);
    expect(F.RATE(13.52, 9.94, 0)).toBe(0.36);
  });
  it("bad input → #VALUE! / #DIV/0! with a zh-CN message naming the argument", () => {
    const e1 = excelError(() => F.PCT("abc", 10));
    expect(e1.code).toBe("#VALUE!");
    expect(e1.message).toContain("部分");
    const e2 = excelError(() => F.PCT(1, 0));
    expect(e2.code).toBe("#DIV/0!");
    expect(e2.message).toContain("合计");
    expect(excelError(() => F.PCT(1, 2, 2.5)).message).toContain("位数");
    expect(excelError(() => F.PCT(1, 2, 11)).code).toBe("#VALUE!");
    expect(excelError(() => F.CHANGE(true, 1)).message).toContain("本年数");
    expect(excelError(() => F.RATE(1, "#REF!")).message).toContain("上年数");
  });
});

describe("CJ.TREND / CHANGETEXT", () => {
  it("words and variants", () => {
    expect(F.TREND(2, 1)).toBe("增加");
    expect(F.TREND(1, 2)).toBe("减少");
    expect(F.TREND(1, 1)).toBe("持平");
    expect(F.TREND(2, 1, "增长/下降")).toBe("增长");
    expect(F.TREND(1, 2, "增长/下降")).toBe("下降");
    expect(F.TREND(1, 2, "增长/降低")).toBe("降低");
    expect(F.TREND(1, 2, 2)).toBe("下降");
    expect(F.TREND(1, 2, "下降")).toBe("下降");
    expect(F.TREND(2, 1, "下降")).toBe("增长");
    expect(excelError(() => F.TREND(1, 2, "上下")).message).toContain("样式");
  });
  it("the standard sentence with style options", () => {
    expect(F.CHANGETEXT(4163.2, 6883.94, "收、支总计", 2018)).toBe("与2018年相比，收、支总计减少2720.74万元，下降40%");
    expect(F.CHANGETEXT(4163.2, 6883.94, "收、支总计", "2018年", "各")).toBe("与2018年相比，收、支总计各减少2720.74万元，下降40%");
    expect(F.CHANGETEXT(4050.15, 5969.65, "财政拨款收入总计", 2018, "减少减少")).toBe("与2018年相比，财政拨款收入总计减少1919.50万元，减少32%");
    expect(F.CHANGETEXT(80.98, 299.34, "公务用车购置及运行维护费支出决算", 2018, "比 减少减少")).toBe(
      "公务用车购置及运行维护费支出决算比2018年减少218.36万元，减少73%",
    );
    expect(F.CHANGETEXT(2961.68, 3018.63, "财政拨款收入支出总计", 2023, "2位 年度")).toBe("与2023年度相比，财政拨款收入支出总计减少56.95万元，下降1.89%");
    expect(F.CHANGETEXT(2961.68, 3018.63, "总计", 2023, 2)).toBe("与2023年相比，总计减少56.95万元，下降1.89%");
    expect(F.CHANGETEXT(5, 5, "机关运行经费", 2023, "年度")).toBe("机关运行经费与2023年度持平");
    expect(F.CHANGETEXT(3, 0, "X", 2018)).toBe("与2018年相比，X增加3.00万元，增长100%");
    expect(F.CHANGETEXT(3, 0, "X", 2018, "无比率 去零")).toBe("与2018年相比，X增加3万元");
    expect(F.CHANGETEXT(19044.27, 10000, "X", null, "千分位 空格")).toBe("与上年相比，X增加9,044.27 万元，增长90%");
  });
  it("bad style, year and label", () => {
    expect(excelError(() => F.CHANGETEXT(1, 2, "X", 2018, "乱写")).message).toContain("样式");
    expect(excelError(() => F.CHANGETEXT(1, 2, "X", 18, "")).message).toContain("上年年度");
    expect(excelError(() => F.CHANGETEXT(1, 2, "X", "去年")).code).toBe("#VALUE!");
    expect(excelError(() => F.CHANGETEXT(1, 2, true)).message).toContain("项目名称");
  });
});

describe("CJ.AMOUNT / WAN", () => {
  it("formats", () => {
    expect(F.AMOUNT(4163.2)).toBe("4163.20万元");
    expect(F.AMOUNT(3, "", "去零")).toBe("3万元");
    expect(F.AMOUNT(19044.27, "万元", "千分位,空格")).toBe("19,044.27 万元");
    expect(F.AMOUNT(12345.678, "元")).toBe("12345.68元");
    expect(F.AMOUNT("1,234.5", "无")).toBe("1234.50");
    expect(F.AMOUNT(1.25, null, 1)).toBe("1.3万元");
    expect(F.WAN(41632000)).toBe(4163.2);
    expect(F.WAN("12,355")).toBe(1.24);
    expect(F.WAN(12355, 0)).toBe(1);
  });
  it("rejects bad units and styles", () => {
    expect(excelError(() => F.AMOUNT(1, "美元")).message).toContain("单位");
    expect(excelError(() => F.AMOUNT(1, "", "粗体")).message).toContain("样式");
    expect(excelError(() => F.WAN("十元")).message).toContain("元金额");
  });
});

describe("CJ.SUBJECT / SUBJECTCODE / SUBJECTPATH", () => {
  it("looks up codes by year", () => {
    expect(F.SUBJECT(2010301)).toBe("行政运行");
    expect(F.SUBJECT("20805", 2019)).toBe("行政事业单位离退休");
    expect(F.SUBJECT("20805", "2024年")).toBe("行政事业单位养老支出");
    expect(F.SUBJECT("30217")).toBe("公务接待费");
    expect(F.SUBJECTCODE("其他城乡社区公共设施支出")).toBe("2120399");
    expect(F.SUBJECTCODE("一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）")).toBe("2010301");
    expect(F.SUBJECTCODE("住房公积金", null, "经济")).toBe("30113");
    expect(F.SUBJECTPATH(2010301)).toBe("一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）");
    expect(F.SUBJECTPATH("2080504", 2019)).toBe("社会保障和就业（类）行政事业单位离退休（款）未归口管理的行政单位离退休（项）");
  });
  it("unknown → #N/A, malformed → #VALUE!", () => {
    const na = excelError(() => F.SUBJECT("2019988"));
    expect(na.code).toBe("#N/A");
    expect(na.message).toContain("2019988");
    expect(excelError(() => F.SUBJECT("abc")).code).toBe("#VALUE!");
    expect(excelError(() => F.SUBJECT(null)).code).toBe("#VALUE!");
    expect(excelError(() => F.SUBJECTCODE("不存在的科目")).code).toBe("#N/A");
    const amb = excelError(() => F.SUBJECTCODE("行政运行"));
    expect(amb.code).toBe("#N/A");
    expect(amb.message).toContain("多个编码");
    expect(excelError(() => F.SUBJECTCODE("住房公积金", null, "其他")).code).toBe("#VALUE!");
    expect(excelError(() => F.SUBJECTPATH("2019988")).code).toBe("#N/A");
  });
});

describe("CJ.ROLLUP", () => {
  const codes = [["201"], ["20103"], ["2010301"], ["2010302"], ["20132"], ["2013299"], ["208"], ["2080505"], ["合计"]];
  const amounts = [[3172.05], [3164.76], [2295.91], [868.85], [7.29], [7.29], [597.15], [187.61], [4158.12]];
  it("sums the finest listed level under a 类 or 款", () => {
    expect(F.ROLLUP(codes, amounts, 201)).toBe(3172.05);
    expect(F.ROLLUP(codes, amounts, "20103")).toBe(3164.76);
    expect(F.ROLLUP(codes, amounts, "208")).toBe(187.61);
    expect(F.ROLLUP(codes, amounts, "210")).toBe(0);
  });
  it("accepts 类|款|项 split columns, text amounts and blanks", () => {
    const split = [["201", "03", "01"], ["201", "03", "02"], [201, 32, 99], [208, 5, 5], [null, null, null]];
    expect(F.ROLLUP(split, [["2,295.91"], [868.85], [null], [1], [9]], 201)).toBe(3164.76);
    expect(F.ROLLUP([["2010301 行政运行"], ["[2010302]一般行政管理事务"]], [[1], [2]], "20103")).toBe(3);
  });
  it("different shapes → #VALUE!; bad amounts name their cell", () => {
    expect(excelError(() => F.ROLLUP([["201"], ["202"]], [[1]], 201)).code).toBe("#VALUE!");
    expect(excelError(() => F.ROLLUP([["201", "202"]], [[1], [2]], 201)).message).toContain("大小不同");
    expect(excelError(() => F.ROLLUP([["2010301"]], [["abc"]], 201)).message).toContain("第1行第1列");
    expect(excelError(() => F.ROLLUP([["2010301"]], [[1]], "x")).message).toContain("汇总编码");
  });
});

describe("CJ.CHECKSUM", () => {
  it("passes sums within the rounding intervals and reports real differences", () => {
    // The seed's 财政拨款支出 4158.11 vs 一般公共预算 4158.12 + 0 + 0: within ±0.01 of display rounding.
    expect(F.CHECKSUM(4158.11, [[4158.12], [0], [0]])).toBe("");
    expect(F.CHECKSUM(4163.21, [[3240.9], [922.31]])).toBe("");
    expect(F.CHECKSUM(100, [[33.33], [33.33], [33.33]])).toBe("");
    expect(F.CHECKSUM(100, [[33.33], [33.33], [33.3]])).toBe(0.04);
    // One item: total and item round the same number, so even 0.01 apart is impossible (half-open intervals).
    expect(F.CHECKSUM(4163.2, [[4163.21]])).toBe(-0.01);
    expect(F.CHECKSUM(4163.2, [[4163.21], [0]])).toBe("");
    expect(F.CHECKSUM(4163.2, [[4163.23]])).toBe(-0.03);
    expect(F.CHECKSUM("1,000.00", [["600.00"], [null], ["400"]])).toBe("");
  });
  it("fixed tolerance and exactness", () => {
    expect(F.CHECKSUM(4158.11, [[4158.12]], 0)).toBe(-0.01);
    expect(F.CHECKSUM(4158.11, [[4158.12]], 0.01)).toBe("");
    expect(excelError(() => F.CHECKSUM(1, [[1]], -1)).message).toContain("容差");
    expect(excelError(() => F.CHECKSUM("x", [[1]])).message).toContain("合计");
    expect(excelError(() => F.CHECKSUM(1, [[1], ["y"]])).message).toContain("明细第2行第1列");
  });
});

function finding(rule: string, severity: "error" | "warning"): Finding {
  return {
    id: rule + severity,
    rule,
    severity,
    code: "sum-mismatch",
    target: { sheet: "S", address: "A1" } as unknown as Finding["target"],
    items: [],
    missing: [],
    params: {},
    message: "",
  };
}

describe("CJ.CHECK", () => {
  it("streams the status of a rule and updates after each validation", () => {
    const results: unknown[] = [];
    let canceled: (() => void) | undefined;
    const invocation = {
      setResult: (v: unknown) => results.push(v),
      set onCanceled(fn: () => void) {
        canceled = fn;
      },
    } as unknown as CustomFunctions.StreamingInvocation<string>;
    setLastValidation(undefined);
    F.CHECK("T1-a", invocation);
    expect(results.at(-1)).toBe("未运行");
    const result: ValidationResult = {
      findings: [finding("T1-a", "error"), finding("T1-a", "error"), finding("X9", "warning")],
      skipped: [{ rule: "X8", reason: "tables-absent", tables: [] }],
      ruleErrors: [{ source: { sheet: "审核公式", row: 3 }, ruleId: "U1", position: 0, message: "bad" }],
      checks: 10,
      counts: { error: 2, warning: 1 },
    };
    setLastValidation(result, ["T1-a", "T1-b", "X8", "X9", "U1"]);
    expect(results.at(-1)).toBe("强制 2");
    canceled!();
    setLastValidation(undefined);
    expect(results.at(-1)).toBe("强制 2"); // no updates after cancel
  });
  it("maps every status", () => {
    const result: ValidationResult = {
      findings: [finding("X9", "warning")],
      skipped: [{ rule: "X8", reason: "tables-absent", tables: [] }],
      ruleErrors: [{ source: { sheet: "审核公式", row: 3 }, ruleId: "U1", position: 0, message: "bad" }],
      checks: 10,
      counts: { error: 0, warning: 1 },
    };
    setLastValidation(result, ["T1-a", "T1-b", "X8", "X9", "U1"]);
    const status = (id: unknown): unknown => {
      let out: unknown;
      F.CHECK(id, { setResult: (v: unknown) => (out = v) } as unknown as CustomFunctions.StreamingInvocation<string>);
      return out;
    };
    expect(status("x9")).toBe("核实 1");
    expect(status("Ｔ１－ｂ")).toBe("通过");
    expect(status("X8")).toBe("跳过");
    expect(status("U1")).toBe("规则有误");
    const unknown = status("Z99") as FakeError;
    expect(unknown).toBeInstanceOf(FakeError);
    expect(unknown.code).toBe("#N/A");
    expect((status("") as FakeError).code).toBe("#VALUE!");
    setLastValidation(result); // without the list of rules an unseen id reads as passed
    expect(status("Z99")).toBe("通过");
  });
});
