// Findings an accountant can act on: non-zero terms, tolerance and difference in words, cells for 定位, and the
// findings one typo causes grouped under that cell.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { checkWorkbook } from "../../src/app/check";
import { findingDetail, nonZeroTerms, registryBasis, sharedCellGroups, toleranceWords } from "../../src/app/present";
import { fixture, mutate, type FIXTURE_NAMES } from "../fixtures";
type FixtureName = (typeof FIXTURE_NAMES)[number];

function brokenTotal(name: FixtureName) {
  const f = fixture(name);
  const total = f.expected.find((c) => (c.kind === "T1" || c.kind === "Z01") && c.rowKey === "inc_total_year")!;
  const o = checkWorkbook(mutate(f.snapshot, total.address, total.sheet, total.value + 100), null, { policy: "interval", lang: "zh-CN" });
  return { total, o };
}

describe("finding details", () => {
  it("shows only the non-zero terms and counts the zero ones (「+ 另 6 项为 0」)", () => {
    const { o } = brokenTotal("seed-sichuan");
    const t1a = o.active.find((f) => f.rule === "T1-a")!;
    const zeros = t1a.items.filter((i) => Math.abs(i.value) < 0.005).length;
    const nonZero = t1a.items.filter((i) => Math.abs(i.value) >= 0.005);
    expect(zeros).toBeGreaterThan(0);
    const text = nonZeroTerms(t1a, "zh-CN")!;
    expect(text.endsWith(`另 ${zeros} 项为 0`)).toBe(true);
    for (const i of nonZero) expect(text).toContain(i.value.toFixed(2));
    expect(nonZeroTerms(t1a, "en-US")!).toContain(`${zeros} more terms are 0`);
  });

  it("says the tolerance and the difference in words, and lists every cell that took part, target first", () => {
    const { o, total } = brokenTotal("seed-national");
    const f = o.active.find((x) => x.target.address === total.address && x.target.sheet === total.sheet && x.items.length > 1)!;
    const d = findingDetail(f, "zh-CN");
    expect(d.tolerance).toMatch(/^四舍五入误差允许 ±0\.\d+$/);
    expect(d.difference).toBe("差额 100.00");
    expect(d.cells[0]).toEqual({ sheet: total.sheet, address: total.address });
    expect(d.cells.length).toBe(1 + new Set(f.items.map((i) => `${i.cell.sheet}!${i.cell.address}`)).size);
    expect(toleranceWords(f, "en-US")).toMatch(/^rounding difference allowed ±/);
    // The rule-registry hook: a basis lookup adds the rule's 公式说明.
    expect(findingDetail(f, "zh-CN", (id) => ({ formula: `${id} 的公式说明` })).formula).toBe(`${f.rule} 的公式说明`);
    // The rules registry provides the real 公式说明 and basis of a built-in rule.
    const d2 = findingDetail(f, "zh-CN", registryBasis("zh-CN"));
    expect(d2.formula).toMatch(/[\u4e00-\u9fff]/);
    expect(d2.basis).toBeTruthy();
  });

  for (const name of ["seed-sichuan", "seed-national", "shiquanlu-national", "seed-mof"] as const) {
    it(`groups the findings one wrong total causes under that cell (${name})`, () => {
      const { o, total } = brokenTotal(name);
      const groups = sharedCellGroups(o.active, "zh-CN");
      const atTotal = o.active.filter((f) => f.target.sheet === total.sheet && f.target.address === total.address).length;
      expect(atTotal).toBeGreaterThan(0);
      const g = groups[0];
      expect(g.cell).toEqual({ sheet: total.sheet, address: total.address });
      expect(g.findings.length).toBeGreaterThanOrEqual(2);
      expect(g.text).toContain(total.address);
      expect(g.text).toContain(`${new Set(g.findings.map((f) => f.rule)).size} 条规则`);
      // each finding is in at most one group
      const ids = groups.flatMap((x) => x.findings.map((f) => f.id));
      expect(new Set(ids).size).toBe(ids.length);
    });
  }
});
