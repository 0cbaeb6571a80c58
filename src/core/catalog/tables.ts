/**
 * The table catalogue as data: the nine national public tables, Sichuan's thirteen 附表 and the MOF 财决 export
 * sheets. Shared row/column lists are plain constants reused by several variants; a new province's variant is
 * one more entry in TABLE_DEFS_INPUT.
 */
import type { ColumnDef, RowItemDef, TableDef, TableDefInput } from "./schema";

type RowIn = Omit<RowItemDef, "aliases" | "role" | "required"> & Partial<Pick<RowItemDef, "aliases" | "role" | "required">>;
type ColIn = Omit<ColumnDef, "aliases" | "required"> & Partial<Pick<ColumnDef, "aliases" | "required">>;

// ---- two-sided totals tables (T1, T4, 财决01) ----
const T1_INCOME: RowIn[] = [
  { key: "inc_gpb", label: "一般公共预算财政拨款收入", aliases: ["一般公共预算财政拨款"], side: "income", required: true },
  { key: "inc_gf", label: "政府性基金预算财政拨款收入", aliases: ["政府性基金预算财政拨款"], side: "income", required: true },
  { key: "inc_soc", label: "国有资本经营预算财政拨款收入", aliases: ["国有资本经营预算财政拨款"], side: "income", required: true },
  { key: "inc_superior", label: "上级补助收入", side: "income", required: true },
  { key: "inc_business", label: "事业收入", side: "income", required: true },
  { key: "inc_operating", label: "经营收入", side: "income", required: true },
  { key: "inc_affiliated", label: "附属单位上缴收入", side: "income", required: true },
  { key: "inc_other", label: "其他收入", side: "income", required: true },
  { key: "inc_total_year", label: "本年收入合计", aliases: ["本年收入小计"], role: "subtotal", side: "income", required: true },
  {
    key: "inc_use_surplus",
    label: "使用非财政拨款结余（含专用结余）",
    aliases: ["使用非财政拨款结余", "使用非财政拨款结余(含专用基金)", "用事业基金弥补收支差额"],
    side: "income",
    required: true,
  },
  { key: "inc_begin_balance", label: "年初结转和结余", aliases: ["年初财政拨款结转和结余"], side: "income", required: true },
  { key: "inc_grand_total", label: "总计", aliases: ["收入总计", "收入合计"], role: "total", side: "income", required: true },
];

// Older public templates list the 支出 side by nature, instead of or besides the 类 rows (optional rows). Not
// in 财决01, whose 基本支出/项目支出 lines (行次 59–…) stay keyed by 行次 for the MOF row formulas.
const T1_EXPENDITURE_BY_NATURE: RowIn[] = [
  { key: "exp_nature_basic", label: "基本支出", side: "expenditure" },
  { key: "exp_nature_project", label: "项目支出", side: "expenditure" },
  { key: "exp_nature_upper", label: "上缴上级支出", aliases: ["上缴上级"], side: "expenditure" },
  { key: "exp_nature_operating", label: "经营支出", side: "expenditure" },
  { key: "exp_nature_subsidy", label: "对附属单位补助支出", aliases: ["对附属单位补助"], side: "expenditure" },
];

const T1_EXPENDITURE: RowIn[] = [
  { key: "exp_total_year", label: "本年支出合计", aliases: ["本年支出小计"], role: "subtotal", side: "expenditure", required: true },
  { key: "exp_surplus_dist", label: "结余分配", side: "expenditure", required: true },
  { key: "exp_end_balance", label: "年末结转和结余", aliases: ["年末财政拨款结转和结余"], side: "expenditure", required: true },
  { key: "exp_grand_total", label: "总计", aliases: ["支出总计", "支出合计"], role: "total", side: "expenditure", required: true },
];

