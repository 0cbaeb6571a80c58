/**
 * 核对 of a narrative on its own: a generated corpus of consistent narratives (rounding noise included) stays clean,
 * each injected inconsistency is reported by its check, the arithmetic is carried as text, and the reference
 * documents' known defects are found with no false error.
 */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { checkNarrativeText, verifyNarrative } from "../../../src/core/narrative";
import { seed2019 } from "../../fixtures/data/seed2019";
import { recognitionFromDataset } from "./dataset-views";
import { NARRATIVE_CHECKS } from "../../../src/core/narrative/verify/checks";
import { corpusOptions, generate, INJECTIONS } from "./self-corpus";
import { describeShared, readShared } from "../../support/shared";

const OPTIONS = corpusOptions([1, 2, 3, 4, 5]);
const recognition = recognitionFromDataset(seed2019());
const summary = (text: string) => checkNarrativeText(text).mismatches.map((m) => `${m.severity}:${m.checkId}`);

describe("核对 of the text alone: consistent generated narratives", () => {
  it(`raise nothing at all (${OPTIONS.length} documents: Sichuan/Shanghai, 万元/元, 0–2 decimal percentages)`, () => {
    for (const o of OPTIONS) {
      const r = checkNarrativeText(generate(o).text);
      expect(r.mismatches.map((m) => `${m.checkId} ${m.message}`), JSON.stringify(o)).toEqual([]);
      // Not a silent pass: most stated numbers take part in some check.
      expect(r.claims.filter((c) => c.status === "ok").length, JSON.stringify(o)).toBeGreaterThan(40);
    }
  });

  it("stay clean as PDF or copied text: lines joined (headings run into the text), wrapped anywhere, full-width digits", () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const transforms: [string, (t: string) => string][] = [
      ["lines joined", (t) => t.replace(/\n(?=[^\n])/g, () => (rnd() < 0.3 ? "" : "\n"))],
      ["wrapped", (t) => t.replace(/([^\n]{30,40})/g, (m) => m + (rnd() < 0.5 ? "\n" : " "))],
      ["full-width digits", (t) => t.replace(/[0-9]/g, (d) => (rnd() < 0.2 ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d))],
    ];
    for (const o of corpusOptions([11, 12])) {
      const text = generate(o).text;
      for (const [name, f] of transforms) {
        const errors = checkNarrativeText(f(text)).mismatches.filter((m) => m.severity === "error");
        expect(errors.map((m) => `${m.checkId} ${m.message}`), `${name} ${JSON.stringify(o)}`).toEqual([]);
      }
    }
  });

  it("keep rounding noise clean: parts that miss the total by their rounding, shares that add to 99.99 % or 99 %", () => {
    expect(summary("本年支出合计10.00万元，其中：基本支出3.33万元，占33%；项目支出3.33万元，占33%；其他支出3.33万元，占33%。")).toEqual([]);
    expect(summary("本年支出合计3.00万元，其中：基本支出1.00万元，占33.33%；项目支出1.00万元，占33.33%；其他支出1.00万元，占33.33%。")).toEqual([]);
    // 6.2 written with one decimal stands for [6.15, 6.25): its share 0.21 % is right.
    expect(summary("本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%。")).toEqual([]);
    // a change rounded from exact amounts: 100.46 ÷ 18943.81 = 0.5303 %
    expect(summary("收入支出总计19,044.27 万元。与上年相比，收入支出总计增加100.46 万元，增长0.53%。主要原因：抚恤金增加。")).toEqual([]);
  });
});

