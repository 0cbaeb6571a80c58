/**
 * The built-in 审核公式 as data (domain notes §3). Ids follow the notes: T1-a…f, T2-a, T3-a, T5-a, T8-a/b, T9-a/b, H-<table>, X1–X16,
 * T6-a…c, T7-a/b, F03-a/b (政府采购), P-* (核实 plausibility), E-T8/E-T9 (empty fund tables), Z01-* (MOF 财决01 row
 * formulas, keyed by year). Every rule carries its basis, a version of its meaning and a 公式说明 (rule.ts).
 * Rules marked [M] in a comment rest on domain memory rather than a verified source.
 */
import { parseCached } from "./terms";
import type { RuleBasis, RuleSpec } from "./rule";

const T2_SOURCES = ["fiscal", "superior", "business", "operating", "affiliated", "other"];
const T3_PARTS = ["basic", "project", "upper", "operating_exp", "subsidy"];
const T1_INCOME = ["inc_gpb", "inc_gf", "inc_soc", "inc_superior", "inc_business", "inc_operating", "inc_affiliated", "inc_other"];

function sumOf(table: string, row: string, cols: string[]): string {
  return cols.map((c) => `${table}[${row}, ${c}]`).join(" + ");
}

/** Rule metadata: basis, version of its meaning, 公式说明 (zh, en), and the years a 行次 formula belongs to. */
interface Meta {
  basis: RuleBasis;
  version: number;
  zh: string;
  en: string;
  years?: readonly number[];
}

function rule(id: string, severity: RuleSpec["severity"], expression: string, zh: string, en: string, meta: Meta): RuleSpec {
  // parsed once here and kept: compiling the built-ins for a workbook reuses this parse
  const parsed = parseCached(expression);
  // A malformed built-in is a programming error, caught by the parser test; keep the rule so the test names it.
  return {
    id,
    severity,
    expression,
    message: { zh, en },
    origin: "builtin",
    tables: parsed.ok ? parsed.ast.tables : [],
    basis: meta.basis,
    version: meta.version,
    explain: { zh: meta.zh, en: meta.en },
    ...(meta.years ? { years: meta.years } : {}),
  };
}

function rollup(id: string, table: string, zh: string): RuleSpec {
  return rule(id, "error", `ROLLUP(${table})`, zh, `${table}: each class = Σ its categories, category = Σ items, total = Σ classes`, {
    basis: "template",
    version: 1,
    zh: "按科目编码逐级汇总：每个类级科目等于其下各款之和，每个款级科目等于其下各项之和，合计行等于各类之和；每个金额列都校验。",
    en: "Subject codes add up level by level: each class equals the sum of its categories, each category the sum of its items, and the total row the sum of the classes; in every amount column.",
  });
}

/** Years whose 财决01 行次 the Z01-* formulas encode (the layout the domain notes' formulas were taken from). */
const Z01_YEARS: readonly number[] = [2019];

const tpl = (zh: string, en: string, version = 1): Meta => ({ basis: "template", version, zh, en });
const mof = (zh: string, en: string, version = 1): Meta => ({ basis: "mof", version, zh, en });
const conv = (zh: string, en: string, version = 1): Meta => ({ basis: "convention", version, zh, en });
const z01 = (zh: string, en: string, version = 2): Meta => ({ basis: "mof", version, zh, en, years: Z01_YEARS });

