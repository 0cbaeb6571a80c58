// Recognition of layouts as real published workbooks print them (test/fixtures/published): empty tables with their
// note, the national horizontal 三公 table, wrapped subject names, header lines naming the unit and year, headers as
// converters leave them. Every table found with all its amounts, nothing unplaced or unreadable, no 强制 finding.
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { recognize, cellOf, type RecognitionResult } from "../../../src/core/recognize";
import { renderRecognitionReport } from "../../../src/core/i18n/recognition";
import { validate } from "../../../src/core/rules";
import { generateNarrative, parseInputsSheet, verifyNarrative } from "../../../src/core/narrative";
import { PUBLISHED, type PublishedFixture } from "../../fixtures/published";
import { fixture } from "../../fixtures";
import { TABLE_DEFS } from "../../../src/core/catalog/tables";
import { book, misplacedAmounts, sheet } from "./build";

function readsEverything(f: PublishedFixture, r: RecognitionResult): void {
  const found = r.tables.map((t) => `${t.kind}@${t.sheet}`).sort();
  expect(found).toEqual(f.tables.map((t) => `${t.kind}@${t.sheet}`).sort());
  for (const e of f.tables) {
    const t = r.tables.find((x) => x.kind === e.kind && x.sheet === e.sheet)!;
    expect({ kind: t.kind, unit: t.unit, empty: t.empty }).toEqual({ kind: e.kind, unit: e.unit, empty: e.empty });
  }
  expect(misplacedAmounts(r, f.expected)).toEqual([]);
  expect(r.tables.flatMap((t) => t.unplacedRows.map((u) => `${t.kind}:${u.sheetRow}:${u.label}`))).toEqual([]);
  expect(r.tables.flatMap((t) => [...t.missingRows, ...t.missingColumns].map((m) => `${t.kind}:${m}`))).toEqual([]);
  expect(r.issues.filter((i) => i.code === "unreadable-cell" || i.code === "ambiguous-table" || i.code === "duplicate-table")).toEqual([]);
}

const names = Object.keys(PUBLISHED);

for (const name of names) describe(`published layout ${name}`, () => {
  const f = PUBLISHED[name]();
  const r = recognize(f.snapshot);

  it("finds every table with its kind, unit and emptiness, reads every amount at its address, leaves nothing unread", () => {
    readsEverything(f, r);
  });

  it("raises no 强制 finding", () => {
    const v = validate(r, f.snapshot);
    expect(v.findings.filter((x) => x.severity === "error").map((x) => `${x.rule} ${x.message}`)).toEqual([]);
  });
});

describe("empty tables with their note", () => {
  const variants = names.filter((n) => n.startsWith("empty-"));
  it("has twelve variants (three positions × four wordings)", () => expect(variants).toHaveLength(12));

  for (const name of variants) it(`${name}: keeps the note apart with its cell; no READ; the table reads as zeros`, () => {
    const f = PUBLISHED[name]();
    const r = recognize(f.snapshot);
    for (const [kind, note] of Object.entries(f.notes!)) {
      const t = r.tables.find((x) => x.kind === kind)!;
      expect(t.empty).toBe(true);
      expect(t.emptyNote).toEqual(note);
    }
    expect(r.issues.filter((i) => i.code === "unreadable-cell")).toEqual([]);
    const v = validate(r, f.snapshot);
    expect(v.findings.filter((x) => x.code === "unreadable")).toEqual([]);
    const report = renderRecognitionReport(r, "zh-CN").join("\n");
    expect(report).toContain(`表内注明无数据（「${f.notes!.T8!.sheet}」${f.notes!.T8!.address}`);
  });

  it("marks a table printed without any figure and without a note as empty, with no note", () => {
    const r = recognize(
      book(
        sheet("表9", [
          ["国有资本经营预算财政拨款收入支出决算表"], [null, null, null, null, null, null, null, "单位：万元"],
          ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", null, null, "年末结转和结余"],
          [null, null, null, null, "小计", "基本支出", "项目支出", null],
          ["合计"],
        ]),
      ),
    );
    expect(r.tables[0]).toMatchObject({ kind: "T9", empty: true });
    expect(r.tables[0].emptyNote).toBeUndefined();
    expect(renderRecognitionReport(r, "zh-CN").join("\n")).toContain("表内无任何数据，也未注明无数据");
  });
});

