/**
 * Conformance suite for the built-in rules (in the manner of XBRL conformance suites): every rule has a passing
 * workbook (no findings of that rule, and the rule really compiled to checks) and a failing one with the exact
 * target cells expected.
 */
import { expect } from "../../../support/expect";
import { describe, it } from "mocha";
import { BUILTIN_RULES } from "../../../../src/core/rules/index";
import { buildWorkbook } from "../support/builder";
import type { Workbook } from "../support/context";
import { at, bump, checksOf, extraTables, firstCode, put, run, targetsOf, valueAt } from "../support/context";
import { consistentTables } from "../support/generate";

const SEED = 20190;

/** Consistent workbook with all nine tables, both fund tables filled, plus SC5/SC7/SC9/F03/Z01. */
function full(): Workbook {
  const tables = consistentTables(SEED, { classes: 3, sections: 2, items: 3, gfClasses: 1, socClasses: 1, natureRows: true });
  const wb = buildWorkbook([...tables, ...extraTables(tables)]);
  // the 财决01 row formulas belong to the year whose 行次 they encode
  wb.recognition.year = 2019;
  return wb;
}

/** Consistent workbook whose fund tables T8 / T9 are declared empty. */
function emptyFunds(): Workbook {
  return buildWorkbook(consistentTables(SEED, { classes: 3, sections: 2, items: 3, gfClasses: 0, socClasses: 0 }));
}

/** A 项 row of T3/T2/T5 (the generator shares one code tree) and its 款 parent. */
function leaf(wb: Workbook, kind: "T2" | "T3" | "T5" | "T8" | "T9" = "T3"): { item: string; section: string } {
  const item = firstCode(wb, kind, 3);
  return { item, section: item.slice(0, 5) };
}

interface Case {
  rule: string;
  make?: () => Workbook;
  mutate: (wb: Workbook) => void;
  expect: (wb: Workbook) => string[];
}

