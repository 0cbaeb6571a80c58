/**
 * Build a snapshot and its table views from a compact description, so rule tests do not depend on recognition.
 * Each table gets its own sheet: a title row, a header row, then one row per RowSpec (label in column A, the
 * table's columns from B on). Two-sided tables simply list income rows then expenditure rows.
 */
import type { ColumnRole, TableKind, Unit } from "../../../../src/core/catalog/vocabulary";
import { TABLE_KINDS } from "../../../../src/core/catalog/vocabulary";
import type { CellRef, RecognitionResult, RowView, TableView } from "../../../../src/core/recognize/types";
import { parseAmount } from "../../../../src/core/workbook/amount";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../../src/core/workbook/snapshot";
import { toA1 } from "../../../../src/core/workbook/snapshot";

export interface RowSpec {
  key: string;
  label?: string;
  side?: "income" | "expenditure";
  values: Partial<Record<ColumnRole, CellValue>>;
}

export interface TableSpec {
  kind: TableKind;
  sheet?: string;
  unit?: Unit;
  decimals?: number;
  empty?: boolean;
  columns: ColumnRole[];
  rows: RowSpec[];
}

export const AMOUNT_FORMAT = "#,##0.00";

function codeLevel(key: string): 1 | 2 | 3 | undefined {
  if (!/^\d+$/.test(key)) return undefined;
  return key.length === 3 ? 1 : key.length === 5 ? 2 : key.length === 7 ? 3 : undefined;
}

/** Build one table's sheet and view. */
export function buildTable(spec: TableSpec): { sheet: SheetSnapshot; view: TableView } {
  const name = spec.sheet ?? `${spec.kind} ${TABLE_KINDS[spec.kind]}`;
  const decimals = spec.decimals ?? 2;
  const unit = spec.unit ?? "万元";
  const width = spec.columns.length + 1;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  values.push([TABLE_KINDS[spec.kind], ...new Array(width - 1).fill(null)]);
  formats.push(new Array(width).fill(null));
  values.push(["项目", ...spec.columns]);
  formats.push(new Array(width).fill(null));
  const rows: RowView[] = [];
  spec.rows.forEach((r, i) => {
    const sheetRow = i + 2;
    const line: CellValue[] = [r.label ?? r.key];
    const fline: (string | null)[] = [null];
    const cells: Partial<Record<ColumnRole, CellRef>> = {};
    spec.columns.forEach((role, j) => {
      const has = Object.prototype.hasOwnProperty.call(r.values, role);
      const v = has ? (r.values[role] ?? null) : null;
      line.push(v);
      fline.push(typeof v === "number" ? AMOUNT_FORMAT : null);
      if (has) {
        const col = j + 1;
        cells[role] = {
          sheet: name,
          address: toA1(sheetRow, col),
          row: sheetRow,
          col,
          text: v === null ? "" : String(v),
          reading: parseAmount(v, typeof v === "number" ? AMOUNT_FORMAT : null, decimals),
        };
      }
    });
    values.push(line);
    formats.push(fline);
    const level = codeLevel(r.key);
    const isCode = level !== undefined;
    rows.push({
      key: r.key,
      kind: isCode ? "code" : "item",
      label: r.label ?? r.key,
      code: isCode ? r.key : undefined,
      level,
      codeSystem: isCode ? (r.key.startsWith("3") ? "economic" : "function") : undefined,
      role: r.key === "total" || r.key.endsWith("grand_total") ? "total" : isCode && level !== 3 ? "subtotal" : "item",
      sheetRow,
      side: r.side,
      cells,
    });
  });
  const sheet: SheetSnapshot = { name, visibility: "visible", origin: { row: 0, col: 0 }, values, numberFormats: formats };
  const view: TableView = {
    kind: spec.kind,
    variant: "test",
    sheet: name,
    title: TABLE_KINDS[spec.kind],
    unit,
    decimals,
    confidence: 1,
    range: { top: 0, left: 0, bottom: values.length - 1, right: width - 1 },
    columns: spec.columns.map((role, j) => ({ role, header: role, col: j + 1 })),
    rows,
    empty: spec.empty ?? false,
    missingRows: [],
    missingColumns: [],
    unplacedRows: [],
  };
  return { sheet, view };
}

/** Build a workbook (snapshot + recognition) from table specs and optional extra sheets. */
export function buildWorkbook(tables: TableSpec[], extraSheets: SheetSnapshot[] = []): { snapshot: WorkbookSnapshot; recognition: RecognitionResult } {
  const built = tables.map(buildTable);
  return {
    snapshot: { name: "test.xlsx", sheets: [...built.map((b) => b.sheet), ...extraSheets] },
    recognition: { tables: built.map((b) => b.view), ignoredSheets: [], issues: [] },
  };
}

/** Set a cell of the snapshot (absolute zero-based row/col), keeping the amount format. */
export function setCell(snapshot: WorkbookSnapshot, sheet: string, address: string, value: CellValue): void {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  col -= 1;
  const row = Number(m[2]) - 1;
  const r = row - s.origin.row;
  const c = col - s.origin.col;
  s.values[r][c] = value;
  if (s.numberFormats) s.numberFormats[r][c] = typeof value === "number" ? AMOUNT_FORMAT : null;
}

/** A sheet from plain rows (for 「审核公式」). */
export function plainSheet(name: string, rows: CellValue[][]): SheetSnapshot {
  return { name, visibility: "visible", origin: { row: 0, col: 0 }, values: rows };
}
