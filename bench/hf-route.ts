/**
 * The formula route as a whole process, for process.bench.ts: read an .xlsx whose CHECKS sheet holds the checks as
 * formulas (with the CLI's own lean reader, the fastest reader we have), evaluate the workbook with HyperFormula and
 * print how many checks are FALSE. Bundled by the bench with esbuild like the CLI, so both start the same way.
 */
import { readFileSync } from "node:fs";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { readXlsxLean } from "../src/cli/xlsx/read-lean";

const file = process.argv[2];
const { snapshot } = readXlsxLean(new Uint8Array(readFileSync(file)), file);
const sheets: Record<string, RawCellContent[][]> = {};
for (const s of snapshot.sheets) {
  // absolute coordinates, so the formulas' A1 references stay valid
  const grid: RawCellContent[][] = [];
  for (let r = 0; r < s.origin.row; r++) grid.push([]);
  s.values.forEach((line, i) => {
    const row: RawCellContent[] = new Array<RawCellContent>(s.origin.col).fill(null);
    line.forEach((v, j) => row.push(s.formulas?.[i]?.[j] ?? v));
    grid.push(row);
  });
  sheets[s.name] = grid;
}
const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", maxRows: 1_048_576 });
const values = hf.getSheetValues(hf.getSheetId("CHECKS")!);
let checks = 0;
let failed = 0;
for (const row of values) for (const v of row) {
  if (v === null) continue;
  checks++;
  if (v !== true) failed++;
}
process.stdout.write(JSON.stringify({ checks, failed }) + "\n");
