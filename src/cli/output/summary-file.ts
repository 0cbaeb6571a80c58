/**
 * The reviewer's summary file (--summary-out): one row per checked file — 文件, 编制单位, 年度, 状态, 强制数,
 * 核实数, 已说明数, 未执行规则数, 未通过的规则 — as .csv (UTF-8 with BOM, so Excel opens it in Chinese) or .xlsx.
 * Written to a temporary file and renamed, so an interrupted batch leaves no half-written summary.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { appMessages } from "../../app/i18n/index";
import type { Lang } from "../../core/i18n/lang";
import type { SummaryRow } from "./check-format";

function cells(r: SummaryRow, lang: Lang): (string | number)[] {
  const m = appMessages(lang);
  return [r.file, r.unitName, r.year ?? "", m.status(r.status), r.error, r.warning, r.explained, r.skipped, r.failedRules];
}

/** A CSV field: quoted when needed; text Excel would read as a formula gets a leading apostrophe. */
function csvField(v: string | number): string {
  if (typeof v === "number") return String(v);
  const safe = /^[=+\-@\t\r＝＋－＠]/u.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function summaryCsv(rows: SummaryRow[], lang: Lang): string {
  const lines = [appMessages(lang).summaryColumns.map(csvField).join(","), ...rows.map((r) => cells(r, lang).map(csvField).join(","))];
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

async function summaryXlsx(rows: SummaryRow[], lang: Lang): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === "en-US" ? "Summary" : "汇总");
  ws.addRow(appMessages(lang).summaryColumns).font = { bold: true };
  // ExcelJS writes JS strings as text cells, never formulas.
  for (const r of rows) ws.addRow(cells(r, lang));
  [40, 30, 8, 10, 8, 8, 8, 12, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Write the summary file (format by extension) atomically. */
export async function writeSummaryFile(file: string, rows: SummaryRow[], lang: Lang): Promise<void> {
  const bytes = /\.csv$/i.test(file) ? new TextEncoder().encode(summaryCsv(rows, lang)) : await summaryXlsx(rows, lang);
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.caijue-tmp-${process.pid}`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