const T4_INCOME: RowIn[] = [
  { key: "inc_gpb", label: "一般公共预算财政拨款", aliases: ["一般公共预算财政拨款收入"], side: "income", required: true },
  { key: "inc_gf", label: "政府性基金预算财政拨款", aliases: ["政府性基金预算财政拨款收入"], side: "income", required: true },
  { key: "inc_soc", label: "国有资本经营预算财政拨款", aliases: ["国有资本经营预算财政拨款收入"], side: "income" },
  { key: "inc_total_year", label: "本年收入合计", aliases: ["本年收入小计"], role: "subtotal", side: "income", required: true },
  {
    key: "inc_begin_balance",
    label: "年初财政拨款结转和结余",
    aliases: ["年初结转和结余"],
    role: "subtotal",
    side: "income",
    required: true,
  },
  {
    key: "inc_begin_gpb",
    label: "一般公共预算财政拨款",
    aliases: ["年初结转和结余一般公共预算财政拨款", "年初财政拨款结转和结余一般公共预算财政拨款"],
    side: "income",
    under: "inc_begin_balance",
  },
  {
    key: "inc_begin_gf",
    label: "政府性基金预算财政拨款",
    aliases: ["年初结转和结余政府性基金预算财政拨款", "年初财政拨款结转和结余政府性基金预算财政拨款"],
    side: "income",
    under: "inc_begin_balance",
  },
  {
    key: "inc_begin_soc",
    label: "国有资本经营预算财政拨款",
    aliases: ["年初结转和结余国有资本经营预算财政拨款", "年初财政拨款结转和结余国有资本经营预算财政拨款"],
    side: "income",
    under: "inc_begin_balance",
  },
  { key: "inc_grand_total", label: "总计", aliases: ["收入总计"], role: "total", side: "income", required: true },
];

const T4_EXPENDITURE: RowIn[] = [
  { key: "exp_total_year", label: "本年支出合计", aliases: ["本年支出小计"], role: "subtotal", side: "expenditure", required: true },
  {
    key: "exp_end_balance",
    label: "年末财政拨款结转和结余",
    aliases: ["年末结转和结余"],
    side: "expenditure",
    required: true,
  },
  { key: "exp_grand_total", label: "总计", aliases: ["支出总计"], role: "total", side: "expenditure", required: true },
];

const T1_COLUMNS: ColIn[] = [{ role: "amount", header: "决算数", aliases: ["金额", "本年决算数", "决算金额", "本年数"] }];

const T4_COLUMNS: ColIn[] = [
  { role: "amount", header: "决算数", aliases: ["金额", "本年决算数"], side: "income" },
  { role: "total", header: "合计", aliases: ["决算数合计", "小计"], side: "expenditure" },
  { role: "gpb", header: "一般公共预算财政拨款", aliases: ["一般公共预算"], side: "expenditure" },
  { role: "gf", header: "政府性基金预算财政拨款", aliases: ["政府性基金预算"], side: "expenditure" },
  { role: "soc", header: "国有资本经营预算财政拨款", aliases: ["国有资本经营预算"], side: "expenditure", required: false },
];

const BUDGET_FINAL_COLUMNS: ColIn[] = [
  { role: "budget_initial", header: "年初预算数", aliases: ["年初预算"], required: false },
  { role: "budget_adjusted", header: "全年预算数", aliases: ["调整预算数", "调整后预算数", "全年预算"], required: false },
  { role: "final", header: "决算数", aliases: ["本年决算数", "决算"] },
];

// ---- coded tables ----
const TOTAL_ROW: RowIn = { key: "total", label: "合计", aliases: ["总计", "合计数"], role: "total", required: true };

const T2_COLUMNS: ColIn[] = [
  { role: "total", header: "本年收入合计", aliases: ["合计", "收入合计", "本年收入"] },
  { role: "fiscal", header: "财政拨款收入", aliases: ["财政拨款", "财政拨款收入小计", "财政拨款收入合计"] },
  { role: "gpb", header: "一般公共预算财政拨款", aliases: ["一般公共预算"], required: false },
  { role: "gf", header: "政府性基金预算财政拨款", aliases: ["政府性基金预算"], required: false },
  { role: "soc", header: "国有资本经营预算财政拨款", aliases: ["国有资本经营预算"], required: false },
  { role: "superior", header: "上级补助收入" },
  { role: "business", header: "事业收入" },
  { role: "operating", header: "经营收入" },
  { role: "affiliated", header: "附属单位上缴收入", aliases: ["附属单位缴款"] },
  { role: "other", header: "其他收入" },
];

