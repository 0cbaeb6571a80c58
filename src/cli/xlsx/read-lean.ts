/**
 * Lean .xlsx reader: values, number formats, formulas, merges, hidden rows and sheet state only,
 * straight from the XML parts (fflate inflates, saxes parses). No styles beyond number formats,
 * no drawings, no rich text runs: that is all the core needs, and it is several times cheaper than
 * building a full ExcelJS object model (figures in bench/RESULTS.md).
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../core/workbook/snapshot";
import { WorkbookReadError } from "./errors";
import { shiftFormula } from "./formula-shift";
import { listEntries, streamEntry, ZipFormatError, type ZipEntry } from "./zip";

export interface LeanReadOptions {
  /** Rows read per sheet before the rest is skipped (memory guard for million-row sheets). */
  maxRows?: number;
}

/** A sheet cut short by the row cap. */
export interface ReadNote {
  code: "rows-capped";
  sheet: string;
  rows: number;
}

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  notes: ReadNote[];
}

export const DEFAULT_MAX_ROWS = 100_000;

/** Built-in number formats (ECMA-376 §18.8.30), the ids ExcelJS also resolves; others read as General. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
  12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss",
  46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** Feed one zip entry through a saxes parser. Setting `state.stopped` in a handler ends the read early. */
function parseEntry(
  buf: Uint8Array,
  entry: ZipEntry,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    text?: (t: string) => void;
    close?: (tag: SaxesTagPlain) => void;
  },
  state: { stopped: boolean } = { stopped: false },
): void {
  // Line/column tracking is not needed (errors become one reason code) and costs time on every character.
  const parser = new SaxesParser({ position: false } as object);
  let xmlError: Error | undefined;
  parser.on("error", (e) => {
    xmlError ??= e;
  });
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  if (handlers.close) parser.on("closetag", handlers.close);
  const decoder = new TextDecoder();
  streamEntry(buf, entry, (chunk) => {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (xmlError) throw new WorkbookReadError("not-workbook", { part: entry.name });
    return !state.stopped;
  });
  if (!state.stopped) {
    parser.write(decoder.decode());
    parser.close();
    if (xmlError) throw new WorkbookReadError("not-workbook", { part: entry.name });
  }
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

function readRels(buf: Uint8Array, entries: Map<string, ZipEntry>, relsName: string, base: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  const e = entries.get(relsName);
  if (!e) return out;
  parseEntry(buf, e, {
    open: (tag) => {
      if (localName(tag.name) !== "Relationship") return;
      const a = tag.attributes as Record<string, string>;
      if (a.TargetMode === "External") return;
      out.set(a.Id, { target: resolvePart(base, a.Target ?? ""), type: a.Type ?? "" });
    },
  });
  return out;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function readSharedStrings(buf: Uint8Array, e: ZipEntry | undefined): string[] {
  const out: string[] = [];
  if (!e) return out;
  let current = "";
  let inT = false;
  let phonetic = 0;
  parseEntry(buf, e, {
    open: (tag) => {
      const n = localName(tag.name);
      if (n === "si") current = "";
      else if (n === "t") inT = phonetic === 0;
      else if (n === "rPh") phonetic++;
    },
    text: (t) => {
      if (inT) current += t;
    },
    close: (tag) => {
      const n = localName(tag.name);
      if (n === "t") inT = false;
      else if (n === "rPh") phonetic--;
      else if (n === "si") out.push(current);
    },
  });
  return out;
}

function readStyles(buf: Uint8Array, e: ZipEntry | undefined): string[] {
  const custom = new Map<number, string>();
  const xfFormats: string[] = [];
  if (!e) return xfFormats;
  let inCellXfs = false;
  parseEntry(buf, e, {
    open: (tag) => {
      const n = localName(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (n === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "General");
      else if (n === "cellXfs") inCellXfs = true;
      else if (n === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        xfFormats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
      }
    },
    close: (tag) => {
      if (localName(tag.name) === "cellXfs") inCellXfs = false;
    },
  });
  return xfFormats;
}

/** Same test ExcelJS applies: a date/time token outside quotes and brackets. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Excel serial date → ISO text (date only at midnight), as the ExcelJS adapter (read-exceljs.ts) gives. */
function isoDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** Column letters of an A1 reference to a zero-based column; -1 when absent. */
function refCol(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) c = c * 26 + (code - 64);
    else if (code >= 97 && code <= 122) c = c * 26 + (code - 96);
    else break;
  }
  return i === 0 ? -1 : c - 1;
}

function refRow(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i)) - 1;
}

interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  style: number;
  formula: string | null;
}

function readSheet(
  buf: Uint8Array,
  e: ZipEntry,
  name: string,
  visibility: SheetVisibility,
  shared: string[],
  xfFormats: string[],
  maxRows: number,
  date1904: boolean,
): { sheet: SheetSnapshot; capped: number | null } {
  const cells: RawCell[] = [];
  const dateStyle = xfFormats.map(isDateFormat);
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  const hiddenRows: number[] = [];
  const sharedMasters = new Map<string, { row: number; col: number; text: string }>();
  let row = -1;
  let col = -1;
  let type = "";
  let style = 0;
  let vText = "";
  let fText = "";
  let fAttrs: Record<string, string> | null = null;
  let isText = "";
  let capture: "v" | "f" | "t" | null = null;
  let inIs = false;
  let phonetic = 0;
  let hasV = false;
  let capped: number | null = null;

  const state = { stopped: false };
  parseEntry(buf, e, {
    open: (tag) => {
      // saxes finishes the chunk it was given: ignore whatever follows the cap.
      if (state.stopped) return;
      const n = localName(tag.name);
      const a = tag.attributes as Record<string, string>;
      switch (n) {
        case "row": {
          row = a.r !== undefined ? Number(a.r) - 1 : row + 1;
          col = -1;
          if (row >= maxRows) {
            capped = maxRows;
            state.stopped = true;
            return;
          }
          if (a.hidden === "1" || a.hidden === "true") hiddenRows.push(row);
          break;
        }
        case "c": {
          if (a.r !== undefined) {
            col = refCol(a.r);
            const r = refRow(a.r);
            if (r >= 0) row = r;
          } else col += 1;
          type = a.t ?? "n";
          style = a.s !== undefined ? Number(a.s) : 0;
          vText = "";
          fText = "";
          fAttrs = null;
          isText = "";
          hasV = false;
          break;
        }
        case "v":
          capture = "v";
          hasV = true;
          break;
        case "f":
          capture = "f";
          fAttrs = a;
          break;
        case "is":
          inIs = true;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inIs && phonetic === 0) capture = "t";
          break;
        case "mergeCell": {
          const [from, to = from] = (a.ref ?? "").split(":");
          merges.push({ top: refRow(from), left: refCol(from), bottom: refRow(to), right: refCol(to) });
          break;
        }
      }
    },
    text: (t) => {
      if (capture === "v") vText += t;
      else if (capture === "f") fText += t;
      else if (capture === "t") isText += t;
    },
    close: (tag) => {
      if (state.stopped) return;
      const n = localName(tag.name);
      if (n === "v" || n === "f" || n === "t") {
        capture = null;
        return;
      }
      if (n === "is") inIs = false;
      else if (n === "rPh") phonetic--;
      else if (n === "c") {
        let formula: string | null = null;
        if (fAttrs) {
          if (fAttrs.t === "shared" && fAttrs.si !== undefined) {
            const master = sharedMasters.get(fAttrs.si);
            if (fText) sharedMasters.set(fAttrs.si, { row, col, text: fText });
            else if (master) fText = shiftFormula(master.text, row - master.row, col - master.col);
          }
          if (fText) formula = "=" + fText;
        }
        let value: CellValue = null;
        switch (type) {
          case "s":
            value = hasV ? (shared[Number(vText)] ?? null) : null;
            break;
          case "inlineStr":
            value = isText;
            break;
          case "str":
          case "e":
            value = hasV ? vText : null;
            break;
          case "b":
            value = hasV ? vText === "1" || vText === "true" : null;
            break;
          default:
            value = hasV && vText !== "" ? Number(vText) : null;
            if (typeof value === "number" && Number.isNaN(value)) value = vText;
        }
        if (typeof value === "number" && dateStyle[style]) value = isoDate(value, date1904);
        if (value !== null || formula !== null) cells.push({ row, col, value, style, formula });
      }
    },
  }, state);

  return { sheet: toSnapshot(name, visibility, cells, xfFormats, merges, hiddenRows), capped };
}

