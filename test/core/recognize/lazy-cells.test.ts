// Cells built on first use read exactly what an eagerly built CellRef read: the digit-free blank test agrees with
// parseAmount, a recognised cell's text/reading/JSON equal the plain object, lazy rows of a coded table hold the
// snapshot's values (as they were when the row was read), and the rules engine gives the same program whether the
// rows' cells were built or not.
import fc from "fast-check";
import { describe, it } from "mocha";
import { expect } from "../../support/expect";
import { recognize } from "../../../src/core/recognize";
import { CodedRow, RecognizedCell, isBlankCell, isUnreadableCell, rowPlaces, unreadableCells } from "../../../src/core/recognize/cell";
import { Grid } from "../../../src/core/recognize/grid";
import { cellText } from "../../../src/core/recognize/normalize";
import type { RecognitionResult } from "../../../src/core/recognize/types";
import type { ColumnRole } from "../../../src/core/catalog/vocabulary";
import { compileForWorkbook, evaluate } from "../../../src/core/rules/index";
import { isBlankAmount, parseAmount } from "../../../src/core/workbook/amount";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/workbook/snapshot";
import { fixture, largeWorkbook, mutate } from "../../fixtures";
import { UNSEEN } from "../../fixtures/unseen";
import { PUBLISHED } from "../../fixtures/published";

const MARKS = ["", " ", "-", "--", "—", "——", "–", "－", "/", "／", "\\", "―", "─", "…", "……", "空", "'", "'-", "\u3000", "\u00a0", "\u200b", "\ufeff", "\t"];
const PARTS = [...MARKS, "0", "１２", "1,234.50", "(3)", "%", "％", "万元", "元", "¥", "#REF!", "#N/A", "#DIV/0!", "#", "TRUE", "e5", ".", "．", "，", "+", "＋", "a", "无"];

/** Cell values like the ones found in amount columns, and arbitrary ones. */
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.constantFrom(...PARTS),
  fc.array(fc.constantFrom(...PARTS), { maxLength: 4 }).map((a) => a.join("")),
  fc.string(),
  fc.string({ unit: "grapheme" }),
);
const FORMATS = [undefined, "General", "0.00", "#,##0", "0.0%", "#,##0.00_ ;[Red]-#,##0.00 "];

/** A one-cell source for RecognizedCell: the format of every cell and the table's decimals. */
const sourceOf = (format: string | undefined, decimals: number) => ({ decimals, format: () => format });

