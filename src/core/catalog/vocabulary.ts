/**
 * The shared vocabulary of table kinds, row item keys and column roles. Recognition produces views in these
 * terms; rules, narrative and metrics address cells in these terms. Catalogue data (aliases, titles,
 * layouts) lives in catalog/tables.ts and may grow without touching this file.
 *
 * Rows of a table are addressed either by an item key (fixed rows such as 本年收入合计) or by a subject code
 * (支出功能分类 "201" / "20103" / "2010301", 经济分类 "301" / "30101"); both are plain strings in a view.
 * MOF 财决01 rows that are neither an item nor a 类 are keyed by their 行次 as "L<n>" (e.g. "L27").
 */

/** Logical table kinds. A province or MOF layout is a variant of one of these (see catalog/tables.ts). */
export const TABLE_KINDS = {
  T1: "收入支出决算总表",
  T2: "收入决算表",
  T3: "支出决算表",
  T4: "财政拨款收入支出决算总表",
  T5: "一般公共预算财政拨款支出决算表",
  T6: "一般公共预算财政拨款基本支出决算表",
  T7: "财政拨款“三公”经费支出决算表",
  T8: "政府性基金预算财政拨款收入支出决算表",
  T9: "国有资本经营预算财政拨款收入支出决算表",
  // Sichuan's extra 附表 (the others are variants of T1–T9)
  SC5: "财政拨款支出决算明细表（政府经济分类科目）",
  SC7: "一般公共预算财政拨款支出决算明细表（政府经济分类科目）",
  SC9: "一般公共预算财政拨款项目支出决算表",
  SC12: "政府性基金预算财政拨款“三公”经费支出决算表",
  // MOF internal sheets without a public equivalent (Z03→T2, Z04→T3, Z01_1→T4, Z08→T5, Z08_1→T6 are variants)
  Z01: "收入支出决算总表（财决01表）",
  Z05_1: "基本支出决算明细表（财决05-1表）",
  Z07: "一般公共预算财政拨款收入支出决算表（财决07表）",
  F03: "机构运行信息表（财决附03表）",
} as const;
export type TableKind = keyof typeof TABLE_KINDS;

/** Fixed row items (not subject-code rows). Keys are stable identifiers used by rules and narrative. */
export const ROW_ITEMS = {
  // T1 / T4 income side
  inc_gpb: "一般公共预算财政拨款收入",
  inc_gf: "政府性基金预算财政拨款收入",
  inc_soc: "国有资本经营预算财政拨款收入",
  inc_superior: "上级补助收入",
  inc_business: "事业收入",
  inc_operating: "经营收入",
  inc_affiliated: "附属单位上缴收入",
  inc_other: "其他收入",
  inc_total_year: "本年收入合计",
  inc_use_surplus: "使用非财政拨款结余（含专用结余）",
  inc_begin_balance: "年初结转和结余",
  inc_begin_gpb: "年初结转和结余：一般公共预算财政拨款",
  inc_begin_gf: "年初结转和结余：政府性基金预算财政拨款",
  inc_begin_soc: "年初结转和结余：国有资本经营预算财政拨款",
  inc_grand_total: "收入总计",
  // T1 / T4 expenditure side (class rows are addressed by their 3-digit code)
  exp_total_year: "本年支出合计",
  exp_surplus_dist: "结余分配",
  exp_end_balance: "年末结转和结余",
  exp_grand_total: "支出总计",
  // Older 收入支出决算总表 templates list the 支出 side by nature instead of (or besides) 类 rows. Keys differ
  // from the column roles exp_basic/exp_project so the rule language never confuses a row with a column.
  exp_nature_basic: "本年支出：基本支出",
  exp_nature_project: "本年支出：项目支出",
  exp_nature_upper: "本年支出：上缴上级支出",
  exp_nature_operating: "本年支出：经营支出",
  exp_nature_subsidy: "本年支出：对附属单位补助支出",
  // coded tables (T2, T3, T5, T8, T9, SC*, Z*): the 合计 row
  total: "合计",
  // T6 / SC5 / SC7 / Z05_1
  personnel_total: "人员经费合计",
  public_total: "公用经费合计",
  // T7 / SC12 (rows are the items; columns are budget/final)
  sg_total: "“三公”经费合计",
  sg_abroad: "因公出国（境）费",
  sg_vehicle: "公务用车购置及运行维护费",
  sg_vehicle_purchase: "公务用车购置费",
  sg_vehicle_operation: "公务用车运行维护费",
  sg_reception: "公务接待费",
  // F03 机构运行信息表 (values read where present)
  f_admin_cost: "机关运行经费",
  f_procurement_total: "政府采购支出总额",
  f_procurement_goods: "政府采购货物支出",
  f_procurement_works: "政府采购工程支出",
  f_procurement_services: "政府采购服务支出",
  f_sme_contracts: "授予中小企业合同金额",
  f_small_micro_contracts: "授予小微企业合同金额",
  f_vehicles: "车辆数",
} as const;
export type RowItemKey = keyof typeof ROW_ITEMS;

/** Column roles. A two-sided table (T1, T4) uses "amount" for the single amount column of each side. */
export const COLUMN_ROLES = {
  amount: "金额／决算数",
  // T2
  total: "合计",
  fiscal: "财政拨款收入",
  superior: "上级补助收入",
  business: "事业收入",
  operating: "经营收入",
  affiliated: "附属单位上缴收入",
  other: "其他收入",
  // T3 / T5 / SC*
  basic: "基本支出",
  project: "项目支出",
  upper: "上缴上级支出",
  operating_exp: "经营支出",
  subsidy: "对附属单位补助支出",
  // T6 / SC5 / SC7 (basic expenditure split)
  personnel: "人员经费",
  public_exp: "公用经费",
  // T4 expenditure side
  gpb: "一般公共预算财政拨款",
  gf: "政府性基金预算财政拨款",
  soc: "国有资本经营预算财政拨款",
  // budgets (T5 variants, T7, Z01)
  budget_initial: "年初预算数",
  budget_adjusted: "调整预算数／全年预算数",
  budget: "预算数",
  final: "决算数",
  // T8 / T9 / Z07
  begin_balance: "年初结转和结余",
  income: "本年收入",
  exp_total: "本年支出合计",
  exp_basic: "本年支出：基本支出",
  exp_project: "本年支出：项目支出",
  end_balance: "年末结转和结余",
} as const;
export type ColumnRole = keyof typeof COLUMN_ROLES;

export type Unit = "元" | "万元";

