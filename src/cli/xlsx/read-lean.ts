/**
 * Lean .xlsx reader: values, number formats, formulas, merges, hidden rows and sheet state only,
 * straight from the XML parts (fflate inflates, saxes parses). No styles beyond number formats,
 * no drawings, no rich text runs: that is all the core needs, and it is several times cheaper than
 * building a full ExcelJS object model (figures in bench/RESULTS.md).
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { toA1, type CellValue, type SheetSnapshot, type SheetVisibility, type WorkbookSnapshot } from "../../core/workbook/snapshot";
import { WorkbookReadError } from "./errors";
import { shiftFormula } from "./formula-shift";
import { StringDecoder } from "node:string_decoder";
import { attrValue, XmlScanError, XmlScanner, parseAttributes } from "./xml-scan";
import { Expansion, ExpansionLimitError, listEntries, streamEntry, ZipFormatError, type ZipEntry } from "./zip";

export interface LeanReadOptions {
  /** Rows read per sheet before the rest is skipped (memory guard for million-row sheets). */
  maxRows?: number;
  /** Bytes the package may expand to (the parts read); more is refused as a probable zip bomb. */
  maxExpanded?: number;
}

/** Something the reader met that the user must hear about: a sheet cut short, formulas without results. */
export type ReadNote =
  | { code: "rows-capped"; sheet: string; rows: number }
  /** Formula cells saved without their calculated values (written by a script, never opened in Excel). */
  | { code: "uncalculated"; sheet: string; cells: number; first: string };

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  notes: ReadNote[];
}

export const DEFAULT_MAX_ROWS = 100_000;
/** Real 财决 workbooks expand to a few MB; 512 MB leaves room for any honest one. */
export const DEFAULT_MAX_EXPANDED_MB = 512;

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
  budget?: Expansion,
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
  }, budget);
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

function readRels(buf: Uint8Array, entries: Map<string, ZipEntry>, relsName: string, base: string, budget?: Expansion): Map<string, { target: string; type: string }> {
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
  }, undefined, budget);
  return out;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function readSharedStrings(buf: Uint8Array, e: ZipEntry | undefined, budget: Expansion): string[] {
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
  }, undefined, budget);
  return out;
}

function readStyles(buf: Uint8Array, e: ZipEntry | undefined, budget: Expansion): string[] {
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
  }, undefined, budget);
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

/**
 * Column letters of an A1 reference to a zero-based column; -1 when absent. Decoded in place on the `r` attribute
 * (no regex, no substring) because it runs for every cell of every sheet; otherwise the rules of core fromA1.
 */
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

/** Largest used range (cells) kept as a full rectangle; sparser sheets get short rows (see toSnapshot). */
const DENSE_LIMIT = 1_000_000;

