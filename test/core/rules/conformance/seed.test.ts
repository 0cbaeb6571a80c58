/**
 * The seed unit's own inconsistency (domain notes §4): 收、支总计 4163.20 against 本年支出合计 4163.21 is
 * impossible when 结余分配 and 年末结转和结余 are non-negative. Built from the printed figures, and run on helper
 * B's seed fixtures after recognition.
 */
import { expect } from "../../../support/expect";
import { describe, it } from "mocha";
import { recognize } from "../../../../src/core/recognize/index";
import { validate } from "../../../../src/core/rules/index";
import { fixture } from "../../../fixtures/index";
import type { FixtureName } from "../../../fixtures/index";
import { buildWorkbook, setCell } from "../support/builder";
import { at, run, targetsOf } from "../support/context";

function seedT1() {
  const income = (key: string, v: number | null) => ({ key, side: "income" as const, values: { amount: v } });
  const exp = (key: string, v: number | null) => ({ key, side: "expenditure" as const, values: { amount: v } });
  return buildWorkbook([
    {
      kind: "T1",
      columns: ["amount"],
      rows: [
        income("inc_gpb", 4050.15),
        income("inc_gf", 0),
        income("inc_soc", 0),
        income("inc_superior", null),
        income("inc_business", 0),
        income("inc_operating", 0),
        income("inc_affiliated", 0),
        income("inc_other", 1.03),
        income("inc_total_year", 4051.18),
        income("inc_use_surplus", null),
        income("inc_begin_balance", 112.02),
        income("inc_grand_total", 4163.2),
        exp("201", 3177.14),
        exp("206", 152.05),
        exp("208", 597.15),
        exp("210", 0.36),
        exp("212", 28.01),
        exp("221", 208.5),
        exp("exp_total_year", 4163.21),
        exp("exp_surplus_dist", null),
        exp("exp_end_balance", 0),
        exp("exp_grand_total", 4163.2),
      ],
    },
  ]);
}

describe("seed case: 收、支总计 4163.20 vs 本年支出合计 4163.21", () => {
  it("flags T1-d on the printed figures, and only T1-d", () => {
    const wb = seedT1();
    const { result } = run(wb);
    expect(targetsOf(result, "T1-d")).toEqual([at(wb, "T1", "exp_grand_total", "amount")]);
    expect(result.findings.map((f) => f.rule)).toEqual(["T1-d"]);
    const f = result.findings[0];
    // impossible under half-up rounding, yet only at the rounding boundary: reported as 核实 (see LANGUAGE.md)
    expect(f.severity).toBe("warning");
    expect(f.params.boundary).toBe(1);
    expect(f.code).toBe("sum-mismatch");
    expect(f.actual).toBeCloseTo(4163.2, 9);
    expect(f.expected).toBeCloseTo(4163.21, 9);
    expect(f.difference).toBeCloseTo(-0.01, 9);
    expect(f.tolerance).toEqual({ low: -0.02, high: 0.02 });
    expect(f.items.map((i) => i.label)).toEqual(["exp_total_year", "exp_surplus_dist", "exp_end_balance"]);
    expect(f.message).toBe("支出总计应等于本年支出合计＋结余分配＋年末结转和结余：「T1 收入支出决算总表」B24（exp_grand_total） 4163.20 ≠ 4163.21 + 0.00 + 0.00 = 4163.21（容差 ±0.02）；差额恰在舍入边界上，可能是由已舍入的数相加产生的尾差，请核实");
  });

  it("passes T1-d when 年末结转和结余 may be negative (the non-negativity is what makes it impossible)", () => {
    const wb = seedT1();
    const { result } = run(wb, {
      builtin: [
        { id: "T1-d", severity: "error", expression: "T1[exp_grand_total] = T1[exp_total_year] + T1[exp_surplus_dist] + T1[exp_end_balance]", message: { zh: "T1-d", en: "T1-d" } },
      ],
    });
    expect(result.findings).toEqual([]);
  });

  it("flags it under the exact policy as well, as 强制", () => {
    const { result } = run(seedT1(), { policy: "exact" });
    expect(result.findings.filter((f) => f.rule === "T1-d").map((f) => f.severity)).toEqual(["error"]);
  });

  it("reports a T1-d difference beyond the boundary as 强制", () => {
    const wb = seedT1();
    const { put } = { put: (v: number) => setCell(wb.snapshot, wb.recognition.tables[0].sheet, at(wb, "T1", "exp_grand_total", "amount").split("!")[1], v) };
    put(4163.19);
    const { result } = run(wb);
    const f = result.findings.filter((x) => x.rule === "T1-d");
    expect(f.map((x) => [x.severity, x.params.boundary])).toEqual([["error", undefined]]);
  });

  for (const name of ["seed-sichuan", "seed-national"] as FixtureName[]) {
    it(`flags T1-d on fixture ${name} after recognition`, () => {
      const fx = fixture(name);
      const recognition = recognize(fx.snapshot);
      const result = validate(recognition, fx.snapshot);
      const cell = fx.expected.find((e) => e.kind === "T1" && e.rowKey === "exp_grand_total")!;
      expect(result.findings.filter((f) => f.rule === "T1-d").map((f) => `${f.target.sheet}!${f.target.address}`)).toEqual([`${cell.sheet}!${cell.address}`]);
      // the seed's other printed figures agree within rounding on these rules
      for (const rule of ["T1-a", "T1-b", "T1-c", "T1-e", "T2-a", "T3-a", "T5-a", "H-T2", "H-T3", "H-T5", "X1", "X2", "X9", "T7-a", "T7-b"]) {
        expect({ rule, findings: result.findings.filter((f) => f.rule === rule).map((f) => f.message) }).toEqual({ rule, findings: [] });
      }
    });
  }
});