describe("the national horizontal 三公 table", () => {
  const variants = names.filter((n) => n.startsWith("sangong-"));
  const canonical = fixture("shiquanlu-national");
  const inputs = parseInputsSheet(canonical.snapshot);
  const reference = generateNarrative(recognize(canonical.snapshot), inputs, { style: "shanghai" });
  const s7 = (n: ReturnType<typeof generateNarrative>) => n.sections.find((x) => x.id === "s7")!.paragraphs.map((p) => p.text).join("\n");

  for (const name of variants) it(`${name}: reads 预算数 and 决算数 of all six items, a prior-year group is not taken for them`, () => {
    const f = PUBLISHED[name]();
    const t = recognize(f.snapshot).tables.find((x) => x.kind === "T7")!;
    expect(t.columns.map((c) => c.role).sort()).toEqual(["budget", "final"]);
    for (const [key, v] of Object.entries(f.dataset.t7)) {
      const read = (role: "budget" | "final") => {
        const c = cellOf(t, key, role);
        return c?.reading.kind === "amount" ? c.reading.value : c?.reading.kind === "blank" ? 0 : Number.NaN;
      };
      expect({ key, budget: read("budget"), final: read("final") }).toEqual({ key, budget: v!.budget, final: v!.final });
    }
  });

  for (const name of variants) it(`${name}: the narrative's 三公 section states the same figures as the standard layout, and 核对 confirms them`, () => {
    const f = PUBLISHED[name]();
    const rec = recognize(f.snapshot);
    const n = generateNarrative(rec, inputs, { style: "shanghai" });
    const text = s7(n);
    expect(text).toBe(s7(reference));
    expect(text).not.toMatch(/【|\[|待补/u);
    const v = verifyNarrative(text, rec, inputs, { style: "shanghai" });
    expect(v.mismatches.filter((m) => m.severity === "error")).toEqual([]);
    expect(v.claims.filter((c) => c.status === "ok").length).toBeGreaterThan(3);
  });
});

describe("every 三公 variant of the catalogue read in the national horizontal layout", () => {
  const defs = TABLE_DEFS.filter((d) => d.rows.some((r) => r.key === "sg_total"));
  const items = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", null, null, "公务接待费"];
  const subs = [null, null, "小计", "公务用车购置费", "公务用车运行费", null];
  for (const def of defs) {
    it(`${def.kind}/${def.variant} 「${def.title}」: 12 cells, 预算数 and 决算数, under an unmerged 3-row header`, () => {
      const wb = book(
        sheet("Sheet1", [
          [def.title], [null, null, null, null, null, null, null, null, null, null, null, "单位：万元"],
          ["预算数", null, null, null, null, null, "决算数"], [...items, ...items], [...subs, ...subs],
          [10, 1, 5, 2, 3, 4, 9.5, 0.5, 6, 2.5, 3.5, 3],
        ]),
      );
      const r = recognize(wb);
      const t = r.tables.find((x) => x.kind === def.kind)!;
      expect(t.variant).toBe(def.variant);
      const got = t.rows.map((x) => `${x.key}:${x.cells.budget?.address}/${x.cells.final?.address}`);
      expect(got).toEqual([
        "sg_total:A6/G6", "sg_abroad:B6/H6", "sg_vehicle:C6/I6", "sg_vehicle_purchase:D6/J6", "sg_vehicle_operation:E6/K6", "sg_reception:F6/L6",
      ]);
      const v = validate(r, wb);
      if (def.kind === "T7") expect(v.checks).toBeGreaterThan(0); // the built-in rules check T7 (none for SC12)
      expect(v.findings.filter((f) => f.severity === "error")).toEqual([]);
    });
  }
});

describe("a gap is not a zero across tables", () => {
  it("支出决算表 printed only to 类 level: the 款/项 ties of X9 are listed as not run and raise nothing", () => {
    const f = PUBLISHED["t3-classes-only"]();
    const r = recognize(f.snapshot);
    const v = validate(r, f.snapshot);
    expect(v.findings.filter((x) => x.rule === "X9")).toEqual([]);
    // T3 prints no 款/项 level at all, so the 款/项 rows of 表五 have no counterpart: a gap of T3, not a zero
    expect(v.skipped).toContainEqual({ rule: "X9", reason: "cells-absent", tables: ["T3"] });
    // the 类 rows T3 does print are still compared
    expect(v.checks).toBeGreaterThan(0);
  });
});

describe("wrapped subject names", () => {
  for (const name of ["wrap-below", "wrap-above", "wrap-both"]) it(`${name}: joins the fragments to the code row's name`, () => {
    const f = PUBLISHED[name]();
    const r = recognize(f.snapshot);
    expect(Object.keys(f.names!).length).toBeGreaterThan(5);
    for (const [key, full] of Object.entries(f.names!)) {
      const [kind, code] = key.split(":");
      const row = r.tables.find((t) => t.kind === kind)!.rows.find((x) => x.key === code)!;
      expect({ key, label: row.label }).toEqual({ key, label: full });
    }
    expect(r.issues.filter((i) => i.code === "name-from-code-book")).toEqual([]);
  });

  it("wrap-cut: completes names cut short from the code book and says so in the report", () => {
    const f = PUBLISHED["wrap-cut"]();
    const r = recognize(f.snapshot);
    const completed = r.issues.filter((i) => i.code === "name-from-code-book");
    expect(completed.length).toBeGreaterThan(0);
    for (const i of completed) {
      const [code] = (i.detail ?? "").split(" ");
      const row = r.tables.find((t) => t.kind === i.kind)!.rows.find((x) => x.key === code)!;
      expect(f.names![`${i.kind}:${code}`]).toBe(row.label);
    }
    expect(renderRecognitionReport(r, "zh-CN").join("\n")).toMatch(/科目 \d+ 的名称不完整/u);
  });

  it("reports a text-only row it cannot place instead of dropping it", () => {
    const r = recognize(
      book(
        sheet("表3", [
          ["支出决算表"], ["单位：万元"], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
          ["合计", null, 30, 20, 10], [null, "孤立的一行文字"], [null, null], ["201", "一般公共服务支出", 30, 20, 10],
        ]),
      ),
    );
    // Two rows away from any code row: not a wrap of either neighbour.
    expect(r.tables[0].unplacedRows.map((u) => u.label)).toEqual(["孤立的一行文字"]);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: "unplaced-row", text: "孤立的一行文字" }));
  });
});

describe("header lines: unit name and year, and where they came from", () => {
  for (const name of names.filter((n) => n.startsWith("headline-"))) it(`${name}`, () => {
    const f = PUBLISHED[name]();
    const r = recognize(f.snapshot);
    expect({ unitName: r.unitName, year: r.year, unitNameSource: r.unitNameSource, yearSource: r.yearSource }).toEqual(f.meta);
    const head = renderRecognitionReport(r, "zh-CN")[0];
    expect(head).toContain(`编制单位：${f.meta!.unitName}（取自`);
  });
});

describe("headers as converters leave them", () => {
  it("reads 本年支出 and 决算数 printed once over their child columns, split header texts and a 栏次 row", () => {
    const f = PUBLISHED.converter();
    const r = recognize(f.snapshot);
    const t3 = r.tables.find((t) => t.kind === "T3")!;
    expect(t3.columns.map((c) => c.role).sort()).toEqual(["basic", "operating_exp", "project", "subsidy", "total", "upper"]);
    const t5 = r.tables.find((t) => t.kind === "T5")!;
    expect(t5.columns.map((c) => c.role).sort()).toEqual(["basic", "project", "total"]);
  });
});
