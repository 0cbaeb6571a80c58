/**
 * The ties between tables and the year-keyed MOF rules: a side that is not printed is skipped with its reason,
 * never compared with 0; 财决01 行次 formulas run only for the year whose row numbers they encode.
 */
import { expect } from "../../../support/expect";
import { describe, it } from "mocha";
import { BUILTIN_RULES } from "../../../../src/core/rules/index";
import { renderSkipped } from "../../../../src/core/i18n/findings";
import type { TableSpec } from "../support/builder";
import { buildWorkbook } from "../support/builder";
import type { Workbook } from "../support/context";
import { checksOf, extraTables, put, run, targetsOf } from "../support/context";
import { consistentTables } from "../support/generate";

const SEED = 7331;

function tables(): TableSpec[] {
  const t = consistentTables(SEED, { classes: 2, sections: 2, items: 2, gfClasses: 1, socClasses: 1, natureRows: true });
  return [...t, ...extraTables(t)];
}

function edit(specs: TableSpec[], kind: string, f: (t: TableSpec) => TableSpec): TableSpec[] {
  return specs.map((t) => (t.kind === kind ? f(t) : t));
}

function withoutRows(specs: TableSpec[], kind: string, keys: string[]): TableSpec[] {
  return edit(specs, kind, (t) => ({ ...t, rows: t.rows.filter((r) => !keys.includes(r.key)) }));
}

function skippedOf(wb: Workbook, rule: string): { reason: string; tables: string[] } | undefined {
  return run(wb).result.skipped.find((s) => s.rule === rule);
}

describe("ties whose side is not printed", () => {
  it("F03 without the 货物/工程/服务 rows: F03-a is skipped (cells-absent), not total = 0", () => {
    const wb = buildWorkbook(withoutRows(tables(), "F03", ["f_procurement_goods", "f_procurement_works", "f_procurement_services"]));
    const { result } = run(wb);
    expect(targetsOf(result, "F03-a")).toEqual([]);
    expect(skippedOf(wb, "F03-a")).toMatchObject({ reason: "cells-absent", tables: ["F03"] });
    // 中小企业 ≤ 总额 still runs: both sides are printed
    expect(skippedOf(wb, "F03-b")).toBeUndefined();
  });

  it("F03 without 政府采购支出总额: the ≤ bound is not taken as 0 and the sum is not run", () => {
    const wb = buildWorkbook(withoutRows(tables(), "F03", ["f_procurement_total"]));
    const { result } = run(wb);
    expect(targetsOf(result, "F03-b")).toEqual([]);
    expect(targetsOf(result, "F03-a")).toEqual([]);
    expect(skippedOf(wb, "F03-b")).toMatchObject({ reason: "cells-absent" });
    expect(skippedOf(wb, "F03-a")).toMatchObject({ reason: "cells-absent" });
    // the 小微 ≤ 中小企业 part still runs and still catches an error
    put(wb, "F03", "f_small_micro_contracts", "amount", 999999);
    expect(targetsOf(run(wb).result, "F03-b")).toHaveLength(1);
  });

  it("F03 with only 机关运行经费 (older 附03): the 政府采购 rules are listed as not run", () => {
    const wb = buildWorkbook(edit(tables(), "F03", (t) => ({ ...t, rows: t.rows.filter((r) => r.key === "f_admin_cost") })));
    const { result } = run(wb);
    expect(result.findings.filter((f) => f.rule.startsWith("F03")).map((f) => f.message)).toEqual([]);
    expect(skippedOf(wb, "F03-a")?.reason).toBe("cells-absent");
    expect(skippedOf(wb, "F03-b")?.reason).toBe("cells-absent");
  });

  it("T4 without the 国有资本经营 income row: that part of X11 is skipped, the others still run", () => {
    const wb = buildWorkbook(withoutRows(tables(), "T4", ["inc_soc"]));
    expect(skippedOf(wb, "X11")).toMatchObject({ reason: "cells-absent", tables: ["T4"] });
    put(wb, "T1", "inc_gf", "amount", 123456);
    const { result } = run(wb);
    expect(targetsOf(result, "X11")).toHaveLength(1);
  });

  it("T1 without its 国有资本经营 income row (left side not printed): X11 says so", () => {
    const wb = buildWorkbook(withoutRows(tables(), "T1", ["inc_soc"]));
    expect(targetsOf(run(wb).result, "X11")).toEqual([]);
    expect(skippedOf(wb, "X11")).toMatchObject({ reason: "cells-absent", tables: ["T1"] });
  });

  it("T9 printed with its expenditure columns only (Sichuan 十三): the balance ties are skipped, X13's class tie runs", () => {
    const specs = edit(tables(), "T9", (t) => ({ ...t, columns: t.columns.filter((c) => c === "exp_total" || c === "exp_basic" || c === "exp_project") }));
    const wb = buildWorkbook(specs);
    const { result, program } = run(wb);
    expect(targetsOf(result, "X13")).toEqual([]);
    expect(skippedOf(wb, "X13")).toMatchObject({ reason: "cells-absent", tables: ["T9"] });
    expect(checksOf(program, "X13")).toBeGreaterThan(0);
    expect(targetsOf(result, "T9-b")).toEqual([]);
    // 年末 = 年初 + 收入 − 支出 cannot be run without those columns: said, not passed in silence
    expect(skippedOf(wb, "T9-b")).toMatchObject({ reason: "cells-absent", tables: ["T9"] });
    // T9-a (本年支出 = 基本 + 项目) still runs on the printed columns
    expect(checksOf(program, "T9-a")).toBeGreaterThan(0);
  });

  it("T1 printed by nature without 类 rows: X10's class comparison is a gap, not T4 ≤ 0", () => {
    const specs = edit(tables(), "T1", (t) => ({ ...t, rows: t.rows.filter((r) => !/^\d+$/.test(r.key)) }));
    const wb = buildWorkbook(specs);
    const { result } = run(wb);
    expect(targetsOf(result, "X10")).toEqual([]);
    expect(skippedOf(wb, "X10")).toMatchObject({ reason: "cells-absent", tables: ["T1"] });
  });

  it("a 类 that T1 prints at 0 still bounds T4 (an absent code row in a coded table is a zero)", () => {
    const specs = tables();
    const wb = buildWorkbook(specs);
    const t4Class = wb.recognition.tables.find((t) => t.kind === "T8")!.rows.find((r) => r.level === 1)!.key;
    put(wb, "T1", t4Class, "amount", 0);
    expect(targetsOf(run(wb).result, "X10")).toHaveLength(1);
  });

  it("without Sichuan's 附表5/7/9, X14–X16 are listed as tables-absent", () => {
    const wb = buildWorkbook(tables().filter((t) => !t.kind.startsWith("SC")));
    const skipped = run(wb).result.skipped;
    for (const [rule, table] of [["X14", "SC5"], ["X15", "SC7"], ["X16", "SC9"]]) expect(skipped.find((s) => s.rule === rule)).toEqual({ rule, reason: "tables-absent", tables: [table] });
  });
});

