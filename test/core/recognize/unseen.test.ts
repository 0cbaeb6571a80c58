// Recognition on layouts none of the main fixtures use (test/fixtures/unseen): every table found with the right
// kind, every amount read at its address, and the consistent workbooks pass validation without a 强制 finding.
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { recognize } from "../../../src/core/recognize";
import { validate } from "../../../src/core/rules";
import { UNSEEN } from "../../fixtures/unseen";
import { misplacedAmounts } from "./build";

for (const name of Object.keys(UNSEEN) as (keyof typeof UNSEEN)[]) describe(`unseen layout ${name}`, () => {
  const f = UNSEEN[name]();
  const r = recognize(f.snapshot);

  it("finds every table with the right kind, unit and emptiness, and nothing else", () => {
    const found = r.tables.map((t) => `${t.kind}@${t.sheet}`).sort();
    const placed = f.tables.map((t) => `${t.kind}@${t.sheet}`).sort();
    expect(found).toEqual(placed);
    for (const e of f.tables) {
      const t = r.tables.find((x) => x.kind === e.kind && x.sheet === e.sheet)!;
      expect({ kind: t.kind, unit: t.unit, empty: t.empty }).toEqual({ kind: e.kind, unit: e.unit, empty: e.empty });
    }
  });

  it("reads every amount at its address", () => {
    expect(misplacedAmounts(r, f.expected)).toEqual([]);
    expect(f.expected.length).toBeGreaterThan(100);
  });

  it("leaves no row unplaced, no column or row missing, no cell unreadable", () => {
    expect(r.tables.flatMap((t) => t.unplacedRows.map((u) => `${t.kind}@${t.sheet}:${u.sheetRow}:${u.label}`))).toEqual([]);
    expect(r.tables.flatMap((t) => [...t.missingRows, ...t.missingColumns].map((m) => `${t.kind}:${m}`))).toEqual([]);
    expect(r.issues.filter((i) => i.code === "unreadable-cell" || i.code === "ambiguous-table" || i.code === "duplicate-table")).toEqual([]);
  });

  it("reads the year and the unit name where the workbook prints them, and invents neither", () => {
    const texts = f.snapshot.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === "string");
    const printsYear = texts.some((t) => t.includes(`${f.dataset.year}年`) || t === `年度：${f.dataset.year}`);
    const printsUnit = texts.some((t) => /^(编制单位|单位名称)：/.test(t));
    expect(r.year).toBe(printsYear ? f.dataset.year : undefined);
    expect(r.unitName).toBe(printsUnit ? f.dataset.unitName : undefined);
  });

  it("gives no 强制 finding on these consistent tables", () => {
    const v = validate(r, f.snapshot);
    expect(v.findings.filter((x) => x.severity === "error").map((x) => `${x.rule} ${x.target.sheet}!${x.target.address}`)).toEqual([]);
  });
});
