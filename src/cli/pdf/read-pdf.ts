/**
 * Text with positions from a PDF through pdf.js (pdfjs-dist, legacy build for Node 20): every text item of every
 * page, rotated into reading direction. No rendering, no fonts shown, no network; the input is only read.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PageText, TextRun } from "../../core/document/types";
import { WorkbookReadError } from "../xlsx/errors";
import { importEsm } from "./import-esm";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loaded: Promise<PdfJs> | undefined;

/**
 * Load pdf.js once. Its legacy build installs a core-js Array.prototype.push that is many times slower than V8's
 * (it guards an edge case of arrays with a read-only length that pdf.js never meets); with it, one embedded CJK
 * font takes seconds. The worker module is loaded here too (pdf.js then runs it in this thread) and the native
 * push put back.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const push = Array.prototype.push;
    const lib = await importEsm<PdfJs>("pdfjs-dist/legacy/build/pdf.mjs");
    const worker = await importEsm<unknown>("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    Array.prototype.push = push;
    return lib;
  })();
  return loaded;
}

/** Folder of pdf.js's predefined CMaps (UniGB-UCS2-H …), needed for CJK fonts without embedded encodings. */
function cmapDir(): string | undefined {
  try {
    const req = createRequire(import.meta.url ?? pathToFileURL(__filename).href);
    return path.join(path.dirname(req.resolve("pdfjs-dist/package.json")), "cmaps") + path.sep;
  } catch {
    return undefined;
  }
}

export interface PdfText {
  pages: PageText[];
  timing: { openMs: number; textMs: number };
}

/**
 * The same bytes with every embedded font program hidden, when each font carries a ToUnicode map (the text then
 * comes from that map and the widths from the font dictionaries, as before). pdf.js would otherwise convert each
 * embedded font for display, seconds for one full CJK font. Renaming the key in place (/FontFile2 → /FontFilf2)
 * keeps every byte offset; a file with object streams (dictionaries compressed) is left as it is.
 */
export function withoutFontPrograms(bytes: Uint8Array): Uint8Array | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.indexOf("/ObjStm") >= 0) return undefined;
  const key = Buffer.from("/FontFile");
  const positions: number[] = [];
  for (let at = buf.indexOf(key); at >= 0; at = buf.indexOf(key, at + key.length)) positions.push(at);
  if (positions.length === 0) return undefined;
  let toUnicode = 0;
  for (let at = buf.indexOf("/ToUnicode"); at >= 0; at = buf.indexOf("/ToUnicode", at + 10)) toUnicode++;
  if (toUnicode < positions.length) return undefined;
  const copy = new Uint8Array(bytes);
  for (const at of positions) copy[at + 8] = 0x66; // "/FontFile" → "/FontFilf"
  return copy;
}

/** Text that lost its characters: replacement or private-use code points where a font's ToUnicode fell short. */
function looksBroken(pages: PageText[]): boolean {
  let all = 0;
  let bad = 0;
  for (const p of pages) {
    for (const r of p.runs) {
      for (const ch of r.text) {
        all++;
        const c = ch.codePointAt(0)!;
        if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20) bad++;
      }
    }
  }
  return all === 0 || bad > 0.02 * all;
}

/** Read every page's text runs; throws WorkbookReadError for encrypted, damaged or image-only files. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const light = withoutFontPrograms(bytes);
  if (light) {
    try {
      const fast = await readPdfTextAsIs(light);
      if (!looksBroken(fast.pages)) return fast;
    } catch (e) {
      // A password or a damaged file says the same with the fonts in place; anything else: try as is.
      if (e instanceof WorkbookReadError && e.code !== "pdf-scanned") throw e;
    }
  }
  return readPdfTextAsIs(bytes);
}

async function readPdfTextAsIs(bytes: Uint8Array): Promise<PdfText> {
  const t0 = performance.now();
  const lib = await pdfjs();
  const cMapUrl = cmapDir();
  const task = lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string })?.name ?? "";
    if (name === "PasswordException") throw new WorkbookReadError("pdf-encrypted");
    throw new WorkbookReadError("pdf-damaged", { reason: (e as Error)?.message?.slice(0, 80) || name || "?" });
  }
  const t1 = performance.now();
  const pages: PageText[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ disableNormalization: false });
      const runs: TextRun[] = [];
      const dirs: { cos: number; sin: number }[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const m = lib.Util.transform(vp.transform, item.transform) as number[];
        const scale = Math.hypot(m[0], m[1]) || 1;
        dirs.push({ cos: m[0] / scale, sin: m[1] / scale });
        runs.push({ text: item.str, x: m[4], y: m[5], width: item.width, height: Math.hypot(m[2], m[3]) });
      }
      pages.push(rotateToReading({ page: p, width: vp.width, height: vp.height, runs }, dirs));
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError("pdf-damaged", { reason: (e as Error)?.message?.slice(0, 80) || "?" });
  } finally {
    await doc.destroy();
  }
  if (!pages.some((p) => p.runs.some((r) => r.text.trim() !== ""))) throw new WorkbookReadError("pdf-scanned");
  return { pages, timing: { openMs: t1 - t0, textMs: performance.now() - t1 } };
}

/**
 * A table drawn sideways on a portrait page (landscape content without /Rotate): when most text runs upwards or
 * downwards, turn the page so that it reads left to right.
 */
function rotateToReading(page: PageText, dirs: { cos: number; sin: number }[]): PageText {
  let up = 0;
  let down = 0;
  for (const d of dirs) {
    // Display space has y downwards: text running "up" the page has sin < 0.
    if (d.sin < -0.7) up++;
    else if (d.sin > 0.7) down++;
  }
  const n = dirs.length;
  if (n === 0 || Math.max(up, down) < 0.6 * n) return page;
  const { width: w, height: h } = page;
  if (up >= down) {
    // Rotate 90° clockwise: reading direction (0,-1) becomes (1,0).
    return { page: page.page, width: h, height: w, runs: page.runs.map((r) => ({ ...r, x: h - r.y, y: r.x })) };
  }
  return { page: page.page, width: h, height: w, runs: page.runs.map((r) => ({ ...r, x: r.y, y: w - r.x })) };
}