const CASES: Case[] = [
  { rule: "T1-a", mutate: (wb) => bump(wb, "T1", "inc_other", "amount", 1), expect: (wb) => [at(wb, "T1", "inc_total_year", "amount")] },
  { rule: "T1-f", mutate: (wb) => bump(wb, "T1", "exp_nature_project", "amount", 1), expect: (wb) => [at(wb, "T1", "exp_total_year", "amount")] },
  { rule: "T1-b", mutate: (wb) => bump(wb, "T1", "exp_total_year", "amount", 1), expect: (wb) => [at(wb, "T1", "exp_total_year", "amount")] },
  { rule: "T1-c", mutate: (wb) => bump(wb, "T1", "inc_begin_balance", "amount", 1), expect: (wb) => [at(wb, "T1", "inc_grand_total", "amount")] },
  { rule: "T1-d", mutate: (wb) => bump(wb, "T1", "exp_end_balance", "amount", 0.05), expect: (wb) => [at(wb, "T1", "exp_grand_total", "amount")] },
  {
    rule: "T1-e",
    mutate: (wb) => {
      bump(wb, "T1", "inc_begin_balance", "amount", 2);
      bump(wb, "T1", "inc_grand_total", "amount", 2);
    },
    expect: (wb) => [at(wb, "T1", "inc_grand_total", "amount")],
  },
  {
    rule: "T2-a",
    mutate: (wb) => bump(wb, "T2", leaf(wb, "T2").item, "fiscal", 0.5),
    expect: (wb) => [at(wb, "T2", leaf(wb, "T2").item, "total")],
  },
  {
    rule: "T3-a",
    mutate: (wb) => bump(wb, "T3", leaf(wb).item, "basic", 0.04),
    expect: (wb) => [at(wb, "T3", leaf(wb).item, "total")],
  },
  {
    rule: "T5-a",
    mutate: (wb) => bump(wb, "T5", leaf(wb, "T5").item, "project", -0.04),
    expect: (wb) => [at(wb, "T5", leaf(wb, "T5").item, "total")],
  },
  {
    rule: "T8-a",
    mutate: (wb) => bump(wb, "T8", firstCode(wb, "T8", 3), "exp_basic", 1),
    // both statements name the row's 本年支出合计 or 年末结转和结余; only the first breaks
    expect: (wb) => [at(wb, "T8", firstCode(wb, "T8", 3), "exp_total")],
  },
  {
    rule: "T9-a",
    mutate: (wb) => bump(wb, "T9", firstCode(wb, "T9", 3), "exp_project", 1),
    expect: (wb) => [at(wb, "T9", firstCode(wb, "T9", 3), "exp_total")],
  },
  // 年末 = 年初 + 收入 − 支出 is a convention: 核实 (the case checks the severity is the rule's "warning")
  {
    rule: "T8-b",
    mutate: (wb) => bump(wb, "T8", firstCode(wb, "T8", 3), "end_balance", 1),
    expect: (wb) => [at(wb, "T8", firstCode(wb, "T8", 3), "end_balance")],
  },
  {
    rule: "T9-b",
    mutate: (wb) => bump(wb, "T9", firstCode(wb, "T9", 3), "end_balance", 1),
    expect: (wb) => [at(wb, "T9", firstCode(wb, "T9", 3), "end_balance")],
  },
  ...(["T2", "T3", "T5"] as const).map(
    (kind): Case => ({
      rule: `H-${kind}`,
      // keep the row's own identity (total and one part move together) so only the roll-up breaks
      mutate: (wb) => {
        const { item } = leaf(wb, kind);
        bump(wb, kind, item, "total", 1);
        bump(wb, kind, item, kind === "T2" ? "other" : "project", 1);
      },
      expect: (wb) => {
        const { section } = leaf(wb, kind);
        return [at(wb, kind, section, "total"), at(wb, kind, section, kind === "T2" ? "other" : "project")].sort();
      },
    }),
  ),
  ...(["T8", "T9"] as const).map(
    (kind): Case => ({
      rule: `H-${kind}`,
      mutate: (wb) => {
        const item = firstCode(wb, kind, 3);
        bump(wb, kind, item, "begin_balance", 1);
        bump(wb, kind, item, "end_balance", 1);
      },
      expect: (wb) => {
        const section = firstCode(wb, kind, 3).slice(0, 5);
        return [at(wb, kind, section, "begin_balance"), at(wb, kind, section, "end_balance")].sort();
      },
    }),
  ),
  { rule: "T6-c", mutate: (wb) => bump(wb, "T6", "30102", "amount", 0.5), expect: (wb) => [at(wb, "T6", "301", "amount")] },
  ...(["SC5", "SC7"] as const).map(
    (kind): Case => ({
      rule: `H-${kind}`,
      mutate: (wb) => bump(wb, kind, "30101", "basic", 0.5),
      expect: (wb) => [at(wb, kind, "301", "basic")],
    }),
  ),
  {
    rule: "H-SC9",
    mutate: (wb) => bump(wb, "SC9", leaf(wb, "T5").item, "total", 0.5),
    expect: (wb) => [at(wb, "SC9", leaf(wb, "T5").section, "total")],
  },
  { rule: "X1", mutate: (wb) => { bump(wb, "T1", "inc_total_year", "amount", 1); bump(wb, "T1", "inc_other", "amount", 1); }, expect: (wb) => [at(wb, "T1", "inc_total_year", "amount")] },
  {
    rule: "X2",
    mutate: (wb) => {
      const cls = firstCode(wb, "T3", 1);
      bump(wb, "T1", cls, "amount", 1);
      bump(wb, "T1", "exp_total_year", "amount", 1);
    },
    expect: (wb) => [at(wb, "T1", firstCode(wb, "T3", 1), "amount"), at(wb, "T1", "exp_total_year", "amount")].sort(),
  },
  { rule: "X3", mutate: (wb) => bump(wb, "T4", "inc_total_year", "amount", 1), expect: (wb) => [at(wb, "T2", "total", "fiscal")] },
  {
    rule: "X4",
    mutate: (wb) => bump(wb, "T4", firstCode(wb, "T4", 1), "gf", 0.03),
    expect: (wb) => [at(wb, "T4", firstCode(wb, "T4", 1), "total")],
  },
  { rule: "X5", mutate: (wb) => bump(wb, "T4", "inc_begin_gf", "amount", 1), expect: (wb) => [at(wb, "T4", "inc_gf", "amount")] },
  {
    rule: "X6",
    mutate: (wb) => {
      const cls = firstCode(wb, "T5", 1);
      bump(wb, "T5", cls, "total", 1);
      bump(wb, "T5", cls, "basic", 1);
    },
    expect: (wb) => [at(wb, "T4", firstCode(wb, "T5", 1), "gpb")],
  },
  { rule: "X7", mutate: (wb) => bump(wb, "T6", "public_total", "amount", 1), expect: (wb) => [at(wb, "T5", "total", "basic")] },
  { rule: "X8", mutate: (wb) => { bump(wb, "T9", "total", "exp_total", 1); bump(wb, "T9", "total", "exp_basic", 1); }, expect: (wb) => [at(wb, "T4", "exp_total_year", "soc")] },
  {
    rule: "X9",
    mutate: (wb) => {
      const { item } = leaf(wb, "T5");
      const room = valueAt(wb, "T3", item, "total") - valueAt(wb, "T5", item, "total") + 1;
      bump(wb, "T5", item, "total", room);
      bump(wb, "T5", item, "basic", room);
    },
    expect: (wb) => [at(wb, "T5", leaf(wb, "T5").item, "total")],
  },
  // fiscal money is part of all money
  {
    rule: "X10",
    mutate: (wb) => put(wb, "T1", "inc_begin_balance", "amount", valueAt(wb, "T4", "inc_begin_balance", "amount") - 1),
    expect: (wb) => [at(wb, "T4", "inc_begin_balance", "amount")],
  },
  {
    rule: "X10",
    // the fund class (229) of T1 below T4's 政府性基金 column for that class
    mutate: (wb) => put(wb, "T1", firstCode(wb, "T8", 1), "amount", valueAt(wb, "T4", firstCode(wb, "T8", 1), "gf") - 0.5),
    expect: (wb) => [at(wb, "T4", firstCode(wb, "T8", 1), "gf")],
  },
  {
    rule: "X11",
    mutate: (wb) => {
      bump(wb, "T1", "inc_gf", "amount", 1);
      bump(wb, "T1", "inc_total_year", "amount", 1);
    },
    expect: (wb) => [at(wb, "T1", "inc_gf", "amount")],
  },
  { rule: "X12", mutate: (wb) => bump(wb, "T8", "total", "income", 1), expect: (wb) => [at(wb, "T4", "inc_gf", "amount")] },
  {
    rule: "X12",
    mutate: (wb) => {
      const cls = firstCode(wb, "T8", 1);
      bump(wb, "T4", cls, "gf", 1);
      bump(wb, "T4", cls, "total", 1);
    },
    expect: (wb) => [at(wb, "T4", firstCode(wb, "T8", 1), "gf")],
  },
  { rule: "X13", mutate: (wb) => bump(wb, "T9", "total", "begin_balance", 1), expect: (wb) => [at(wb, "T4", "inc_begin_soc", "amount")] },
  { rule: "X13", mutate: (wb) => bump(wb, "T9", "total", "end_balance", -1), expect: (wb) => [at(wb, "T4", "exp_end_balance", "soc")] },
  { rule: "X14", mutate: (wb) => bump(wb, "SC5", "total", "total", 1), expect: (wb) => [at(wb, "T4", "exp_total_year", "total")] },
  { rule: "X15", mutate: (wb) => bump(wb, "SC7", "total", "project", 1), expect: (wb) => [at(wb, "T5", "total", "project")] },
  { rule: "X16", mutate: (wb) => bump(wb, "SC9", "total", "total", 1), expect: (wb) => [at(wb, "T5", "total", "project")] },
  // 政府采购 (F03 is in 元: 100 元 is far beyond its ±0.005 元 rounding)
  { rule: "F03-a", mutate: (wb) => bump(wb, "F03", "f_procurement_works", "amount", 100), expect: (wb) => [at(wb, "F03", "f_procurement_total", "amount")] },
  { rule: "F03-b", mutate: (wb) => put(wb, "F03", "f_small_micro_contracts", "amount", 150001), expect: (wb) => [at(wb, "F03", "f_small_micro_contracts", "amount")] },
  {
    rule: "F03-b",
    mutate: (wb) => {
      put(wb, "F03", "f_sme_contracts", "amount", 200001);
    },
    expect: (wb) => [at(wb, "F03", "f_sme_contracts", "amount")],
  },
  { rule: "T6-a", mutate: (wb) => bump(wb, "T6", "personnel_total", "amount", 0.02), expect: (wb) => [at(wb, "T6", "personnel_total", "amount")] },
  { rule: "T6-b", mutate: (wb) => bump(wb, "T6", "310", "amount", 0.5), expect: (wb) => [at(wb, "T6", "public_total", "amount")] },
  { rule: "T7-a", mutate: (wb) => bump(wb, "T7", "sg_abroad", "final", 0.03), expect: (wb) => [at(wb, "T7", "sg_total", "final")] },
  { rule: "T7-b", mutate: (wb) => bump(wb, "T7", "sg_vehicle_purchase", "budget", 0.02), expect: (wb) => [at(wb, "T7", "sg_vehicle", "budget")] },
  {
    rule: "P-nonneg",
    mutate: (wb) => put(wb, "T3", leaf(wb).item, "upper", -0.5),
    expect: (wb) => [at(wb, "T3", leaf(wb).item, "upper")],
  },
  { rule: "P-balance", mutate: (wb) => put(wb, "T1", "exp_end_balance", "amount", -1), expect: (wb) => [at(wb, "T1", "exp_end_balance", "amount")] },
  {
    rule: "P-fiscal-nonneg",
    mutate: (wb) => put(wb, "T8", firstCode(wb, "T8", 3), "income", -2),
    expect: (wb) => [at(wb, "T8", firstCode(wb, "T8", 3), "income")],
  },
  {
    rule: "P-admin",
    // F03 is in 元: 51 元 over 公用经费合计 (±50 元 at 0.01 万元) cannot be rounding
    mutate: (wb) => put(wb, "F03", "f_admin_cost", "amount", Math.round(valueAt(wb, "T6", "public_total", "amount") * 10000) + 51),
    expect: (wb) => [at(wb, "F03", "f_admin_cost", "amount")],
  },
  {
    rule: "P-30217",
    mutate: (wb) => {
      const over = valueAt(wb, "T7", "sg_reception", "final") - valueAt(wb, "T6", "30217", "amount") + 0.5;
      bump(wb, "T6", "30217", "amount", over);
    },
    expect: (wb) => [at(wb, "T6", "30217", "amount")],
  },
  {
    rule: "P-30231",
    mutate: (wb) => {
      const over = valueAt(wb, "T7", "sg_vehicle_operation", "final") - valueAt(wb, "T6", "30231", "amount") + 0.5;
      bump(wb, "T6", "30231", "amount", over);
    },
    expect: (wb) => [at(wb, "T6", "30231", "amount")],
  },
  {
    rule: "E-T8",
    make: emptyFunds,
    mutate: (wb) => {
      const cls = firstCode(wb, "T4", 1);
      bump(wb, "T4", cls, "gf", 3);
    },
    expect: (wb) => [at(wb, "T4", firstCode(wb, "T4", 1), "gf")],
  },
  {
    rule: "E-T9",
    make: emptyFunds,
    mutate: (wb) => bump(wb, "T4", "exp_end_balance", "soc", 0.5),
    expect: (wb) => [at(wb, "T4", "exp_end_balance", "soc")],
  },
  { rule: "Z01-1", mutate: (wb) => bump(wb, "Z01", "L3", "final", 1), expect: (wb) => [at(wb, "Z01", "L27", "final")] },
  { rule: "Z01-2", mutate: (wb) => bump(wb, "Z01", "L28", "budget_initial", 1), expect: (wb) => [at(wb, "Z01", "L31", "budget_initial")] },
  { rule: "Z01-3", mutate: (wb) => bump(wb, "Z01", "L60", "final", 1), expect: (wb) => [at(wb, "Z01", "L58", "final")] },
  { rule: "Z01-4", mutate: (wb) => put(wb, "Z01", "L62", "final", valueAt(wb, "Z01", "L61", "final") + 0.02), expect: (wb) => [at(wb, "Z01", "L61", "final")] },
  {
    rule: "Z01-5",
    mutate: (wb) => {
      bump(wb, "Z01", "L40", "budget_adjusted", 1);
    },
    expect: (wb) => [at(wb, "Z01", "L84", "budget_adjusted")],
  },
  { rule: "Z01-6", mutate: (wb) => bump(wb, "Z01", "L85", "final", 1), expect: (wb) => [at(wb, "Z01", "L88", "final")] },
  {
    rule: "Z01-7",
    mutate: (wb) => {
      bump(wb, "Z01", "L29", "final", 1);
      bump(wb, "Z01", "L31", "final", 1);
    },
    expect: (wb) => [at(wb, "Z01", "L31", "final")],
  },
  { rule: "Z01-8", mutate: (wb) => put(wb, "Z01", "L33", "final", -5), expect: (wb) => [at(wb, "Z01", "L33", "final")] },
];

