/**
 * .xlsx → WorkbookSnapshot with ExcelJS (Node only; the core never sees ExcelJS). Gives the same snapshot shape
 * the Office.js adapter gives: the used range is the bounding box of cells that hold a value or a formula,
 * formula cells carry their cached result, error values become their text ("#REF!"), rich text is flattened,
 * dates become ISO text, and number formats, merges, hidden rows and sheet visibility are kept.
 * Known ExcelJS 4.4 limit: a formula whose cached result is 0 is read without a result, so its value is null
 * (the formula text is kept); as an amount that reads as blank, i.e. 0.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../core/workbook/snapshot";

/** Error thrown when the bytes are not a readable .xlsx workbook (message in zh-CN for the CLI). */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly reason: "empty" | "not-xlsx" | "corrupt" | "encrypted",
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/** Format a Date as ISO text: date only when there is no time of day. */
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** Flatten any ExcelJS cell value (or formula result) to a snapshot CellValue. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
    if (typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
    if (typeof o.text === "string") return o.text; // hyperlink
    if (o.text && typeof o.text === "object") return plainValue(o.text); // hyperlink with rich text
  }
  return String(v);
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  const s = ws.state as string;
  return s === "hidden" ? "hidden" : s === "veryHidden" ? "veryHidden" : "visible";
}

interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  fmt: string;
  formula: string | null;
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: RawCell[] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // covered by a merge: value belongs to the master
      const raw = cell.value as unknown;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      const value = plainValue(raw);
      const formulaText = isFormula ? cell.formula : undefined;
      if (value === null && !formulaText) return;
      cells.push({
        row: rowNumber - 1,
        col: colNumber - 1,
        value,
        fmt: cell.numFmt || "General",
        formula: formulaText ? `=${formulaText}` : null,
      });
    });
  });
  const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {})
    .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const sheet: SheetSnapshot = { name: ws.name, visibility: visibilityOf(ws), origin: { row: 0, col: 0 }, values: [], numberFormats: [] };
  if (cells.length > 0) {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const c of cells) {
      top = Math.min(top, c.row); left = Math.min(left, c.col); bottom = Math.max(bottom, c.row); right = Math.max(right, c.col);
    }
    const h = bottom - top + 1, w = right - left + 1;
    sheet.origin = { row: top, col: left };
    sheet.values = Array.from({ length: h }, () => new Array<CellValue>(w).fill(null));
    sheet.numberFormats = Array.from({ length: h }, () => new Array<string | null>(w).fill(null));
    const anyFormula = cells.some((c) => c.formula);
    if (anyFormula) sheet.formulas = Array.from({ length: h }, () => new Array<string | null>(w).fill(null));
    for (const c of cells) {
      sheet.values[c.row - top][c.col - left] = c.value;
      sheet.numberFormats![c.row - top][c.col - left] = c.fmt;
      if (c.formula) sheet.formulas![c.row - top][c.col - left] = c.formula;
    }
  }
  sheet.merges = merges;
  sheet.hiddenRows = hiddenRows;
  return sheet;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Read .xlsx bytes into a snapshot. Throws XlsxReadError (zh-CN message) when the bytes are not a workbook. */
export async function readXlsx(data: Uint8Array | ArrayBuffer, name?: string): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new XlsxReadError("文件为空（0 字节），不是 Excel 工作簿。", "empty");
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(OLE_MAGIC)) {
    throw new XlsxReadError("文件是加密的工作簿或旧版 .xls 格式，无法直接读取；请在 Excel 中另存为不加密的 .xlsx。", "encrypted");
  }
  if (!starts(ZIP_MAGIC)) throw new XlsxReadError("文件不是 .xlsx 格式（不是 zip 压缩包），可能是改了扩展名的文本或其他文件。", "not-xlsx");
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS accepts a Node Buffer; wrap without copying.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxReadError(`.xlsx 文件已损坏或不完整，无法读取（${e instanceof Error ? e.message : String(e)}）。`, "corrupt");
  }
  const sheets: SheetSnapshot[] = [];
  // ExcelJS's `worksheets` getter is already in tab order
  for (const ws of wb.worksheets) sheets.push(readSheet(ws));
  return name === undefined ? { sheets } : { name, sheets };
}

