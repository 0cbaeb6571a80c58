/**
 * 核对 of item-level claims in the 政府性基金 and 国有资本经营 sections: looked up in their own tables (T8/T9), never
 * against the "closest" 一般公共预算 item; a 类/款/项 name the tables do not hold is reported by name.
 */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { parseInputsSheet, verifyNarrative } from "../../../src/core/narrative";
import { seed2019 } from "../../fixtures/data/seed2019";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";
import type { Dataset } from "../../fixtures/data/types";

function withFunds(d: Dataset): Dataset {
  d.t8 = {
    empty: false,
    total: { exp_total: 17.8 },
    rows: [
      { code: "212", name: "城乡社区支出", values: { exp_total: 17.8 } },
      { code: "21208", name: "国有土地使用权出让收入安排的支出", values: { exp_total: 17.8 } },
      { code: "2120801", name: "征地和拆迁补偿支出", values: { exp_total: 12.3 } },
      { code: "2120802", name: "土地开发支出", values: { exp_total: 5.5 } },
    ],
  };
  return d;
}

// Section headings as the Sichuan and the Shanghai templates word them.
const variants: [string, string, string][] = [
  ["四川", "八、政府性基金预算支出决算情况说明", "九、国有资本经营预算支出决算情况说明"],
  ["上海", "八、政府性基金预算财政拨款收入支出决算情况说明", "九、国有资本经营预算财政拨款收入支出决算情况说明"],
];

for (const [name, gfHeading, socHeading] of variants) {
  describe(`核对 of 政府性基金 items (${name} headings)`, () => {
    const d = withFunds(seed2019());
    const recognition = recognitionFromDataset(d);
    const inputs = parseInputsSheet(inputsSnapshot(d));
    const check = (body: string, heading = gfHeading) => verifyNarrative(`${heading}\n${body}`, recognition, inputs, { style: "sichuan", year: 2019 });
    const codes = (body: string, heading?: string) => check(body, heading).mismatches.map((m) => `${m.severity}:${m.code}`);

    it("finds 城乡社区支出（类）…（项） in T8 and confirms the right figure (T5 has a 212 class with other 项)", () => {
      const r = check("城乡社区支出（类）国有土地使用权出让收入安排的支出（款）征地和拆迁补偿支出（项）支出决算为12.30万元。");
      expect(r.mismatches).toEqual([]);
      expect(r.claims.find((c) => c.claimed === 12.3)?.status).toBe("ok");
    });

    it("reports a wrong figure against the T8 row, with its cell", () => {
      const r = check("城乡社区支出（类）国有土地使用权出让收入安排的支出（款）土地开发支出（项）支出决算为5.60万元。");
      expect(r.mismatches.map((m) => `${m.severity}:${m.code}:${m.expected}`)).toEqual(["error:amount:5.5"]);
      expect(r.mismatches[0].cell).toMatch(/^政府性基金预算财政拨款收入支出决算表!/);
    });

    it("reports a 项 name the tables do not hold by name, even when a row has the same amount", () => {
      const r = check("城乡社区支出（类）国有土地使用权出让收入安排的支出（款）拆迁补偿（项）支出决算为12.30万元。");
      expect(r.mismatches.map((m) => `${m.severity}:${m.code}`)).toEqual(["warning:subject-unknown"]);
      expect(r.mismatches[0].message).toContain("拆迁补偿");
      expect(r.mismatches[0].message).toContain("征地和拆迁补偿支出");
    });

    it("does not skip a wrong 款 name: reported by name, the 项 still checked", () => {
      const r = check("城乡社区支出（类）土地出让金（款）征地和拆迁补偿支出（项）支出决算为12.30万元。");
      expect(r.mismatches.map((m) => `${m.severity}:${m.code}`)).toEqual(["warning:subject-unknown"]);
      expect(r.mismatches[0].message).toContain("土地出让金");
      expect(r.claims.find((c) => c.claimed === 12.3)?.status).toBe("mismatch");
    });

    it("an item of the 国有资本经营 section with no T9 data is unverified, never compared with T5", () => {
      const r = check("城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（项）支出决算为12.30万元。", socHeading);
      expect(r.mismatches).toEqual([]);
      expect(r.claims.find((c) => c.claimed === 12.3)?.status).toBe("unverified");
    });

    it("the same item outside the fund sections is still checked against T5", () => {
      expect(codes("城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（项）支出决算为12.30万元。", "五、一般公共预算财政拨款支出决算情况说明")).toEqual(["error:amount"]);
    });
  });
}
