/**
 * Completeness (C-tables, C-empty-note): the tables of the published layout are all present, a missing one is
 * named; a table without figures carries its note. Both 核实, only for public layouts (national nine, Sichuan's
 * thirteen), each checked in several variants.
 */
import { expect } from "../../../support/expect";
import { describe, it } from "mocha";
import { completenessFindings, LAYOUT_TABLES, validate } from "../../../../src/core/rules/index";
import { TABLE_KINDS } from "../../../../src/core/catalog/vocabulary";
import type { TableKind } from "../../../../src/core/catalog/vocabulary";
import type { TableSpec } from "../support/builder";
import { buildWorkbook } from "../support/builder";
import type { Workbook } from "../support/context";
import { extraTables } from "../support/context";
import { consistentTables } from "../support/generate";

function specs(seed: number, gf = 1, soc = 1): TableSpec[] {
  const t = consistentTables(seed, { classes: 2, gfClasses: gf, socClasses: soc });
  return [...t, ...extraTables(t)];
}

/** A workbook of the given layout's tables (as recognition would mark their variant), less `drop`. */
function disclosure(layout: "national" | "sichuan", seed: number, drop: TableKind[] = [], edit?: (s: TableSpec[]) => TableSpec[]): Workbook {
  let all = specs(seed);
  // SC12 (政府性基金 三公) is not generated: a T7-shaped copy
  all.push({ ...all.find((t) => t.kind === "T7")!, kind: "SC12" });
  const kinds = LAYOUT_TABLES[layout];
  all = all.filter((t) => kinds.includes(t.kind) && !drop.includes(t.kind));
  if (edit) all = edit(all);
  const wb = buildWorkbook(all);
  for (const v of wb.recognition.tables) v.variant = layout;
  return wb;
}

const rulesOf = (wb: Workbook) => completenessFindings(wb.recognition).map((f) => `${f.rule}:${f.table}`);

describe("C-tables: every table of the layout is present", () => {
  for (const layout of ["national", "sichuan"] as const)
    for (const seed of [1, 2, 3]) {
      it(`${layout} (seed ${seed}): all ${LAYOUT_TABLES[layout].length} present → nothing`, () => {
        expect(rulesOf(disclosure(layout, seed))).toEqual([]);
      });
    }

  it("national without T7: names the missing table, 核实", () => {
    const wb = disclosure("national", 4, ["T7"]);
    const found = completenessFindings(wb.recognition);
    expect(found.map((f) => [f.rule, f.code, f.severity, f.table])).toEqual([["C-tables", "table-missing", "warning", "T7"]]);
    expect(found[0].message).toBe(`公开表不完整：全国统一的九张公开表中缺少第 7 张「${TABLE_KINDS.T7}」（共缺 1 张）；没有数据的表也应公开并注明「本表无数据」`);
    expect(completenessFindings(wb.recognition, "en-US")[0].message).toContain('lack no. 7, "财政拨款“三公”经费支出决算表" (1 missing in all)');
    expect(found[0].basis).toBe("template");
  });

  it("Sichuan without 附表12 and 附表9: both named, in the layout's order", () => {
    const wb = disclosure("sichuan", 5, ["SC12", "SC9"]);
    const found = completenessFindings(wb.recognition);
    expect(found.map((f) => `${f.rule}:${f.table}:${f.params.position}`)).toEqual(["C-tables:SC9:9", "C-tables:SC12:12"]);
    expect(found[0].message).toContain("四川公开模板的十三张附表中缺少第 9 张");
  });

  it("a national disclosure missing its fund tables: T8 and T9 named", () => {
    expect(rulesOf(disclosure("national", 6, ["T8", "T9"]))).toEqual(["C-tables:T8", "C-tables:T9"]);
  });

  it("MOF exports and layouts of no known disclosure are not checked", () => {
    const wb = buildWorkbook(specs(7).filter((t) => t.kind === "T1" || t.kind === "Z01"));
    expect(rulesOf(wb)).toEqual([]);
    for (const v of wb.recognition.tables) v.variant = `mof-${v.kind}`;
    expect(rulesOf(wb)).toEqual([]);
  });
});

describe("C-empty-note: a table without figures carries its note", () => {
  const emptyT8 = (s: TableSpec[]) => s.map((t) => (t.kind === "T8" ? { ...t, rows: [], empty: false } : t));
  const zeroT9 = (s: TableSpec[]) =>
    s.map((t) => (t.kind === "T9" ? { ...t, empty: false, rows: [{ key: "total", label: "合计", values: Object.fromEntries(t.columns.map((c) => [c, 0])) }] } : t));

  it("T8 printed with no rows and no note → 核实 at its title", () => {
    const wb = disclosure("national", 8, [], emptyT8);
    const found = completenessFindings(wb.recognition);
    expect(found.map((f) => [f.rule, f.code, f.severity, f.table])).toEqual([["C-empty-note", "empty-without-note", "warning", "T8"]]);
    const t8 = wb.recognition.tables.find((t) => t.kind === "T8")!;
    expect(found[0].target).toMatchObject({ sheet: t8.sheet, address: "A1" });
    expect(found[0].message).toBe(`「${t8.sheet}」的「${TABLE_KINDS.T8}」没有数据，但未注明原因（如「本单位无…，故本表无数据」），请补充说明`);
  });

  it("T9 printed with 0.00 only and no note → 核实 (Sichuan)", () => {
    expect(rulesOf(disclosure("sichuan", 9, [], zeroT9))).toEqual(["C-empty-note:T9"]);
  });

  it("the same tables with their note (recognised as empty, or with the note kept) → nothing", () => {
    const declared = disclosure("national", 10, [], (s) => emptyT8(s).map((t) => (t.kind === "T8" ? { ...t, empty: true } : t)));
    expect(rulesOf(declared)).toEqual([]);
    const noted = disclosure("sichuan", 11, [], zeroT9);
    const t9 = noted.recognition.tables.find((t) => t.kind === "T9")!;
    t9.emptyNote = { text: "本部门无国有资本经营预算财政拨款收入和支出，故本表为空表", sheet: t9.sheet, address: "A4" };
    expect(rulesOf(noted)).toEqual([]);
  });

  it("a table with one figure is not empty", () => {
    const wb = disclosure("national", 12, [], (s) => zeroT9(s).map((t) => (t.kind === "T9" ? { ...t, rows: [{ key: "total", label: "合计", values: { ...t.rows[0].values, exp_total: 0.01 } }] } : t)));
    expect(rulesOf(wb)).not.toContain("C-empty-note:T9");
  });
});

describe("completeness findings in validate()", () => {
  it("are added and counted as 核实, and a suppressed one is left out", () => {
    const wb = disclosure("national", 13, ["T6"]);
    const r = validate(wb.recognition, wb.snapshot, { cache: false });
    const c = r.findings.filter((f) => f.rule === "C-tables");
    expect(c.map((f) => f.table)).toEqual(["T6"]);
    expect(r.counts.warning).toBe(r.findings.filter((f) => f.severity === "warning").length);
    const again = validate(wb.recognition, wb.snapshot, { cache: false, suppressed: new Set([c[0].id]) });
    expect(again.findings.some((f) => f.rule === "C-tables")).toBe(false);
  });
});
