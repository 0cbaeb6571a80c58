/**
 * The inputs sheet 「说明数据」 (项目 | 内容 | 说明): facts the tables lack (prior-year figures, 机关运行经费,
 * 政府采购, reasons). Labels are matched after normalising spaces and punctuation.
 */
import { inputItemKey } from "../text/keys";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import { toA1 } from "../workbook/snapshot";
import { parseAmount } from "../workbook/amount";
import type { RecognitionResult } from "../recognize/types";
import type { InputSource } from "./types";
import { roundHalfUp } from "../metrics/rounding";

export const INPUTS_SHEET = "说明数据";

export type InputType = "text" | "year" | "amount" | "count";

export interface InputKeyDef {
  /** The canonical label, also the key. */
  key: string;
  type: InputType;
  aliases?: string[];
  /** zh-CN help shown in the 说明 column. */
  help: string;
}

const amount = (key: string, help: string, aliases?: string[]): InputKeyDef => ({ key, type: "amount", help, aliases });
const reason = (key: string, help: string, aliases?: string[]): InputKeyDef => ({ key, type: "text", help, aliases });

/** Every key the narrative reads from 「说明数据」, in the order the template sheet lists them. */
export const INPUT_KEYS: InputKeyDef[] = [
  { key: "单位名称", type: "text", help: "部门（单位）全称" },
  { key: "年度", type: "year", help: "决算年度，如 2019", aliases: ["决算年度"] },
  amount("上年收入支出总计", "上年度收入支出总计（万元），用于“一”的增减比较", ["上年收支总计", "上年收、支总计"]),
  amount("上年收入总计", "上年度收入总计（万元），收、支总计不等时填写"),
  amount("上年支出总计", "上年度支出总计（万元），收、支总计不等时填写"),
  amount("上年财政拨款收入总计", "上年度财政拨款收入总计（万元）"),
  amount("上年财政拨款支出总计", "上年度财政拨款支出总计（万元）"),
  amount("上年财政拨款收入支出总计", "上年度财政拨款收入支出总计（万元，上海写法）"),
  amount("上年一般公共预算财政拨款支出", "上年度一般公共预算财政拨款支出（万元）"),
  amount("上年“三公”经费合计", "上年度“三公”经费财政拨款支出合计（万元）；不填则按三项之和", ["上年三公经费合计", "上年三公经费"]),
  amount("上年因公出国（境）费", "上年度因公出国（境）费（万元）", ["上年因公出国境费"]),
  amount("上年公务用车购置及运行维护费", "上年度公务用车购置及运行维护费（万元）", ["上年公务用车购置及运行费"]),
  amount("上年公务接待费", "上年度公务接待费（万元）"),
  amount("机关运行经费", "本年机关运行经费支出（万元，财决附03表）", ["机关运行经费支出"]),
  amount("上年机关运行经费", "上年度机关运行经费支出（万元）", ["上年机关运行经费支出"]),
  amount("政府采购支出总额", "本年政府采购支出总额（万元）", ["政府采购金额"]),
  amount("政府采购货物支出", "政府采购货物支出（万元）", ["货物采购金额"]),
  amount("政府采购工程支出", "政府采购工程支出（万元）", ["工程采购金额"]),
  amount("政府采购服务支出", "政府采购服务支出（万元）", ["服务采购金额"]),
  amount("授予中小企业合同金额", "授予中小企业合同金额（万元）"),
  amount("授予小微企业合同金额", "授予小微企业合同金额（万元）"),
  { key: "车辆数", type: "count", help: "年末实有车辆数（辆，财决附03表）", aliases: ["车辆总数", "公务用车保有量"] },
  { key: "单价50万元以上通用设备数", type: "count", help: "单价50万元以上通用设备（台/套）" },
  { key: "单价100万元以上专用设备数", type: "count", help: "单价100万元以上专用设备（台/套）" },
  { key: "单价100万元以上设备数", type: "count", help: "单价100万元（含）以上设备（不含车辆，台/套；上海写法）" },
  reason("收支总计变动原因", "收入支出总计增减变动的主要原因", ["收入支出总计变动原因"]),
  reason("财政拨款收入变动原因", "财政拨款收入总计增减变动的主要原因"),
  reason("财政拨款支出变动原因", "财政拨款支出总计增减变动的主要原因"),
  reason("财政拨款收入支出变动原因", "财政拨款收入支出总计增减变动的主要原因（上海写法）"),
  reason("一般公共预算财政拨款支出变动原因", "一般公共预算财政拨款支出增减变动的主要原因"),
  reason("预算完成情况原因", "一般公共预算财政拨款支出决算数与预算数差异的主要原因"),
  reason("“三公”经费预算完成原因", "“三公”经费决算数与预算数差异的主要原因", ["三公经费预算完成原因"]),
  reason("“三公”经费变动原因", "“三公”经费合计增减变动的主要原因", ["三公经费变动原因"]),
  reason("因公出国（境）费变动原因", "因公出国（境）费增减变动的主要原因"),
  reason("公务用车购置及运行维护费变动原因", "公务用车购置及运行维护费增减变动的主要原因"),
  reason("公务接待费变动原因", "公务接待费增减变动的主要原因"),
  reason("机关运行经费变动原因", "机关运行经费增减变动的主要原因"),
  reason("政府采购主要用途", "政府采购支出主要用于什么"),
];