const T3_COLUMNS: ColIn[] = [
  { role: "total", header: "本年支出合计", aliases: ["合计", "支出合计", "本年支出"] },
  { role: "basic", header: "基本支出" },
  { role: "project", header: "项目支出" },
  { role: "upper", header: "上缴上级支出" },
  { role: "operating_exp", header: "经营支出" },
  { role: "subsidy", header: "对附属单位补助支出", aliases: ["对附属单位补助"] },
];

const T5_COLUMNS: ColIn[] = [
  { role: "budget_initial", header: "年初预算数", aliases: ["年初预算"], required: false },
  { role: "budget_adjusted", header: "调整预算数", aliases: ["全年预算数", "调整后预算数", "调整预算", "调整后预算", "全年预算"], required: false },
  { role: "total", header: "合计", aliases: ["决算数合计", "小计", "决算数", "本年支出合计", "本年数", "本年决算数"] },
  { role: "basic", header: "基本支出" },
  { role: "project", header: "项目支出" },
];

const FUND_COLUMNS: ColIn[] = [
  { role: "begin_balance", header: "年初结转和结余", aliases: ["年初结转结余"] },
  { role: "income", header: "本年收入" },
  { role: "exp_total", header: "本年支出小计", aliases: ["本年支出合计", "本年支出"] },
  { role: "exp_basic", header: "本年支出基本支出", aliases: ["基本支出"] },
  { role: "exp_project", header: "本年支出项目支出", aliases: ["项目支出"] },
  { role: "end_balance", header: "年末结转和结余", aliases: ["年末结转结余"] },
];

// T9 is often printed with only the expenditure columns (Sichuan 十三 国有资本经营预算支出决算表).
const SOC_EXPENDITURE_COLUMNS: ColIn[] = [
  { role: "begin_balance", header: "年初结转和结余", required: false },
  { role: "income", header: "本年收入", required: false },
  { role: "exp_total", header: "本年支出小计", aliases: ["本年支出合计", "本年支出", "合计", "支出合计"] },
  { role: "exp_basic", header: "本年支出基本支出", aliases: ["基本支出"] },
  { role: "exp_project", header: "本年支出项目支出", aliases: ["项目支出"] },
  { role: "end_balance", header: "年末结转和结余", required: false },
];

const BASIC_ROWS: RowIn[] = [
  { key: "personnel_total", label: "人员经费合计", aliases: ["人员经费"], role: "subtotal", required: true },
  { key: "public_total", label: "公用经费合计", aliases: ["公用经费"], role: "subtotal", required: true },
  { key: "total", label: "合计", aliases: ["总计", "基本支出合计"], role: "total" },
];

const BASIC_COLUMNS: ColIn[] = [
  { role: "amount", header: "决算数", aliases: ["金额", "合计", "本年决算数", "基本支出"] },
  { role: "personnel", header: "人员经费", required: false },
  { role: "public_exp", header: "公用经费", required: false },
];

const ECON_DETAIL_COLUMNS: ColIn[] = [
  { role: "total", header: "合计", aliases: ["决算数", "本年支出合计", "决算数合计"] },
  { role: "basic", header: "基本支出", aliases: ["基本支出小计"] },
  { role: "personnel", header: "人员经费", aliases: ["基本支出人员经费"], required: false },
  { role: "public_exp", header: "公用经费", aliases: ["基本支出公用经费"], required: false },
  { role: "project", header: "项目支出" },
];

