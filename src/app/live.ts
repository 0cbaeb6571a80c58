/**
 * Live re-check planning: which cells a re-check after an edit must re-read (the edited cells and every cell
 * of the checks they take part in — formula totals among them change without an edit event), as a few boxes
 * per sheet, and the snapshot patched with what was re-read. Host-neutral.
 */
import { checksOfCell, findCell, type Program } from "../core/rules/index";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/workbook/snapshot";
import { fromA1, toA1 } from "../core/workbook/snapshot";

export interface CellAt {
  sheet: string;
  address: string;
}

export interface Box {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface BoxContent extends Box {
  values: CellValue[][];
  numberFormats: (string | null)[][];
  formulas: (string | null)[][];
}

/** Changed ranges as single cells; undefined when too many to re-check one by one (a paste, a fill-down). */
export function expandChanges(changes: CellAt[], limit = 2000): CellAt[] | undefined {
  const out: CellAt[] = [];
  for (const c of changes) {
    if (!c.sheet) return undefined;
    const [a, b] = c.address.split(":");
    const p = fromA1(a);
    const q = fromA1(b ?? a);
    if (!p || !q) return undefined;
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) {
      for (let col = Math.min(p.col, q.col); col <= Math.max(p.col, q.col); col++) {
        out.push({ sheet: c.sheet, address: toA1(r, col) });
        if (out.length > limit) return undefined;
      }
    }
  }
  return out;
}

/**
 * The edited cells plus every cell of the checks they take part in; undefined when an edited cell is read by
 * no check (a label or a new row may change the tables: a full check is needed).
 */
export function cellsToReread(program: Program, changed: CellAt[]): CellAt[] | undefined {
  try {
    const out = new Map<string, CellAt>();
    const L = program.layout;
    const T = program.table;
    for (const c of changed) {
      const i = findCell(program, c.sheet, c.address);
      if (i === undefined) return undefined;
      out.set(`${c.sheet}!${c.address}`, c);
      for (const k of checksOfCell(program, i)) {
        for (let t = T.start[k]; t < T.start[k] + T.len[k]; t++) {
          const j = T.termCell[t];
          if (j < 0) continue;
          const sheet = L.sheetNames[L.sheetOf[j]];
          const address = toA1(L.rowOf[j], L.colOf[j]);
          out.set(`${sheet}!${address}`, { sheet, address });
        }
      }
    }
    return [...out.values()];
  } catch {
    return undefined; // the program's shape is not what we expect: re-read everything instead
  }
}

/** One bounding box per sheet; undefined when a box would be larger than `maxCells` (read the workbook then). */
export function boxesOf(cells: CellAt[], maxCells = 20_000): Box[] | undefined {
  const bySheet = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const c of cells) {
    const p = fromA1(c.address);
    if (!p) return undefined;
    const b = bySheet.get(c.sheet);
    if (!b) bySheet.set(c.sheet, { top: p.row, left: p.col, bottom: p.row, right: p.col });
    else {
      b.top = Math.min(b.top, p.row);
      b.left = Math.min(b.left, p.col);
      b.bottom = Math.max(b.bottom, p.row);
      b.right = Math.max(b.right, p.col);
    }
  }
  const boxes: Box[] = [];
  for (const [sheet, b] of bySheet) {
    const box = { sheet, top: b.top, left: b.left, rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 };
    if (box.rows * box.cols > maxCells) return undefined;
    boxes.push(box);
  }
  return boxes;
}

/** A copy of the snapshot with the boxes' fresh content written in (sheets not re-read are shared, not copied). */
export function patchSnapshot(snapshot: WorkbookSnapshot, contents: BoxContent[]): WorkbookSnapshot {
  const bySheet = new Map<string, BoxContent[]>();
  for (const c of contents) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => {
      const boxes = bySheet.get(s.name);
      return boxes ? patchSheet(s, boxes) : s;
    }),
  };
}

function patchSheet(sheet: SheetSnapshot, boxes: BoxContent[]): SheetSnapshot {
  // Grow the sheet's origin/extent to cover every box (an edit may land outside the old used range).
  let top = sheet.values.length ? sheet.origin.row : Infinity;
  let left = sheet.values.length ? sheet.origin.col : Infinity;
  let bottom = sheet.origin.row + sheet.values.length - 1;
  let right = sheet.origin.col + Math.max(0, ...sheet.values.map((r) => r.length)) - 1;
  for (const b of boxes) {
    top = Math.min(top, b.top);
    left = Math.min(left, b.left);
    bottom = Math.max(bottom, b.top + b.rows - 1);
    right = Math.max(right, b.left + b.cols - 1);
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const grid = <T>(src: T[][]): T[][] =>
    Array.from({ length: rows }, (_, r) => {
      const srcRow = src[r + top - sheet.origin.row];
      return Array.from({ length: cols }, (_, c) => (srcRow?.[c + left - sheet.origin.col] ?? null) as T);
    });
  const values = grid(sheet.values);
  const numberFormats = grid(sheet.numberFormats ?? []);
  const formulas = grid(sheet.formulas ?? []);
  for (const b of boxes) {
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) {
        values[b.top + r - top][b.left + c - left] = b.values[r]?.[c] ?? null;
        numberFormats[b.top + r - top][b.left + c - left] = b.numberFormats[r]?.[c] ?? null;
        formulas[b.top + r - top][b.left + c - left] = b.formulas[r]?.[c] ?? null;
      }
    }
  }
  return { ...sheet, origin: { row: top, col: left }, values, numberFormats, formulas };
}
