/** Helpers for rule tests: locate cells in views, edit them, run the engine and list findings by rule. */
import type { ColumnRole, TableKind } from "../../../../src/core/catalog/vocabulary";
import type { RecognitionResult, RowView, TableView } from "../../../../src/core/recognize/types";
import { compileForWorkbook, evaluate } from "../../../../src/core/rules/index";
import type { Program, ValidateOptions } from "../../../../src/core/rules/index";
import type { ValidationResult } from "../../../../src/core/rules/types";
import { cellAt } from "../../../../src/core/workbook/snapshot";
import type { CellValue, WorkbookSnapshot } from "../../../../src/core/workbook/snapshot";
import { setCell } from "./builder";
import type { RowSpec, TableSpec } from "./builder";

export interface Workbook {
  snapshot: WorkbookSnapshot;
  recognition: RecognitionResult;
}

export function view(wb: Workbook, kind: TableKind): TableView {
  const v = wb.recognition.tables.find((t) => t.kind === kind);
  if (!v) throw new Error(`no ${kind} in workbook`);
  return v;
}

export function row(wb: Workbook, kind: TableKind, key: string): RowView {
  const r = view(wb, kind).rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${kind}`);
  return r;
}

/** "sheet!A1" of a cell. */
export function at(wb: Workbook, kind: TableKind, key: string, role: ColumnRole): string {
  const c = row(wb, kind, key).cells[role];
  if (!c) throw new Error(`no cell ${kind}[${key}, ${role}]`);
  return `${c.sheet}!${c.address}`;
}

/** Current numeric value of a cell. */
export function valueAt(wb: Workbook, kind: TableKind, key: string, role: ColumnRole): number {
  const c = row(wb, kind, key).cells[role]!;
  const s = wb.snapshot.sheets.find((x) => x.name === c.sheet)!;
  const v = cellAt(s, c.row, c.col);
  return typeof v === "number" ? v : Number(v ?? 0);
}

/** Set a cell to a value. */
export function put(wb: Workbook, kind: TableKind, key: string, role: ColumnRole, value: CellValue): void {
  const c = row(wb, kind, key).cells[role]!;
  setCell(wb.snapshot, c.sheet, c.address, value);
}

/** Add delta (万元, rounded to 2 decimals) to a cell. */
export function bump(wb: Workbook, kind: TableKind, key: string, role: ColumnRole, delta: number): void {
  put(wb, kind, key, role, Math.round((valueAt(wb, kind, key, role) + delta) * 100) / 100);
}

export function run(wb: Workbook, options: ValidateOptions = {}): { result: ValidationResult; program: Program } {
  const program = compileForWorkbook(wb.recognition, wb.snapshot, options);
  const result = evaluate(program, wb.snapshot, options).result;
  return { result, program };
}

/** Sorted "sheet!A1" targets of the findings of one rule. */
export function targetsOf(result: ValidationResult, rule: string): string[] {
  return result.findings
    .filter((f) => f.rule === rule)
    .map((f) => `${f.target.sheet}!${f.target.address}`)
    .sort();
}

/** Number of checks a rule compiled to. */
export function checksOf(program: Program, rule: string): number {
  const idx = program.rules.findIndex((r) => r.id === rule);
  return program.checks.filter((c) => c.rule === idx).length;
}

/** First subject row of a level (1 类, 2 款, 3 项) in a table. */
export function firstCode(wb: Workbook, kind: TableKind, level: 1 | 2 | 3): string {
  const r = view(wb, kind).rows.find((x) => x.kind === "code" && x.level === level);
  if (!r) throw new Error(`no level-${level} row in ${kind}`);
  return r.key;
}

/**
 * Extra tables consistent with generated ones: Sichuan's SC5 / SC7 (economic classes, from T6 plus the project and
 * fund money in classes of their own), SC9 (T5's project column), F03 (机关运行经费 and 政府采购, in 元) and an MOF Z01.
 */
export function extraTables(tables: TableSpec[]): TableSpec[] {
  const spec = (kind: TableKind): TableSpec => tables.find((t) => t.kind === kind)!;
  const val = (kind: TableKind, key: string, role: ColumnRole): number => (spec(kind).rows.find((r) => r.key === key)?.values[role] as number | undefined) ?? 0;
  const cents = (x: number): number => Math.round(x * 100) / 100;
  const t5 = { total: val("T5", "total", "total"), basic: val("T5", "total", "basic"), project: val("T5", "total", "project") };
  const t6Codes = spec("T6").rows.filter((r) => /^\d+$/.test(r.key));
  // SC7: T6's basic expenditure per economic code; T5's project money under 309 / 30905
  const sc7Rows: RowSpec[] = [
    { key: "total", values: { total: t5.total, basic: t5.basic, project: t5.project } },
    ...t6Codes.map((r) => ({ key: r.key, label: r.label, values: { total: r.values.amount as number, basic: r.values.amount as number, project: 0 } })),
    { key: "309", label: "经济309", values: { total: t5.project, basic: 0, project: t5.project } },
    { key: "30905", label: "经济30905", values: { total: t5.project, basic: 0, project: t5.project } },
  ];
  // SC5: all fiscal money, the fund tables' spending under 399 / 39999
  const fundBasic = cents(val("T8", "total", "exp_basic") + val("T9", "total", "exp_basic"));
  const fundProject = cents(val("T8", "total", "exp_project") + val("T9", "total", "exp_project"));
  const fundTotal = cents(val("T8", "total", "exp_total") + val("T9", "total", "exp_total"));
  const sc5Rows: RowSpec[] = [
    { key: "total", values: { total: val("T4", "exp_total_year", "total"), basic: cents(t5.basic + fundBasic), project: cents(t5.project + fundProject) } },
    ...sc7Rows.slice(1).map((r) => ({ ...r, values: { ...r.values } })),
    { key: "399", label: "经济399", values: { total: fundTotal, basic: fundBasic, project: fundProject } },
    { key: "39999", label: "经济39999", values: { total: fundTotal, basic: fundBasic, project: fundProject } },
  ];
  // SC9: T5's subject rows with their project spending
  const sc9Rows: RowSpec[] = spec("T5").rows.map((r) => ({ key: r.key, label: r.label, values: { total: r.values.project as number } }));
  const publicTotalWan = val("T6", "public_total", "amount");
  return [
    { kind: "SC5", columns: ["total", "basic", "project"], rows: sc5Rows },
    { kind: "SC7", columns: ["total", "basic", "project"], rows: sc7Rows },
    { kind: "SC9", columns: ["total"], rows: sc9Rows },
    // 元: 机关运行经费 half of 公用经费合计; 政府采购 200,000.75 = 120,000 + 30,000.50 + 50,000.25, 中小企业 ≥ 小微企业
    {
      kind: "F03",
      unit: "元",
      columns: ["amount"],
      rows: [
        { key: "f_admin_cost", values: { amount: Math.round(publicTotalWan * 5000 * 100) / 100 } },
        { key: "f_procurement_total", values: { amount: 200000.75 } },
        { key: "f_procurement_goods", values: { amount: 120000 } },
        { key: "f_procurement_works", values: { amount: 30000.5 } },
        { key: "f_procurement_services", values: { amount: 50000.25 } },
        { key: "f_sme_contracts", values: { amount: 150000 } },
        { key: "f_small_micro_contracts", values: { amount: 80000 } },
      ],
    },
    z01Table(),
  ];
}

/** A consistent 财决01 (元, rows keyed L1…L88, three amount columns). */
export function z01Table(): TableSpec {
  const cols: ColumnRole[] = ["budget_initial", "budget_adjusted", "final"];
  const byCol: Record<string, Map<number, number>> = {};
  cols.forEach((c, k) => {
    const v = new Map<number, number>();
    for (let i = 1; i <= 88; i++) v.set(i, 0);
    const cents = (x: number): number => x * 100 + 37 * (k + 1);
    for (let i = 1; i <= 8; i++) v.set(i, cents(1000 * i));
    v.set(27, [...Array(8).keys()].reduce((a, i) => a + v.get(i + 1)!, 0));
    v.set(28, cents(500));
    v.set(29, cents(90_000));
    v.set(31, v.get(27)! + v.get(28)! + v.get(29)!);
    for (let i = 32; i <= 57; i++) v.set(i, cents(100 * i));
    const l84 = [...Array(26).keys()].reduce((a, i) => a + v.get(32 + i)!, 0);
    v.set(84, l84);
    v.set(59, cents(3000));
    v.set(60, cents(2000));
    v.set(58, v.get(59)! + v.get(60)!);
    v.set(61, cents(4000));
    v.set(62, cents(1500));
    v.set(63, cents(1000));
    v.set(64, cents(800));
    v.set(65, l84 - v.get(58)! - v.get(61)! - v.get(63)! - v.get(64)!);
    v.set(85, cents(700));
    v.set(86, v.get(31)! - l84 - v.get(85)!);
    v.set(88, v.get(84)! + v.get(85)! + v.get(86)!);
    byCol[c] = v;
  });
  const rows: RowSpec[] = [];
  for (let i = 1; i <= 88; i++) rows.push({ key: `L${i}`, label: `第${i}行`, values: Object.fromEntries(cols.map((c) => [c, byCol[c].get(i)! / 100])) });
  return { kind: "Z01", unit: "元", columns: cols, rows };
}
