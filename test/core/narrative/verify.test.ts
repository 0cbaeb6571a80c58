/** 核对 behaviour on edited copies of correct text: PDF/Word noise, wrong numbers, wording, placeholders. */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import fc from "fast-check";
import { seed2019 } from "../../fixtures/data/seed2019";
import { parseInputsSheet, verifyNarrative } from "../../../src/core/narrative";
import { normalizeNarrativeText, originalRange } from "../../../src/core/narrative/verify/normalize";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";
import { pickLines, referenceNarrative } from "./compare";
import type { Dataset } from "../../fixtures/data/types";
import { describeShared, hasShared } from "../../support/shared";

function setup(tweak?: (d: Dataset) => void) {
  const d = seed2019();
  tweak?.(d);
  return { recognition: recognitionFromDataset(d), inputs: parseInputsSheet(inputsSnapshot(d)) };
}
const { recognition, inputs } = setup();
const check = (text: string) => verifyNarrative(text, recognition, inputs, { style: "sichuan" });
const codes = (text: string) => check(text).mismatches.map((m) => `${m.severity}:${m.code}`);

const SEED = !hasShared ? "" : pickLines(referenceNarrative("panzhihua"), [
  "2019年度收、支总计",
  "2019年本年收入合计",
  "2019年本年支出合计",
  "2019年财政拨款收入总计",
  "2019年一般公共预算财政拨款支出4158.12万元，占本年支出合计",
  "2019年一般公共预算财政拨款支出4158.12万元，主要用于",
  "2019年“三公”经费财政拨款支出决算中",
]);

describe("normalisation keeps offsets into the original text", () => {
  it("drops line breaks and spaces anywhere, maps full-width digits, and maps back", () => {
    const n = normalizeNarrativeText("支出 8487.88\n万元，占 ７６．２９％");
    expect(n.text).toBe("支出8487.88万元，占76.29%");
    const i = n.text.indexOf("76.29%");
    const r = originalRange(n, i, i + 6);
    expect(n.original.slice(r.start, r.end)).toBe("７６．２９％");
  });
});

describeShared("核对 of correct text", () => {
  it("finds no mismatch in the seed's sentences", () => {
    expect(codes(SEED)).toEqual([]);
    expect(check(SEED).claims.filter((c) => c.status === "ok").length).toBeGreaterThan(25);
  });

  it("is unaffected by PDF/Word line breaks and spaces inserted anywhere, even inside numbers and units", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(SEED.length), fc.constantFrom("\n", " ", "\u3000", "\r\n")), { maxLength: 40 }), (cuts) => {
        let text = SEED;
        for (const [at, ws] of [...cuts].sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + ws + text.slice(at);
        const r = check(text);
        expect(r.mismatches).toEqual([]);
        expect(r.claims.filter((c) => c.status === "ok").length).toBe(check(SEED).claims.filter((c) => c.status === "ok").length);
      }),
      { numRuns: 40 },
    );
  });

  it("reads full-width digits and punctuation", () => {
    const fw = "２０１９年本年收入合计４０５１．１８万元，其中：一般公共预算财政拨款收入４０５０．１５万元，占９９．９７％。";
    const r = check(fw);
    expect(r.mismatches).toEqual([]);
    expect(r.claims.filter((c) => c.status === "ok")).toHaveLength(3);
  });
});

