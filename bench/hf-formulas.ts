/**
 * The compiled program's checks as spreadsheet formulas (one boolean per elementary check), for the HyperFormula
 * comparisons: in-process (validate.bench.ts) and as a whole process reading a workbook (process.bench.ts).
 */
import type { Program } from "../src/core/rules/index";
import { termsOf } from "../src/core/rules/index";
import { toA1 } from "../src/core/workbook/snapshot";

/** Formulas laid out `width` to a row (HyperFormula caps a sheet at 40,000 rows by default). */
export function checkFormulas(program: Program, sheetRef: (sheet: string) => string, width = 100): string[][] {
  const refOf = (ci: number) => {
    const c = program.cells[ci];
    return `${sheetRef(c.sheet)}!${toA1(c.row, c.col)}`;
  };
  const rows: string[][] = [];
  const elementary = program.checks.flatMap((c) => (c.sign === 1 ? c.cells.map((cell) => ({ op: c.op, ...termsOf(c, cell) })) : [{ op: c.op, ...termsOf(c) }]));
  for (const ch of elementary) {
    const side = (from: number, to: number) => {
      const parts: string[] = [];
      for (let t = from; t < to; t++) {
        const ci = ch.cells[t];
        const w = ch.weights[t] / 10 ** ch.wexp[t];
        parts.push(ci < 0 ? String(w) : w === 1 ? refOf(ci) : w === -1 ? `-${refOf(ci)}` : `${w}*${refOf(ci)}`);
      }
      return parts.length ? parts.join("+").replace(/\+-/g, "-") : "0";
    };
    const half = ch.cells.filter((c) => c >= 0).length * 0.005;
    const l = side(0, ch.nLeft);
    const r = side(ch.nLeft, ch.cells.length);
    const f = ch.op === "=" ? `=ABS((${l})-(${r}))<=${half}` : ch.op === "<=" ? `=(${l})-(${r})<=${half}` : `=(${l})-(${r})>=-${half}`;
    if (rows.length === 0 || rows[rows.length - 1].length === width) rows.push([]);
    rows[rows.length - 1].push(f);
  }
  return rows;
}

/** A sheet name as a formula reference: quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
