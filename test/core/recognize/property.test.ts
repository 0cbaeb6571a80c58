// Property: what recognition reads (values per kind/rowKey/role) does not depend on sheet order, on blank or
// title rows inserted above the tables, or on how the amounts are formatted (number formats, numbers as text).
import fc from "fast-check";
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { cellOf, recognize } from "../../../src/core/recognize";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/workbook/snapshot";
import { fromA1 } from "../../../src/core/workbook/snapshot";
import { fixture, type FixtureName } from "../../fixtures";
import type { ExpectedCell } from "../../fixtures";

const FILLER_ROWS: CellValue[][] = [[], ["附件"], ["部门决算公开"], [null, "2019年度"], ["攀枝花市", null, "（公开）"]];
const FORMATS = ["General", "0.00", "#,##0.00", "#,##0.00_);(#,##0.00)", "#,##0.00;[Red]-#,##0.00"];

/** Values read for the expected cells, keyed kind/rowKey/role (0 for a blank). */
function readAll(snapshot: WorkbookSnapshot, expected: ExpectedCell[]): Record<string, number | string> {
  const r = recognize(snapshot);
  const out: Record<string, number | string> = {};
  for (const e of expected) {
    const t = r.tables.find((x) => x.kind === e.kind && x.sheet === e.sheet);
    const c = t ? cellOf(t, e.rowKey, e.role) : undefined;
    out[`${e.kind}/${e.sheet}/${e.rowKey}/${e.role}`] =
      c === undefined ? "missing" : c.reading.kind === "amount" ? c.reading.value : c.reading.kind === "blank" ? 0 : "invalid";
  }
  return out;
}

function insertRows(s: SheetSnapshot, rows: CellValue[][]): SheetSnapshot {
  const width = Math.max(1, ...s.values.map((l) => l.length));
  const pad = (l: CellValue[]) => [...l, ...Array<CellValue>(Math.max(0, width - l.length)).fill(null)].slice(0, width);
  const k = rows.length;
  return {
    ...s,
    values: [...rows.map(pad), ...s.values],
    numberFormats: s.numberFormats ? [...rows.map((l) => pad(l).map((v) => (v === null ? null : "General"))), ...s.numberFormats] : undefined,
    formulas: s.formulas ? [...rows.map(() => Array<string | null>(width).fill(null)), ...s.formulas] : undefined,
    merges: s.merges?.map((m) => ({ ...m, top: m.top + k, bottom: m.bottom + k })),
    hiddenRows: s.hiddenRows?.map((r) => r + k),
  };
}

/** Amount cells of the expected list, per sheet, as relative grid positions. */
function amountCells(expected: ExpectedCell[], sheet: SheetSnapshot): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (const e of expected) {
    if (e.sheet !== sheet.name) continue;
    const a = fromA1(e.address)!;
    out.push({ r: a.row - sheet.origin.row, c: a.col - sheet.origin.col });
  }
  return out;
}

const transform: fc.Arbitrary<Transform> = fc.record({
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }),
  inserts: fc.array(fc.array(fc.integer({ min: 0, max: FILLER_ROWS.length - 1 }), { maxLength: 4 }), { minLength: 20, maxLength: 20 }),
  format: fc.integer({ min: 0, max: FORMATS.length - 1 }),
  asText: fc.boolean(),
});

interface Transform {
  order: number[];
  inserts: number[][];
  format: number;
  asText: boolean;
}

function apply(base: WorkbookSnapshot, expected: ExpectedCell[], t: Transform): WorkbookSnapshot {
  const sheets = base.sheets.map((s0, i) => {
    let s: SheetSnapshot = structuredClone(s0);
    // Number formatting: one format for every amount cell, or the amount written as text "1,234.50".
    for (const { r, c } of amountCells(expected, s)) {
      const v = s.values[r]?.[c];
      if (typeof v !== "number") continue;
      if (s.numberFormats?.[r]) s.numberFormats[r][c] = FORMATS[t.format];
      if (t.asText) s.values[r][c] = v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 });
    }
    const ins = t.inserts[i % t.inserts.length].map((k: number) => FILLER_ROWS[k]);
    if (ins.length > 0) s = insertRows(s, ins);
    return s;
  });
  const order = sheets.map((s, i) => ({ s, key: t.order[i % t.order.length] + i * 1e-9 }));
  order.sort((a, b) => a.key - b.key);
  return { ...base, sheets: order.map((o) => o.s) };
}

for (const name of ["seed-sichuan", "shiquanlu-national", "seed-mof"] as FixtureName[]) describe(`recognition invariance on ${name}`, () => {
  const f = fixture(name);
  const baseline = readAll(f.snapshot, f.expected);

  it("baseline reads every expected value", () => {
    expect(Object.values(baseline).filter((v) => typeof v === "string")).toEqual([]);
  });

  it("reads the same values after shuffling sheets, inserting rows above tables and reformatting amounts", () => {
    fc.assert(
      fc.property(transform, (t) => {
        const mutated = apply(f.snapshot, f.expected, t);
        expect(readAll(mutated, f.expected)).toEqual(baseline);
      }),
      { numRuns: 12 },
    );
  });
});