describe("核对 of the text alone: each kind of inconsistency injected", () => {
  for (const inj of INJECTIONS) {
    it(`${inj.check} (${inj.severity}): ${inj.name}`, () => {
      let applied = 0;
      for (const o of OPTIONS) {
        const c = generate(o);
        const text = inj.apply(c);
        if (text === undefined) continue;
        applied++;
        const r = checkNarrativeText(text);
        const hits = r.mismatches.filter((m) => m.checkId === inj.check);
        expect(hits.map((m) => m.severity), `${JSON.stringify(o)}\n${r.mismatches.map((m) => m.checkId + " " + m.message).join("\n")}`).toContain(inj.severity);
        if (inj.check.startsWith("V-S0") && inj.check !== "V-S08") expect(hits[0].arithmetic).toMatch(/=|≠/);
      }
      expect(applied).toBeGreaterThan(0);
    });
  }

  it("V-S03: the shares of a complete list that do not add to 100 %", () => {
    const text = "本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占41.00%。";
    const r = checkNarrativeText(text);
    expect(r.mismatches.map((m) => `${m.severity}:${m.checkId}`).sort()).toEqual(["error:V-S02", "warning:V-S03"]);
    expect(r.mismatches.find((m) => m.checkId === "V-S03")!.arithmetic).toBe("60.00 + 41.00 = 101.00");
    // Shares of 0 decimals: 60 % + 41 % is within their rounding of 100 %, and 41 % is one unit off (核实).
    expect(summary("本年支出合计100.00万元，其中：基本支出60.00万元，占60%；项目支出40.00万元，占41%。")).toEqual(["warning:V-S02"]);
  });

  it("V-S08: a statement of this year's figures dated with another year", () => {
    const text = "2023年度部门决算\n一、收入支出决算总体情况说明\n2021年度收入支出总计100.00万元。与2022年度相比，收入支出总计增加10.00万元，增长11.11%。主要原因：业务增加。";
    expect(summary(text).filter((x) => x.endsWith("V-S08"))).toEqual(["warning:V-S08"]);
  });

  it("年初 and 调整 budgets both stated: the completion uses the budget it names; 大于/小于 is wrong only against both", () => {
    const both = (final: string, rest: string) => summary(`年初预算为100.00万元，调整预算为120.00万元，支出决算为${final}万元，${rest}`);
    expect(both("110.00", "完成年初预算的110.00%。决算数大于预算数的主要原因：追加。")).toEqual([]);
    expect(both("110.00", "完成调整预算的91.67%。决算数小于预算数的主要原因：节约。")).toEqual([]);
    expect(both("110.00", "完成调整预算的110.00%。决算数小于预算数的主要原因：节约。")).toEqual(["error:V-S06"]);
    expect(both("90.00", "完成调整预算的75.00%。决算数大于预算数的主要原因：追加。")).toEqual(["error:V-W01"]);
  });

  it("V-W07: a final more than 30 % off its budget with no reason; none when the reason is given", () => {
    const bare = "年初预算为100.00万元，支出决算为60.00万元，完成年初预算的60%。";
    expect(summary(bare)).toEqual(expect.arrayContaining(["warning:N-R02", "warning:V-W07"]));
    expect(summary(bare + "决算数小于预算数的主要原因：项目延期。")).toEqual([]);
  });

  it("N-S02: sections out of the template's order, and a repeated sub-heading number", () => {
    const c = generate({ seed: 9, style: "sichuan", unit: "万元", pctDigits: 2, year: 2020 });
    const lines = c.text.split("\n");
    const i2 = lines.findIndex((l) => l.startsWith("二、"));
    const i3 = lines.findIndex((l) => l.startsWith("三、"));
    const swapped = [...lines.slice(0, i2), ...lines.slice(i3, i3 + 2), ...lines.slice(i2, i3), ...lines.slice(i3 + 2)].join("\n");
    expect(summary(swapped)).toContain("warning:N-S02");
    expect(summary(c.text.replace("（三）一般公共预算财政拨款支出决算具体情况", "（二）一般公共预算财政拨款支出决算具体情况"))).toContain("warning:N-S02");
  });

  it("carries the arithmetic: 「1.2 ÷ 24.00 × 100 = 5.00」 for a share, current ∓ change for a rate", () => {
    const share = checkNarrativeText("本年收入合计24.00万元，其中：其他收入1.2万元，占6.00%；财政拨款收入22.80万元，占95.00%。").mismatches;
    expect(share[0]).toMatchObject({ checkId: "V-S02", severity: "error", claimed: 6, expected: 5, arithmetic: "1.2 ÷ 24.00 × 100 = 5.00" });
    const rate = checkNarrativeText("机关运行经费支出5.10万元，较上年增加3.2万元，增长0.32%。主要原因是会议增加。").mismatches;
    expect(rate).toHaveLength(1);
    expect(rate[0]).toMatchObject({ checkId: "V-S05", severity: "error", claimed: 0.32 });
    expect(rate[0].arithmetic).toMatch(/^3\.2 ÷ \(5\.10 − 3\.2\) × 100 = 16\d\.\d\d$/);
  });

  it("reports a percentage one unit of its last digit off as 核实, more as 强制", () => {
    // 45.678 % truncated to 45.67 %
    const near = checkNarrativeText("本年支出合计1000.00万元，其中：基本支出456.78万元，占45.67%；项目支出543.22万元，占54.32%。").mismatches;
    expect(near.map((m) => `${m.severity}:${m.checkId}:${m.claimed}`)).toEqual(["warning:V-S02:45.67"]);
    const far = checkNarrativeText("本年支出合计1000.00万元，其中：基本支出456.78万元，占45.65%；项目支出543.22万元，占54.32%。").mismatches;
    expect(far.map((m) => `${m.severity}:${m.checkId}`).sort()).toEqual(["error:V-S02", "warning:V-S03"]);
  });

  it("V-W04: template instructions and alternatives left in the text", () => {
    for (const left of ["决算数大于（小于）预算数", "决算数大于预算数（或与预算数持平）", "（如持平作持平表述）", "增加（减少）", "下降（增长）", "（不涉及的不列）"]) {
      expect(summary(`年初预算为10.00万元，支出决算为12.00万元。${left}的主要原因：追加。`), left).toContain("error:V-W04");
    }
  });

  it("every finding has an en-US message too", () => {
    const c = generate({ seed: 4, style: "sichuan", unit: "元", pctDigits: 1, year: 2021 });
    for (const inj of INJECTIONS) {
      const text = inj.apply(c);
      if (!text) continue;
      const zh = checkNarrativeText(text).mismatches;
      const en = checkNarrativeText(text, { lang: "en-US" }).mismatches;
      expect(en.map((m) => m.checkId)).toEqual(zh.map((m) => m.checkId));
      for (let i = 0; i < en.length; i++) {
        expect(en[i].message).not.toBe(zh[i].message);
        expect(en[i].message).toMatch(/[A-Za-z]{3}/);
      }
    }
  });

  it("an empty text has no claim and no finding (the CLI says nothing was checked)", () => {
    expect(checkNarrativeText("")).toMatchObject({ claims: [], mismatches: [], unverified: [] });
  });
});

