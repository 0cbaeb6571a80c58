/**
 * Creating or completing the inputs sheet 「说明数据」: which rows to write and where. Existing rows are never
 * rewritten; keys the sheet lacks are appended below its last used row, pre-filled with derived values.
 */
import type { RecognitionResult } from "../recognize/types";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import { buildInputsSheetTemplate, INPUTS_SHEET, inputKeyOf, parseInputsSheet, type InputsTemplateRow } from "./inputs";

export interface InputsSheetPlan {
  /** Sheet name (the existing sheet's own spelling when it exists). */
  sheet: string;
  /** True when the sheet does not exist yet. */
  create: boolean;
  /** Zero-based row and column of the first cell to write (项目 column). */
  row: number;
  col: number;
  /** Rows to write (项目, 内容, 说明); the header row only when the sheet is created. Empty: nothing missing. */
  rows: InputsTemplateRow[];
  /** Every row of the complete template, pre-filled (what `caijue inputs` prints). */
  template: InputsTemplateRow[];
}

function filled(v: CellValue | undefined): boolean {
  return v !== null && v !== undefined && String(v).trim() !== "";
}

/** Plan the rows to add so the inputs sheet lists every key the narrative reads. */
export function planInputsSheet(recognition: RecognitionResult, snapshot: WorkbookSnapshot): InputsSheetPlan {
  const existing = parseInputsSheet(snapshot);
  const template = buildInputsSheetTemplate(recognition, existing);
  const sheet = existing.sheet ? snapshot.sheets.find((s) => s.name === existing.sheet) : undefined;
  if (!sheet) return { sheet: INPUTS_SHEET, create: true, row: 0, col: 0, rows: template, template };
  // A key counts as present when its label is anywhere in the sheet, even with an empty or unreadable 内容.
  const present = new Set<string>();
  let labelCol: number | undefined;
  sheet.values.forEach((line) => {
    const c = line.findIndex(filled);
    if (c < 0) return;
    const def = inputKeyOf(String(line[c]));
    if (!def) return;
    present.add(def.key);
    labelCol = labelCol === undefined ? c : Math.min(labelCol, c);
  });
  const rows = template.slice(1).filter((r) => !present.has(r.项目));
  return {
    sheet: sheet.name,
    create: false,
    row: sheet.origin.row + sheet.values.length,
    col: sheet.origin.col + (labelCol ?? 0),
    rows,
    template,
  };
}
