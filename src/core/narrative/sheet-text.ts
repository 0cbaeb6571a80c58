/** Narrative text as it sits in a workbook: the 「情况说明」 sheet, one paragraph per row (or typed by hand). */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { isNarrativeSheetName } from "./placeholder-findings";

export const NARRATIVE_SHEET_NAME = "情况说明";

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

/** Every non-empty cell of the sheet, row by row (left to right within a row), joined with newlines. */
export function narrativeTextFromSheet(sheet: SheetSnapshot): string {
  const lines: string[] = [];
  for (const line of sheet.values) {
    for (const v of line) {
      const t = text(v);
      if (t.trim() !== "") lines.push(t);
    }
  }
  return lines.join("\n");
}

/** The narrative sheet: 「情况说明」 itself, else the first sheet whose name contains 情况说明. */
export function findNarrativeSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === NARRATIVE_SHEET_NAME) ?? snapshot.sheets.find((s) => isNarrativeSheetName(s.name));
}
