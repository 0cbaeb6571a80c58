import { columnLetters, columnNumber } from "../../core/workbook/snapshot";

/**
 * Shift the relative A1 references of a shared formula's master text to a dependent cell
 * (what Excel does when it expands <f t="shared" si="…"/>). String literals are left alone.
 */
const REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/** Move relative references in `formula` by (dRow, dCol); absolute ($) parts stay. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Split on double-quoted string literals ("" is an escaped quote inside them).
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(REF, (whole, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
        const c = columnNumber(col);
        if (c > 16384) return whole; // not a cell reference (e.g. a name like "ABCD1")
        const newCol = cAbs ? c : c + dCol;
        const newRow = rAbs ? Number(row) : Number(row) + dRow;
        if (newCol < 1 || newRow < 1) return `${pre}#REF!`;
        return `${pre}${cAbs}${columnLetters(newCol - 1)}${rAbs}${newRow}`;
      });
    })
    .join("");
}
