// Recognition against helper-generated fixture workbooks: every table found, every amount read at its address.
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { recognize } from "../../../src/core/recognize";
import { fixture, FIXTURE_NAMES } from "../../fixtures";
import { noTablesSnapshot } from "../../fixtures/bad-inputs";
import { misplacedAmounts } from "./build";

for (const name of FIXTURE_NAMES) describe(`fixture ${name}`, () => {
  const f = fixture(name);
  const r = recognize(f.snapshot);

  it("finds every table the layout placed, and nothing else", () => {
    const found = r.tables.map((t) => `${t.kind}@${t.sheet}`).sort();
    const placed = f.tables.map((t) => `${t.kind}@${t.sheet}`).sort();
    expect(found).toEqual(placed);
  });

  it("reads each table's unit, emptiness and layout family", () => {
    for (const e of f.tables) {
      const t = r.tables.find((x) => x.kind === e.kind && x.sheet === e.sheet)!;
      expect({ kind: t.kind, unit: t.unit, empty: t.empty }).toEqual({ kind: e.kind, unit: e.unit, empty: e.empty });
      expect(t.variant.startsWith(e.variant), `${e.kind} variant ${t.variant} vs ${e.variant}`).toBe(true);
      expect(t.confidence).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("reads every expected amount at the expected address", () => {
    expect(misplacedAmounts(r, f.expected)).toEqual([]);
    expect(f.expected.length).toBeGreaterThan(100);
  });

  it("reports the rows and columns the layout left out (fixture.gaps)", () => {
    for (const gap of f.gaps ?? []) {
      const t = r.tables.find((x) => x.kind === gap.kind && x.sheet === gap.sheet)!;
      for (const row of gap.rows) expect(t.missingRows).toContain(row);
      for (const col of gap.columns) expect(t.missingColumns).toContain(col);
    }
    if (!f.gaps) expect(r.tables.flatMap((t) => [...t.missingRows, ...t.missingColumns])).toEqual([]);
  });

  it("leaves no row unplaced and no cell unreadable", () => {
    expect(r.tables.flatMap((t) => t.unplacedRows.map((u) => `${t.sheet}:${u.sheetRow}:${u.label}`))).toEqual([]);
    expect(r.issues.filter((i) => i.code === "unreadable-cell" || i.code === "no-tables" || i.code === "ambiguous-table")).toEqual([]);
  });

  it("reads the year and the unit name", () => {
    expect(r.year).toBeGreaterThanOrEqual(2019);
    expect(r.unitName).toBeTruthy();
  });
});

describe("fixture without tables", () => {
  it("gives one no-tables issue and lists the sheets it ignored", () => {
    const r = recognize(noTablesSnapshot());
    expect(r.tables).toEqual([]);
    expect(r.issues.filter((i) => i.code === "no-tables")).toHaveLength(1);
    expect(r.ignoredSheets.map((s) => s.sheet)).toEqual(["封面", "Sheet3"]);
  });
});