// ---- 三公 ----
const SG_ROWS: RowIn[] = [
  { key: "sg_total", label: "合计", aliases: ["“三公”经费合计", "三公经费合计", "三公经费"], role: "total", required: true },
  { key: "sg_abroad", label: "因公出国（境）费", aliases: ["因公出国(境)费用", "因公出国（境）费用", "因公出国费"], required: true },
  {
    key: "sg_vehicle",
    label: "公务用车购置及运行维护费",
    aliases: ["公务用车购置及运行维护费小计", "公务用车购置及运行费", "公务用车购置及运行费小计", "公务用车费"],
    role: "subtotal",
    required: true,
  },
  { key: "sg_vehicle_purchase", label: "公务用车购置费", aliases: ["公务用车购置"], required: true },
  { key: "sg_vehicle_operation", label: "公务用车运行维护费", aliases: ["公务用车运行费", "公务用车运行维护"], required: true },
  { key: "sg_reception", label: "公务接待费", required: true },
];
const SG_COLUMNS: ColIn[] = [
  { role: "budget", header: "预算数", aliases: ["全年预算数", "年初预算数", "预算"] },
  { role: "final", header: "决算数", aliases: ["决算", "实际支出数", "本年数", "本年决算数"] },
];

// ---- F03 机构运行信息表 ----
const F03_ROWS: RowIn[] = [
  { key: "f_admin_cost", label: "机关运行经费", aliases: ["机关运行经费支出", "机关运行经费合计"], required: true },
  { key: "f_procurement_total", label: "政府采购支出总额", aliases: ["政府采购支出合计", "政府采购金额", "政府采购总额"] },
  { key: "f_procurement_goods", label: "政府采购货物支出", aliases: ["货物支出", "货物"] },
  { key: "f_procurement_works", label: "政府采购工程支出", aliases: ["工程支出", "工程"] },
  { key: "f_procurement_services", label: "政府采购服务支出", aliases: ["服务支出", "服务"] },
  { key: "f_sme_contracts", label: "授予中小企业合同金额", aliases: ["授予中小企业合同总额"] },
  { key: "f_small_micro_contracts", label: "授予小微企业合同金额", aliases: ["授予小微企业合同总额"] },
  { key: "f_vehicles", label: "车辆数", aliases: ["公务用车数", "实有车辆数", "车辆合计", "公务用车总数", "车辆总数"] },
];

const rows = (...parts: RowIn[][]): RowIn[] => parts.flat();

