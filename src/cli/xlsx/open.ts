/**
 * Open one input file as a snapshot: existence, size guard, file signature sniffing (so a renamed
 * CSV or a password-protected workbook gets a clear reason), .xls/.et via a local LibreOffice, then
 * the chosen reader. Inputs are only ever opened read-only.
 */
import type { execFile as ExecFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { WorkbookReadError } from "./errors";
import { DEFAULT_MAX_EXPANDED_MB, DEFAULT_MAX_ROWS, readXlsxLean, type ReadOutcome } from "./read-lean";
import { listEntries } from "./zip";
import { readStateXml } from "./state-part";

export type ReaderName = "lean" | "exceljs" | "exceljs-stream";
export const READERS: ReaderName[] = ["lean", "exceljs", "exceljs-stream"];

/** Default reader, chosen by the figures in bench/RESULTS.md (lean: fastest, lowest memory, same snapshot). */
export const DEFAULT_READER: ReaderName = "lean";
export const DEFAULT_MAX_SIZE_MB = 100;

export interface OpenOptions {
  reader?: ReaderName;
  /** Bytes; larger files are rejected with a message. */
  maxSize?: number;
  maxRows?: number;
}

const OLD_FORMAT_EXT = new Set([".xls", ".et"]);

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** A CFB (OLE2) container holding an "EncryptionInfo" stream is an OOXML file with an open password. */
function isEncryptedOoxml(buf: Uint8Array): boolean {
  const needle = Buffer.from("EncryptionInfo", "utf16le");
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(needle) >= 0;
}

let sofficePath: string | null | undefined;

async function findSoffice(): Promise<string | null> {
  if (sofficePath !== undefined) return sofficePath;
  // CAIJUE_SOFFICE names LibreOffice's soffice when it is not on PATH; set to an empty value it means "none".
  const explicit = process.env.CAIJUE_SOFFICE;
  if (explicit !== undefined) return (sofficePath = explicit === "" ? null : explicit);
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  if (process.platform === "win32") dirs.push("C:\\Program Files\\LibreOffice\\program");
  if (process.platform === "darwin") dirs.push("/Applications/LibreOffice.app/Contents/MacOS");
  for (const d of dirs) {
    for (const n of names) {
      try {
        await fs.access(path.join(d, n));
        return (sofficePath = path.join(d, n));
      } catch {
        /* keep looking */
      }
    }
  }
  return (sofficePath = null);
}

/** Convert an .xls/.et to .xlsx in a private temp dir with LibreOffice; returns the bytes. */
async function convertWithLibreOffice(file: string): Promise<Uint8Array> {
  const soffice = await findSoffice();
  if (!soffice) throw new WorkbookReadError("xls-no-converter");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `caijue-xls-${process.pid}-`));
  try {
    await new Promise<void>((resolve, reject) => {
      // A separate profile dir lets conversions run while the user has LibreOffice open.
      const profile = "file://" + path.join(dir, "profile").replace(/\\/g, "/");
      // child_process (and the net module it loads) only when a conversion runs, not at every start-up
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require("node:child_process") as { execFile: typeof ExecFile }).execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", dir, file],
        { timeout: 120_000 },
        (err) => (err ? reject(err) : resolve()),
      );
    });
    const out = path.join(dir, path.basename(file, path.extname(file)) + ".xlsx");
    return new Uint8Array(await fs.readFile(out));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError("xls-convert-failed");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The ExcelJS readers inflate whole parts without a budget: refuse a package whose parts declare more than the lean
 * reader's expansion limit before handing it over (a part that lies about its size fails in their zip library).
 */
function refuseOverExpanded(buf: Uint8Array): void {
  let declared = 0;
  try {
    for (const e of listEntries(buf).values()) declared += e.size;
  } catch {
    throw new WorkbookReadError("truncated");
  }
  const limit = DEFAULT_MAX_EXPANDED_MB * 1048576;
  if (declared > limit) throw new WorkbookReadError("too-expanded", { sizeMb: Math.ceil(declared / 1048576), limitMb: DEFAULT_MAX_EXPANDED_MB });
}

/** A read workbook plus the add-in's state part (已说明 explanations), when the package carries one. */
export interface OpenedWorkbook extends ReadOutcome {
  stateXml: string | null;
}

/** Read `file` into a snapshot (and its state part), or throw WorkbookReadError with a reason code. */
export async function openWorkbook(file: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const { outcome, bytes } = await openWorkbookBytes(file, options);
  // A separate small read of the one custom XML part, so the readers stay as they are.
  return { ...outcome, stateXml: bytes ? readStateXml(bytes) : null };
}

/**
 * The bytes of an input file, with the reasons people can act on: a folder, a missing or unreadable file, an empty
 * one, or one over the size limit (checked before reading it).
 */
export async function readInputFile(file: string, maxSize: number): Promise<Uint8Array> {
  let size: number;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new WorkbookReadError("not-workbook");
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === "ENOENT" ? "not-found" : code === "EACCES" || code === "EPERM" ? "no-access" : "io");
  }
  if (size === 0) throw new WorkbookReadError("empty");
  if (size > maxSize) {
    throw new WorkbookReadError("too-large", { sizeMb: Math.round(size / 1048576), limitMb: Math.round(maxSize / 1048576) });
  }
  try {
    return new Uint8Array(await fs.readFile(file, { flag: "r" }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === "EACCES" || code === "EPERM" ? "no-access" : "io");
  }
}

async function openWorkbookBytes(file: string, options: OpenOptions): Promise<{ outcome: ReadOutcome; bytes: Uint8Array | null }> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE_MB * 1024 * 1024;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const reader = options.reader ?? DEFAULT_READER;
  const buf = await readInputFile(file, maxSize);
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (isEncryptedOoxml(buf)) throw new WorkbookReadError("encrypted");
    if (!OLD_FORMAT_EXT.has(ext)) throw new WorkbookReadError("old-xls");
    const converted = await convertWithLibreOffice(file);
    return { outcome: readXlsxLean(converted, name, { maxRows }), bytes: null };
  }
  if (!startsWith(buf, [0x50, 0x4b])) throw new WorkbookReadError("not-zip");
  if (reader !== "lean") refuseOverExpanded(buf);
  switch (reader) {
    // The ExcelJS readers load ExcelJS (and its zip libraries) only when chosen: the default path never needs them.
    case "exceljs":
      return { outcome: await (await import("./read-exceljs-adapter")).readXlsxExcelJsFull(buf, name, maxRows), bytes: buf };
    case "exceljs-stream":
      try {
        return { outcome: await (await import("./read-exceljs-stream")).readXlsxExcelJsStream(file, name, maxRows), bytes: buf };
      } catch {
        throw new WorkbookReadError("truncated");
      }
    default:
      return { outcome: readXlsxLean(buf, name, { maxRows }), bytes: buf };
  }
}
