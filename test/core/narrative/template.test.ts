/** Template language, styles, placeholders and provenance on small hand-built inputs (the seed dataset views). */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { seed2019 } from "../../fixtures/data/seed2019";
import {
  emptyInputs,
  makeStyle,
  NarrativeRenderer,
  parseInputsSheet,
  parseTemplate,
  TemplateError,
  STYLE_PRESETS,
  type StyleOverrides,
} from "../../../src/core/narrative";
import type { Dataset } from "../../fixtures/data/types";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";

function renderer(style: "sichuan" | "shanghai" = "sichuan", overrides: StyleOverrides = {}, tweak?: (d: Dataset) => void, withInputs = true) {
  const d = seed2019();
  tweak?.(d);
  const inputs = withInputs ? parseInputsSheet(inputsSnapshot(d)) : emptyInputs();
  return new NarrativeRenderer(recognitionFromDataset(d), inputs, makeStyle(style, overrides));
}

describe("template parsing", () => {
  it("parses expressions, formats, each and if blocks", () => {
    const nodes = parseTemplate('a{share(x, y):pct.structure}b{#each 收入项目 sep="；" zeros=omit}{item.name}{#empty}无{/each}{#if nonzero(x)}1{#else}2{/if}');
    expect(nodes.map((n) => n.type)).toEqual(["text", "expr", "text", "each", "if"]);
    expect(nodes[1]).toMatchObject({ format: "pct.structure", expr: { type: "call", fn: "share" } });
    expect(nodes[3]).toMatchObject({ list: "收入项目", sep: "；", zeros: "omit" });
  });

  it("rejects unknown functions and unclosed blocks with a TemplateError", () => {
    expect(() => parseTemplate("{nosuch(a)}")).toThrow(TemplateError);
    expect(() => parseTemplate("{#each 收入项目}x")).toThrow(TemplateError);
    expect(() => parseTemplate("{#if nonzero(a)}x")).toThrow(TemplateError);
    expect(() => parseTemplate("{a")).toThrow(TemplateError);
  });
});

describe("rendering with provenance", () => {
  it("formats an amount and records its source cell", () => {
    const p = renderer().renderString("本年收入合计{本年收入合计}");
    expect(p.text).toBe("本年收入合计4051.18万元");
    expect(p.spans[0]).toMatchObject({ start: 6, end: 15, value: 4051.18, kind: "amount" });
    expect(p.spans[0].sources[0]).toMatchObject({ sheet: "收入支出决算总表", value: 4051.18 });
  });

  it("computes a share with its arithmetic (decimal-safe half-up: 76.285… → 76.29)", () => {
    const p = renderer().renderString("{share(一般公共服务支出类, 一般公共预算财政拨款支出)}{#each 一般公共预算类 zeros=omit}{#if nonzero(item.amount)}{/if}{/each}");
    // an unknown name is a placeholder, never a number
    expect(p.text).toBe("【请填写：一般公共服务支出类】");
    const q = renderer().renderString('{#each 一般公共预算类 sep="；"}{item.shortName}{share(item.amount, 一般公共预算财政拨款支出):pct.structure}{/each}');
    expect(q.text.startsWith("一般公共服务76.29%；")).toBe(true);
    expect(q.spans[0].arithmetic).toBe("3172.05 ÷ 4158.12 × 100 = 76.2857 → 76.29%");
    expect(q.spans[0].sources.map((s) => ("address" in s ? s.sheet : ""))).toEqual(["一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"]);
  });

  it("writes 0 of 0 as 0% (convention) and leaves a placeholder for x of 0", () => {
    const p = renderer().renderString("{share(事业收入, 经营收入):pct.structure}|{share(本年收入合计, 经营收入)}");
    expect(p.text).toBe("0%|【请填写：经营收入（为0，无法计算比例）】");
  });

  it("shows a visible placeholder for a missing input and lists it", () => {
    const p = renderer("sichuan", {}, undefined, false).renderString("与上年相比，收、支总计各{change(收入总计, 上年收入支出总计)}。{reason(收支总计变动原因)}");
    expect(p.text).toBe("与上年相比，收、支总计各【请填写：上年收入支出总计】。主要变动原因是【请填写：收支总计变动原因】。");
    expect(p.placeholders.map((x) => x.label)).toEqual(["上年收入支出总计", "收支总计变动原因"]);
    expect(p.text).not.toMatch(/\d/);
  });

  it("takes prior-year figures from the inputs sheet with the row as provenance", () => {
    const p = renderer().renderString("{change(收入总计, 上年收入支出总计)}");
    expect(p.text).toBe("减少2720.74万元，下降40%");
    const src = p.spans[0].sources.find((s) => "inputsRow" in s);
    expect(src).toMatchObject({ sheet: "说明数据", key: "上年收入支出总计" });
    expect(p.spans[0].arithmetic).toBe("4163.20 − 6883.94 = -2720.74");
    // the value before rounding, then what the text prints (39.52 → 40%, not "= 40")
    expect(p.spans[1].arithmetic).toBe("2720.74 ÷ 6883.94 × 100 = 39.52 → 40%");
  });
});