const TABLE_DEFS_INPUT: TableDefInput[] = [
  // ===== national nine (万元) =====
  {
    kind: "T1", variant: "national", title: "收入支出决算总表", aliases: ["部门收支决算总表"],
    sheetHints: ["表一", "表1", "附表1", "附表一"], layout: "two-sided", classRows: true,
    rows: rows(T1_INCOME, T1_EXPENDITURE_BY_NATURE, T1_EXPENDITURE), columns: T1_COLUMNS, unit: "万元",
    allowNegativeRows: ["exp_surplus_dist"],
  },
  {
    kind: "T2", variant: "national", title: "收入决算表", aliases: ["部门收入决算表"],
    excludeTitles: ["财决02表"],
    sheetHints: ["表二", "表2", "附表2", "附表二"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T2_COLUMNS, unit: "万元",
  },
  {
    kind: "T3", variant: "national", title: "支出决算表", aliases: ["部门支出决算表"],
    excludeTitles: ["收入支出决算表", "财决02表"],
    sheetHints: ["表三", "表3", "附表3", "附表三"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T3_COLUMNS, unit: "万元",
  },
  {
    kind: "T4", variant: "national", title: "财政拨款收入支出决算总表",
    sheetHints: ["表四", "表4", "附表4", "附表四"], layout: "two-sided", classRows: true,
    rows: rows(T4_INCOME, T4_EXPENDITURE), columns: T4_COLUMNS, unit: "万元",
  },
  {
    kind: "T5", variant: "national", title: "一般公共预算财政拨款支出决算表",
    sheetHints: ["表五", "表5", "附表5", "附表五"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T5_COLUMNS, unit: "万元",
  },
  {
    kind: "T6", variant: "national", title: "一般公共预算财政拨款基本支出决算表",
    aliases: ["一般公共预算财政拨款基本支出决算明细表"],
    sheetHints: ["表六", "表6", "附表6", "附表六"], layout: "coded", codeSystem: "economic",
    rows: BASIC_ROWS, columns: BASIC_COLUMNS, unit: "万元",
  },
  {
    kind: "T7", variant: "national", title: "财政拨款“三公”经费支出决算表",
    aliases: ["财政拨款三公经费支出决算表", "“三公”经费支出决算表", "三公经费支出决算表"],
    sheetHints: ["表七", "表7", "附表7", "附表七"], layout: "matrix-items",
    rows: SG_ROWS, columns: SG_COLUMNS, unit: "万元",
  },
  {
    kind: "T8", variant: "national", title: "政府性基金预算财政拨款收入支出决算表",
    sheetHints: ["表八", "表8", "附表8", "附表八"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: FUND_COLUMNS, unit: "万元", mayBeEmpty: true,
  },
  {
    kind: "T9", variant: "national", title: "国有资本经营预算财政拨款收入支出决算表",
    aliases: ["国有资本经营预算财政拨款支出决算表"],
    sheetHints: ["表九", "表9", "附表9", "附表九"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: FUND_COLUMNS, unit: "万元", mayBeEmpty: true,
  },
  // ===== Sichuan's thirteen 附表 (万元) =====
  {
    kind: "T1", variant: "sichuan", title: "收入支出决算总表",
    sheetHints: ["附表1", "附表一", "表1-1"], layout: "two-sided", classRows: true,
    rows: rows(T1_INCOME, T1_EXPENDITURE_BY_NATURE, T1_EXPENDITURE), columns: T1_COLUMNS, unit: "万元",
    allowNegativeRows: ["exp_surplus_dist"],
  },
  {
    kind: "T2", variant: "sichuan", title: "收入总表", aliases: ["收入决算总表"],
    sheetHints: ["附表2", "附表二"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T2_COLUMNS, unit: "万元",
  },
  {
    kind: "T3", variant: "sichuan", title: "支出总表", aliases: ["支出决算总表"],
    sheetHints: ["附表3", "附表三"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T3_COLUMNS, unit: "万元",
  },
  {
    kind: "T4", variant: "sichuan", title: "财政拨款收入支出决算总表",
    sheetHints: ["附表4", "附表四"], layout: "two-sided", classRows: true,
    rows: rows(T4_INCOME, T4_EXPENDITURE), columns: T4_COLUMNS, unit: "万元",
  },
  {
    kind: "SC5", variant: "sichuan", title: "财政拨款支出决算明细表（政府经济分类科目）",
    aliases: ["财政拨款支出决算明细表"],
    sheetHints: ["附表5", "附表五"], layout: "coded", codeSystem: "economic",
    rows: [TOTAL_ROW], columns: ECON_DETAIL_COLUMNS, unit: "万元",
  },
  {
    kind: "T5", variant: "sichuan", title: "一般公共预算财政拨款支出决算表",
    sheetHints: ["附表6", "附表六"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T5_COLUMNS, unit: "万元",
  },
  {
    kind: "SC7", variant: "sichuan", title: "一般公共预算财政拨款支出决算明细表（政府经济分类科目）",
    aliases: ["一般公共预算财政拨款支出决算明细表"],
    sheetHints: ["附表7", "附表七"], layout: "coded", codeSystem: "economic",
    rows: [TOTAL_ROW], columns: ECON_DETAIL_COLUMNS, unit: "万元",
  },
  {
    kind: "T6", variant: "sichuan", title: "一般公共预算财政拨款基本支出决算表",
    sheetHints: ["附表8", "附表八"], layout: "coded", codeSystem: "economic",
    rows: BASIC_ROWS, columns: BASIC_COLUMNS, unit: "万元",
  },
  {
    kind: "SC9", variant: "sichuan", title: "一般公共预算财政拨款项目支出决算表",
    sheetHints: ["附表9", "附表九"], layout: "coded", codeSystem: "either",
    rows: [TOTAL_ROW],
    columns: [
      { role: "amount", header: "决算数", aliases: ["合计", "项目支出", "项目支出合计", "金额", "本年支出合计"] },
      { role: "budget_initial", header: "年初预算数", required: false },
      { role: "budget_adjusted", header: "调整预算数", aliases: ["全年预算数"], required: false },
    ],
    unit: "万元",
  },
  {
    kind: "T7", variant: "sichuan", title: "一般公共预算财政拨款“三公”经费支出决算表",
    aliases: ["一般公共预算财政拨款三公经费支出决算表"],
    sheetHints: ["附表10", "附表十"], layout: "matrix-items",
    rows: SG_ROWS, columns: SG_COLUMNS, unit: "万元",
  },
  {
    kind: "T8", variant: "sichuan", title: "政府性基金预算财政拨款收入支出决算表",
    sheetHints: ["附表11", "附表十一"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: FUND_COLUMNS, unit: "万元", mayBeEmpty: true,
  },
  {
    kind: "SC12", variant: "sichuan", title: "政府性基金预算财政拨款“三公”经费支出决算表",
    aliases: ["政府性基金预算财政拨款三公经费支出决算表"],
    sheetHints: ["附表12", "附表十二"], layout: "matrix-items",
    rows: SG_ROWS, columns: SG_COLUMNS, unit: "万元", mayBeEmpty: true,
  },
  {
    kind: "T9", variant: "sichuan", title: "国有资本经营预算支出决算表",
    aliases: ["国有资本经营预算财政拨款支出决算表"],
    sheetHints: ["附表13", "附表十三"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: SOC_EXPENDITURE_COLUMNS, unit: "万元", mayBeEmpty: true,
  },
  // ===== MOF 财决 export sheets (元, with 行次/栏次) =====
  {
    kind: "Z01", variant: "mof-Z01", title: "收入支出决算总表（财决01表）", aliases: ["财决01表"],
    sheetHints: ["Z01", "财决01"], layout: "two-sided", classRows: true, lineKeys: true,
    rows: rows(T1_INCOME, T1_EXPENDITURE), columns: BUDGET_FINAL_COLUMNS, unit: "元",
    allowNegativeRows: ["exp_surplus_dist"],
  },
  {
    kind: "T4", variant: "mof-Z01_1", title: "财政拨款收入支出决算总表（财决01-1表）", aliases: ["财决01-1表", "财决01_1表"],
    sheetHints: ["Z01_1", "Z01-1", "财决01-1"], layout: "two-sided", classRows: true, lineKeys: true,
    rows: rows(T4_INCOME, T4_EXPENDITURE), columns: T4_COLUMNS, unit: "元",
  },
  {
    kind: "T2", variant: "mof-Z03", title: "收入决算表（财决03表）", aliases: ["财决03表"],
    sheetHints: ["Z03", "财决03"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T2_COLUMNS, unit: "元",
  },
  {
    kind: "T3", variant: "mof-Z04", title: "支出决算表（财决04表）", aliases: ["财决04表"],
    excludeTitles: ["收入支出决算表", "财决02表"],
    sheetHints: ["Z04", "财决04"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T3_COLUMNS, unit: "元",
  },
  {
    kind: "Z05_1", variant: "mof-Z05_1", title: "基本支出决算明细表（财决05-1表）", aliases: ["财决05-1表", "基本支出决算明细表"],
    sheetHints: ["Z05_1", "Z05-1", "财决05-1"], layout: "coded", codeSystem: "economic",
    rows: BASIC_ROWS.map((r) => ({ ...r, required: false })), unit: "元",
    columns: [
      { role: "amount", header: "决算数", aliases: ["合计", "本年支出合计", "基本支出合计", "金额"] },
      { role: "fiscal", header: "财政拨款", aliases: ["财政拨款支出", "财政拨款小计"], required: false },
      { role: "gpb", header: "一般公共预算财政拨款", aliases: ["一般公共预算"], required: false },
      { role: "gf", header: "政府性基金预算财政拨款", aliases: ["政府性基金预算"], required: false },
      { role: "soc", header: "国有资本经营预算财政拨款", aliases: ["国有资本经营预算"], required: false },
      { role: "other", header: "其他资金", aliases: ["非财政拨款", "其他"], required: false },
    ],
  },
  {
    kind: "Z07", variant: "mof-Z07", title: "一般公共预算财政拨款收入支出决算表（财决07表）", aliases: ["财决07表"],
    sheetHints: ["Z07", "财决07"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: FUND_COLUMNS, unit: "元",
  },
  {
    kind: "T5", variant: "mof-Z08", title: "一般公共预算财政拨款支出决算明细表（财决08表）", aliases: ["财决08表"],
    sheetHints: ["Z08", "财决08"], layout: "coded", codeSystem: "function",
    rows: [TOTAL_ROW], columns: T5_COLUMNS, unit: "元",
  },
  {
    kind: "T6", variant: "mof-Z08_1", title: "一般公共预算财政拨款基本支出决算明细表（财决08-1表）",
    aliases: ["财决08-1表", "财决08_1表"],
    sheetHints: ["Z08_1", "Z08-1", "财决08-1"], layout: "coded", codeSystem: "economic",
    rows: BASIC_ROWS, columns: BASIC_COLUMNS, unit: "元",
  },
  {
    kind: "F03", variant: "mof-F03", title: "机构运行信息表（财决附03表）", aliases: ["财决附03表", "机构运行信息表"],
    sheetHints: ["F03", "财决附03"], layout: "items",
    rows: F03_ROWS,
    columns: [{ role: "amount", header: "金额", aliases: ["数量", "决算数", "本年数", "数值", "金额/数量", "本年决算数"] }],
    unit: "元",
  },
];

/** A column as the schema gives it: the defaults of ColumnDefSchema applied. */
function columnWithDefaults(c: TableDefInput["columns"][number]): ColumnDef {
  return { ...c, aliases: [...(c.aliases ?? [])], required: c.required ?? true };
}

/** A row item as the schema gives it: the defaults of RowItemDefSchema applied. */
function rowWithDefaults(r: NonNullable<TableDefInput["rows"]>[number]): RowItemDef {
  return { ...r, aliases: [...(r.aliases ?? [])], role: r.role ?? "item", required: r.required ?? false };
}

/**
 * A table definition with the defaults of TableDefSchema applied. The built-in data is checked against the zod
 * schema by the catalogue tests (same result as CatalogSchema.parse), so loading it needs no schema library —
 * zod stays off the start-up path of the CLI and the add-in.
 */
function withDefaults(d: TableDefInput): TableDef {
  return {
    ...d,
    aliases: [...(d.aliases ?? [])],
    excludeTitles: [...(d.excludeTitles ?? [])],
    sheetHints: [...(d.sheetHints ?? [])],
    classRows: d.classRows ?? false,
    lineKeys: d.lineKeys ?? false,
    rows: (d.rows ?? []).map(rowWithDefaults),
    columns: d.columns.map(columnWithDefaults),
    decimals: d.decimals ?? 2,
    allowNegative: [...(d.allowNegative ?? [])],
    allowNegativeRows: [...(d.allowNegativeRows ?? [])],
    mayBeEmpty: d.mayBeEmpty ?? false,
  };
}

/** The built-in catalogue as data, before defaults (the catalogue tests validate it with CatalogSchema). */
export const BUILTIN_CATALOG_INPUT: readonly TableDefInput[] = TABLE_DEFS_INPUT;

/** The catalogue with defaults applied. */
export const TABLE_DEFS: readonly TableDef[] = TABLE_DEFS_INPUT.map(withDefaults);
