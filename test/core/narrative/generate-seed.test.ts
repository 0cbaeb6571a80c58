/**
 * On the seed fixture with style `sichuan` and the seed's prior-year figures in 「说明数据」,
 * sections 一–四, 五(一)(二), 六 (amounts), 七, 八, 九 and 十 (机关运行经费, 政府采购) state exactly the figures and
 * percentages the seed document prints — compared clause by clause, number by number, in both directions.
 */
import { narrativeSources, comparedSectionText } from "./sources";
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { seed2019 } from "../../fixtures/data/seed2019";
import { generateNarrative, parseInputsSheet, renderNarrativeText } from "../../../src/core/narrative";
import { recognitionFromDataset, inputsSnapshot } from "./dataset-views";
import { between, missingFrom, numericClauses, pickLines, referenceNarrative } from "./compare";
import { describeShared, hasShared, itShared } from "../../support/shared";

const SEED = hasShared ? referenceNarrative("panzhihua") : "";

/** Seed paragraphs (by their opening words) per generated section. */
const SEED_LINES: Record<string, string[]> = {
  s1: ["2019年度收、支总计"],
  s2: ["2019年本年收入合计"],
  s3: ["2019年本年支出合计"],
  s4: ["2019年财政拨款收入总计", "2019年财政拨款支出总计"],
  s5: ["2019年一般公共预算财政拨款支出4158.12万元，占本年支出合计", "2019年一般公共预算财政拨款支出4158.12万元，主要用于"],
  s6: ["2019年一般公共预算财政拨款基本支出", "人员经费2746.22万元", "公用经费494.68万元"],
  s7: [
    "2019年“三公”经费财政拨款支出决算为",
    "2019年“三公”经费财政拨款支出决算中",
    "1.因公出国（境）经费支出",
    "2019年因公出访团组共4团组",
    "2.公务用车购置及运行维护费支出",
    "其中：公务用车购置支出0万元",
    "公务用车运行维护费支出80.98万元",
    "3.公务接待费支出0.91万元",
  ],
  s8: ["2019年政府性基金预算拨款支出"],
  s9: ["2019年国有资本经营预算拨款支出"],
  s10: ["2019年，攀枝花市人民政府办公室本级及下属二级预算单位机关运行经费支出", "2019年，攀枝花市人民政府办公室本级及下属二级预算单位政府采购支出总额"],
};

const sources = narrativeSources("seed-sichuan", "seed dataset views", seed2019);

for (const [_name, load] of Object.entries(sources)) describeShared(`seed narrative, style sichuan (${_name})`, () => {
  const { recognition, inputs } = load();
  const n = generateNarrative(recognition, inputs, { style: "sichuan" });

  for (const id of Object.keys(SEED_LINES)) it(`section ${id} states the seed's numbers, clause by clause`, () => {
    const seedClauses = numericClauses(pickLines(SEED, SEED_LINES[id]));
    const genClauses = numericClauses(comparedSectionText(n, id));
    expect(seedClauses.length).toBeGreaterThan(0);
    expect(missingFrom(seedClauses, genClauses)).toEqual([]);
    expect(missingFrom(genClauses, seedClauses)).toEqual([]);
  });

  it("uses the seed's change wording: 「下降」 in 一, 「减少…，减少p%」 in 四 and 五", () => {
    expect(comparedSectionText(n, "s1")).toContain("收、支总计各减少2720.74万元，下降40%。主要变动原因是");
    expect(comparedSectionText(n, "s4")).toContain("财政拨款收入总计减少1919.50万元，减少32%。");
    expect(comparedSectionText(n, "s5")).toContain("一般公共预算财政拨款减少1696.01万元，减少29%。");
  });

  it("lists zero income items as 「0万元，占0%」 and the non-zero 经济分类 names of 六 in code order", () => {
    expect(comparedSectionText(n, "s2")).toContain("事业收入0万元，占0%");
    const s6 = comparedSectionText(n, "s6");
    expect(s6).toMatch(/人员经费2746.22万元，主要包括：基本工资、津贴补贴、奖金、/);
    expect(s6.indexOf("办公费")).toBeLessThan(s6.indexOf("办公设备购置"));
  });

  it("lists every placeholder it leaves, at its place in the text, with no number in it", () => {
    for (const ph of n.placeholders) {
      const section = n.sections.find((x) => x.id === ph.sectionId)!;
      const text = section.paragraphs[ph.paragraph].text.slice(ph.start, ph.end);
      expect(text).toBe(`【请填写：${ph.label}】`);
    }
    expect(renderNarrativeText(n).match(/【请填写：/g)?.length ?? 0).toBe(n.placeholders.length);
  });

  it("records provenance for every number: cells or inputs row, with the arithmetic", () => {
    const spans = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.spans.map((sp) => ({ sp, text: p.text.slice(sp.start, sp.end) }))));
    const numeric = spans.filter(({ sp }) => sp.kind === "amount" || sp.kind === "percent" || sp.kind === "change");
    expect(numeric.length).toBeGreaterThan(50);
    expect(numeric.filter(({ sp }) => sp.sources.length === 0).map(({ sp, text }) => `${sp.label}=${text}`)).toEqual([]);
    const share = spans.find(({ text, sp }) => text === "76.29%" && sp.kind === "percent");
    expect(share?.sp.arithmetic).toBe("3172.05 ÷ 4158.12 × 100 = 76.2857 → 76.29%");
    const rate = spans.find(({ text }) => text === "40%");
    expect(rate?.sp.sources.some((s) => "inputsRow" in s && s.key === "上年收入支出总计")).toBe(true);
  });
});

describe("seed 五(三) by 项 with 完成预算 (dataset with 调整预算数)", () => {
  itShared("states the seed's 14 项 amounts and 100% completions", () => {
    const d = seed2019();
    const n = generateNarrative(recognitionFromDataset(d), parseInputsSheet(inputsSnapshot(d)), { style: "sichuan" });
    const s5 = n.sections.find((x) => x.id === "s5")!.paragraphs.map((p) => p.text);
    const gen = numericClauses(s5.slice(s5.findIndex((p) => p.startsWith("（三）"))).join("\n"));
    const seed = numericClauses("2019年一般公共预算支出决算数为" + between(SEED, "2019年一般公共预算支出决算数为", "（注：数据来源于财决Z01-1表，罗列全部"));
    expect(seed.length).toBe(30);
    expect(missingFrom(seed, gen)).toEqual([]);
    expect(missingFrom(gen, seed)).toEqual([]);
  });

  it("without 调整预算数 leaves a visible placeholder, never a number, and lists it", () => {
    const d = seed2019();
    const strip = (v: Record<string, number | undefined>) => delete v.budget_adjusted;
    strip(d.t5.total);
    for (const r of d.t5.rows) strip(r.values);
    const n = generateNarrative(recognitionFromDataset(d), parseInputsSheet(inputsSnapshot(d)), { style: "sichuan" });
    const text = renderNarrativeText(n);
    expect(text).toContain("2019年一般公共预算支出决算数为4158.12万元，完成预算【请填写：一般公共预算财政拨款支出预算】。");
    expect(text).toContain("行政运行（项）：支出决算为2295.91万元，完成预算【请填写：2010301行政运行调整预算数】。");
    expect(n.placeholders.filter((p) => p.sectionId === "s5")).toHaveLength(15);
  });
});