describe("styles", () => {
  const setPrior = (key: string, v: number) => (d: Dataset) => {
    d.narrative[key] = v;
  };

  it("presets differ as documented: digits, zero items, reason clause, amounts", () => {
    expect(STYLE_PRESETS.sichuan.percentDigits.yoy).toBe(0);
    expect(STYLE_PRESETS.sichuan.percentDigits.structure).toBe(2);
    expect(STYLE_PRESETS.shanghai.percentDigits.yoy).toBe(2);
    expect(STYLE_PRESETS.sichuan.zeroItems).toBe("list");
    expect(STYLE_PRESETS.shanghai.zeroItems).toBe("omit");
    const sh = renderer("shanghai").renderString("{本年收入合计}；{reason(收支总计变动原因)}");
    expect(sh.text).toBe("4,051.18 万元；主要原因：2019年机构改革，部分单位和内设机构划出。");
  });

  it("every option can be set on its own", () => {
    const r = renderer("sichuan", { thousands: true, spaceBeforeUnit: true, dropZeroDecimals: false, percentDigits: { yoy: 2 }, decreaseRateWord: "降低", reasonClause: "主要原因是{reason}。" });
    expect(r.renderString("{本年收入合计}|{change(收入总计, 上年收入支出总计)}|{reason(收支总计变动原因)}").text).toBe(
      "4,051.18 万元|减少2,720.74 万元，降低39.52%|主要原因是2019年机构改革，部分单位和内设机构划出。",
    );
    expect(renderer("sichuan", { dropZeroDecimals: false }).renderString("{事业收入}").text).toBe("0.00万元");
  });

  it("per-section decrease word: the seed's 「减少…，减少32%」 in 四", () => {
    const r = renderer();
    expect(r.renderString("{change(财政拨款本年收入, 上年财政拨款收入总计)}", "s4").text).toBe("减少1919.50万元，减少32%");
    expect(r.renderString("{change(财政拨款本年收入, 上年财政拨款收入总计)}", "s1").text).toBe("减少1919.50万元，下降32%");
  });

  it("持平 wording and prior-year-zero wording", () => {
    expect(renderer("sichuan", {}, setPrior("上年机关运行经费", 494.68)).renderString("{change(机关运行经费, 上年机关运行经费)}").text).toBe("持平");
    expect(renderer("sichuan", { flatWording: "与上年相同" }, setPrior("上年机关运行经费", 494.68)).renderString("{change(机关运行经费, 上年机关运行经费)}").text).toBe("与上年相同");
    const zero = setPrior("上年机关运行经费", 0);
    expect(renderer("sichuan", {}, zero).renderString("{change(机关运行经费, 上年机关运行经费)}").text).toBe("增加494.68万元，增长100%");
    expect(renderer("sichuan", { priorZero: "new" }, zero).renderString("{change(机关运行经费, 上年机关运行经费)}").text).toBe("增加494.68万元");
  });

  it("zero items are listed or omitted", () => {
    const t = '{#each 收入项目 sep="；"}{item.name}{item.amount}{/each}';
    expect(renderer("sichuan").renderString(t).text).toContain("事业收入0万元");
    expect(renderer("sichuan", { zeroItems: "omit" }).renderString(t).text).toBe("一般公共预算财政拨款收入4050.15万元；其他收入1.03万元");
  });
});

describe("degenerate input", () => {
  it("a workbook with no recognised table gives placeholders, not numbers or an exception", async () => {
    const { generateNarrative, renderNarrativeText } = await import("../../../src/core/narrative");
    const n = generateNarrative({ tables: [], ignoredSheets: [], issues: [] }, emptyInputs(), { style: "shanghai" });
    const text = renderNarrativeText(n);
    expect(text).toContain("本年收入合计【请填写：本年收入合计】");
    // no amount or percentage anywhere (the fixed threshold 「单价100万元（含）以上」 of 十(三) aside)
    expect(text.replace(/【[^】]*】/g, "").replace("单价100万元（含）", "").match(/\d+(\.\d+)?\s*(万元|%)/)).toBeNull();
    expect(n.placeholders.length).toBeGreaterThan(10);
  });
});

describe("项 with a budget of 0 (追加 without 年初预算)", () => {
  it("states the amount without a completion rate", async () => {
    const { generateNarrative, renderNarrativeText } = await import("../../../src/core/narrative");
    const d = seed2019();
    const row = d.t5.rows.find((r) => r.code === "2081001")!;
    row.values.budget_adjusted = 0;
    const text = renderNarrativeText(generateNarrative(recognitionFromDataset(d), parseInputsSheet(inputsSnapshot(d)), { style: "sichuan" }));
    expect(text).toContain("社会福利（款）儿童福利（项）：支出决算为1万元。");
    expect(text).toContain("死亡抚恤（项）：支出决算为14.47万元，完成预算100%。");
  });
});

describe("checkTemplate", () => {
  it("finds no problem in the built-in templates", async () => {
    const { checkTemplate, SICHUAN_TEMPLATE, SHANGHAI_TEMPLATE } = await import("../../../src/core/narrative");
    expect(checkTemplate(SICHUAN_TEMPLATE)).toEqual([]);
    expect(checkTemplate(SHANGHAI_TEMPLATE)).toEqual([]);
  });

  it("reports typos in names, lists and fields, and parse errors", async () => {
    const { checkTemplate } = await import("../../../src/core/narrative");
    const problems = checkTemplate({
      id: "t",
      sections: [
        { id: "x", title: "x", paragraphs: ["{本年收入合记}", "{#each 收入项木}{item.amount}{/each}", "{#each 三公项目}{item.budgt}{/each}", "{item.name}", "{share(a"] },
      ],
    });
    expect(problems).toEqual([
      "x#0: unknown name 本年收入合记",
      "x#1: unknown list 收入项木",
      "x#2: list 三公项目 has no field budgt",
      "x#3: item.name outside a list",
      expect.stringMatching(/^x#4: /),
    ]);
  });
});