/** The row of every sheet row without cells (read-only: snapshots from the reader are not edited in place). */
const EMPTY_ROW: never[] = Object.freeze([]) as never[];

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
  budget: Expansion,
): { sheet: SheetSnapshot; capped: number | null; uncalculated: number; firstUncalculated: string } {
  const cells: RawCell[] = [];
  let uncalculated = 0;
  let firstUncalculated = "";
  let rowsSeen = 0;
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

  let stopped = false;
  const scanner = new XmlScanner({
    wantText: () => capture !== null,
    open: (n, raw) => {
      if (stopped) return;
      switch (n) {
        case "row": {
          const r = attrValue(raw, "r");
          row = r !== undefined ? Number(r) - 1 : row + 1;
          col = -1;
          // The cap counts rows present, not row numbers: one far row (1,048,576) costs one row.
          if (++rowsSeen > maxRows) {
            capped = maxRows;
            stopped = true;
            return;
          }
          const hidden = attrValue(raw, "hidden");
          if (hidden === "1" || hidden === "true") hiddenRows.push(row);
          break;
        }
        case "c": {
          const ref = attrValue(raw, "r");
          if (ref !== undefined) {
            col = refCol(ref);
            const r = refRow(ref);
            if (r >= 0) row = r;
          } else col += 1;
          type = attrValue(raw, "t") ?? "n";
          const st = attrValue(raw, "s");
          style = st !== undefined ? Number(st) : 0;
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
          fAttrs = parseAttributes(raw);
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
          const [from, to = from] = (attrValue(raw, "ref") ?? "").split(":");
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
    close: (n) => {
      if (stopped) return;
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
        if (value !== null || formula !== null) {
          cells.push({ row, col, value, style, formula });
          // No cached result: no <v>, or an empty one where the result would be a number.
          const noResult = !hasV || (vText === "" && (type === "n" || type === "b"));
          if (formula !== null && noResult && uncalculated++ === 0) firstUncalculated = toA1(row, col);
        }
      }
    },
  });
  // Node's native UTF-8 decoder (a character cut between chunks is completed by the next one)
  const decoder = new StringDecoder("utf8");
  try {
    streamEntry(buf, e, (chunk) => {
      scanner.write(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      return !stopped;
    }, budget);
    if (!stopped) scanner.write(decoder.end());
  } catch (err) {
    if (err instanceof XmlScanError) throw new WorkbookReadError("part-unreadable", { part: e.name, sheet: name });
    throw err;
  }
  scanner.end();

  return { sheet: toSnapshot(name, visibility, cells, xfFormats, merges, hiddenRows), capped, uncalculated, firstUncalculated };
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
  // An ordinary sheet is a full rectangle. A sparse one (a single far cell such as XFD1048576 beside a table) gets
  // rows only as long as their last cell, and rows without cells share one frozen empty row: it costs one pointer
  // per row between, not a grid of a million rows by 16,384 columns.
  const height = bottom - top + 1;
  const width = right - left + 1;
  const sparse = height * width > DENSE_LIMIT;
  const lastCol = new Int32Array(height).fill(sparse ? -1 : width - 1);
  if (sparse) for (const c of cells) if (c.col - left > lastCol[c.row - top]) lastCol[c.row - top] = c.col - left;
  // (one fill, then the rows with cells: growing an array a million entries long push by push is far slower)
  const values = new Array<CellValue[]>(height).fill(EMPTY_ROW as CellValue[]);
  const numberFormats = new Array<(string | null)[]>(height).fill(EMPTY_ROW as (string | null)[]);
  // Like the ExcelJS adapter: a formulas grid only when the sheet has formulas.
  const formulas = cells.some((c) => c.formula !== null) ? new Array<(string | null)[]>(height).fill(EMPTY_ROW as (string | null)[]) : undefined;
  for (let r = 0; r < height; r++) {
    const w = lastCol[r] + 1;
    if (w === 0) continue;
    values[r] = new Array<CellValue>(w).fill(null);
    numberFormats[r] = new Array<string | null>(w).fill(null);
    if (formulas) formulas[r] = new Array<string | null>(w).fill(null);
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

function readDirectory(buf: Uint8Array, budget?: Expansion): WorkbookDirectory {
  const entries = listEntries(buf);
  const root = readRels(buf, entries, "_rels/.rels", "", budget);
  let wbPath = "xl/workbook.xml";
  for (const rel of root.values()) if (rel.type.endsWith("/officeDocument")) wbPath = rel.target;
  const wbEntry = entries.get(wbPath);
  if (!wbEntry) throw new WorkbookReadError("not-workbook");
  const wbDir = wbPath.split("/").slice(0, -1).join("/");
  const relsName = `${wbDir}/_rels/${wbPath.split("/").pop()}.rels`;
  const rels = readRels(buf, entries, relsName, wbPath, budget);
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
  }, undefined, budget);
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
  const limit = options.maxExpanded ?? DEFAULT_MAX_EXPANDED_MB * 1024 * 1024;
  const budget = new Expansion(limit);
  const tooExpanded = (bytes: number) =>
    new WorkbookReadError("too-expanded", { sizeMb: Math.ceil(bytes / 1048576), limitMb: Math.round(limit / 1048576) });
  // The part being read, so that any failure names it instead of surfacing as an internal error.
  let part = "workbook.xml";
  let sheetName: string | undefined;
  try {
    const { entries, rels, declared, date1904 } = readDirectory(buf, budget);
    let sstPath: string | undefined;
    let stylesPath: string | undefined;
    for (const rel of rels.values()) {
      if (rel.type.endsWith("/sharedStrings")) sstPath = rel.target;
      else if (rel.type.endsWith("/styles")) stylesPath = rel.target;
    }
    const sheetParts: { d: (typeof declared)[number]; e: ZipEntry }[] = [];
    for (const d of declared) {
      const rel = rels.get(d.rid);
      if (!rel || !rel.type.endsWith("/worksheet")) continue; // chart sheets, dialog sheets
      const e = entries.get(rel.target);
      if (!e) throw new WorkbookReadError("truncated");
      sheetParts.push({ d, e });
    }
    // Refuse up front when the parts to read declare more than the budget (a zip bomb declares its true size);
    // a part that inflates past its declared size stops as damaged (zip.ts), so the budget also holds for liars.
    const sst = sstPath ? entries.get(sstPath) : undefined;
    const styles = stylesPath ? entries.get(stylesPath) : undefined;
    const declaredBytes = budget.used + (sst?.size ?? 0) + (styles?.size ?? 0) + sheetParts.reduce((n, p) => n + p.e.size, 0);
    if (declaredBytes > limit) throw tooExpanded(declaredBytes);

    part = sst?.name ?? "sharedStrings.xml";
    const shared = readSharedStrings(buf, sst, budget);
    part = styles?.name ?? "styles.xml";
    const xfFormats = readStyles(buf, styles, budget);
    const sheets: SheetSnapshot[] = [];
    const notes: ReadNote[] = [];
    for (const { d, e } of sheetParts) {
      part = e.name;
      sheetName = d.name;
      const r = readSheet(buf, e, d.name, d.state, shared, xfFormats, maxRows, date1904, budget);
      sheets.push(r.sheet);
      if (r.capped !== null) notes.push({ code: "rows-capped", sheet: d.name, rows: r.capped });
      if (r.uncalculated > 0) notes.push({ code: "uncalculated", sheet: d.name, cells: r.uncalculated, first: r.firstUncalculated });
    }
    return { snapshot: { name: fileName, sheets }, notes };
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookReadError("truncated");
    if (e instanceof ExpansionLimitError) throw tooExpanded(e.declared);
    if (e instanceof WorkbookReadError) throw e;
    throw sheetName !== undefined
      ? new WorkbookReadError("part-unreadable", { part, sheet: sheetName })
      : new WorkbookReadError("package-part-unreadable", { part });
  }
}
