/**
 * The built-in 审核公式 as data (domain notes §3). Ids follow the notes: T1-a…e, T2-a, T3-a, H-<table>, X1–X9,
 * T6-a…c, T7-a/b, P-* (核实 plausibility), E-T8/E-T9 (empty fund tables), Z01-* (MOF 财决01 row formulas).
 * Rules marked [M] in a comment rest on domain memory rather than a verified source.
 */
import { parseRule } from "./language/parser";
import type { RuleSpec } from "./rule";

const T2_SOURCES = ["fiscal", "superior", "business", "operating", "affiliated", "other"];
const T3_PARTS = ["basic", "project", "upper", "operating_exp", "subsidy"];
const T1_INCOME = ["inc_gpb", "inc_gf", "inc_soc", "inc_superior", "inc_business", "inc_operating", "inc_affiliated", "inc_other"];

function sumOf(table: string, row: string, cols: string[]): string {
  return cols.map((c) => `${table}[${row}, ${c}]`).join(" + ");
}

function rule(id: string, severity: RuleSpec["severity"], expression: string, zh: string, en: string): RuleSpec {
  const parsed = parseRule(expression);
  // A malformed built-in is a programming error, caught by the parser test; keep the rule so the test names it.
  return { id, severity, expression, message: { zh, en }, origin: "builtin", tables: parsed.ok ? parsed.ast.tables : [] };
}

function rollup(id: string, table: string, zh: string): RuleSpec {
  return rule(id, "error", `ROLLUP(${table})`, zh, `${table}: each class = Σ its categories, category = Σ items, total = Σ classes`);
}

