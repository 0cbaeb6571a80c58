/**
 * Worksheet part edits: the `s` (style) index of exactly the given cells — a cell that is not written yet is
 * inserted, empty, at its place in its row — and a <legacyDrawing> reference for notes. Everything else in the
 * part stays as it was.
 */
import { fromA1, toA1 } from "../../../core/workbook/snapshot";
import { PartFormatError } from "./opc";
import { attrs, children, findElement, localName, prefixFor, prefixOf, rootTag, splice, tags, withAttr, type Tag } from "./xml";
import { styleIndexOf } from "./styles";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Zero-based row/column of an A1 address ("$C$12" → {row: 11, col: 2}); undefined when not a cell. */
export const parseAddress = fromA1;

/** A1 address of a zero-based cell. */
export const cellName = toA1;

/** Style change for one cell: old style index → new style index. */
export type Restyle = (oldStyle: number) => number;

export interface SheetEditResult {
  xml: string;
  /** Cells whose style was changed (A1), in the order met. */
  changed: string[];
}

/** Where sheetData is: its start tag and, unless it is empty (<sheetData/>), its end tag. Two native searches. */
export function locateSheetData(xml: string): { open: Tag; close?: Tag } | undefined {
  const m = /<((?:[A-Za-z_][\w.-]*:)?sheetData)(?=[\s/>])/.exec(xml);
  if (!m) return undefined;
  const open = tagAt(xml, m.index, m[1]);
  if (!open) return undefined;
  if (open.selfClosing) return { open };
  const closeText = `</${m[1]}>`;
  const at = xml.indexOf(closeText, open.end);
  if (at < 0) return undefined;
  return { open, close: { start: at, end: at + closeText.length, name: m[1], local: "sheetData", closing: true, selfClosing: false, rawAttrs: "" } };
}

/** The start tag named `name` that begins at `start` (quote-aware: ">" may appear inside attribute values). */
function tagAt(xml: string, start: number, name: string): Tag | undefined {
  let i = start + 1 + name.length;
  let quote = 0;
  for (; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) break;
  }
  if (i >= xml.length) return undefined;
  const selfClosing = xml.charCodeAt(i - 1) === 47;
  return { start, end: i + 1, name, local: localName(name), closing: false, selfClosing, rawAttrs: xml.slice(start + 1 + name.length, selfClosing ? i - 1 : i) };
}

/** One attribute's raw value from a tag's attribute text (no entity decoding: used for numbers and A1 refs). */
function rawAttr(rawAttrs: string, name: string): string | undefined {
  let re = ATTR_CACHE.get(name);
  if (!re) ATTR_CACHE.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(rawAttrs);
  return m ? (m[1] ?? m[2]) : undefined;
}
const ATTR_CACHE = new Map<string, RegExp>();

const ROW_RE = /<((?:[A-Za-z_][\w.-]*:)?row)(?=[\s/>])/g;
const CELL_RE = /<((?:[A-Za-z_][\w.-]*:)?c)(?=[\s/>])/g;

/**
 * Give each target cell (key "row,col") the style `restyle(its current style)`. Cells missing from sheetData are
 * inserted; their current style is the row's (customFormat) or the column's, as Excel shows them. Rows without a
 * target are skipped with one native search each, so time depends on the rows present, not on their cells.
 */