describe("built-in rules: conformance", () => {
  it("has a failing case for every built-in rule", () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(BUILTIN_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it("passes every rule on a consistent workbook, and every rule compiles to checks", () => {
    const wb = full();
    const { result, program } = run(wb);
    expect(result.findings.map((f) => f.message)).toEqual([]);
    expect(result.ruleErrors).toEqual([]);
    const ranHere = BUILTIN_RULES.map((r) => r.id).filter((id) => !id.startsWith("E-"));
    for (const id of ranHere) expect({ id, checks: checksOf(program, id) > 0 }).toEqual({ id, checks: true });
    // E-* only apply to tables declared empty
    expect(checksOf(program, "E-T8")).toBe(0);
  });

  it("passes E-T8 / E-T9 when the fund tables are declared empty and nothing else claims fund money", () => {
    const wb = emptyFunds();
    const { result, program } = run(wb);
    expect(result.findings.map((f) => f.message)).toEqual([]);
    expect(checksOf(program, "E-T8")).toBeGreaterThan(0);
    expect(checksOf(program, "E-T9")).toBeGreaterThan(0);
  });

  for (const c of CASES) {
    it(`${c.rule} fails with the expected target cells`, () => {
      const wb = (c.make ?? full)();
      const before = run(wb).result;
      expect(targetsOf(before, c.rule)).toEqual([]);
      c.mutate(wb);
      const { result } = run(wb);
      expect(targetsOf(result, c.rule)).toEqual(c.expect(wb));
      const rule = BUILTIN_RULES.find((r) => r.id === c.rule)!;
      for (const f of result.findings.filter((x) => x.rule === c.rule)) {
        expect(f.severity).toBe(rule.severity);
        expect(f.message.startsWith(rule.message.zh)).toBe(true);
        expect(f.id).toMatch(/^[0-9a-f]{16}$/);
      }
    });
  }

  it("declared-empty T8 with amounts in it is flagged (E-T8)", () => {
    const tables = consistentTables(SEED, { classes: 2, gfClasses: 1, socClasses: 0 });
    tables.find((t) => t.kind === "T8")!.empty = true;
    const wb = buildWorkbook(tables);
    const { result } = run(wb);
    const t8 = wb.recognition.tables.find((t) => t.kind === "T8")!;
    const nonZero = t8.rows.flatMap((r) => Object.values(r.cells).filter((c) => c.reading.kind === "amount" && c.reading.value !== 0).map((c) => `${c.sheet}!${c.address}`));
    expect(nonZero.length).toBeGreaterThan(0);
    const targets = targetsOf(result, "E-T8");
    for (const cell of nonZero) expect(targets).toContain(cell);
    expect(result.findings.filter((f) => f.rule === "E-T8").every((f) => f.code === "not-empty")).toBe(true);
  });

  it("reports rules whose tables are absent as skipped, never as passed", () => {
    const wb = buildWorkbook(consistentTables(SEED).filter((t) => t.kind === "T1"));
    const { result } = run(wb);
    const skipped = new Map(result.skipped.map((s) => [s.rule, s]));
    expect(skipped.get("X1")?.reason).toBe("tables-absent");
    expect(skipped.get("X1")?.tables).toEqual(["T2"]);
    expect(skipped.get("T3-a")?.tables).toEqual(["T3"]);
    expect(skipped.has("T1-a")).toBe(false);
  });
});
