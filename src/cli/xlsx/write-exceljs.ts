/**
 * WorkbookSnapshot → .xlsx with ExcelJS (Node only). Used by the fixture script to write test workbooks and the
 * sample workbook. Not for copies of a user's workbook: a load/save round trip through ExcelJS loses what it does
 * not model (charts, protection, notes…); the marked copy edits the package in place (./package). Values, number formats, formulas (with their
 * cached results), merges, hidden rows and sheet visibility are written; error texts such as "#REF!" become
 * real Excel error values.
 */
import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import type { CellValue, WorkbookSnapshot } from "../../core/workbook/snapshot";

const FIXED_TIME = new Date(Date.UTC(2020, 0, 1));
const ERROR_TEXT = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/;

export interface WriteOptions {
  /** Column widths (characters) per sheet name, index = zero-based column. */
  columnWidths?: Record<string, (number | undefined)[]>;
  /** Fixed creation date so repeated runs give identical files. */
  created?: Date;
}

function excelValue(v: CellValue, formula: string | null | undefined): ExcelJS.CellValue {
  if (formula) {
    const result = v === null ? undefined : typeof v === "string" && ERROR_TEXT.test(v) ? { error: v as ExcelJS.CellErrorValue["error"] } : v;
    return { formula: formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
  }
  if (typeof v === "string" && ERROR_TEXT.test(v)) return { error: v as ExcelJS.CellErrorValue["error"] };
  return v;
}

/** Build an ExcelJS workbook from a snapshot. */
export function snapshotToWorkbook(snapshot: WorkbookSnapshot, opts: WriteOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const when = opts.created ?? FIXED_TIME;
  wb.creator = "caijue-fixtures";
  wb.created = when;
  wb.modified = when;
  for (const sheet of snapshot.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility });
    const { row: r0, col: c0 } = sheet.origin;
    sheet.values.forEach((line, i) => {
      line.forEach((v, j) => {
        const formula = sheet.formulas?.[i]?.[j];
        if (v === null && !formula) return;
        const cell = ws.getCell(r0 + i + 1, c0 + j + 1);
        cell.value = excelValue(v, formula);
        const fmt = sheet.numberFormats?.[i]?.[j];
        if (fmt && fmt !== "General") cell.numFmt = fmt;
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of sheet.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
    const widths = opts.columnWidths?.[sheet.name];
    widths?.forEach((w, c) => {
      if (w) ws.getColumn(c + 1).width = w;
    });
  }
  return wb;
}

/** Serialise a snapshot to .xlsx bytes. */
export async function writeXlsx(snapshot: WorkbookSnapshot, opts: WriteOptions = {}): Promise<Uint8Array> {
  const wb = snapshotToWorkbook(snapshot, opts);
  const buf = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  // ExcelJS stamps zip entries with the current time; re-pack with a fixed time so output is reproducible.
  const mtime = opts.created ?? FIXED_TIME;
  const entries = unzipSync(buf);
  const out: Zippable = {};
  for (const name of Object.keys(entries)) out[name] = [entries[name], { mtime, level: 6 }];
  return zipSync(out);
}

/** Write a snapshot to an .xlsx file. */
export async function writeXlsxFile(path: string, snapshot: WorkbookSnapshot, opts: WriteOptions = {}): Promise<void> {
  const { writeFile } = await import("node:fs/promises");
  await writeFile(path, await writeXlsx(snapshot, opts));
}