describe("rules keyed by year (财决01 行次)", () => {
  const z01 = BUILTIN_RULES.filter((r) => r.id.startsWith("Z01-")).map((r) => r.id);

  it("every Z01-* rule says which years it encodes", () => {
    expect(z01.length).toBeGreaterThan(0);
    for (const r of BUILTIN_RULES.filter((x) => x.id.startsWith("Z01-"))) expect(r.years).toEqual([2019]);
  });

  it("runs the Z01-* rules on a 2019 workbook", () => {
    const wb = buildWorkbook(tables());
    wb.recognition.year = 2019;
    const { result, program } = run(wb);
    for (const id of z01) expect(checksOf(program, id)).toBeGreaterThan(0);
    expect(result.skipped.filter((s) => z01.includes(s.rule))).toEqual([]);
  });

  it("skips them, with the reason, on a workbook of another year — even when its figures break them", () => {
    const wb = buildWorkbook(tables());
    wb.recognition.year = 2024;
    put(wb, "Z01", "L3", "final", 99999999);
    const { result, program } = run(wb);
    for (const id of z01) {
      expect(checksOf(program, id)).toBe(0);
      expect(result.skipped.find((s) => s.rule === id)).toMatchObject({ reason: "year-not-applicable", year: 2024, years: [2019] });
    }
    expect(result.findings.filter((f) => f.rule.startsWith("Z01-"))).toEqual([]);
    const s = result.skipped.find((x) => x.rule === "Z01-1")!;
    expect(renderSkipped(s, "zh-CN")).toBe("规则 Z01-1 未执行：该公式按 2019 年度的行次编写，本工作簿为 2024 年度");
    expect(renderSkipped(s, "en-US")).toBe("rule Z01-1 not run: it encodes the 2019 layout and the workbook is of 2024");
  });

  it("takes the year from a table when recognition found none on a cover, and skips when no year is known", () => {
    const wb = buildWorkbook(tables());
    wb.recognition.tables.find((t) => t.kind === "Z01")!.year = 2019;
    expect(run(wb).result.skipped.filter((s) => z01.includes(s.rule))).toEqual([]);
    const unknown = buildWorkbook(tables());
    const skipped = run(unknown).result.skipped.filter((s) => z01.includes(s.rule));
    expect(skipped.map((s) => s.reason)).toEqual(z01.map(() => "year-unknown"));
    expect(renderSkipped(skipped[0], "zh-CN")).toContain("未能确定本工作簿的年度");
  });
});

describe("rules resting on convention are never 强制", () => {
  it("every convention rule is a warning, and 年末 = 年初 + 收入 − 支出 of T8/T9 is one", () => {
    for (const r of BUILTIN_RULES) {
      expect({ id: r.id, basis: ["mof", "template", "convention"].includes(r.basis ?? "") }).toEqual({ id: r.id, basis: true });
      if (r.basis === "convention") expect({ id: r.id, severity: r.severity }).toEqual({ id: r.id, severity: "warning" });
    }
    for (const id of ["T8-b", "T9-b"]) {
      const r = BUILTIN_RULES.find((x) => x.id === id)!;
      expect(r.basis).toBe("convention");
      expect(r.expression).toContain("end_balance");
    }
    for (const id of ["T8-a", "T9-a"]) expect(BUILTIN_RULES.find((x) => x.id === id)!.expression).not.toContain("end_balance");
  });

  it("a finding carries its rule's basis and version", () => {
    const wb = buildWorkbook(tables());
    const t8 = wb.recognition.tables.find((t) => t.kind === "T8")!;
    const leafRow = t8.rows.find((r) => r.level === 3) ?? t8.rows.find((r) => r.level === 2)!;
    put(wb, "T8", leafRow.key, "end_balance", 999);
    const f = run(wb).result.findings.find((x) => x.rule === "T8-b")!;
    expect(f).toMatchObject({ severity: "warning", basis: "convention", ruleVersion: 1 });
    expect(f.params).toMatchObject({ basis: "convention", ruleVersion: 1 });
  });
});
