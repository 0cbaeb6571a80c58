/** The full ExcelJS reader (test/fixtures' reference reader) behind the CLI's reader interface (reason codes, row cap). */
import { WorkbookReadError, type ReadErrorCode } from "./errors";
import { readXlsx, XlsxReadError } from "./read-exceljs";
import type { ReadNote, ReadOutcome } from "./read-lean";

const REASONS: Record<XlsxReadError["reason"], ReadErrorCode> = {
  empty: "empty",
  "not-xlsx": "not-zip",
  corrupt: "truncated",
  encrypted: "encrypted",
};

/** Read with the full ExcelJS object model. The row cap is applied after loading (ExcelJS loads everything). */
export async function readXlsxExcelJsFull(buf: Uint8Array, fileName: string, maxRows: number): Promise<ReadOutcome> {
  let snapshot;
  try {
    snapshot = await readXlsx(buf, fileName);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new WorkbookReadError(REASONS[e.reason]);
    throw e;
  }
  const notes: ReadNote[] = [];
  for (const s of snapshot.sheets) {
    const keep = maxRows - s.origin.row;
    if (s.values.length > keep) {
      s.values = s.values.slice(0, Math.max(0, keep));
      s.numberFormats = s.numberFormats?.slice(0, Math.max(0, keep));
      s.formulas = s.formulas?.slice(0, Math.max(0, keep));
      notes.push({ code: "rows-capped", sheet: s.name, rows: maxRows });
    }
  }
  return { snapshot, notes };
}