/** Every built-in rule, in reporting order. */
export const BUILTIN_RULES: readonly RuleSpec[] = [
  // 收入支出决算总表
  rule("T1-a", "error", `T1[inc_total_year] = ${T1_INCOME.map((k) => `T1[${k}]`).join(" + ")}`, "本年收入合计应等于八项收入之和", "Total income of the year must equal the sum of the eight income rows"),
  rule("T1-b", "error", "T1[exp_total_year] = SUM(T1[*class*])", "本年支出合计应等于各类支出之和", "Total expenditure of the year must equal the sum of the class rows"),
  // Older templates list the expenditure by nature (基本/项目/上缴上级/经营/对附属单位补助) on the 支出 side.
  rule("T1-f", "error", "T1[exp_total_year] = T1[exp_nature_basic] + T1[exp_nature_project] + T1[exp_nature_upper] + T1[exp_nature_operating] + T1[exp_nature_subsidy]", "本年支出合计应等于基本支出＋项目支出＋上缴上级支出＋经营支出＋对附属单位补助支出", "Total expenditure of the year must equal basic + project + remitted + operating + subsidies (older templates)"),
  rule("T1-c", "error", "T1[inc_grand_total] = T1[inc_total_year] + T1[inc_use_surplus] + T1[inc_begin_balance]", "收入总计应等于本年收入合计＋使用非财政拨款结余＋年初结转和结余", "Income grand total = income of the year + use of non-fiscal surplus + opening balance"),
  rule("T1-d", "error", "T1[exp_grand_total] = T1[exp_total_year] + T1[exp_surplus_dist] + T1[exp_end_balance]", "支出总计应等于本年支出合计＋结余分配＋年末结转和结余", "Expenditure grand total = expenditure of the year + surplus distribution + closing balance"),
  rule("T1-e", "error", "T1[inc_grand_total] = T1[exp_grand_total]", "收入总计应等于支出总计", "Income grand total must equal expenditure grand total"),
  // 收入决算表 / 支出决算表 per row
  rule("T2-a", "error", `FOREACH ROW(T2): T2[row, total] = ${sumOf("T2", "row", T2_SOURCES)}`, "收入决算表各行：本年收入合计应等于各来源之和", "Income table, each row: total = sum of the six sources"),
  rule("T3-a", "error", `FOREACH ROW(T3): T3[row, total] = ${sumOf("T3", "row", T3_PARTS)}`, "支出决算表各行：本年支出合计应等于基本＋项目＋上缴上级＋经营＋对附属单位补助", "Expenditure table, each row: total = basic + project + remitted + operating + subsidies"),
  // [M] obvious identities of the public tables, not listed in the notes' rule list
  rule("T5-a", "error", "FOREACH ROW(T5): T5[row, total] = T5[row, basic] + T5[row, project]", "一般公共预算财政拨款支出决算表各行：合计应等于基本支出＋项目支出", "General budget expenditure, each row: total = basic + project"),
  rule("T8-a", "error", "FOREACH ROW(T8): T8[row, exp_total] = T8[row, exp_basic] + T8[row, exp_project]; FOREACH ROW(T8): T8[row, end_balance] = T8[row, begin_balance] + T8[row, income] - T8[row, exp_total]", "政府性基金表各行：本年支出合计＝基本＋项目，年末结转和结余＝年初＋本年收入－本年支出", "Government fund table, each row: expenditure = basic + project; closing = opening + income − expenditure"),
  rule("T9-a", "error", "FOREACH ROW(T9): T9[row, exp_total] = T9[row, exp_basic] + T9[row, exp_project]; FOREACH ROW(T9): T9[row, end_balance] = T9[row, begin_balance] + T9[row, income] - T9[row, exp_total]", "国有资本经营表各行：本年支出合计＝基本＋项目，年末结转和结余＝年初＋本年收入－本年支出", "State capital table, each row: expenditure = basic + project; closing = opening + income − expenditure"),
  // hierarchy roll-ups, generated from the code column
  rollup("H-T2", "T2", "收入决算表：类＝Σ款，款＝Σ项，合计＝Σ类"),
  rollup("H-T3", "T3", "支出决算表：类＝Σ款，款＝Σ项，合计＝Σ类"),
  rollup("H-T5", "T5", "一般公共预算财政拨款支出决算表：类＝Σ款，款＝Σ项，合计＝Σ类"),
  rollup("T6-c", "T6", "基本支出决算表：经济分类类级（3位）＝Σ其款级（5位）"),
  rollup("H-T8", "T8", "政府性基金预算财政拨款收入支出决算表：类＝Σ款，款＝Σ项，合计＝Σ类"),
  rollup("H-T9", "T9", "国有资本经营预算财政拨款支出决算表：类＝Σ款，款＝Σ项，合计＝Σ类"),
  rollup("H-SC5", "SC5", "财政拨款支出决算明细表（经济分类）：上级科目＝Σ下级科目"),
  rollup("H-SC7", "SC7", "一般公共预算财政拨款支出决算明细表（经济分类）：上级科目＝Σ下级科目"),
  rollup("H-SC9", "SC9", "一般公共预算财政拨款项目支出决算表：上级科目＝Σ下级科目"),
  // between tables
  rule("X1", "error", "T1[inc_total_year] = T2[total, total]", "收支总表本年收入合计应等于收入决算表合计", "T1 income of the year must equal the T2 total"),
  rule("X2", "error", "T1[exp_total_year] = T3[total, total]; FOREACH ROW(T1, *class*): T1[row] = T3[row, total]", "收支总表本年支出合计及各类支出应等于支出决算表相应数", "T1 expenditure (total and each class) must equal T3"),
  rule("X3", "error", "T1[inc_gpb] + T1[inc_gf] + T1[inc_soc] = T2[total, fiscal] = T4[inc_total_year]", "财政拨款收入：收支总表三项财政拨款之和＝收入决算表财政拨款收入合计＝财政拨款收支总表本年收入合计", "Fiscal appropriation income must agree across T1, T2 and T4"),
  rule("X4", "error", "FOREACH ROW(T4): T4[row, total] = T4[row, gpb] + T4[row, gf] + T4[row, soc]", "财政拨款收支总表各行：合计应等于一般公共预算＋政府性基金＋国有资本经营", "T4 each row: total = general budget + government funds + state capital"),
  rule(
    "X5",
    "error",
    "T4[inc_total_year] + T4[inc_begin_balance] = T4[exp_total_year, total] + T4[exp_end_balance, total] = T4[inc_grand_total]; " +
      "T4[inc_grand_total] = T4[exp_grand_total, total]; " +
      "T4[inc_gpb] + T4[inc_begin_gpb] = T4[exp_total_year, gpb] + T4[exp_end_balance, gpb]; " +
      "T4[inc_gf] + T4[inc_begin_gf] = T4[exp_total_year, gf] + T4[exp_end_balance, gf]; " +
      "T4[inc_soc] + T4[inc_begin_soc] = T4[exp_total_year, soc] + T4[exp_end_balance, soc]",
    "财政拨款收支总表：本年收入＋年初结转和结余＝本年支出＋年末结转和结余＝总计（分资金来源亦然）",
    "T4: income + opening balance = expenditure + closing balance = grand total (per fund too)",
  ),
  rule("X6", "error", "T4[exp_total_year, gpb] = T5[total, total]; FOREACH ROW(T4, *class*): T4[row, gpb] = T5[row, total]", "财政拨款收支总表一般公共预算列应等于一般公共预算财政拨款支出决算表（合计及各类）", "T4 general budget column must equal T5 (total and each class)"),
  rule("X7", "error", "T5[total, basic] = T6[personnel_total] + T6[public_total]", "一般公共预算财政拨款基本支出合计应等于人员经费合计＋公用经费合计", "T5 basic expenditure total = personnel + public expenses of T6"),
  rule("X8", "error", "T4[exp_total_year, gf] = T8[total, exp_total]; T4[exp_total_year, soc] = T9[total, exp_total]", "财政拨款收支总表政府性基金／国有资本经营列应等于对应决算表本年支出", "T4 government fund / state capital columns must equal T8 / T9 expenditure"),
  rule("X9", "error", "FOREACH ROW(T5): T5[row, total] <= T3[row, total]", "一般公共预算财政拨款支出不应超过支出决算表同一科目的支出", "T5 rows must not exceed the same T3 rows"),
  // 基本支出 and 三公
  rule("T6-a", "error", "T6[personnel_total] = T6[301] + T6[303]", "人员经费合计应等于工资福利支出（301）＋对个人和家庭的补助（303）", "Personnel expenses = 301 + 303"),
  // [M] 307/309/399 appear in some years' public-expense block
  rule("T6-b", "error", "T6[public_total] = T6[302] + T6[310] + T6[307] + T6[309] + T6[399]", "公用经费合计应等于商品和服务支出（302）＋资本性支出（310）等", "Public expenses = 302 + 310 (+ 307/309/399)"),
  rule("T7-a", "error", "FOREACH COL(T7): T7[sg_total, col] = T7[sg_abroad, col] + T7[sg_vehicle, col] + T7[sg_reception, col]", "“三公”经费合计应等于因公出国（境）费＋公务用车购置及运行维护费＋公务接待费", "Three public expenses total = abroad + vehicles + reception"),
  rule("T7-b", "error", "FOREACH COL(T7): T7[sg_vehicle, col] = T7[sg_vehicle_purchase, col] + T7[sg_vehicle_operation, col]", "公务用车购置及运行维护费应等于购置费＋运行维护费", "Vehicle expenses = purchase + operation"),
  // 核实 plausibility checks
  // 结余分配 ≥ 0 follows the MOF formula "rows 32–85 ≥ 0" (row 85 of 财决01 is 结余分配).
  rule(
    "P-nonneg",
    "warning",
    `${T1_INCOME.map((k) => `T1[${k}] >= 0`).join("; ")}; T1[*class*] >= 0; T1[exp_surplus_dist] >= 0; T2[*, *] >= 0; T3[*, *] >= 0; T5[*, *] >= 0; T6[*, *] >= 0; T7[*, *] >= 0`,
    "金额不应为负数",
    "Amounts should not be negative",
  ),
  rule(
    "P-balance",
    "warning",
    "T1[inc_begin_balance] >= 0; T1[exp_end_balance] >= 0; T1[inc_use_surplus] >= 0; T4[inc_begin_balance] >= 0; T4[exp_end_balance, *] >= 0; " +
      "T8[*, begin_balance] >= 0; T8[*, end_balance] >= 0; T9[*, begin_balance] >= 0; T9[*, end_balance] >= 0",
    "结转和结余不应为负数",
    "Carry-over balances should not be negative",
  ),
  rule("P-fiscal-nonneg", "warning", "T4[*class*, *] >= 0; T4[inc_gpb] >= 0; T4[inc_gf] >= 0; T4[inc_soc] >= 0; T8[*, income] >= 0; T8[*, exp_total] >= 0; T9[*, income] >= 0; T9[*, exp_total] >= 0", "财政拨款收支金额不应为负数", "Fiscal appropriation amounts should not be negative"),
  rule("P-admin", "warning", "F03[f_admin_cost] <= T6[public_total]", "机关运行经费不应超过公用经费合计", "Administrative running costs should not exceed public expenses"),
  rule("P-30217", "warning", "T6[30217] <= T7[sg_reception, final]", "基本支出中的公务接待费（30217）不应超过“三公”经费公务接待费决算数", "Basic-expenditure reception costs (30217) should not exceed the final reception figure in T7"),
  rule("P-30231", "warning", "T6[30231] <= T7[sg_vehicle_operation, final]", "基本支出中的公务用车运行维护费（30231）不应超过“三公”经费相应决算数", "Basic-expenditure vehicle operation (30231) should not exceed the final figure in T7"),
  // empty 政府性基金 / 国有资本经营 tables
  rule("E-T8", "warning", "WHEN EMPTY(T8): T8[*, *] = 0; WHEN EMPTY(T8): T4[*, gf] = 0", "政府性基金预算财政拨款表声明无数据，相关金额应为零", "The government fund table is declared empty, so related amounts should be zero"),
  rule("E-T9", "warning", "WHEN EMPTY(T9): T9[*, *] = 0; WHEN EMPTY(T9): T4[*, soc] = 0", "国有资本经营预算财政拨款表声明无数据，相关金额应为零", "The state capital table is declared empty, so related amounts should be zero"),
  // MOF 财决01 row formulas (domain notes §3 [S]); rows are keyed L<行次>, applied to every amount column
  rule("Z01-1", "error", "FOREACH COL(Z01): Z01[L27, col] = SUM(Z01[L1:L8, col])", "财决01表：第27行＝第1至8行之和", "Z01: row 27 = Σ rows 1–8"),
  rule("Z01-2", "error", "FOREACH COL(Z01): Z01[L31, col] = Z01[L27, col] + Z01[L28, col] + Z01[L29, col]", "财决01表：第31行＝第27＋28＋29行", "Z01: row 31 = 27 + 28 + 29"),
  rule("Z01-3", "error", "FOREACH COL(Z01): Z01[L58, col] = Z01[L59, col] + Z01[L60, col]", "财决01表：第58行＝第59＋60行", "Z01: row 58 = 59 + 60"),
  rule("Z01-4", "error", "FOREACH COL(Z01): Z01[L61, col] >= Z01[L62, col]", "财决01表：第61行≥第62行", "Z01: row 61 ≥ row 62"),
  rule("Z01-5", "error", "FOREACH COL(Z01): Z01[L84, col] = SUM(Z01[L32:L57, col]); FOREACH COL(Z01): Z01[L84, col] = Z01[L58, col] + Z01[L61, col] + Z01[L63, col] + Z01[L64, col] + Z01[L65, col]", "财决01表：第84行＝第32至57行之和＝第58＋61＋63＋64＋65行", "Z01: row 84 = Σ rows 32–57 = 58 + 61 + 63 + 64 + 65"),
  rule("Z01-6", "error", "FOREACH COL(Z01): Z01[L88, col] = Z01[L84, col] + Z01[L85, col] + Z01[L86, col]", "财决01表：第88行＝第84＋85＋86行", "Z01: row 88 = 84 + 85 + 86"),
  rule("Z01-7", "error", "FOREACH COL(Z01): Z01[L31, col] = Z01[L88, col]", "财决01表：第31行＝第88行", "Z01: row 31 = row 88"),
  rule("Z01-8", "warning", "Z01[L1:L8, *] >= 0; Z01[L28, *] >= 0; Z01[L32:L85, *] >= 0", "财决01表：第1–8、28、32–85行不应为负数", "Z01: rows 1–8, 28, 32–85 should not be negative"),
];
