/**
 * --mark: a copy of the workbook with finding cells filled (red 强制 / amber 核实) and annotated,
 * plus a 「校验结果」 sheet, written next to nothing but itself: never over an input file.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Lang } from "../../core/i18n/lang";
import type { Finding } from "../../core/rules/types";
import { TABLE_KINDS } from "../../core/catalog/vocabulary";
import { msg } from "../messages";
import { isSameFileAsAny } from "../commands/out-file";
import { WorkbookReadError } from "../xlsx/errors";

export const REPORT_SHEET = "校验结果";
const RED = "FFFFC7CE";
const AMBER = "FFFFEB9C";

const HEADERS_ZH = ["级别", "规则", "表", "单元格", "期望", "实际", "差额", "说明", "已说明"];
const HEADERS_EN = ["Severity", "Rule", "Table", "Cell", "Expected", "Actual", "Difference", "Message", "Explained"];

/** The table's printed name for the report column (as the add-in writes it), not the internal kind code. */
function reportTableName(kind: string | undefined, lang: Lang): string {
  if (!kind) return "";
  const zh = (TABLE_KINDS as Record<string, string>)[kind];
  return zh ? (lang === "en-US" ? `${kind} ${zh}` : zh) : kind;
}

/** Output path for a marked copy: <dir>/<name>-校验.xlsx. */
export function markedPath(file: string, dir: string): string {
  return path.join(dir, `${path.basename(file, path.extname(file))}-校验.xlsx`);
}

/** Sheet-qualified reference for an internal hyperlink ('Sheet''s name'!C12). */
function internalRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Write the marked copy; returns its path. Throws an Error with a rendered message on refusal. */
export async function writeMarkedCopy(file: string, findings: Finding[], dir: string, inputPaths: string[], lang: Lang): Promise<string> {
  const out = markedPath(file, dir);
  if (await isSameFileAsAny(out, [file, ...inputPaths])) throw new Error(msg(lang, "usage.mark-is-input", { path: out }));
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xls" || ext === ".et") throw new WorkbookReadError("old-xls");
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const bytes0 = await fs.readFile(file, { flag: "r" });
  await wb.xlsx.load(bytes0 as unknown as Parameters<typeof wb.xlsx.load>[0]);

  // One mark per cell: 强制 wins over 核实; messages are joined into one note.
  const byCell = new Map<string, { sheet: string; address: string; error: boolean; lines: string[] }>();
  for (const f of findings) {
    const key = `${f.target.sheet}\u0000${f.target.address}`;
    const m = byCell.get(key) ?? { sheet: f.target.sheet, address: f.target.address, error: false, lines: [] };
    m.error ||= f.severity === "error";
    m.lines.push(`[${msg(lang, f.severity === "error" ? "sev.error" : "sev.warning")} ${f.rule}] ${f.message}`);
    byCell.set(key, m);
  }
  for (const m of byCell.values()) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) continue;
    const cell = ws.getCell(m.address);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: m.error ? RED : AMBER } };
    cell.note = m.lines.join("\n");
  }

  const old = wb.getWorksheet(REPORT_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const report = wb.addWorksheet(REPORT_SHEET);
  report.addRow(lang === "en-US" ? HEADERS_EN : HEADERS_ZH).font = { bold: true };
  report.columns.forEach((c, i) => (c.width = [8, 10, 8, 22, 14, 14, 12, 70, 8][i]));
  for (const f of findings) {
    const ref = `${f.target.sheet}!${f.target.address}`;
    // ExcelJS writes JS strings as text cells, never formulas, so "=…", "+…", "-…", "@…" stay inert.
    const row = report.addRow([
      msg(lang, f.severity === "error" ? "sev.error" : "sev.warning"),
      f.rule,
      reportTableName(f.table, lang),
      ref,
      f.expected ?? null,
      f.actual ?? null,
      f.difference ?? null,
      f.message,
      lang === "en-US" ? "no" : "否",
    ]);
    if (!f.target.sheet.includes("!")) {
      row.getCell(4).value = { text: ref, hyperlink: internalRef(f.target.sheet, f.target.address) };
    }
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: f.severity === "error" ? RED : AMBER } };
  }
  await fs.mkdir(dir, { recursive: true });
  const bytes = await wb.xlsx.writeBuffer();
  await fs.writeFile(out, new Uint8Array(bytes as ArrayBuffer));
  return out;
}