export function restyleCells(xml: string, targets: Map<string, Restyle>): SheetEditResult {
  const root = rootTag(xml);
  if (!root || root.local !== "worksheet") throw new PartFormatError();
  const p = prefixOf(root.name);
  const sd = locateSheetData(xml);
  if (!sd) throw new PartFormatError();
  const colStyles = columnStyles(xml, sd.open.start);
  const byRow = new Map<number, Map<number, Restyle>>();
  for (const [k, f] of targets) {
    const [r, c] = k.split(",").map(Number);
    if (!byRow.has(r)) byRow.set(r, new Map());
    byRow.get(r)!.set(c, f);
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const changed: string[] = [];
  const doneRows = new Set<number>();
  const newCell = (row: number, col: number, base: number) => {
    const s = byRow.get(row)!.get(col)!(base);
    changed.push(cellName(row, col));
    return `<${p}c r="${cellName(row, col)}" s="${s}"/>`;
  };
  const targetRows = [...byRow.keys()].sort((a, b) => a - b);
  const pendingRows = (below: number): string =>
    // Fast answer for the many rows above every remaining target.
    targetRows.length === doneRows.size || targetRows.find((r) => !doneRows.has(r))! >= below
      ? ""
      : targetRows
      .filter((r) => r < below && !doneRows.has(r))
      .map((r) => {
        doneRows.add(r);
        const cells = [...byRow.get(r)!.keys()].sort((a, b) => a - b).map((c) => newCell(r, c, colStyles(c)));
        return `<${p}row r="${r + 1}">${cells.join("")}</${p}row>`;
      })
      .join("");

  if (!sd.close) {
    const open = xml.slice(sd.open.start, sd.open.end).replace(/\s*\/>$/, ">");
    edits.push({ start: sd.open.start, end: sd.open.end, text: `${open}${pendingRows(Infinity)}</${sd.open.name}>` });
    return { xml: splice(xml, edits), changed };
  }

  const end = sd.close.start;
  const rowRe = new RegExp(ROW_RE.source, "g");
  rowRe.lastIndex = sd.open.end;
  let row = -1;
  let m: RegExpExecArray | null;
  while ((m = rowRe.exec(xml)) && m.index < end) {
    const t = tagAt(xml, m.index, m[1]);
    if (!t) throw new PartFormatError();
    const r = Number(rawAttr(t.rawAttrs, "r"));
    row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
    // Rows the part does not hold go in before the first row below them.
    const before = pendingRows(row);
    if (before) edits.push({ start: t.start, end: t.start, text: before });
    const closeText = `</${m[1]}>`;
    const close = t.selfClosing ? t.end : xml.indexOf(closeText, t.end);
    if (close < 0 || close > end) throw new PartFormatError();
    rowRe.lastIndex = t.selfClosing ? t.end : close + closeText.length;
    const wanted = byRow.get(row);
    if (!wanted || doneRows.has(row)) continue;
    doneRows.add(row);
    const customFormat = rawAttr(t.rawAttrs, "customFormat");
    const rowStyle = customFormat === "1" || customFormat === "true" ? styleIndexOf(t.rawAttrs) : undefined;
    if (t.selfClosing) {
      const open = xml.slice(t.start, t.end).replace(/\s*\/>$/, ">");
      const cells = [...wanted.keys()].sort((a, b) => a - b).map((c) => newCell(row, c, rowStyle ?? colStyles(c)));
      edits.push({ start: t.start, end: t.end, text: `${open}${cells.join("")}${closeText}` });
      continue;
    }
    // A target row: walk its cells.
    const seen = new Set<number>();
    const cellStarts: { col: number; start: number }[] = [];
    const cellRe = new RegExp(CELL_RE.source, "g");
    cellRe.lastIndex = t.end;
    let col = -1;
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(xml)) && c.index < close) {
      const ct = tagAt(xml, c.index, c[1]);
      if (!ct) throw new PartFormatError();
      cellRe.lastIndex = ct.end;
      const ref = rawAttr(ct.rawAttrs, "r");
      const at = ref ? parseAddress(ref) : undefined;
      col = at ? at.col : col + 1;
      cellStarts.push({ col, start: ct.start });
      const f = wanted.get(col);
      if (!f || seen.has(col)) continue;
      seen.add(col);
      const s = f(styleIndexOf(ct.rawAttrs));
      changed.push(cellName(row, col));
      // Only the start tag is rewritten; the cell's value, formula and type stay as written.
      const tail = ct.selfClosing ? 2 : 1;
      const head = xml.slice(ct.start, ct.end - tail);
      edits.push({ start: ct.start, end: ct.end, text: withAttr(head + ">", "s", String(s)).slice(0, -1) + xml.slice(ct.end - tail, ct.end) });
    }
    const missing = [...wanted.keys()].filter((k) => !seen.has(k)).sort((a, b) => a - b);
    for (const k of missing) {
      const at = cellStarts.find((x) => x.col > k)?.start ?? close;
      edits.push({ start: at, end: at, text: newCell(row, k, rowStyle ?? colStyles(k)) });
    }
    const spans = rawAttr(t.rawAttrs, "spans");
    const sm = missing.length && spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (sm) {
      const lo = Math.min(Number(sm[1]), missing[0] + 1);
      const hi = Math.max(Number(sm[2]), missing[missing.length - 1] + 1);
      edits.push({ start: t.start, end: t.end, text: withAttr(xml.slice(t.start, t.end), "spans", `${lo}:${hi}`) });
    }
  }
  const tail = pendingRows(Infinity);
  if (tail) edits.push({ start: end, end, text: tail });
  return { xml: splice(xml, edits), changed };
}

