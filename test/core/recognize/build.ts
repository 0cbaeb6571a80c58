/** Small builders for inline test snapshots (not fixtures: those come from test/fixtures). */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/workbook/snapshot";
import { cellOf, type RecognitionResult } from "../../../src/core/recognize";
import type { ExpectedCell } from "../../fixtures/grid";

export interface SheetOptions {
  origin?: { row: number; col: number };
  merges?: SheetSnapshot["merges"];
  visibility?: SheetSnapshot["visibility"];
  numberFormats?: (string | null)[][];
}

/** A sheet from rows of values; ragged rows are padded with null. */
export function sheet(name: string, rows: CellValue[][], opts: SheetOptions = {}): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  return {
    name,
    visibility: opts.visibility ?? "visible",
    origin: opts.origin ?? { row: 0, col: 0 },
    values,
    merges: opts.merges,
    numberFormats: opts.numberFormats,
  };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "test.xlsx", sheets };
}

/** Zero-based inclusive merge. */
export const merge = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

/** Sichuan/national T1 two-sided body rows (income label, amount, expenditure label, amount). */
export const T1_ROWS: CellValue[][] = [
  ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", 2106.66],
  ["二、政府性基金预算财政拨款收入", null, "二、外交支出", null],
  ["三、国有资本经营预算财政拨款收入", null, "三、国防支出", null],
  ["四、上级补助收入", null, "四、公共安全支出", null],
  ["五、事业收入", null, "五、教育支出", null],
  ["六、经营收入", null, "六、科学技术支出", null],
  ["七、附属单位上缴收入", null, "七、文化旅游体育与传媒支出", null],
  ["八、其他收入", 6.2, "八、社会保障和就业支出", 326.71],
  [null, null, "九、卫生健康支出", 60.99],
  [null, null, "十九、住房保障支出", 445.69],
  ["本年收入合计", 2946.25, "本年支出合计", 2940.05],
  ["使用非财政拨款结余（含专用结余）", null, "结余分配", null],
  ["年初结转和结余", 49.14, "年末结转和结余", 55.34],
  ["总计", 2995.39, "总计", 2995.39],
];

/**
 * The expected amounts recognition did not read at their address (as 「T1 key/role sheet!A1=v got A2=text」): each
 * must be found at exactly its cell with its value (a blank cell reads as 0, and never as an invalid amount).
 */
export function misplacedAmounts(r: RecognitionResult, expected: readonly ExpectedCell[]): string[] {
  const wrong: string[] = [];
  for (const e of expected) {
    const t = r.tables.find((x) => x.kind === e.kind && x.sheet === e.sheet);
    const c = t ? cellOf(t, e.rowKey, e.role) : undefined;
    const value = c?.reading.kind === "amount" ? c.reading.value : c?.reading.kind === "blank" ? 0 : Number.NaN;
    const ok = c !== undefined && c.address === e.address && Math.abs(value - e.value) < 1e-9 && (!e.blank || c.reading.kind !== "invalid");
    if (!ok) wrong.push(`${e.kind} ${e.rowKey}/${e.role} ${e.sheet}!${e.address}=${e.value} got ${c?.address}=${c?.text}`);
  }
  return wrong;
}
