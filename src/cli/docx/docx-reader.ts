/**
 * A Word .docx (a zip of XML parts) → its narrative and its tables. Only word/document.xml is read: headers,
 * footers and their page numbers live in other parts, and the 目录 (a TOC field or content control) is skipped.
 * Tables become snapshot sheets (「表格1」…) with merged cells, so tables typed into Word are recognised and
 * checked like workbook sheets.
 *
 * No Node, DOM or library imports: the caller brings the unzip and the XML parser (read-docx.ts for the CLI: fflate and
 * saxes; the task pane: fflate's ESM build and the browser's DOMParser), so the pane does not ship an XML parser.
 */
import type { unzipSync } from "fflate";
import type { DocumentContent } from "../../core/document/pages";
import { decimals, parseAmount } from "../../core/document/table-grid";
import type { CellValue, SheetSnapshot } from "../../core/workbook/snapshot";
import { WorkbookReadError } from "../xlsx/errors";

interface Cell {
  text: string;
  span: number;
  /** "restart" starts a vertical merge, "continue" is covered by the cell above. */
  vMerge?: "restart" | "continue";
}

interface Table {
  rows: Cell[][];
}

/** Callbacks of a walk over an XML document, by qualified name (`w:p`), as a non-namespace SAX parser gives them. */
export interface XmlEvents {
  open(name: string, attr: (qualifiedName: string) => string | undefined): void;
  /** Character data (entities decoded); CDATA sections and comments are not reported. */
  text(text: string): void;
  close(name: string): void;
}

/** Walks a whole XML document, calling events in document order; throws on malformed XML. */
export type XmlWalk = (xml: string, events: XmlEvents) => void;