const LOOKUP = new Map<string, InputKeyDef>();
for (const def of INPUT_KEYS) {
  LOOKUP.set(inputItemKey(def.key), def);
  for (const a of def.aliases ?? []) LOOKUP.set(inputItemKey(a), def);
}

/** The input definition a label means, if any. */
export function inputKeyOf(label: string): InputKeyDef | undefined {
  return LOOKUP.get(inputItemKey(label));
}

export interface InputEntry {
  key: string;
  type: InputType;
  /** Number for amount/year/count keys. */
  number?: number;
  decimals?: number;
  /** Text as typed (trimmed). */
  text: string;
  source: InputSource;
}

export interface NarrativeInputs {
  sheet?: string;
  entries: Record<string, InputEntry>;
  /** Rows whose label is not a known key (kept for the user, not used). */
  unknown: { label: string; row: number }[];
  /** Rows with a known key whose content cannot be read as the expected type. */
  invalid: { key: string; row: number; text: string }[];
}

/** No inputs at all. */
export function emptyInputs(): NarrativeInputs {
  return { entries: {}, unknown: [], invalid: [] };
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/** Read 「说明数据」 from a snapshot (sheet name matched after normalising); empty inputs when absent. */
export function parseInputsSheet(snapshot: WorkbookSnapshot): NarrativeInputs {
  const sheet = snapshot.sheets.find((s) => inputItemKey(s.name) === INPUTS_SHEET);
  const out = emptyInputs();
  if (!sheet) return out;
  out.sheet = sheet.name;
  sheet.values.forEach((line, r) => {
    // The label is the first non-empty cell; the content is the next cell to its right.
    let c = 0;
    while (c < line.length && cellText(line[c]) === "") c++;
    if (c >= line.length) return;
    const label = cellText(line[c]);
    const raw = line[c + 1];
    const row = sheet.origin.row + r;
    const col = sheet.origin.col + c + 1;
    const def = inputKeyOf(label);
    if (!def) {
      if (!/^(项目|内容)$/.test(inputItemKey(label))) out.unknown.push({ label, row: row + 1 });
      return;
    }
    const text = cellText(raw);
    if (text === "") return;
    const source: InputSource = { inputsRow: row + 1, sheet: sheet.name, key: def.key, address: toA1(row, col) };
    const entry: InputEntry = { key: def.key, type: def.type, text, source };
    if (def.type !== "text") {
      const reading = parseAmount(raw ?? null, null, def.type === "amount" ? 2 : 0);
      if (reading.kind !== "amount") {
        out.invalid.push({ key: def.key, row: row + 1, text });
        return;
      }
      entry.number = reading.value;
      entry.decimals = reading.decimals;
    }
    out.entries[def.key] = entry;
  });
  return out;
}

/** One row of the inputs sheet the add-in / CLI can write. */
export interface InputsTemplateRow {
  项目: string;
  内容: string | number;
  说明: string;
}

/**
 * Rows for a 「说明数据」 sheet: every key the narrative needs, pre-filled with what the user already typed
 * (`existing`) or what the recognised tables give (单位名称, 年度, 机关运行经费 and 政府采购 from 财决附03表).
 */
export function buildInputsSheetTemplate(recognition: RecognitionResult, existing?: NarrativeInputs): InputsTemplateRow[] {
  const derived = deriveInputs(recognition);
  const rows: InputsTemplateRow[] = [{ 项目: "项目", 内容: "内容", 说明: "说明" }];
  for (const def of INPUT_KEYS) {
    const have = existing?.entries[def.key];
    let content: string | number = "";
    let help = def.help;
    if (have) content = have.number ?? have.text;
    else if (derived[def.key] !== undefined) {
      content = derived[def.key];
      help += "（已按报表自动填入，请核对）";
    }
    rows.push({ 项目: def.key, 内容: content, 说明: help });
  }
  return rows;
}

const F03_KEYS: Record<string, string> = {
  机关运行经费: "f_admin_cost",
  政府采购支出总额: "f_procurement_total",
  政府采购货物支出: "f_procurement_goods",
  政府采购工程支出: "f_procurement_works",
  政府采购服务支出: "f_procurement_services",
  授予中小企业合同金额: "f_sme_contracts",
  授予小微企业合同金额: "f_small_micro_contracts",
  车辆数: "f_vehicles",
};

function deriveInputs(recognition: RecognitionResult): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (recognition.unitName) out["单位名称"] = recognition.unitName;
  if (recognition.year) out["年度"] = recognition.year;
  const f03 = recognition.tables.find((t) => t.kind === "F03");
  if (f03) {
    const factor = f03.unit === "元" ? 1e-4 : 1;
    for (const [key, rowKey] of Object.entries(F03_KEYS)) {
      const row = f03.rows.find((r) => r.key === rowKey);
      const cell = row && Object.values(row.cells).find((c) => c && c.reading.kind === "amount");
      if (cell && cell.reading.kind === "amount") out[key] = key === "车辆数" ? cell.reading.value : roundHalfUp(cell.reading.value * factor, 2);
    }
  }
  return out;
}
