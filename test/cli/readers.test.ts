/** The lean reader and the ExcelJS reader must give the same snapshot on every fixture workbook. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { readXlsx } from "../../src/cli/xlsx/read-exceljs";
import { readXlsxExcelJsStream } from "../../src/cli/xlsx/read-exceljs-stream";
import { readXlsxLean } from "../../src/cli/xlsx/read-lean";
import { ensureFixtures, fixtureFiles, SEED } from "./helpers";

let files: string[] = [];

before(() => {
  ensureFixtures();
  files = [...fixtureFiles().filter((f) => !path.basename(f).startsWith("bad-")), SEED];
});

describe("lean reader = ExcelJS reader", () => {
  it("gives identical snapshots on the fixtures", async () => {
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const buf = new Uint8Array(readFileSync(f));
      const name = path.basename(f);
      const lean = readXlsxLean(buf, name).snapshot;
      const full = await readXlsx(buf, name);
      expect(lean, name).toEqual(full);
    }
  });

  // ExcelJS 4.4's streaming reader lacks merges and hidden rows, and on files whose worksheets come before
  // sharedStrings.xml and workbook.xml (as ExcelJS itself writes them) it returns string cells as bare indexes,
  // loses number formats (styles.xml comes later) and dropped the last sheet: so only its numbers are compared, and it is not the default.
  it("ExcelJS's streaming reader gives the same numbers for the sheets it returns", async () => {
    let compared = 0;
    for (const f of files) {
      const name = path.basename(f);
      const lean = readXlsxLean(new Uint8Array(readFileSync(f)), name).snapshot;
      const stream = (await readXlsxExcelJsStream(f, name, 1e6)).snapshot;
      expect(stream.sheets.length).toBeLessThanOrEqual(lean.sheets.length);
      for (const s of stream.sheets) {
        const same = lean.sheets.find((l) => l.name === s.name);
        expect(same, `${name} ${s.name}`).toBeDefined();
        const numbers = (v: unknown[][]) => v.map((r) => r.map((x) => (typeof x === "number" ? x : null)));
        expect(numbers(s.values), `${name} ${s.name}`).toEqual(numbers(same!.values));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(files.length);
  });
});