function toSnapshot(
  name: string,
  visibility: SheetVisibility,
  cells: RawCell[],
  xfFormats: string[],
  merges: SheetSnapshot["merges"] & object,
  hiddenRows: number[],
): SheetSnapshot {
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  if (cells.length === 0) {
    return { name, visibility, origin: { row: 0, col: 0 }, values: [], numberFormats: [], merges, hiddenRows };
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  // Like the ExcelJS adapter: a formulas grid only when the sheet has formulas.
  const formulas: (string | null)[][] | undefined = cells.some((c) => c.formula !== null) ? [] : undefined;
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    numberFormats.push(new Array<string | null>(width).fill(null));
    formulas?.push(new Array<string | null>(width).fill(null));
  }
  for (const c of cells) {
    const r = c.row - top;
    const k = c.col - left;
    values[r][k] = c.value;
    numberFormats[r][k] = xfFormats[c.style] || "General";
    if (formulas) formulas[r][k] = c.formula;
  }
  const sheet: SheetSnapshot = { name, visibility, origin: { row: top, col: left }, values, numberFormats, merges, hiddenRows };
  if (formulas) sheet.formulas = formulas;
  return sheet;
}

interface WorkbookDirectory {
  entries: Map<string, ZipEntry>;
  rels: Map<string, { target: string; type: string }>;
  declared: { name: string; state: SheetVisibility; rid: string }[];
  date1904: boolean;
}

function readDirectory(buf: Uint8Array): WorkbookDirectory {
  const entries = listEntries(buf);
  const root = readRels(buf, entries, "_rels/.rels", "");
  let wbPath = "xl/workbook.xml";
  for (const rel of root.values()) if (rel.type.endsWith("/officeDocument")) wbPath = rel.target;
  const wbEntry = entries.get(wbPath);
  if (!wbEntry) throw new WorkbookReadError("not-workbook");
  const wbDir = wbPath.split("/").slice(0, -1).join("/");
  const relsName = `${wbDir}/_rels/${wbPath.split("/").pop()}.rels`;
  const rels = readRels(buf, entries, relsName, wbPath);
  const declared: WorkbookDirectory["declared"] = [];
  let date1904 = false;
  parseEntry(buf, wbEntry, {
    open: (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (localName(tag.name) === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (localName(tag.name) !== "sheet") return;
      const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
      declared.push({ name: a.name ?? "", state, rid: a["r:id"] ?? a.id ?? "" });
    },
  });
  return { entries, rels, declared, date1904 };
}

/** Worksheets in tab order with their part paths (used by the ExcelJS streaming adapter). */
export function worksheetParts(buf: Uint8Array): { name: string; state: SheetVisibility; part: string }[] {
  try {
    const d = readDirectory(buf);
    return d.declared.flatMap((s) => {
      const rel = d.rels.get(s.rid);
      return rel && rel.type.endsWith("/worksheet") ? [{ name: s.name, state: s.state, part: rel.target }] : [];
    });
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookReadError("truncated");
    throw e;
  }
}

/** Read an .xlsx held in memory into a snapshot. Throws WorkbookReadError for damaged or non-workbook files. */
export function readXlsxLean(buf: Uint8Array, fileName: string, options: LeanReadOptions = {}): ReadOutcome {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  try {
    const { entries, rels, declared, date1904 } = readDirectory(buf);
    let sstPath: string | undefined;
    let stylesPath: string | undefined;
    for (const rel of rels.values()) {
      if (rel.type.endsWith("/sharedStrings")) sstPath = rel.target;
      else if (rel.type.endsWith("/styles")) stylesPath = rel.target;
    }
    const shared = readSharedStrings(buf, sstPath ? entries.get(sstPath) : undefined);
    const xfFormats = readStyles(buf, stylesPath ? entries.get(stylesPath) : undefined);

    const sheets: SheetSnapshot[] = [];
    const notes: ReadNote[] = [];
    for (const d of declared) {
      const rel = rels.get(d.rid);
      if (!rel || !rel.type.endsWith("/worksheet")) continue; // chart sheets, dialog sheets
      const e = entries.get(rel.target);
      if (!e) throw new WorkbookReadError("truncated");
      const { sheet, capped } = readSheet(buf, e, d.name, d.state, shared, xfFormats, maxRows, date1904);
      sheets.push(sheet);
      if (capped !== null) notes.push({ code: "rows-capped", sheet: d.name, rows: capped });
    }
    return { snapshot: { name: fileName, sheets }, notes };
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookReadError("truncated");
    throw e;
  }
}