/** What a host brings to read a .docx: the zip reader and the XML walk. */
export interface DocxIo {
  unzip: typeof unzipSync;
  walkXml: XmlWalk;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function documentXml(bytes: Uint8Array, unzip: DocxIo["unzip"]): string {
  if (CFB.every((b, i) => bytes[i] === b)) throw new WorkbookReadError("doc-binary");
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WorkbookReadError("docx-damaged", { reason: "not a zip" });
  let files: Record<string, Uint8Array>;
  try {
    files = unzip(bytes, { filter: (f) => f.name === "word/document.xml" });
  } catch (e) {
    throw new WorkbookReadError("docx-damaged", { reason: (e as Error)?.message?.slice(0, 60) || "zip" });
  }
  const part = files["word/document.xml"];
  if (!part) throw new WorkbookReadError("docx-damaged", { reason: "word/document.xml missing" });
  return new TextDecoder("utf-8").decode(part);
}

/** Paragraphs (outside tables) and tables of the body, in document order. */
function parseBody(xml: string, walkXml: XmlWalk): { paragraphs: string[]; tables: Table[] } {
  const paragraphs: string[] = [];
  const tables: Table[] = [];
  const tableStack: { table: Table; row?: Cell[]; cell?: Cell }[] = [];
  let para: string | undefined;
  let inText = false;
  let tocDepth = 0; // inside a 目录 content control
  let sdtDepth = 0;
  const sdtIsToc: boolean[] = [];
  let fieldToc = 0; // nesting of complex fields whose instruction is TOC
  let instr = "";
  let inInstr = false;
  const fieldStack: boolean[] = [];
  let paraStyle = "";
  const open = (name: string, attr: (qualifiedName: string) => string | undefined) => {
    switch (name) {
      case "w:sdt":
        sdtDepth++;
        sdtIsToc.push(false);
        break;
      case "w:docPartGallery":
        if (/Table of Contents/i.test(String(attr("w:val") ?? "")) && sdtIsToc.length > 0) {
          sdtIsToc[sdtIsToc.length - 1] = true;
          tocDepth++;
        }
        break;
      case "w:tbl":
        tableStack.push({ table: { rows: [] } });
        break;
      case "w:tr":
        if (tableStack.length) tableStack[tableStack.length - 1].row = [];
        break;
      case "w:tc":
        if (tableStack.length) tableStack[tableStack.length - 1].cell = { text: "", span: 1 };
        break;
      case "w:gridSpan": {
        const top = tableStack[tableStack.length - 1];
        if (top?.cell) top.cell.span = Math.max(1, Math.min(64, Number(attr("w:val")) || 1));
        break;
      }
      case "w:vMerge": {
        const top = tableStack[tableStack.length - 1];
        if (top?.cell) top.cell.vMerge = attr("w:val") === "restart" ? "restart" : "continue";
        break;
      }
      case "w:p":
        para = "";
        paraStyle = "";
        break;
      case "w:pStyle":
        paraStyle = String(attr("w:val") ?? "");
        break;
      case "w:t":
        inText = true;
        break;
      case "w:instrText":
        inInstr = true;
        instr = "";
        break;
      case "w:fldChar": {
        const type = attr("w:fldCharType");
        if (type === "begin") fieldStack.push(false);
        else if (type === "end") {
          if (fieldStack.pop()) fieldToc--;
        }
        break;
      }
      case "w:fldSimple":
        break;
      case "w:tab":
        if (para !== undefined) para += "\t";
        break;
      case "w:br":
      case "w:cr":
        if (para !== undefined) para += "\n";
        break;
    }
  };
  const text = (t: string) => {
    if (inText && para !== undefined && fieldToc === 0) para += t;
    else if (inInstr) instr += t;
  };
  const close = (name: string) => {
    switch (name) {
      case "w:t":
        inText = false;
        break;
      case "w:instrText":
        inInstr = false;
        if (/^\s*TOC\b/.test(instr) && fieldStack.length > 0 && !fieldStack[fieldStack.length - 1]) {
          fieldStack[fieldStack.length - 1] = true;
          fieldToc++;
        }
        break;
      case "w:sdt":
        sdtDepth--;
        if (sdtIsToc.pop()) tocDepth--;
        break;
      case "w:p": {
        const text = (para ?? "").replace(/[ \u3000]+$/u, "");
        para = undefined;
        const top = tableStack[tableStack.length - 1];
        if (top?.cell) top.cell.text += (top.cell.text ? "\n" : "") + text;
        else if (tocDepth === 0 && !/^(TOC|toc)\d*$|^目录\d*$/u.test(paraStyle)) paragraphs.push(text);
        break;
      }
      case "w:tc": {
        const top = tableStack[tableStack.length - 1];
        if (top?.cell && top.row) top.row.push(top.cell);
        if (top) top.cell = undefined;
        break;
      }
      case "w:tr": {
        const top = tableStack[tableStack.length - 1];
        if (top?.row) top.table.rows.push(top.row);
        if (top) top.row = undefined;
        break;
      }
      case "w:tbl": {
        const done = tableStack.pop();
        // A table nested in a cell is flattened into the outer cell's text; top-level tables become sheets.
        if (done && tableStack.length === 0) tables.push(done.table);
        else if (done) {
          const outer = tableStack[tableStack.length - 1];
          const text = done.table.rows.map((r) => r.map((c) => c.text).join(" ")).join("\n");
          if (outer.cell) outer.cell.text += (outer.cell.text ? "\n" : "") + text;
        }
        break;
      }
    }
  };
  try {
    walkXml(xml, { open, text, close });
  } catch (e) {
    throw new WorkbookReadError("docx-damaged", { reason: (e as Error)?.message?.slice(0, 60) || "xml" });
  }
  void sdtDepth;
  return { paragraphs, tables };
}

function tableSheet(name: string, t: Table): SheetSnapshot {
  const width = Math.max(1, ...t.rows.map((r) => r.reduce((n, c) => n + c.span, 0)));
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: NonNullable<SheetSnapshot["merges"]> = [];
  const openV = new Map<number, { top: number; right: number }>();
  t.rows.forEach((row, r) => {
    const line = new Array<CellValue>(width).fill(null);
    const fmt = new Array<string | null>(width).fill(null);
    let c = 0;
    for (const cell of row) {
      const text = cell.text.replace(/\s*\n\s*/g, "").trim();
      if (cell.vMerge === "continue") {
        const o = openV.get(c);
        if (o) merges.push({ top: o.top, left: c, bottom: r, right: o.right });
      } else {
        const amount = parseAmount(text.replace(/\s+/g, ""));
        line[c] = amount !== undefined ? amount : text === "" ? null : text;
        if (amount !== undefined) fmt[c] = decimals(text) > 0 ? "#,##0." + "0".repeat(decimals(text)) : "#,##0";
        if (cell.vMerge === "restart") openV.set(c, { top: r, right: c + cell.span - 1 });
        else openV.delete(c);
        if (cell.span > 1) merges.push({ top: r, left: c, bottom: r, right: c + cell.span - 1 });
      }
      c += cell.span;
    }
    values.push(line);
    formats.push(fmt);
  });
  // Vertical merges were recorded once per covered row; fold them into one range per start.
  const folded = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const m of merges) {
    const key = `${m.top}:${m.left}`;
    const prev = folded.get(key);
    if (!prev || m.bottom > prev.bottom || m.right > prev.right) folded.set(key, { ...m, bottom: Math.max(m.bottom, prev?.bottom ?? m.bottom), right: Math.max(m.right, prev?.right ?? m.right) });
  }
  return { name, visibility: "visible", origin: { row: 0, col: 0 }, values, numberFormats: formats, merges: [...folded.values()] };
}

/** Read a .docx into narrative (paragraphs joined by line breaks) and tables (as sheets), with the host's unzip and XML walk. */
export function readDocxWith(io: DocxIo, bytes: Uint8Array, name?: string): DocumentContent {
  const { paragraphs, tables } = parseBody(documentXml(bytes, io.unzip), io.walkXml);
  const sheets = tables.map((t, i) => tableSheet(`表格${i + 1}`, t));
  // A manual 目录 typed as paragraphs: a 目录 title followed by heading-only lines with page numbers.
  const kept: string[] = [];
  let inToc = false;
  for (const p of paragraphs) {
    const t = p.trim();
    if (/^目\s*录$/u.test(t)) {
      inToc = true;
      continue;
    }
    if (inToc && (t === "" || /(\.{3,}|…{2,}|·{3,}|\t)\s*\d+$/u.test(t))) continue;
    inToc = false;
    kept.push(p.replace(/\t/g, " "));
  }
  const narrative = kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  return {
    snapshot: { name, sheets },
    places: {},
    sheetPages: {},
    narrative,
    spans: [],
    textPages: narrative || sheets.length ? 1 : 0,
  };
}
