/**
 * 上海市普陀区财政局 2024 (../shared/reference/shanghai-caizhengju-2024.txt, PART A) as a Dataset, for 核对 of that
 * document's narrative. Only the figures its tables print; the 「说明数据」 prior-year figures are the ones the
 * narrative's own changes imply (收支总计 −56.95, 一般公共预算 −63.14, 机关运行经费 +2.55, “三公” 持平 at 0).
 * 财政拨款收入支出总计 has no prior-year figure: the narrative's 「持平」 there cannot be checked.
 */
import type { CodeRow, CodedTable, Dataset } from "../../fixtures/data/types";

const rows = (list: [string, string, Record<string, number>][]): CodeRow[] => list.map(([code, name, values]) => ({ code, name, values }));

const FUNC: [string, string, number, number, number][] = [
  // code, name, total, basic, project (T3 = T5 here: all money is 财政拨款 except 6.20 其他收入 kept in T2)
  ["201", "一般公共服务支出", 2106.66, 1503.52, 603.14],
  ["20106", "财政事务", 2106.66, 1503.52, 603.14],
  ["2010601", "行政运行", 1511.89, 1503.52, 8.37],
  ["2010602", "一般行政管理事务", 10.0, 0, 10.0],
  ["2010607", "信息化建设", 135.25, 0, 135.25],
  ["2010608", "财政委托业务支出", 449.52, 0, 449.52],
  ["208", "社会保障和就业支出", 326.72, 326.72, 0],
  ["20805", "行政事业单位养老支出", 326.72, 326.72, 0],
  ["2080501", "行政单位离退休", 84.65, 84.65, 0],
  ["2080505", "机关事业单位基本养老保险缴费支出", 160.75, 160.75, 0],
  ["2080506", "机关事业单位职业年金缴费支出", 80.38, 80.38, 0],
  ["2080599", "其他行政事业单位养老支出", 0.94, 0.94, 0],
  ["210", "卫生健康支出", 60.99, 60.99, 0],
  ["21011", "行政事业单位医疗", 60.99, 60.99, 0],
  ["2101101", "行政单位医疗", 60.99, 60.99, 0],
  ["221", "住房保障支出", 445.69, 445.69, 0],
  ["22102", "住房改革支出", 445.69, 445.69, 0],
  ["2210201", "住房公积金", 187.19, 187.19, 0],
  ["2210203", "购房补贴", 258.5, 258.5, 0],
];

const T2_EXTRA: Record<string, number> = { "201": 6.2, "20106": 6.2, "2010601": 0.01, "2010602": 6.19 };

export function caizhengju2024(): Dataset {
  const t5: CodedTable = {
    total: { total: 2940.05, basic: 2336.91, project: 603.14 },
    rows: rows(FUNC.map(([c, n, t, b, p]) => [c, n, { total: t, basic: b, project: p }])),
  };
  const t3: CodedTable = {
    total: { total: 2940.05, basic: 2336.91, project: 603.14 },
    rows: rows(FUNC.map(([c, n, t, b, p]) => [c, n, { total: t, basic: b, project: p }])),
  };
  const t2: CodedTable = {
    total: { total: 2946.25, fiscal: 2940.05, other: 6.2 },
    rows: rows(FUNC.map(([c, n, t]) => [c, n, { total: Math.round((t + (T2_EXTRA[c] ?? 0)) * 100) / 100, fiscal: c === "2010601" ? 1511.89 : t, other: T2_EXTRA[c] ?? 0 }])),
  };
  const classes = FUNC.filter(([c]) => c.length === 3);
  const t1Amount = (c: string, t: number) => (c === "208" ? 326.71 : t); // 表一 prints 326.71 (0.01 residue)
  return {
    id: "caizhengju2024",
    unitName: "上海市普陀区财政局",
    year: 2024,
    unit: "万元",
    t1: {
      items: {
        inc_gpb: 2940.05, inc_other: 6.2, inc_total_year: 2946.25, inc_begin_balance: 49.14, inc_grand_total: 2995.39,
        exp_total_year: 2940.05, exp_end_balance: 55.34, exp_grand_total: 2995.39,
      },
      classes: classes.map(([c, n, t]) => ({ code: c, name: n, values: { amount: t1Amount(c, t) } })),
    },
    t2,
    t3,
    t4: {
      income: { inc_gpb: 2940.05, inc_total_year: 2940.05, inc_begin_balance: 21.63, inc_begin_gpb: 21.63, inc_grand_total: 2961.68 },
      classes: classes.map(([c, n, t]) => ({ code: c, name: n, values: { total: t1Amount(c, t), gpb: t1Amount(c, t) } })),
      expenditure: {
        exp_total_year: { total: 2940.05, gpb: 2940.05 },
        exp_end_balance: { total: 21.63, gpb: 21.63 },
        exp_grand_total: { total: 2961.68, gpb: 2961.68 },
      },
    },
    t5,
    t6: {
      rows: rows([
        ["301", "工资福利支出", { amount: 2082.85 }],
        ["303", "对个人和家庭的补助", { amount: 69.41 }],
        ["302", "商品和服务支出", { amount: 171.07 }],
        ["310", "资本性支出", { amount: 13.58 }],
      ]),
      personnel_total: 2152.26,
      public_total: 184.65,
    },
    t7: {
      sg_total: { budget: 0.95, final: 0 },
      sg_abroad: { budget: 0, final: 0 },
      sg_vehicle: { budget: 0, final: 0 },
      sg_vehicle_purchase: { budget: 0, final: 0 },
      sg_vehicle_operation: { budget: 0, final: 0 },
      sg_reception: { budget: 0.95, final: 0 },
    },
    t8: { empty: true, sentence: "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。" },
    t9: { empty: true, sentence: "注：上海市普陀区财政局无国有资本经营预算财政拨款支出，故本表无数据。" },
    narrative: {
      单位名称: "上海市普陀区财政局",
      年度: 2024,
      上年收入支出总计: 3052.34,
      上年一般公共预算财政拨款支出: 3003.19,
      "上年因公出国（境）费": 0,
      上年公务用车购置及运行维护费: 0,
      上年公务接待费: 0,
      机关运行经费: 184.65,
      上年机关运行经费: 182.1,
      政府采购支出总额: 251.25,
      政府采购货物支出: 4.79,
      政府采购工程支出: 0,
      政府采购服务支出: 246.47,
    },
  };
}