/** Every built-in rule, in reporting order. */
export const BUILTIN_RULES: readonly RuleSpec[] = [
  // 收入支出决算总表
  rule("T1-a", "error", `T1[inc_total_year] = ${T1_INCOME.map((k) => `T1[${k}]`).join(" + ")}`, "本年收入合计应等于八项收入之和", "Total income of the year must equal the sum of the eight income rows",
    mof("收入支出决算总表：本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入。", "T1: income of the year = the three fiscal appropriation rows + superior subsidies + business + operating + affiliated + other income.")),
  rule("T1-b", "error", "T1[exp_total_year] = SUM(T1[*class*])", "本年支出合计应等于各类支出之和", "Total expenditure of the year must equal the sum of the class rows",
    mof("收入支出决算总表：本年支出合计 = 各功能分类类级支出之和。", "T1: expenditure of the year = the sum of the functional-class rows.")),
  // Older templates list the expenditure by nature (基本/项目/上缴上级/经营/对附属单位补助) on the 支出 side.
  rule("T1-f", "error", "T1[exp_total_year] = T1[exp_nature_basic] + T1[exp_nature_project] + T1[exp_nature_upper] + T1[exp_nature_operating] + T1[exp_nature_subsidy]", "本年支出合计应等于基本支出＋项目支出＋上缴上级支出＋经营支出＋对附属单位补助支出", "Total expenditure of the year must equal basic + project + remitted + operating + subsidies (older templates)",
    tpl("按支出性质列示支出的旧版模板：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出；未列示这些行时不执行。", "Older templates listing expenditure by nature: expenditure of the year = basic + project + remitted + operating + subsidies; not run where those rows are not printed.")),
  rule("T1-c", "error", "T1[inc_grand_total] = T1[inc_total_year] + T1[inc_use_surplus] + T1[inc_begin_balance]", "收入总计应等于本年收入合计＋使用非财政拨款结余＋年初结转和结余", "Income grand total = income of the year + use of non-fiscal surplus + opening balance",
    mof("收入总计 = 本年收入合计 + 使用非财政拨款结余（含专用结余）+ 年初结转和结余。", "Income grand total = income of the year + use of non-fiscal surplus + opening carry-over balance.")),
  rule("T1-d", "error", "T1[exp_grand_total] = T1[exp_total_year] + T1[exp_surplus_dist] + T1[exp_end_balance]", "支出总计应等于本年支出合计＋结余分配＋年末结转和结余", "Expenditure grand total = expenditure of the year + surplus distribution + closing balance",
    mof("支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余。", "Expenditure grand total = expenditure of the year + surplus distribution + closing carry-over balance.")),
  rule("T1-e", "error", "T1[inc_grand_total] = T1[exp_grand_total]", "收入总计应等于支出总计", "Income grand total must equal expenditure grand total",
    mof("收入总计 = 支出总计（收支两侧平衡）。", "Income grand total = expenditure grand total (the two sides balance).")),
  // 收入决算表 / 支出决算表 per row
  rule("T2-a", "error", `FOREACH ROW(T2): T2[row, total] = ${sumOf("T2", "row", T2_SOURCES)}`, "收入决算表各行：本年收入合计应等于各来源之和", "Income table, each row: total = sum of the six sources",
    mof("收入决算表每一行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入。", "Income table, every row: total = fiscal appropriation + superior subsidies + business + operating + affiliated + other income.")),
  rule("T3-a", "error", `FOREACH ROW(T3): T3[row, total] = ${sumOf("T3", "row", T3_PARTS)}`, "支出决算表各行：本年支出合计应等于基本＋项目＋上缴上级＋经营＋对附属单位补助", "Expenditure table, each row: total = basic + project + remitted + operating + subsidies",
    mof("支出决算表每一行：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。", "Expenditure table, every row: total = basic + project + remitted + operating + subsidies.")),
  // [M] obvious identities of the public tables, not listed in the notes' rule list
  rule("T5-a", "error", "FOREACH ROW(T5): T5[row, total] = T5[row, basic] + T5[row, project]", "一般公共预算财政拨款支出决算表各行：合计应等于基本支出＋项目支出", "General budget expenditure, each row: total = basic + project",
    tpl("一般公共预算财政拨款支出决算表每一行：决算数合计 = 基本支出 + 项目支出。", "General budget expenditure table, every row: total = basic + project.")),
  rule("T8-a", "error", "FOREACH ROW(T8): T8[row, exp_total] = T8[row, exp_basic] + T8[row, exp_project]", "政府性基金表各行：本年支出合计应等于基本支出＋项目支出", "Government fund table, each row: expenditure = basic + project",
    tpl("政府性基金预算财政拨款收入支出决算表每一行：本年支出合计 = 基本支出 + 项目支出。", "Government fund table, every row: expenditure of the year = basic + project.", 2)),
  // 归集上缴, 财政收回 and other adjustments legitimately break 年末 = 年初 + 收入 − 支出: a convention, hence 核实.
  rule("T8-b", "warning", "FOREACH ROW(T8): T8[row, end_balance] = T8[row, begin_balance] + T8[row, income] - T8[row, exp_total]", "政府性基金表各行：年末结转和结余一般等于年初＋本年收入－本年支出", "Government fund table, each row: closing balance usually = opening + income − expenditure",
    conv("政府性基金预算财政拨款收入支出决算表每一行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出。归集上缴、财政收回等调整会使其不成立，故只作核实，请说明调整原因。", "Government fund table, every row: closing balance = opening + income − expenditure. Remittances, funds recovered by the treasury and other adjustments break it legitimately, so it is only to be verified: explain the adjustment.")),
  rule("T9-a", "error", "FOREACH ROW(T9): T9[row, exp_total] = T9[row, exp_basic] + T9[row, exp_project]", "国有资本经营表各行：本年支出合计应等于基本支出＋项目支出", "State capital table, each row: expenditure = basic + project",
    tpl("国有资本经营预算财政拨款（收入）支出决算表每一行：本年支出合计 = 基本支出 + 项目支出。", "State capital table, every row: expenditure of the year = basic + project.", 2)),
  rule("T9-b", "warning", "FOREACH ROW(T9): T9[row, end_balance] = T9[row, begin_balance] + T9[row, income] - T9[row, exp_total]", "国有资本经营表各行：年末结转和结余一般等于年初＋本年收入－本年支出", "State capital table, each row: closing balance usually = opening + income − expenditure",
    conv("国有资本经营预算财政拨款收入支出决算表每一行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出。归集上缴、财政收回等调整会使其不成立，故只作核实；表中未列年初、收入、年末列时不执行。", "State capital table, every row: closing balance = opening + income − expenditure. Adjustments break it legitimately, so it is only to be verified; not run where those columns are not printed.")),
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
  rule("X1", "error", "T1[inc_total_year] = T2[total, total]", "收支总表本年收入合计应等于收入决算表合计", "T1 income of the year must equal the T2 total",
    mof("收入支出决算总表的本年收入合计 = 收入决算表合计行的本年收入合计。", "T1 income of the year = the total row of the income table.")),
  rule("X2", "error", "T1[exp_total_year] = T3[total, total]; FOREACH ROW(T1, *class*): T1[row] = T3[row, total]", "收支总表本年支出合计及各类支出应等于支出决算表相应数", "T1 expenditure (total and each class) must equal T3",
    mof("收入支出决算总表的本年支出合计及每个类级支出 = 支出决算表对应的合计及类级本年支出合计。", "T1 expenditure of the year and each class row = the matching total and class rows of the expenditure table.")),
  rule("X3", "error", "T1[inc_gpb] + T1[inc_gf] + T1[inc_soc] = T2[total, fiscal] = T4[inc_total_year]", "财政拨款收入：收支总表三项财政拨款之和＝收入决算表财政拨款收入合计＝财政拨款收支总表本年收入合计", "Fiscal appropriation income must agree across T1, T2 and T4",
    mof("财政拨款收入三处一致：收入支出决算总表三项财政拨款收入之和 = 收入决算表合计行的财政拨款收入 = 财政拨款收入支出决算总表的本年收入合计。", "Fiscal appropriation income agrees in three places: the three fiscal rows of T1 = the fiscal column of T2's total = T4 income of the year.")),
  rule("X4", "error", "FOREACH ROW(T4): T4[row, total] = T4[row, gpb] + T4[row, gf] + T4[row, soc]", "财政拨款收支总表各行：合计应等于一般公共预算＋政府性基金＋国有资本经营", "T4 each row: total = general budget + government funds + state capital",
    mof("财政拨款收入支出决算总表支出侧每一行：合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款。", "T4 expenditure side, every row: total = general budget + government funds + state capital.")),
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
    mof("财政拨款收入支出决算总表：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余 = 总计；一般公共预算、政府性基金、国有资本经营三种资金分别也成立。", "T4: income + opening balance = expenditure + closing balance = grand total; for each of the three funds as well."),
  ),
  rule("X6", "error", "T4[exp_total_year, gpb] = T5[total, total]; FOREACH ROW(T4, *class*): T4[row, gpb] = T5[row, total]", "财政拨款收支总表一般公共预算列应等于一般公共预算财政拨款支出决算表（合计及各类）", "T4 general budget column must equal T5 (total and each class)",
    mof("财政拨款收入支出决算总表的一般公共预算财政拨款列（本年支出合计及每个类）= 一般公共预算财政拨款支出决算表的合计及对应类。", "T4 general budget column (expenditure total and each class) = T5 total and the matching class.")),
  rule("X7", "error", "T5[total, basic] = T6[personnel_total] + T6[public_total]", "一般公共预算财政拨款基本支出合计应等于人员经费合计＋公用经费合计", "T5 basic expenditure total = personnel + public expenses of T6",
    mof("一般公共预算财政拨款支出决算表的基本支出合计 = 基本支出决算表的人员经费合计 + 公用经费合计。", "T5 basic expenditure total = personnel + public expenses of the basic expenditure table.")),
  rule("X8", "error", "T4[exp_total_year, gf] = T8[total, exp_total]; T4[exp_total_year, soc] = T9[total, exp_total]", "财政拨款收支总表政府性基金／国有资本经营列应等于对应决算表本年支出", "T4 government fund / state capital columns must equal T8 / T9 expenditure",
    mof("财政拨款收入支出决算总表本年支出合计的政府性基金、国有资本经营列 = 政府性基金表、国有资本经营表合计行的本年支出合计。", "T4 expenditure of the year, government fund and state capital columns = the expenditure totals of T8 and T9.")),
  rule("X9", "error", "FOREACH ROW(T5): T5[row, total] <= T3[row, total]", "一般公共预算财政拨款支出不应超过支出决算表同一科目的支出", "T5 rows must not exceed the same T3 rows",
    tpl("一般公共预算财政拨款支出是全部支出的一部分：一般公共预算财政拨款支出决算表每个科目 ≤ 支出决算表同一科目的本年支出合计。", "General budget money is part of all money: each subject of T5 ≤ the same subject of T3.")),
  // Fiscal money is part of all money: T4 (all three funds) never exceeds T1, per class and per fund.
  rule(
    "X10",
    "error",
    "T4[inc_total_year] <= T1[inc_total_year]; T4[exp_total_year, total] <= T1[exp_total_year]; T4[inc_begin_balance] <= T1[inc_begin_balance]; T4[exp_end_balance, total] <= T1[exp_end_balance]; " +
      "FOREACH ROW(T4, *class*): T4[row, gpb] <= T1[row]; FOREACH ROW(T4, *class*): T4[row, gf] <= T1[row]; FOREACH ROW(T4, *class*): T4[row, soc] <= T1[row]",
    "财政拨款收支不应超过收入支出决算总表的相应数（财政拨款是全部资金的一部分）",
    "T4 amounts must not exceed the matching T1 amounts (fiscal money is part of all money)",
    tpl("财政拨款是全部资金的一部分：财政拨款收入支出决算总表的本年收入、本年支出、年初和年末结转和结余 ≤ 收入支出决算总表相应数；每个类级支出的各资金来源列 ≤ 收入支出决算总表同一类。", "Fiscal money is part of all money: T4 income, expenditure, opening and closing balances ≤ the matching T1 amounts; each fund column of each class row ≤ the same class in T1."),
  ),
  rule("X11", "error", "T1[inc_gpb] = T4[inc_gpb]; T1[inc_gf] = T4[inc_gf]; T1[inc_soc] = T4[inc_soc]", "收支总表三项财政拨款收入应分别等于财政拨款收支总表相应收入", "T1's three fiscal income rows must each equal the matching T4 income row",
    tpl("收入支出决算总表的一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入分别 = 财政拨款收入支出决算总表对应的本年收入；一方未列示的资金不比较。", "T1's general budget, government fund and state capital income rows each = the matching T4 income row; a fund one side does not print is not compared.")),
  rule(
    "X12",
    "error",
    "T4[inc_gf] = T8[total, income]; T4[inc_begin_gf] = T8[total, begin_balance]; T4[exp_end_balance, gf] = T8[total, end_balance]; FOREACH ROW(T4, *class*): T4[row, gf] = T8[row, exp_total]",
    "财政拨款收支总表政府性基金列应等于政府性基金表的本年收入、年初、年末及各类支出",
    "T4 government fund figures must equal T8's income, opening and closing balances and each class",
    tpl("财政拨款收入支出决算总表中政府性基金预算财政拨款的本年收入、年初结转和结余、年末结转和结余及每个类级支出 = 政府性基金预算财政拨款收入支出决算表合计行及对应类的相应数。", "T4 government fund income, opening and closing balances and each class's expenditure = the matching figures of T8 (total row and each class)."),
  ),
  rule(
    "X13",
    "error",
    "T4[inc_soc] = T9[total, income]; T4[inc_begin_soc] = T9[total, begin_balance]; T4[exp_end_balance, soc] = T9[total, end_balance]; FOREACH ROW(T4, *class*): T4[row, soc] = T9[row, exp_total]",
    "财政拨款收支总表国有资本经营列应等于国有资本经营表的本年收入、年初、年末及各类支出",
    "T4 state capital figures must equal T9's income, opening and closing balances and each class",
    tpl("财政拨款收入支出决算总表中国有资本经营预算财政拨款的本年收入、年初结转和结余、年末结转和结余及每个类级支出 = 国有资本经营预算财政拨款（收入）支出决算表合计行及对应类的相应数；该表未列示的列不比较。", "T4 state capital income, opening and closing balances and each class's expenditure = the matching figures of T9; columns T9 does not print are not compared."),
  ),
  // Sichuan's extra 附表 against the national ones
  rule("X14", "error", "T4[exp_total_year, total] = SC5[total, total]", "财政拨款支出决算明细表（经济分类）合计应等于财政拨款收支总表本年支出合计", "SC5 total must equal T4 expenditure of the year",
    tpl("四川附表5 财政拨款支出决算明细表（经济分类）的合计 = 财政拨款收入支出决算总表的本年支出合计。", "Sichuan schedule 5 (fiscal expenditure by economic class) total = T4 expenditure of the year.")),
  // SC5 / SC7 classify by 政府经济分类 (5xx) while T6 uses 部门经济分类 (3xx): only their totals tie.
  rule("X15", "error", "T5[total, total] = SC7[total, total]; T5[total, basic] = SC7[total, basic]; T5[total, project] = SC7[total, project]", "一般公共预算财政拨款支出决算明细表（经济分类）合计应等于一般公共预算财政拨款支出决算表合计（合计、基本支出、项目支出）", "SC7 totals must equal T5's total row (total, basic, project)",
    tpl("四川附表7 一般公共预算财政拨款支出决算明细表（政府经济分类）合计行的合计、基本支出、项目支出 = 一般公共预算财政拨款支出决算表合计行相应数。两表科目分类不同，只比较合计。", "Sichuan schedule 7 (general budget by government economic class): total, basic and project of its total row = T5's total row. The two classify differently, so only totals are compared.")),
  rule("X16", "error", "T5[total, project] = SC9[total]", "一般公共预算财政拨款项目支出决算表合计应等于一般公共预算财政拨款支出决算表项目支出合计", "SC9 total must equal T5's project expenditure total",
    tpl("四川附表9 一般公共预算财政拨款项目支出决算表的合计 = 一般公共预算财政拨款支出决算表合计行的项目支出。", "Sichuan schedule 9 (general budget project expenditure) total = T5's project expenditure total.")),
  // 基本支出 and 三公
  rule("T6-a", "error", "T6[personnel_total] = T6[301] + T6[303]", "人员经费合计应等于工资福利支出（301）＋对个人和家庭的补助（303）", "Personnel expenses = 301 + 303",
    tpl("基本支出决算表：人员经费合计 = 工资福利支出（301）+ 对个人和家庭的补助（303）。", "Basic expenditure table: personnel expenses = wages and benefits (301) + subsidies to individuals and households (303).")),
  // [M] 307/309/399 appear in some years' public-expense block
  rule("T6-b", "error", "T6[public_total] = T6[302] + T6[310] + T6[307] + T6[309] + T6[399]", "公用经费合计应等于商品和服务支出（302）＋资本性支出（310）等", "Public expenses = 302 + 310 (+ 307/309/399)",
    tpl("基本支出决算表：公用经费合计 = 商品和服务支出（302）+ 资本性支出（310），某些年度另含 307、309、399。", "Basic expenditure table: public expenses = goods and services (302) + capital expenditure (310), some years also 307, 309, 399.")),
  rule("T7-a", "error", "FOREACH COL(T7): T7[sg_total, col] = T7[sg_abroad, col] + T7[sg_vehicle, col] + T7[sg_reception, col]", "“三公”经费合计应等于因公出国（境）费＋公务用车购置及运行维护费＋公务接待费", "Three public expenses total = abroad + vehicles + reception",
    tpl("“三公”经费表每一列（预算数、决算数）：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费。", "Three public expenses, every column (budget, final): total = travel abroad + vehicles + reception.")),
  rule("T7-b", "error", "FOREACH COL(T7): T7[sg_vehicle, col] = T7[sg_vehicle_purchase, col] + T7[sg_vehicle_operation, col]", "公务用车购置及运行维护费应等于购置费＋运行维护费", "Vehicle expenses = purchase + operation",
    tpl("“三公”经费表每一列：公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费。", "Three public expenses, every column: vehicles = purchase + operation and maintenance.")),
  // 政府采购 in 机构运行信息表 (附03): identities of its definitions. A row the table does not print is not compared.
  rule("F03-a", "error", "F03[f_procurement_total] = F03[f_procurement_goods] + F03[f_procurement_works] + F03[f_procurement_services]", "政府采购支出总额应等于货物＋工程＋服务支出", "Government procurement total = goods + works + services",
    tpl("机构运行信息表：政府采购支出总额 = 政府采购货物支出 + 工程支出 + 服务支出。", "Institution information table: procurement total = goods + works + services.")),
  rule("F03-b", "error", "F03[f_sme_contracts] <= F03[f_procurement_total]; F03[f_small_micro_contracts] <= F03[f_sme_contracts]", "授予中小企业合同金额不应超过政府采购支出总额，授予小微企业合同金额不应超过授予中小企业合同金额", "Contracts to SMEs must not exceed the procurement total, and contracts to small and micro firms must not exceed those to SMEs",
    tpl("机构运行信息表：授予中小企业合同金额 ≤ 政府采购支出总额；授予小微企业合同金额 ≤ 授予中小企业合同金额（小微企业属于中小企业）。", "Institution information table: contracts awarded to SMEs ≤ procurement total; to small and micro enterprises ≤ to SMEs (they are SMEs).")),
  // 核实 plausibility checks
  // 结余分配 ≥ 0 follows the MOF formula "rows 32–85 ≥ 0" (row 85 of 财决01 is 结余分配).
  rule(
    "P-nonneg",
    "warning",
    `${T1_INCOME.map((k) => `T1[${k}] >= 0`).join("; ")}; T1[*class*] >= 0; T1[exp_surplus_dist] >= 0; T2[*, *] >= 0; T3[*, *] >= 0; T5[*, *] >= 0; T6[*, *] >= 0; T7[*, *] >= 0`,
    "金额不应为负数",
    "Amounts should not be negative",
    conv("收入、支出、结余分配及收入决算表、支出决算表、一般公共预算财政拨款表、基本支出表、“三公”经费表的金额一般不为负数；出现负数请说明。", "Income, expenditure, surplus distribution and the amounts of T2, T3, T5, T6 and T7 are normally not negative; explain any negative amount."),
  ),
  rule(
    "P-balance",
    "warning",
    "T1[inc_begin_balance] >= 0; T1[exp_end_balance] >= 0; T1[inc_use_surplus] >= 0; T4[inc_begin_balance] >= 0; T4[exp_end_balance, *] >= 0; " +
      "T8[*, begin_balance] >= 0; T8[*, end_balance] >= 0; T9[*, begin_balance] >= 0; T9[*, end_balance] >= 0",
    "结转和结余不应为负数",
    "Carry-over balances should not be negative",
    conv("年初、年末结转和结余及使用非财政拨款结余一般不为负数；出现负数请说明。", "Opening and closing carry-over balances and the use of non-fiscal surplus are normally not negative; explain any negative amount."),
  ),
  rule("P-fiscal-nonneg", "warning", "T4[*class*, *] >= 0; T4[inc_gpb] >= 0; T4[inc_gf] >= 0; T4[inc_soc] >= 0; T8[*, income] >= 0; T8[*, exp_total] >= 0; T9[*, income] >= 0; T9[*, exp_total] >= 0", "财政拨款收支金额不应为负数", "Fiscal appropriation amounts should not be negative",
    conv("财政拨款收入、各类财政拨款支出及政府性基金、国有资本经营的本年收入和支出一般不为负数。", "Fiscal appropriation income, expenditure by class and the income and expenditure of T8 and T9 are normally not negative.")),
  rule("P-admin", "warning", "F03[f_admin_cost] <= T6[public_total]", "机关运行经费不应超过公用经费合计", "Administrative running costs should not exceed public expenses",
    conv("机关运行经费（机构运行信息表）一般不超过基本支出决算表的公用经费合计。", "Administrative running costs (institution information table) normally do not exceed public expenses in T6.")),
  rule("P-30217", "warning", "T6[30217] <= T7[sg_reception, final]", "基本支出中的公务接待费（30217）不应超过“三公”经费公务接待费决算数", "Basic-expenditure reception costs (30217) should not exceed the final reception figure in T7",
    conv("基本支出决算表中的公务接待费（30217）一般不超过“三公”经费表公务接待费决算数。", "Reception costs (30217) in the basic expenditure table normally do not exceed the final reception figure of T7.")),
  rule("P-30231", "warning", "T6[30231] <= T7[sg_vehicle_operation, final]", "基本支出中的公务用车运行维护费（30231）不应超过“三公”经费相应决算数", "Basic-expenditure vehicle operation (30231) should not exceed the final figure in T7",
    conv("基本支出决算表中的公务用车运行维护费（30231）一般不超过“三公”经费表相应决算数。", "Vehicle operation costs (30231) in the basic expenditure table normally do not exceed the final figure of T7.")),
  // empty 政府性基金 / 国有资本经营 tables
  rule("E-T8", "warning", "WHEN EMPTY(T8): T8[*, *] = 0; WHEN EMPTY(T8): T4[*, gf] = 0", "政府性基金预算财政拨款表声明无数据，相关金额应为零", "The government fund table is declared empty, so related amounts should be zero",
    tpl("政府性基金预算财政拨款收入支出决算表声明“本表无数据”时，该表及财政拨款收入支出决算总表政府性基金列的金额应为零。", "When the government fund table says it has no data, its amounts and T4's government fund column should be zero.")),
  rule("E-T9", "warning", "WHEN EMPTY(T9): T9[*, *] = 0; WHEN EMPTY(T9): T4[*, soc] = 0", "国有资本经营预算财政拨款表声明无数据，相关金额应为零", "The state capital table is declared empty, so related amounts should be zero",
    tpl("国有资本经营预算财政拨款（收入）支出决算表声明“本表无数据”时，该表及财政拨款收入支出决算总表国有资本经营列的金额应为零。", "When the state capital table says it has no data, its amounts and T4's state capital column should be zero.")),
  // MOF 财决01 row formulas (domain notes §3 [S]); rows are keyed L<行次>, applied to every amount column, and only to
  // a workbook of a year whose 财决01 has these 行次 (row numbers move between years).
  rule("Z01-1", "error", "FOREACH COL(Z01): Z01[L27, col] = SUM(Z01[L1:L8, col])", "财决01表：第27行＝第1至8行之和", "Z01: row 27 = Σ rows 1–8",
    z01("财决01表（按 2019 年度行次）每一金额列：第27行 = 第1至8行之和。其他年度行次不同，不执行。", "MOF form 01 (2019 row numbers), every amount column: row 27 = sum of rows 1–8. Not run for other years, whose row numbers differ.")),
  rule("Z01-2", "error", "FOREACH COL(Z01): Z01[L31, col] = Z01[L27, col] + Z01[L28, col] + Z01[L29, col]", "财决01表：第31行＝第27＋28＋29行", "Z01: row 31 = 27 + 28 + 29",
    z01("财决01表（按 2019 年度行次）：第31行 = 第27行 + 第28行 + 第29行。", "MOF form 01 (2019 row numbers): row 31 = rows 27 + 28 + 29.")),
  rule("Z01-3", "error", "FOREACH COL(Z01): Z01[L58, col] = Z01[L59, col] + Z01[L60, col]", "财决01表：第58行＝第59＋60行", "Z01: row 58 = 59 + 60",
    z01("财决01表（按 2019 年度行次）：第58行 = 第59行 + 第60行。", "MOF form 01 (2019 row numbers): row 58 = rows 59 + 60.")),
  rule("Z01-4", "error", "FOREACH COL(Z01): Z01[L61, col] >= Z01[L62, col]", "财决01表：第61行≥第62行", "Z01: row 61 ≥ row 62",
    z01("财决01表（按 2019 年度行次）：第61行 ≥ 第62行。", "MOF form 01 (2019 row numbers): row 61 ≥ row 62.")),
  rule("Z01-5", "error", "FOREACH COL(Z01): Z01[L84, col] = SUM(Z01[L32:L57, col]); FOREACH COL(Z01): Z01[L84, col] = Z01[L58, col] + Z01[L61, col] + Z01[L63, col] + Z01[L64, col] + Z01[L65, col]", "财决01表：第84行＝第32至57行之和＝第58＋61＋63＋64＋65行", "Z01: row 84 = Σ rows 32–57 = 58 + 61 + 63 + 64 + 65",
    z01("财决01表（按 2019 年度行次）：第84行 = 第32至57行之和 = 第58 + 61 + 63 + 64 + 65行。", "MOF form 01 (2019 row numbers): row 84 = sum of rows 32–57 = rows 58 + 61 + 63 + 64 + 65.")),
  rule("Z01-6", "error", "FOREACH COL(Z01): Z01[L88, col] = Z01[L84, col] + Z01[L85, col] + Z01[L86, col]", "财决01表：第88行＝第84＋85＋86行", "Z01: row 88 = 84 + 85 + 86",
    z01("财决01表（按 2019 年度行次）：第88行 = 第84行 + 第85行 + 第86行。", "MOF form 01 (2019 row numbers): row 88 = rows 84 + 85 + 86.")),
  rule("Z01-7", "error", "FOREACH COL(Z01): Z01[L31, col] = Z01[L88, col]", "财决01表：第31行＝第88行", "Z01: row 31 = row 88",
    z01("财决01表（按 2019 年度行次）：第31行 = 第88行。", "MOF form 01 (2019 row numbers): row 31 = row 88.")),
  rule("Z01-8", "warning", "Z01[L1:L8, *] >= 0; Z01[L28, *] >= 0; Z01[L32:L85, *] >= 0", "财决01表：第1–8、28、32–85行不应为负数", "Z01: rows 1–8, 28, 32–85 should not be negative",
    z01("财决01表（按 2019 年度行次）：第1至8行、第28行、第32至85行不应为负数。", "MOF form 01 (2019 row numbers): rows 1–8, 28 and 32–85 should not be negative.")),
];
