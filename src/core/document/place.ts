/**
 * Name a cell of a document's synthetic sheet the way a reader finds it on paper: page, table, row label and
 * column header (「第 7 页 支出决算表 行「合计」 列「基本支出」」), with the coordinates kept for JSON and marking.
 */
import type { RecognitionResult } from "../recognize/types";
import { fromA1 } from "../workbook/snapshot";
import type { CellPlace, PlaceMap } from "./types";

export interface DocumentPlace {
  page: number;
  table?: string;
  row?: string;
  column?: string;
  box?: CellPlace;
}

/** The place of `address` on `sheet`, if the sheet came from a PDF or Word file. */
export function documentPlace(places: PlaceMap, recognition: RecognitionResult, sheet: string, address: string): DocumentPlace | undefined {
  const onSheet = places[sheet];
  if (!onSheet) return undefined;
  const rc = fromA1(address.replace(/^.*!/, "").split(":")[0]);
  const box = onSheet[address] ?? (rc ? onSheet[address.split(":")[0]] : undefined);
  const table = recognition.tables.find((t) => t.sheet === sheet && rc && rc.row >= t.range.top && rc.row <= t.range.bottom);
  let row: string | undefined;
  let column: string | undefined;
  if (table && rc) {
    const rv = table.rows.find((r) => r.sheetRow === rc.row && (!r.side || table.columns.some((c) => c.col === rc.col && c.side === r.side))) ?? table.rows.find((r) => r.sheetRow === rc.row);
    row = rv ? rv.label || rv.code || rv.key : undefined;
    const cv = table.columns.find((c) => c.col === rc.col);
    column = cv?.header || undefined;
  }
  const page = box?.page ?? pageOfSheet(sheet);
  if (page === undefined) return undefined;
  return { page, table: table?.title || undefined, row, column, box };
}

function pageOfSheet(sheet: string): number | undefined {
  const m = /^第(\d+)/u.exec(sheet);
  return m ? Number(m[1]) : undefined;
}

/** 「第 7 页 支出决算表 行「合计」 列「基本支出」」 / "page 7, 支出决算表, row 合计, column 基本支出". */
export function placeText(p: DocumentPlace, lang: "zh-CN" | "en-US"): string {
  if (lang === "en-US") {
    return [`page ${p.page}`, p.table, p.row ? `row "${p.row}"` : undefined, p.column ? `column "${p.column}"` : undefined].filter(Boolean).join(", ");
  }
  return [`第 ${p.page} 页`, p.table, p.row ? `行「${p.row}」` : undefined, p.column ? `列「${p.column}」` : undefined].filter(Boolean).join(" ");
}