describe("核对 check metadata", () => {
  it("every check has an id, severity, basis, version and zh-CN/en-US descriptions; every id a finding uses is listed", () => {
    const ids = new Set<string>(NARRATIVE_CHECKS.map((c) => c.id));
    expect(ids.size).toBe(NARRATIVE_CHECKS.length);
    for (const c of NARRATIVE_CHECKS) {
      expect(["error", "warning"]).toContain(c.severity);
      expect(["mof", "template", "convention"]).toContain(c.basis);
      expect(c.version).toBeGreaterThanOrEqual(1);
      expect(c.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.descriptionEn.length).toBeGreaterThan(10);
    }
    for (const inj of INJECTIONS) expect(ids.has(inj.check), inj.check).toBe(true);
  });
});

describe("核对 of the text alone stays linear on long digit runs", () => {
  it("4× the digits costs far less than 16× the time (a quadratic scan would)", () => {
    const doc = (n: number) => `本年收入合计${"1".repeat(n)}万元，其中：占${"2".repeat(n / 2)}.${"3".repeat(n / 2)}%；${"4".repeat(n)}。`;
    const time = (n: number) => {
      const text = doc(n);
      let best = Infinity;
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        checkNarrativeText(text);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(5000); // warm-up
    // The workbook 核对 scans the same text: the same bound.
    const wb = (n: number) => {
      const text = doc(n);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        verifyNarrative(text, recognition);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    wb(5000);
    expect(wb(200_000) / Math.max(wb(50_000), 1)).toBeLessThan(10);
    // 100k digits each run at 4× scale; best of five runs of each size on a shared machine.
    const small = time(50_000);
    const large = time(200_000);
    expect(large / Math.max(small, 1)).toBeLessThan(10);
  });
});

describeShared("核对 of the reference narratives on their own", () => {
  const part = (file: string) => readShared("reference", file).split("==================== PART B")[1];
  const lines = (text: string) => checkNarrativeText(text).mismatches.map((m) => `${m.severity} ${m.checkId} ${m.claimed ?? ""}`.trim());

  it("普陀区财政局 2024: the 71.73 % share (71.65 % from the stated amounts) and the shares adding to 100.07 %; nothing else", () => {
    expect(lines(part("shanghai-caizhengju-2024.txt"))).toEqual(["error V-S02 71.73", "warning V-S03 100.07"]);
  });

  it("石泉路 2025: 职业年金 245.53 vs 257.14 (and its completion rate), the “三公” parts adding to 38.88, 减增加, 大小于, the missing 预算绩效管理情况", () => {
    const r = lines(part("shanghai-shiquanlu-2025.txt"));
    expect(r).toEqual(
      expect.arrayContaining(["error V-S07 245.53", "error V-S06 93.57", "error V-S01 37.35", "error V-W08", "error V-W04", "warning N-S01"]),
    );
    // The only other error-level findings: none.
    expect(r.filter((x) => x.startsWith("error"))).toHaveLength(5);
  });

  it("攀枝花 2019 (Sichuan): no error; the repeated （二） and the fund sections that do not say 「无…」 as 核实", () => {
    const text = readShared("reference", "panzhihua-2019-final-accounts.txt");
    const r = checkNarrativeText(text);
    expect(r.template).toBe("sichuan");
    expect(r.mismatches.filter((m) => m.severity === "error")).toEqual([]);
    expect(r.mismatches.map((m) => m.checkId)).toEqual(["N-S02", "N-S04", "N-S04"]);
  });
});
