/**
 * A new worksheet part holding a table of text and numbers: inline strings (text is always text, never a
 * formula), internal hyperlinks to cells, a bold header row frozen under a title line.
 */
import { escapeAttr, escapeText, xmlSafe } from "./xml";
import { cellName } from "./sheet";

export interface TableSheet {
  title: string;
  headers: string[];
  rows: TableRow[];
  /** Column widths in characters. */
  widths: number[];
}

export interface TableRow {
  cells: (string | number | null)[];
  /** Column whose cell links to `'sheet'!address` in this workbook. */
  link?: { col: number; sheet: string; address: string };
  /** ARGB fill of the first cell (the severity column). */
  fill?: string;
}

export interface TableStyles {
  title: number;
  header: number;
  text: number;
  number: number;
  /** Text style with a fill, by ARGB. */
  filled: (argb: string) => number;
}

/** Sheet-qualified reference for an internal link: 'It''s 表'!C12. */
export function qualifiedRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** The worksheet XML for `table` (main namespace `ns`). */
export function tableSheetXml(table: TableSheet, styles: TableStyles, ns: string, relNs: string): string {
  const rows: string[] = [];
  const links: string[] = [];
  const text = (r: number, c: number, v: string, s: number) =>
    `<c r="${cellName(r, c)}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(xmlSafe(v))}</t></is></c>`;
  const cell = (r: number, c: number, v: string | number | null, s: number) => {
    if (v === null || v === "") return `<c r="${cellName(r, c)}" s="${s}"/>`;
    if (typeof v === "number") return Number.isFinite(v) ? `<c r="${cellName(r, c)}" s="${styles.number}"><v>${v}</v></c>` : text(r, c, String(v), s);
    return text(r, c, v, s);
  };
  rows.push(`<row r="1">${text(0, 0, table.title, styles.title)}</row>`);
  rows.push(`<row r="2">${table.headers.map((h, c) => text(1, c, h, styles.header)).join("")}</row>`);
  table.rows.forEach((row, i) => {
    const r = i + 2;
    const cells = row.cells.map((v, c) => cell(r, c, v, c === 0 && row.fill ? styles.filled(row.fill) : styles.text));
    rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    if (row.link) {
      const ref = cellName(r, row.link.col);
      const display = `${row.link.sheet}!${row.link.address}`;
      links.push(`<hyperlink ref="${ref}" location="${escapeAttr(xmlSafe(qualifiedRef(row.link.sheet, row.link.address)))}" display="${escapeAttr(xmlSafe(display))}"/>`);
    }
  });
  const width = Math.max(table.headers.length, 1);
  const last = cellName(Math.max(1, table.rows.length + 1), width - 1);
  const cols = table.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${relNs}">` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