describe("cells built on first use", () => {
  it("the blank test agrees with parseAmount on every value", () => {
    fc.assert(
      fc.property(cellValue, fc.constantFrom(...FORMATS), fc.integer({ min: 0, max: 4 }), (v, format, d) => {
        expect(isBlankAmount(v)).toBe(parseAmount(v, format, d).kind === "blank");
      }),
      { numRuns: 3000 },
    );
    for (const v of [null, "", "-", "—", " ", "'", "'—", "\u3000－\u3000", "空"]) expect(isBlankAmount(v)).toBe(true);
    for (const v of ["0", "１２", 0, -0, 12.5, true, false, "#REF!", "- 1", "NaN"]) expect(isBlankAmount(v)).toBe(false);
  });

  it("a recognised cell reads, lists and serialises like the plain CellRef", () => {
    fc.assert(
      fc.property(cellValue, fc.constantFrom(...FORMATS), fc.integer({ min: 0, max: 4 }), (v, format, d) => {
        const c = new RecognizedCell("表3", "C12", 11, 2, v, sourceOf(format, d));
        const plain = { sheet: "表3", address: "C12", row: 11, col: 2, text: v === null ? "" : cellText(v), reading: parseAmount(v, format, d) };
        expect(c.text).toBe(plain.text);
        expect(c.reading).toEqual(plain.reading);
        expect(JSON.stringify(c)).toBe(JSON.stringify(plain));
        expect(isBlankCell(c)).toBe(plain.reading.kind === "blank");
        expect(isUnreadableCell(c)).toBe(plain.reading.kind === "invalid" && plain.reading.reason !== "error-value");
        // an object spread (the rules engine copies a cell into a finding) keeps where the cell is
        const copy = { ...c };
        expect([copy.sheet, copy.address, copy.row, copy.col]).toEqual(["表3", "C12", 11, 2]);
        expect(Object.keys(c)).toEqual(["sheet", "address", "row", "col"]);
      }),
      { numRuns: 2000 },
    );
  });

  it("a coded row builds its cells when first read, with the values the sheet held when the row was read", () => {
    const g = new Grid({ name: "表", visibility: "visible", origin: { row: 0, col: 0 }, values: [["201", "一般公共服务", 12.5, "—"], ["20101", "人大事务", "#REF!", "abc"]] });
    const panel = { from: g.cells, sheet: "表", source: g.cells.source(2), roles: ["total", "basic"] as ColumnRole[], cols: [2, 3] };
    const first = new CodedRow("201", "一般公共服务", 1, "function", 0, panel);
    const second = new CodedRow("20101", "人大事务", 2, "function", 1, panel);
    g.mask(0, 3);
    g.mask(1, 3);
    const third = new CodedRow("20101", "人大事务", 2, "function", 1, panel);
    expect(rowPlaces(first)).toMatchObject({ row: 0, panel: { sheet: "表", roles: ["total", "basic"], cols: [2, 3] } });
    const plain = {
      key: "201", kind: "code", label: "一般公共服务", code: "201", level: 1, codeSystem: "function", role: "item", sheetRow: 0,
      cells: {
        total: { sheet: "表", address: "C1", row: 0, col: 2, text: "12.5", reading: { kind: "amount", value: 12.5, decimals: 2 } },
        basic: { sheet: "表", address: "D1", row: 0, col: 3, text: "—", reading: { kind: "blank" } },
      },
    };
    expect(JSON.stringify(first)).toBe(JSON.stringify(plain));
    expect(rowPlaces(first)).toBeUndefined(); // built now
    expect(unreadableCells(second).map((c) => [c.address, c.text])).toEqual([["D2", "abc"]]);
    expect(unreadableCells(third)).toEqual([]);
    expect(Object.keys(second.cells)).toEqual(["total", "basic"]);
    expect(second.cells.basic?.text).toBe("abc");
    expect(third.cells.basic?.text).toBe("");
    delete second.cells.basic;
    expect(Object.keys(second.cells)).toEqual(["total"]);
    second.role = "subtotal";
    expect(JSON.parse(JSON.stringify(second))).toMatchObject({ role: "subtotal", cells: { total: { address: "C2" } } });
    expect(Object.keys(JSON.parse(JSON.stringify(second)))).toEqual(["key", "kind", "label", "code", "level", "codeSystem", "role", "sheetRow", "cells"]);
  });

  const cases: [string, () => WorkbookSnapshot][] = [
    ["seed-mof", () => fixture("seed-mof").snapshot],
    ["seed-sichuan-messy", () => fixture("seed-sichuan-messy").snapshot],
    ["shiquanlu-national-messy", () => fixture("shiquanlu-national-messy").snapshot],
    ["unseen-t6-panels", () => UNSEEN["unseen-t6-panels"]().snapshot],
    ["unseen-pdf-export", () => UNSEEN["unseen-pdf-export"]().snapshot],
    ["published-wrap-both", () => PUBLISHED["wrap-both"]().snapshot],
    ["large", () => largeWorkbook().snapshot],
  ];

  /** Sheet value and number format of a cell. */
  function rawAt(s: WorkbookSnapshot, sheet: string, row: number, col: number): { value: CellValue; format?: string } {
    const sh = s.sheets.find((x) => x.name === sheet)!;
    const o = sh.origin ?? { row: 0, col: 0 };
    const value = sh.values[row - o.row]?.[col - o.col] ?? null;
    const format = sh.numberFormats?.[row - o.row]?.[col - o.col] ?? undefined;
    return { value, format: format ?? undefined };
  }

  for (const [name, make] of cases) {
    it(`${name}: every recognised cell holds the snapshot's text and reading`, () => {
      const s = make();
      const rec = JSON.parse(JSON.stringify(recognize(s))) as RecognitionResult;
      let n = 0;
      for (const t of rec.tables) {
        for (const r of t.rows) {
          for (const c of Object.values(r.cells)) {
            const { value, format } = rawAt(s, c!.sheet, c!.row, c!.col);
            expect(c).toEqual({ sheet: c!.sheet, address: c!.address, row: c!.row, col: c!.col, text: value === null ? "" : cellText(value), reading: parseAmount(value, format, t.decimals) });
            n++;
          }
        }
      }
      expect(n).toBeGreaterThan(50);
    });

    it(`${name}: the rules engine compiles and finds the same whether the rows' cells were built or not`, () => {
      // one amount changed, so there is a finding to compare
      let s = make();
      const rec0 = recognize(s);
      const t = rec0.tables.find((x) => x.rows.some((r) => Object.keys(r.cells).length > 0))!;
      const r0 = t.rows.find((r) => Object.values(r.cells).some((c) => c && c.reading.kind === "amount"))!;
      const c0 = Object.values(r0.cells).find((c) => c && c.reading.kind === "amount")!;
      s = mutate(s, c0.address, c0.sheet, 987654.32);
      const lazy = recognize(s);
      const built = recognize(s);
      for (const tb of built.tables) for (const r of tb.rows) Object.keys(r.cells);
      expect(lazy.tables.some((tb) => tb.rows.some((r) => rowPlaces(r) !== undefined))).toBe(true);
      expect(built.tables.every((tb) => tb.rows.every((r) => rowPlaces(r) === undefined))).toBe(true);
      const a = evaluate(compileForWorkbook(lazy, s), s).result;
      const b = evaluate(compileForWorkbook(built, s), s).result;
      expect(a.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(a.findings)).toBe(JSON.stringify(b.findings));
      expect(a.checks).toBe(b.checks);
      expect(JSON.stringify(a.skipped)).toBe(JSON.stringify(b.skipped));
    });
  }
});
