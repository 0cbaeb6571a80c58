/**
 * ExcelJS's streaming WorkbookReader turned into a snapshot. Kept as a measured alternative
 * (bench/cli.bench.ts); it does not report merges or hidden rows and keeps shared-formula
 * dependents without their text, so it is not the default.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, SheetVisibility } from "../../core/workbook/snapshot";
import { worksheetParts, type ReadNote, type ReadOutcome } from "./read-lean";

/** ExcelJS cell value → snapshot cell value + formula text. Dates go back to Excel serial numbers. */
function convert(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "number" || typeof v === "boolean") return { value: v, formula: null };
  if (typeof v === "string") return { value: v, formula: null };
  if (v instanceof Date) {
    // ISO text, as the full ExcelJS adapter (read-exceljs.ts) gives.
    const iso = v.toISOString();
    return { value: iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso, formula: null };
  }
  const o = v as Record<string, unknown>;
  if (typeof o.formula === "string" && o.formula !== "") {
    const r = convert(o.result);
    return { value: r.value, formula: "=" + o.formula };
  }
  if (o.sharedFormula !== undefined || o.formula === "") return { value: convert(o.result).value, formula: null };
  if (typeof o.error === "string") return { value: o.error, formula: null };
  if (Array.isArray(o.richText)) {
    const s = (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    return { value: s === "" ? null : s, formula: null };
  }
  if (typeof o.text === "string") return { value: o.text, formula: null };
  return { value: null, formula: null };
}

/**
 * Read a .xlsx file with ExcelJS's streaming reader. ExcelJS 4.4 crashes (this.model undefined) when the
 * worksheets precede xl/workbook.xml in the zip — as in files ExcelJS itself writes — so the sheet names and
 * states are taken from the workbook part up front and the reader is given an empty model to start from.
 */
export async function readXlsxExcelJsStream(path: string, fileName: string, maxRows: number): Promise<ReadOutcome> {
  const { readFile } = await import("node:fs/promises");
  const parts = worksheetParts(new Uint8Array(await readFile(path)));
  const byPart = new Map(parts.map((p, i) => [p.part, { ...p, order: i }]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    styles: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  (reader as unknown as { model: { sheets: unknown[] } }).model ??= { sheets: [] };
  type Raw = { row: number; col: number; value: CellValue; ss?: number; fmt: string; formula: string | null };
  const collected: { order: number; name: string; state?: string; cells: Raw[] }[] = [];
  const notes: ReadNote[] = [];
  for await (const ws of reader) {
    const w = ws as unknown as { id: string | number; name: string; state?: string } & AsyncIterable<ExcelJS.Row>;
    const known = byPart.get(`xl/worksheets/sheet${w.id}.xml`);
    const entry = { order: known?.order ?? collected.length, name: known?.name ?? w.name, state: known?.state ?? w.state, cells: [] as Raw[] };
    collected.push(entry);
    let capped = false;
    for await (const row of w) {
      if (capped) continue; // drain the stream; ExcelJS cannot skip the rest of a sheet
      if (row.number > maxRows) {
        capped = true;
        notes.push({ code: "rows-capped", sheet: entry.name, rows: maxRows });
        continue;
      }
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const raw = cell.value as unknown as { sharedString?: number } | null;
        // Worksheets parsed before the shared strings part carry an index only; resolved below.
        const ss = raw && typeof raw === "object" && typeof raw.sharedString === "number" ? raw.sharedString : undefined;
        const { value, formula } = ss === undefined ? convert(cell.value) : { value: null, formula: null };
        if (ss === undefined && value === null && formula === null) return;
        entry.cells.push({ row: row.number - 1, col: colNumber - 1, value, ss, fmt: cell.numFmt ?? "General", formula });
      });
    }
  }
  const strings = ((reader as unknown as { sharedStrings?: unknown[] }).sharedStrings ?? []).map((v) => convert(v).value);
  const sheets: SheetSnapshot[] = [];
  for (const { name, state, cells } of collected.sort((a, b) => a.order - b.order)) {
    for (const c of cells) if (c.ss !== undefined) c.value = strings[c.ss] ?? null;
    const visibility: SheetVisibility = state === "hidden" || state === "veryHidden" ? state : "visible";
    if (cells.length === 0) {
      sheets.push({ name, visibility, origin: { row: 0, col: 0 }, values: [], numberFormats: [], merges: [], hiddenRows: [] });
      continue;
    }
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const c of cells) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const blank = <T,>(fill: T) => Array.from({ length: bottom - top + 1 }, () => new Array<T>(right - left + 1).fill(fill));
    const values = blank<CellValue>(null);
    const numberFormats = blank<string | null>(null);
    const formulas = blank<string | null>(null);
    for (const c of cells) {
      values[c.row - top][c.col - left] = c.value;
      numberFormats[c.row - top][c.col - left] = c.fmt;
      formulas[c.row - top][c.col - left] = c.formula;
    }
    const sheet: SheetSnapshot = { name, visibility, origin: { row: top, col: left }, values, numberFormats, merges: [], hiddenRows: [] };
    if (cells.some((c) => c.formula !== null)) sheet.formulas = formulas;
    sheets.push(sheet);
  }
  return { snapshot: { name: fileName, sheets }, notes };
}