describe("核对 of wrong text", () => {
  it("a wrong amount: error with excerpt, offset of the number, expected value, cell and suggestion", () => {
    const text = "2019年本年收入合计4051.18万元，其中：一般公共预算财政拨款收入4005.15万元，占99.97%。";
    const [m] = check(text).mismatches;
    expect(m).toMatchObject({ severity: "error", code: "amount", claimed: 4005.15, expected: 4050.15, suggestion: "4050.15万元" });
    expect(text.slice(m.offset, m.offset + 7)).toBe("4005.15");
    expect(m.excerpt).toBe("一般公共预算财政拨款收入4005.15万元");
    expect(m.cell).toMatch(/^收入支出决算总表!/);
    expect(m.message).toContain("4050.15");
  });

  it("percentages: the half-up value is right, one unit of the last digit off is 核实 (truncated?), more an error; integers compare at their precision", () => {
    const s = (p: string) => codes(`一般公共服务（类）支出3172.05万元，占${p}。`);
    expect(s("76.29%")).toEqual([]);
    expect(s("76.30%")).toEqual(["warning:percent-truncated"]);
    expect(s("76.28%")).toEqual(["warning:percent-truncated"]);
    expect(check("一般公共服务（类）支出3172.05万元，占76.28%。").mismatches[0].message).toContain("按四舍五入应为 76.29%，可能为截尾");
    expect(s("76.35%")).toEqual(["error:share"]);
    expect(s("77.29%")).toEqual(["error:share"]);
    expect(codes("其中：基本支出3240.90万元，占78%；")).toEqual([]);
    expect(codes("其中：基本支出3240.90万元，占77%；")).toEqual(["warning:percent-truncated"]);
    expect(codes("其中：基本支出3240.90万元，占79%；")).toEqual(["error:share"]);
  });

  it("wording that contradicts the numbers: 增加 for a decrease, 持平 when changed", () => {
    expect(codes("2019年度收、支总计4163.20万元。与2018年相比，收、支总计各增加2720.74万元，增长40%。")).toEqual(["error:direction", "error:direction"]);
    expect(codes("2019年度收、支总计4163.20万元。与2018年相比，收、支总计持平。")).toEqual(["error:flat"]);
    expect(codes("与2018年相比，收、支总计各减少2720.74万元，下降41%。")).toEqual(["error:rate"]);
    expect(codes("与2018年相比，收、支总计各减少2720.84万元，下降40%。")).toEqual(["error:change"]);
  });

  it("typos, template remnants, placeholders, >2 decimals, a missing %", () => {
    expect(codes("支出决算数比2018年度减增加3.58万元")).toContain("error:typo");
    expect(codes("收入支出总计增加（减少）XXX万元，增长（下降）XX%。")).toEqual(["error:template-remnant", "error:placeholder", "error:template-remnant", "error:placeholder"]);
    expect(codes("主要原因：某某。")).toEqual(["error:placeholder"]);
    expect(codes("主要原因：【请填写：收支总计变动原因】。")).toEqual(["error:placeholder"]);
    // 76.2856 % where the tables give 76.28567…: more than two decimals, and truncated
    expect(codes("一般公共服务（类）支出3172.05万元，占76.2856%。")).toEqual(["warning:percent-decimals", "warning:percent-truncated"]);
    expect(codes("一般公共服务（类）支出决算比上年增长12.34。")).toEqual(["warning:percent-sign"]);
    expect(codes("完成预算的98.5，")).toEqual(["warning:percent-sign"]);
    expect(codes("收、支总计各减少2,720.74万元。")).not.toContain("warning:percent-sign");
    expect(codes("一般公共服务（类）支出3172.05万元，占76.29，")).toEqual(["warning:percent-sign"]);
  });

  it("an outdated 类 name for the year is a warning, the amount still checked", () => {
    const r = check("医疗卫生与计划生育（类）支出0.36万元，占0.01%；");
    expect(r.mismatches.map((m) => `${m.severity}:${m.code}`)).toEqual(["warning:outdated-name"]);
    expect(r.mismatches[0].suggestion).toBe("卫生健康支出");
    expect(r.claims.filter((c) => c.status === "ok")).toHaveLength(2);
  });

  it("conventions are not errors: growth from a prior year of 0 is 「增长100%」", () => {
    const z = setup((d) => {
      d.narrative["上年机关运行经费"] = 0;
    });
    const r = verifyNarrative("2019年，本单位机关运行经费支出494.68万元，比2018年增加494.68万元，增长100%。", z.recognition, z.inputs);
    expect(r.mismatches).toEqual([]);
    expect(r.claims.map((c) => c.status)).toEqual(["ok", "ok", "ok"]);
  });

  it("claims the tables cannot check are unverified, not mismatches", () => {
    const r = check("截至2019年12月底，单位共有公务用车15辆。项目全年预算数29.8万元。外事接待支出0.47万元。");
    expect(r.mismatches).toEqual([]);
    expect(r.unverified.map((u) => u.excerpt)).toEqual(["单位共有公务用车15辆", "项目全年预算数29.8万元", "外事接待支出0.47万元"]);
  });

  it("without a prior-year figure, checks the rate against the stated change (prior = current ± change)", () => {
    const none = verifyNarrative("2019年度收、支总计4163.20万元。与2018年相比，收、支总计各减少2720.74万元，下降41%。", recognition, parseInputsSheet({ sheets: [] }));
    expect(none.mismatches.map((m) => `${m.severity}:${m.code}:${m.expected}`)).toEqual(["error:rate:39.52"]);
    expect(none.unverified.map((u) => [u.code, u.reason])).toEqual([["no-prior", "缺少上年数（说明数据）"]]);
  });

  it("messages are available in English", () => {
    const r = verifyNarrative("其中：基本支出3240.90万元，占76%；", recognition, inputs, { lang: "en-US" });
    expect(r.mismatches[0].message).toMatch(/^Share of "基本支出" is written 76%; the tables give 77.85%/);
  });
});
