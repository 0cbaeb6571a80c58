import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { BUILTIN_RULES, compileForWorkbook, evaluate, layoutFingerprint, parseRulesText, validate } from "../../../src/core/rules/index";
import { renderRuleError } from "../../../src/core/i18n/findings";
import { buildWorkbook, plainSheet, setCell } from "./support/builder";
import type { TableSpec } from "./support/builder";
import { at, bump, put, run, targetsOf, valueAt } from "./support/context";
import { consistentTables, consistentWorkbook } from "./support/generate";
import { fixture } from "../../fixtures/index";
import { recognize } from "../../../src/core/recognize/index";
import { rowPlaces } from "../../../src/core/recognize/cell";

/** A small T3 with one class, one category and two items. */
function smallT3(): TableSpec {
  return {
    kind: "T3",
    columns: ["total", "basic", "project"],
    rows: [
      { key: "total", label: "合计", values: { total: 3172.05, basic: 2303.2, project: 868.85 } },
      { key: "201", label: "一般公共服务支出", values: { total: 3172.05, basic: 2303.2, project: 868.85 } },
      { key: "20103", label: "政府办公厅（室）及相关机构事务", values: { total: 3164.76, basic: 2295.91, project: 868.85 } },
      { key: "2010301", label: "行政运行", values: { total: 2295.91, basic: 2295.91, project: null } },
      { key: "2010302", label: "一般行政管理事务", values: { total: 868.85, basic: null, project: 868.85 } },
      { key: "20132", label: "组织事务", values: { total: 7.29, basic: 7.29, project: null } },
      { key: "2013299", label: "其他组织事务支出", values: { total: 7.29, basic: 7.29, project: null } },
    ],
  };
}

const ONLY = (id: string, expression: string) => [{ id, severity: "error" as const, expression, message: { zh: `规则${id}`, en: `rule ${id}` } }];

