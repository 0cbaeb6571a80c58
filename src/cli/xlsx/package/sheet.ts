/**
 * Worksheet part edits: the `s` (style) index of exactly the given cells — a cell that is not written yet is
 * inserted, empty, at its place in its row — and a <legacyDrawing> reference for notes. Everything else in the
 * part stays as it was.
 */
import { PartFormatError } from "./opc";
import { attrs, children, findElement, prefixFor, prefixOf, rootTag, splice, tags, withAttr, type Tag } from "./xml";
import { styleIndexOf } from "./styles";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Zero-based row/column of an A1 address ("$C$12" → {row: 11, col: 2}); undefined when not a cell. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > 1_048_576 || col > 16_384) return undefined;
  return { row: row - 1, col: col - 1 };
}

export function columnName(col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Style change for one cell: old style index → new style index. */
export type Restyle = (oldStyle: number) => number;

export interface SheetEditResult {
  xml: string;
  /** Cells whose style was changed (A1), in the order met. */
  changed: string[];
}

/**
 * Give each target cell (key "row,col") the style `restyle(its current style)`. Cells missing from sheetData are
 * inserted; their current style is the row's (customFormat) or the column's, as Excel shows them.
 */
export function restyleCells(xml: string, targets: Map<string, Restyle>): SheetEditResult {
  const root = rootTag(xml);
  if (!root || root.local !== "worksheet") throw new PartFormatError();
  const p = prefixOf(root.name);
  const sd = findElement(xml, "sheetData");
  if (!sd) throw new PartFormatError();
  const colStyles = columnStyles(xml);
  const byRow = new Map<number, Map<number, Restyle>>();
  for (const [k, f] of targets) {
    const [r, c] = k.split(",").map(Number);
    if (!byRow.has(r)) byRow.set(r, new Map());
    byRow.get(r)!.set(c, f);
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const changed: string[] = [];
  const newCell = (row: number, col: number, base: number) => {
    const s = byRow.get(row)!.get(col)!(base);
    changed.push(cellName(row, col));
    return `<${p}c r="${cellName(row, col)}" s="${s}"/>`;
  };
  const pendingRows = (below: number): string =>
    [...byRow.keys()]
      .filter((r) => r < below && !doneRows.has(r))
      .sort((a, b) => a - b)
      .map((r) => {
        doneRows.add(r);
        const cells = [...byRow.get(r)!.keys()].sort((a, b) => a - b).map((c) => newCell(r, c, colStyles(c)));
        return `<${p}row r="${r + 1}">${cells.join("")}</${p}row>`;
      })
      .join("");
  const doneRows = new Set<number>();

  if (!sd.close) {
    const open = xml.slice(sd.open.start, sd.open.end).replace(/\s*\/>$/, ">");
    edits.push({ start: sd.open.start, end: sd.open.end, text: `${open}${pendingRows(Infinity)}</${sd.open.name}>` });
    return { xml: splice(xml, edits), changed };
  }

  let row = -1;
  let col = -1;
  let rowTag: Tag | undefined;
  let rowWanted: Map<number, Restyle> | undefined;
  let rowStyle: number | undefined;
  const seen = new Set<number>();
  const finishRow = (closeAt: number) => {
    // Insert the target cells this row does not hold, each before the first cell to its right.
    if (!rowWanted) return;
    const missing = [...rowWanted.keys()].filter((c) => !seen.has(c)).sort((a, b) => a - b);
    for (const c of missing) {
      const at = cellStarts.find((s) => s.col > c)?.start ?? closeAt;
      edits.push({ start: at, end: at, text: newCell(row, c, rowStyle ?? colStyles(c)) });
    }
    if (missing.length && rowTag) {
      const spans = attrs(rowTag.rawAttrs).get("spans");
      const m = spans && /^(\d+):(\d+)$/.exec(spans);
      if (m) {
        const lo = Math.min(Number(m[1]), missing[0] + 1);
        const hi = Math.max(Number(m[2]), missing[missing.length - 1] + 1);
        edits.push({ start: rowTag.start, end: rowTag.end, text: withAttr(xml.slice(rowTag.start, rowTag.end), "spans", `${lo}:${hi}`) });
      }
    }
  };
  let cellStarts: { col: number; start: number }[] = [];
  for (const t of tags(xml, sd.open.end, sd.close.start)) {
    if (t.local === "row") {
      if (t.closing) {
        finishRow(t.start);
        rowWanted = undefined;
        continue;
      }
      const a = attrs(t.rawAttrs);
      const r = Number(a.get("r"));
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      col = -1;
      seen.clear();
      cellStarts = [];
      rowTag = t;
      rowStyle = a.get("customFormat") === "1" || a.get("customFormat") === "true" ? styleIndexOf(t.rawAttrs) : undefined;
      // Rows the part does not hold go in before the first row below them.
      const before = pendingRows(row);
      if (before) edits.push({ start: t.start, end: t.start, text: before });
      rowWanted = byRow.get(row);
      if (rowWanted) doneRows.add(row);
      if (t.selfClosing) {
        if (rowWanted) {
          const open = xml.slice(t.start, t.end).replace(/\s*\/>$/, ">");
          const cells = [...rowWanted.keys()].sort((a2, b) => a2 - b).map((c) => newCell(row, c, rowStyle ?? colStyles(c)));
          edits.push({ start: t.start, end: t.end, text: `${open}${cells.join("")}</${t.name}>` });
        }
        rowWanted = undefined;
      }
      continue;
    }
    if (t.local !== "c" || t.closing) continue;
    const a = attrs(t.rawAttrs);
    const ref = a.get("r");
    const at = ref ? parseAddress(ref) : undefined;
    col = at ? at.col : col + 1;
    cellStarts.push({ col, start: t.start });
    const f = rowWanted?.get(col);
    if (!f || seen.has(col)) continue;
    seen.add(col);
    const s = f(styleIndexOf(t.rawAttrs));
    changed.push(cellName(row, col));
    // Only the start tag is rewritten; the cell's value, formula and type stay as written.
    const end = t.selfClosing ? t.end - 2 : t.end - 1;
    const head = xml.slice(t.start, end);
    edits.push({ start: t.start, end: t.end, text: withAttr(head + ">", "s", String(s)).slice(0, -1) + xml.slice(end, t.end) });
  }
  const tail = pendingRows(Infinity);
  if (tail) edits.push({ start: sd.close.start, end: sd.close.start, text: tail });
  return { xml: splice(xml, edits), changed };
}

/** Style index of each column from <cols> (0 when not given). */
function columnStyles(xml: string): (col: number) => number {
  const cols = findElement(xml, "cols");
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
  const el = findElement(xml, "legacyDrawing");
  if (!el) return undefined;
  for (const [k, v] of attrs(el.open.rawAttrs)) if (k === "r:id" || k.endsWith(":id")) return v;
  return undefined;
}

/** Add <legacyDrawing r:id="…"/> where the schema puts it (declaring the relationships namespace if needed). */
export function addLegacyDrawing(xml: string, relId: string): string {
  const root = rootTag(xml);
  const ws = root && findElement(xml, root.local);
  if (!root || !ws?.close) throw new PartFormatError();
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
  const sd = findElement(xml, "sheetData");
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