/** Style index of each column from <cols> (0 when not given). */
function columnStyles(xml: string, before: number): (col: number) => number {
  const cols = findElement(xml, "cols", 0, before);
  const ranges: { min: number; max: number; style: number }[] = [];
  if (cols?.close) {
    for (const c of children(xml, cols.open.end, cols.close.start)) {
      const a = attrs(c.tag.rawAttrs);
      const style = Number(a.get("style") ?? 0);
      if (style > 0) ranges.push({ min: Number(a.get("min")) - 1, max: Number(a.get("max")) - 1, style });
    }
  }
  return (col) => ranges.find((r) => col >= r.min && col <= r.max)?.style ?? 0;
}

// CT_Worksheet children that come after <legacyDrawing>.
const AFTER_LEGACY = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

/** The relationship id of the sheet's <legacyDrawing>, if it has one. */
export function legacyDrawingId(xml: string): string | undefined {
  const sd = locateSheetData(xml);
  const el = findElement(xml, "legacyDrawing", sd?.close?.end ?? sd?.open.end ?? 0);
  if (!el) return undefined;
  for (const [k, v] of attrs(el.open.rawAttrs)) if (k === "r:id" || k.endsWith(":id")) return v;
  return undefined;
}

/** Add <legacyDrawing r:id="…"/> where the schema puts it (declaring the relationships namespace if needed). */
export function addLegacyDrawing(xml: string, relId: string): string {
  const root = rootTag(xml);
  const closeAt = root ? xml.lastIndexOf(`</${root.name}>`) : -1;
  if (!root || closeAt < 0) throw new PartFormatError();
  const ws = { close: { start: closeAt } };
  const p = prefixOf(root.name);
  const edits: { start: number; end: number; text: string }[] = [];
  let r = prefixFor(root, REL_NS);
  if (r === undefined || r === "") {
    r = "r:";
    let n = 0;
    const declared = attrs(root.rawAttrs);
    while (declared.has(`xmlns:${r.slice(0, -1)}`)) r = `r${++n}:`;
    const open = xml.slice(root.start, root.end);
    edits.push({ start: root.start, end: root.end, text: withAttr(open, `xmlns:${r.slice(0, -1)}`, REL_NS) });
  }
  const sd = locateSheetData(xml);
  const from = sd?.close ? sd.close.end : sd ? sd.open.end : root.end;
  const kids = children(xml, from, ws.close.start);
  const before = kids.find((k) => AFTER_LEGACY.has(k.tag.local) || (k.tag.local === "AlternateContent" && alternateHolds(xml.slice(k.tag.start, k.end))));
  const at = before ? before.tag.start : ws.close.start;
  edits.push({ start: at, end: at, text: `<${p}legacyDrawing ${r}id="${relId}"/>` });
  return splice(xml, edits);
}

/** mc:AlternateContent wrapping one of the elements that follow legacyDrawing (oleObjects, controls…). */
function alternateHolds(text: string): boolean {
  for (const t of tags(text)) if (!t.closing && AFTER_LEGACY.has(t.local)) return true;
  return false;
}
