/**
 * Test helper: build a RecognitionResult straight from a fixture Dataset (as recognition would read it), so the
 * narrative can be tested independently of the recognizer. Addresses are synthetic but stable: sheet = table kind,
 * one row per dataset row, one column per role.
 */
import type { ColumnRole, TableKind } from "../../../src/core/catalog/vocabulary";
import type { CellRef, RecognitionResult, RowView, TableView } from "../../../src/core/recognize/types";
import { toA1, type WorkbookSnapshot } from "../../../src/core/workbook/snapshot";
import type { CodedTable, Dataset } from "../../fixtures/data/types";

class ViewBuilder {
  rows: RowView[] = [];
  cols = new Map<ColumnRole, number>();
  constructor(readonly kind: TableKind, readonly sheet: string) {}
  private col(role: ColumnRole): number {
    if (!this.cols.has(role)) this.cols.set(role, this.cols.size + 2);
    return this.cols.get(role)!;
  }
  cell(row: number, role: ColumnRole, value: number | undefined): CellRef {
    const col = this.col(role);
    return {
      sheet: this.sheet,
      address: toA1(row, col),
      row,
      col,
      text: value === undefined || value === 0 ? "" : value.toFixed(2),
      reading: value === undefined || value === 0 ? { kind: "blank" } : { kind: "amount", value, decimals: 2 },
    };
  }
  add(key: string, label: string, values: Partial<Record<ColumnRole, number>>, extra: Partial<RowView> = {}): void {
    const sheetRow = this.rows.length + 4;
    const cells: RowView["cells"] = {};
    for (const [role, v] of Object.entries(values) as [ColumnRole, number][]) cells[role] = this.cell(sheetRow, role, v);
    this.rows.push({ key, kind: "item", label, role: "item", sheetRow, cells, ...extra });
  }
  coded(t: CodedTable, system: "function" | "economic"): void {
    this.add("total", "合计", t.total, { role: "total" });
    for (const r of t.rows) {
      const level = (r.code.length === 3 ? 1 : r.code.length === 5 ? 2 : 3) as 1 | 2 | 3;
      this.add(r.code, r.name, r.values, { kind: "code", code: r.code, level, codeSystem: system });
    }
  }
  view(empty = false): TableView {
    return {
      kind: this.kind,
      variant: "test",
      sheet: this.sheet,
      title: this.kind,
      unit: "万元",
      decimals: 2,
      confidence: 1,
      range: { top: 0, left: 0, bottom: this.rows.length + 4, right: 10 },
      columns: [...this.cols.entries()].map(([role, col]) => ({ role, header: role, col })),
      rows: this.rows,
      empty,
      missingRows: [],
      missingColumns: [],
      unplacedRows: [],
    };
  }
}

/** A RecognitionResult equivalent to what recognize() should read from the dataset's workbook. */
export function recognitionFromDataset(d: Dataset): RecognitionResult {
  const tables: TableView[] = [];
  const t1 = new ViewBuilder("T1", "收入支出决算总表");
  for (const [k, v] of Object.entries(d.t1.items)) t1.add(k, k, { amount: v });
  for (const r of d.t1.classes) t1.add(r.code, r.name, r.values, { kind: "code", code: r.code, level: 1, codeSystem: "function", side: "expenditure" });
  tables.push(t1.view());
  const t2 = new ViewBuilder("T2", "收入决算表");
  t2.coded(d.t2, "function");
  tables.push(t2.view());
  const t3 = new ViewBuilder("T3", "支出决算表");
  t3.coded(d.t3, "function");
  tables.push(t3.view());
  const t4 = new ViewBuilder("T4", "财政拨款收入支出决算总表");
  for (const [k, v] of Object.entries(d.t4.income)) t4.add(k, k, { amount: v });
  for (const r of d.t4.classes) t4.add(r.code, r.name, r.values, { kind: "code", code: r.code, level: 1, codeSystem: "function" });
  for (const [k, v] of Object.entries(d.t4.expenditure)) t4.add(k, k, v ?? {});
  tables.push(t4.view());
  const t5 = new ViewBuilder("T5", "一般公共预算财政拨款支出决算表");
  t5.coded(d.t5, "function");
  tables.push(t5.view());
  const t6 = new ViewBuilder("T6", "一般公共预算财政拨款基本支出决算表");
  for (const r of d.t6.rows) {
    const level = (r.code.length === 3 ? 1 : 2) as 1 | 2;
    t6.add(r.code, r.name, r.values, { kind: "code", code: r.code, level, codeSystem: "economic" });
  }
  t6.add("personnel_total", "人员经费合计", { amount: d.t6.personnel_total }, { role: "total" });
  t6.add("public_total", "公用经费合计", { amount: d.t6.public_total }, { role: "total" });
  tables.push(t6.view());
  const t7 = new ViewBuilder("T7", "财政拨款“三公”经费支出决算表");
  for (const [k, v] of Object.entries(d.t7)) if (v) t7.add(k, k, { budget: v.budget, final: v.final });
  tables.push(t7.view());
  for (const [kind, ft] of [["T8", d.t8], ["T9", d.t9]] as const) {
    const b = new ViewBuilder(kind, kind === "T8" ? "政府性基金预算财政拨款收入支出决算表" : "国有资本经营预算财政拨款收入支出决算表");
    if (!ft.empty) b.coded(ft, "function");
    tables.push(b.view(ft.empty));
  }
  if (d.f03) {
    const f = new ViewBuilder("F03", "机构运行信息表");
    for (const [k, v] of Object.entries(d.f03)) f.add(k, k, { amount: v });
    tables.push(f.view());
  }
  return { tables, ignoredSheets: [], issues: [], year: d.year, unitName: d.unitName };
}

/** A snapshot holding only the 「说明数据」 sheet of a dataset (项目 | 内容). */
export function inputsSnapshot(d: Dataset, omit: string[] = []): WorkbookSnapshot {
  const values: (string | number | null)[][] = [["项目", "内容", "说明"]];
  for (const [k, v] of Object.entries(d.narrative)) if (!omit.includes(k)) values.push([k, v, null]);
  return { sheets: [{ name: "说明数据", visibility: "visible", origin: { row: 0, col: 0 }, values }] };
}
