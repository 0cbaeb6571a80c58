/**
 * --mark: a copy of the workbook with finding cells filled (red 强制 / amber 核实) and annotated,
 * plus a 「校验结果」 sheet, written next to nothing but itself: never over an input file.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Lang } from "../../core/i18n/lang";
import type { CellMark, ReportSheet } from "../../app/report";
import { msg } from "../messages";
import { isSameFileAsAny } from "../commands/out-file";
import { WorkbookReadError } from "../xlsx/errors";

export const REPORT_SHEET = "校验结果";
const RED = "FFFFC7CE";
const AMBER = "FFFFEB9C";

/** Output path for a marked copy: <dir>/<name>-校验.xlsx. */
export function markedPath(file: string, dir: string): string {
  return path.join(dir, `${path.basename(file, path.extname(file))}-校验.xlsx`);
}

/** Sheet-qualified reference for an internal hyperlink ('Sheet''s name'!C12). */
function internalRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Write the marked copy from the application layer's marks and report rows; returns its path. */
export async function writeMarkedCopy(file: string, view: { marks: CellMark[]; report: ReportSheet }, dir: string, inputPaths: string[], lang: Lang): Promise<string> {
  const out = markedPath(file, dir);
  if (await isSameFileAsAny(out, [file, ...inputPaths])) throw new Error(msg(lang, "usage.mark-is-input", { path: out }));
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xls" || ext === ".et") throw new WorkbookReadError("old-xls");
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const bytes0 = await fs.readFile(file, { flag: "r" });
  await wb.xlsx.load(bytes0 as unknown as Parameters<typeof wb.xlsx.load>[0]);

  // One mark per cell, already merged by src/app (强制 wins, messages joined one per line).
  for (const m of view.marks) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) continue;
    const cell = ws.getCell(m.address);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: m.severity === "error" ? RED : AMBER } };
    cell.note = m.message;
  }

  const old = wb.getWorksheet(REPORT_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const report = wb.addWorksheet(REPORT_SHEET);
  // Same layout as the add-in's sheet: the summary line, then the headers, then one row per finding.
  report.addRow([view.report.summary]).font = { bold: true };
  report.addRow(view.report.headers).font = { bold: true };
  report.columns.forEach((c, i) => (c.width = [8, 10, 8, 22, 14, 14, 12, 70, 8][i]));
  for (const r of view.report.rows) {
    const ref = `${r.sheet}!${r.address}`;
    // ExcelJS writes JS strings as text cells, never formulas, so "=…", "+…", "-…", "@…" stay inert.
    const row = report.addRow([r.severity, r.rule, r.table, ref, r.expected, r.actual, r.difference, r.message, r.explained]);
    if (!r.sheet.includes("!")) row.getCell(4).value = { text: ref, hyperlink: internalRef(r.sheet, r.address) };
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: r.level === "error" ? RED : AMBER } };
  }
  await fs.mkdir(dir, { recursive: true });
  const bytes = await wb.xlsx.writeBuffer();
  await fs.writeFile(out, new Uint8Array(bytes as ArrayBuffer));
  return out;
}
