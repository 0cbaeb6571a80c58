/**
 * Open any input the CLI checks: a workbook (through the .xlsx readers), a published PDF or a Word .docx (through
 * the document readers, giving the same snapshot plus the narrative and the page places of every cell). The
 * format is told by the file's content, so a mislabelled file still gets the right reader or a clear reason.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { readDocumentPages, type DocumentContent } from "../../core/document/pages";
import { readDocx } from "../docx/read-docx";
import { WorkbookReadError } from "../xlsx/errors";
import { DEFAULT_MAX_SIZE_MB, openWorkbook, readInputFile, type OpenOptions } from "../xlsx/open";
import type { ReadOutcome } from "../xlsx/read-lean";
import { readPdfText } from "./read-pdf";

export type InputKind = "workbook" | "pdf" | "docx";

export interface InputOutcome extends ReadOutcome {
  kind: InputKind;
  /** Tables' places and the narrative, for PDF and .docx inputs. */
  document?: DocumentContent;
  timing?: { openMs: number; textMs: number; gridMs: number };
}

export const DOCUMENT_EXTS = new Set([".pdf", ".docx"]);

/** First bytes of the file, without reading all of it. */
async function head(file: string): Promise<Uint8Array | undefined> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(file, "r");
    const buf = new Uint8Array(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await fh?.close();
  }
}

function isPdf(h: Uint8Array): boolean {
  // "%PDF-" may follow a little junk (some producers prepend a BOM or a line); the spec allows 1024 bytes.
  return Buffer.from(h.buffer, h.byteOffset, h.byteLength).indexOf("%PDF-") >= 0;
}

/** A PDF read into tables and narrative. */
export async function openPdf(bytes: Uint8Array, name: string): Promise<InputOutcome> {
  const text = await readPdfText(bytes);
  const t = performance.now();
  const document = readDocumentPages(text.pages, name);
  const gridMs = performance.now() - t;
  return { kind: "pdf", snapshot: document.snapshot, notes: [], document, timing: { ...text.timing, gridMs } };
}

/** Read `file` whatever it holds; throws WorkbookReadError with a reason code. */
export async function openInput(file: string, options: OpenOptions = {}): Promise<InputOutcome> {
  const ext = path.extname(file).toLowerCase();
  const h = await head(file);
  const name = path.basename(file);
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE_MB * 1024 * 1024;
  if (h && h.length > 0 && isPdf(h)) return openPdf(await readInputFile(file, maxSize), name);
  if (ext === ".pdf" && h && h.length > 0) throw new WorkbookReadError("pdf-damaged", { reason: "no %PDF header" });
  if (ext === ".docx" || ext === ".doc") {
    const bytes = await readInputFile(file, maxSize);
    const t0 = performance.now();
    const document = readDocx(bytes, name);
    return { kind: "docx", snapshot: document.snapshot, notes: [], document, timing: { openMs: 0, textMs: performance.now() - t0, gridMs: 0 } };
  }
  const outcome = await openWorkbook(file, options);
  return { kind: "workbook", ...outcome };
}