describe("rule engine", () => {
  it("generates roll-ups from the code column (类 = Σ款, 款 = Σ项, 合计 = Σ类)", () => {
    const wb = buildWorkbook([smallT3()]);
    const { result, program } = run(wb, { builtin: ONLY("H", "ROLLUP(T3)") });
    expect(result.findings).toEqual([]);
    // per column: 合计=Σ类, 201=Σ款, 20103=Σ项, 20132=Σ项 → 4 checks × 3 columns
    expect(program.checks.length).toBe(12);
    put(wb, "T3", "2010301", "basic", 2295.95);
    const after = run(wb, { builtin: ONLY("H", "ROLLUP(T3)") }).result;
    expect(targetsOf(after, "H")).toEqual([at(wb, "T3", "20103", "basic")]);
    expect(after.findings[0].message).toBe("规则H：「T3 支出决算表」C5（政府办公厅（室）及相关机构事务·basic） 2295.91 ≠ 2295.95 + 0.00 = 2295.95（容差 ±0.015）");
  });

  it("evaluates SUM over code levels, Chinese labels and printed row labels", () => {
    const wb = buildWorkbook([smallT3()]);
    const ok = run(wb, { builtin: ONLY("S", "T3[合计, 合计] = SUM(T3[*类*, total]); T3[行政运行, basic] + T3[一般行政管理事务, project] + T3[2013299, basic] = T3[201, total]") });
    expect(ok.result.findings).toEqual([]);
    expect(ok.program.checks.length).toBe(2);
  });

  it("expands a bare wildcard into one check per cell and reports two bare wildcards as a rule error", () => {
    const wb = buildWorkbook([smallT3()]);
    put(wb, "T3", "2010302", "project", -1);
    const { result } = run(wb, { builtin: ONLY("N", "T3[*, *] >= 0") });
    expect(targetsOf(result, "N")).toEqual([at(wb, "T3", "2010302", "project")]);
    expect(result.findings[0].code).toBe("negative");
    const bad = run(wb, { builtin: ONLY("W", "T3[*, basic] = T3[*, total]") }).result;
    expect(bad.ruleErrors).toHaveLength(1);
    expect(bad.ruleErrors[0]).toMatchObject({ ruleId: "W", position: 15 });
  });

  it("reads user rules from the 「审核公式」 sheet: adds, overrides, and reports bad formulas by row and position", () => {
    const tables = consistentTables(3);
    const sheet = plainSheet("审核公式", [
      ["本单位补充审核公式"],
      ["编号", "级别", "公式", "说明"],
      ["U1", "核实", "T3[total, basic] <= 0", "基本支出应为零（故意违反）"],
      ["T1-e", "强制", "T1[inc_grand_total] = T1[exp_grand_total] + 1", "被覆盖的内置规则"],
      ["U2", "强制", "T3[total, basic] = T3[total, ", "坏公式"],
      ["U3", "随便", "T3[total, basic] >= 0", "坏级别"],
    ]);
    const wb = buildWorkbook(tables, [sheet]);
    const { result } = run(wb);
    expect(targetsOf(result, "U1")).toEqual([at(wb, "T3", "total", "basic")]);
    expect(result.findings.find((f) => f.rule === "U1")!.severity).toBe("warning");
    expect(result.findings.find((f) => f.rule === "U1")!.message.startsWith("基本支出应为零（故意违反）：")).toBe(true);
    expect(targetsOf(result, "T1-e")).toEqual([at(wb, "T1", "inc_grand_total", "amount")]);
    expect(result.skipped).toContainEqual({ rule: "T1-e", reason: "overridden", tables: [] });
    expect(result.ruleErrors).toHaveLength(2);
    expect(result.ruleErrors[0]).toMatchObject({ source: { sheet: "审核公式", row: 5 }, ruleId: "U2", position: 28 });
    expect(result.ruleErrors[0].message).toContain("第 29 个字符");
    expect(renderRuleError(result.ruleErrors[0], "zh-CN").startsWith("「审核公式」第 5 行：")).toBe(true);
    expect(result.ruleErrors[1]).toMatchObject({ source: { sheet: "审核公式", row: 6 }, ruleId: "U3" });
    // the other built-in rules still ran
    expect(result.checks).toBeGreaterThan(100);
  });

  it("parses rules files as TSV or quoted CSV", () => {
    const tsv = "编号\t级别\t公式\t说明\nR1\terror\tT3[total, basic] >= 0\t基本支出非负\nR2\twarning\tT3[total, basic] >=\t坏\n";
    const a = parseRulesText(tsv, "rules.tsv");
    expect(a.rules.map((r) => [r.id, r.severity])).toEqual([["R1", "error"]]);
    expect(a.errors).toEqual([expect.objectContaining({ source: { file: "rules.tsv", line: 3 }, ruleId: "R2", position: 19 })]);
    const csv = '\ufeff编号,级别,公式,说明\nR1,核实,"T3[total, basic] <= T2[total, total]","含逗号的公式要加引号"\n';
    const b = parseRulesText(csv, "rules.csv");
    expect(b.errors).toEqual([]);
    expect(b.rules[0]).toMatchObject({ id: "R1", severity: "warning", expression: "T3[total, basic] <= T2[total, total]" });
    const wb = consistentWorkbook(4);
    const res = validate(wb.recognition, wb.snapshot, { userRules: [{ text: "编号\t级别\t公式\nZ\t强制\tT3[total, total] = 0", fileName: "x.tsv" }] });
    expect(res.findings.map((f) => f.rule)).toEqual(["Z"]);
  });

  it("gives stable ids that survive reruns, change with the numbers, and can be suppressed", () => {
    const wb = consistentWorkbook(5);
    bump(wb, "T1", "inc_other", "amount", 1);
    const first = run(wb).result.findings.filter((f) => f.rule === "T1-a");
    const again = run(wb).result.findings.filter((f) => f.rule === "T1-a");
    expect(first.map((f) => f.id)).toEqual(again.map((f) => f.id));
    const suppressed = new Set(first.map((f) => f.id));
    expect(run(wb, { suppressed }).result.findings.filter((f) => f.rule === "T1-a")).toEqual([]);
    bump(wb, "T1", "inc_other", "amount", 1);
    const changed = run(wb, { suppressed }).result.findings.filter((f) => f.rule === "T1-a");
    expect(changed).toHaveLength(1);
    expect(changed[0].id).not.toBe(first[0].id);
  });

  it("reports unreadable cells (READ) and marks rules touching them unevaluable", () => {
    const wb = buildWorkbook([smallT3()]);
    put(wb, "T3", "2010301", "basic", "#REF!");
    const { result } = run(wb, { builtin: ONLY("H", "ROLLUP(T3)") });
    const read = result.findings.filter((f) => f.rule === "READ");
    expect(read.map((f) => `${f.target.sheet}!${f.target.address}`)).toEqual([at(wb, "T3", "2010301", "basic")]);
    expect(read[0].message).toContain("“#REF!”");
    const h = result.findings.filter((f) => f.rule === "H");
    expect(h.map((f) => f.code)).toEqual(["unevaluable"]);
    expect(h[0].target.address).toBe(at(wb, "T3", "20103", "basic").split("!")[1]);
  });

  it("renders en-US messages from the same finding", () => {
    const wb = buildWorkbook([smallT3()]);
    put(wb, "T3", "2010301", "basic", 2295.95);
    const f = run(wb, { builtin: ONLY("H", "ROLLUP(T3)"), lang: "en-US" }).result.findings[0];
    expect(f.message).toBe("rule H: 'T3 支出决算表'!C5 (政府办公厅（室）及相关机构事务·basic) 2295.91 ≠ 2295.95 + 0.00 = 2295.95 (tolerance ±0.015)");
  });

  it("re-checks only the checks touching an edited cell, with the same result as a full run", () => {
    const wb = consistentWorkbook(6, { classes: 5 });
    const program = compileForWorkbook(wb.recognition, wb.snapshot);
    const evaluation = evaluate(program, wb.snapshot);
    expect(evaluation.result.findings).toEqual([]);
    const cell = at(wb, "T3", "total", "basic");
    const [sheet, address] = cell.split("!");
    setCell(wb.snapshot, sheet, address, 1e6);
    const inc = evaluation.recheck([{ sheet, address }]);
    expect(inc.rechecked).toBeGreaterThan(0);
    expect(inc.rechecked).toBeLessThan(10);
    const full = run(wb).result;
    expect(inc.findings.map((f) => f.id).sort()).toEqual(full.findings.map((f) => f.id).sort());
    expect(inc.findings.length).toBeGreaterThan(0);
    expect(evaluation.result.findings).toEqual(inc.findings);
    expect(evaluation.recheck([{ sheet: "nowhere", address: "A1" }]).unknownCells).toEqual([{ sheet: "nowhere", address: "A1" }]);
  });

  it("keeps two evaluations of one program apart: each re-checks its own workbook", () => {
    const wb = consistentWorkbook(6, { classes: 5 });
    const program = compileForWorkbook(wb.recognition, wb.snapshot);
    const a = wb.snapshot;
    const b = structuredClone(a);
    const [sheetX, addressX] = at(wb, "T3", "total", "basic").split("!");
    const [sheetY, addressY] = at(wb, "T1", "inc_other", "amount").split("!");
    const originalX = valueAt(wb, "T3", "total", "basic");
    setCell(b, sheetX, addressX, 1e6);
    const evA = evaluate(program, a);
    const evB = evaluate(program, b);
    expect(evA.result.findings).toEqual([]);
    const bFindings = evB.result.findings.map((f) => f.id).sort();
    expect(bFindings.length).toBeGreaterThan(0);
    const ids = (snapshot: typeof a) => evaluate(program, snapshot).result.findings.map((f) => f.id).sort();

    // an edit to A, re-checked on A's evaluation: A's findings only (none of B's edit)
    setCell(a, sheetY, addressY, 12345.67);
    const reA = evA.recheck([{ sheet: sheetY, address: addressY }]);
    expect(reA.findings.length).toBeGreaterThan(0);
    expect(reA.findings.map((f) => f.id).sort()).toEqual(ids(a));
    expect(reA.findings.some((f) => f.target.sheet === sheetX && f.target.address === addressX)).toBe(false);
    // B's evaluation is untouched by A's
    expect(evB.result.findings.map((f) => f.id).sort()).toEqual(bFindings);

    // undo B's edit, re-checked on B's evaluation: B is consistent again, A keeps its finding
    setCell(b, sheetX, addressX, originalX);
    const reB = evB.recheck([{ sheet: sheetX, address: addressX }]);
    expect(reB.findings).toEqual([]);
    expect(evA.result.findings.map((f) => f.id).sort()).toEqual(ids(a));
    // and re-checking A on B's cell changes nothing in A (that cell holds A's own value)
    expect(evA.recheck([{ sheet: sheetX, address: addressX }]).findings.map((f) => f.id).sort()).toEqual(ids(a));
  });

  it("reuses a compiled program across value edits (same layout fingerprint), not across layout changes", () => {
    const wb = consistentWorkbook(8);
    const fp = layoutFingerprint(wb.recognition, BUILTIN_RULES);
    expect(validate(wb.recognition, wb.snapshot).findings).toEqual([]);
    bump(wb, "T1", "inc_other", "amount", 1);
    expect(layoutFingerprint(wb.recognition, BUILTIN_RULES)).toBe(fp);
    const cached = validate(wb.recognition, wb.snapshot);
    const fresh = validate(wb.recognition, wb.snapshot, { cache: false });
    expect(cached.findings.map((f) => f.id)).toEqual(fresh.findings.map((f) => f.id));
    expect(cached.findings.length).toBeGreaterThan(0);
    const moved = structuredClone(wb.recognition);
    moved.tables[0].rows[0].cells.amount!.row += 1;
    expect(layoutFingerprint(moved, BUILTIN_RULES)).not.toBe(fp);
    const emptied = structuredClone(wb.recognition);
    emptied.tables.find((t) => t.kind === "T8")!.empty = !emptied.tables.find((t) => t.kind === "T8")!.empty;
    expect(layoutFingerprint(emptied, BUILTIN_RULES)).not.toBe(fp);
  });

  it("fingerprints a layout the same whether its rows' cells are built or not, and builds none of them", () => {
    for (const name of ["seed-sichuan", "seed-national"] as const) {
      const { snapshot } = fixture(name);
      const rec = recognize(snapshot);
      const lazyRows = () => rec.tables.flatMap((t) => t.rows).filter((r) => rowPlaces(r) !== undefined).length;
      const before = lazyRows();
      expect(before).toBeGreaterThan(0);
      const fp = layoutFingerprint(rec, BUILTIN_RULES);
      expect(lazyRows()).toBe(before);
      for (const t of rec.tables) for (const r of t.rows) void r.cells;
      expect(lazyRows()).toBe(0);
      expect(layoutFingerprint(rec, BUILTIN_RULES)).toBe(fp);
    }
  });

  it("skips checks that need a row or column recognition reported missing, instead of comparing with 0", () => {
    const tables = consistentTables(9);
    const wb = buildWorkbook(tables.map((t) => (t.kind === "T2" ? { ...t, rows: t.rows.filter((r) => r.key !== "total") } : t)));
    wb.recognition.tables.find((t) => t.kind === "T2")!.missingRows = ["total"];
    const { result } = run(wb);
    expect(result.findings).toEqual([]);
    expect(result.skipped).toContainEqual({ rule: "X1", reason: "cells-absent", tables: ["T2"] });
    // a 类 one table lists and the other does not print is a gap too: the tie is listed as not run, not compared with 0
    const wb2 = buildWorkbook(tables.map((t) => (t.kind === "T3" ? { ...t, rows: t.rows.filter((r) => r.key !== "201") } : t)));
    const r2 = run(wb2).result;
    expect(targetsOf(r2, "X2")).toEqual([]);
    expect(r2.skipped.find((s) => s.rule === "X2" && s.reason === "side-not-printed")).toMatchObject({ tables: ["T3"], missing: ["T3[201, total]"] });
  });

  it("does not compare a total with rows the layout does not print (no 类 rows; no by-nature rows)", () => {
    const tables = consistentTables(9);
    // Older template: the 支出 side lists no 类 rows at all — T1-b has nothing to sum, so it is a gap, not "total = 0".
    const noClasses = buildWorkbook(tables.map((t) => (t.kind === "T1" ? { ...t, rows: t.rows.filter((r) => !/^\d+$/.test(r.key)) } : t)));
    const r1 = run(noClasses).result;
    expect(r1.findings.filter((f) => f.rule === "T1-b")).toEqual([]);
    expect(r1.skipped).toContainEqual({ rule: "T1-b", reason: "cells-absent", tables: ["T1"] });
    // Current template: no by-nature rows, so T1-f is skipped the same way, and nothing is reported.
    const r2 = run(buildWorkbook(tables)).result;
    expect(r2.findings).toEqual([]);
    expect(r2.skipped).toContainEqual({ rule: "T1-f", reason: "cells-absent", tables: ["T1"] });
  });

  it("compares a 元 table with a 万元 table after scaling, intervals included", () => {
    const t6: TableSpec = { kind: "T6", columns: ["amount"], rows: [{ key: "public_total", values: { amount: 494.68 } }] };
    const f03 = (yuan: number): TableSpec => ({ kind: "F03", unit: "元", columns: ["amount"], rows: [{ key: "f_admin_cost", values: { amount: yuan } }] });
    const rule = ONLY("P", "F03[f_admin_cost] <= T6[public_total]");
    expect(run(buildWorkbook([t6, f03(4946849.99)]), { builtin: rule }).result.findings).toEqual([]);
    expect(run(buildWorkbook([t6, f03(4946850.01)]), { builtin: rule }).result.findings).toHaveLength(1);
  });
});
