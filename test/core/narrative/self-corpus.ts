/**
 * A corpus of generated narratives for 核对 of the text alone: consistent documents built from exact amounts (so the
 * written figures carry real rounding noise), in Sichuan and Shanghai wording, in 万元 and 元, with percentages of
 * 0–2 decimals — and the same documents with one inconsistency of each kind injected.
 */
import { roundHalfUp } from "../../../src/core/metrics/rounding";
import { rng } from "../../fixtures/data/random";

export interface CorpusOptions {
  seed: number;
  style: "sichuan" | "shanghai";
  unit: "万元" | "元";
  pctDigits: 0 | 1 | 2;
  year: number;
}

export interface Corpus {
  text: string;
  options: CorpusOptions;
  /** Exact amounts in 元 by name, for the injections. */
  yuan: Record<string, number>;
}

/** A consistent narrative. */
export function generate(o: CorpusOptions): Corpus {
  const r = rng(o.seed);
  const Y = o.year;
  const P = Y - 1;
  // Exact amounts in 元 with cents: the written figures are rounded from these.
  const amt = (lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 100) / 100;
  const fmtWan = (yuan: number) => {
    const v = roundHalfUp(yuan / 10000, 2);
    let s = v.toFixed(2);
    if (o.style === "shanghai") s = s.replace(/^(\d+)(\d{3})\./, "$1,$2.");
    return o.style === "shanghai" ? `${s} 万元` : `${s}万元`;
  };
  const fmtYuan = (yuan: number) => `${yuan.toFixed(2)}元`;
  const A = (yuan: number) => (o.unit === "元" ? fmtYuan(yuan) : fmtWan(yuan));
  const pct = (part: number, total: number) => `${roundHalfUp((part / total) * 100, o.pctDigits).toFixed(o.pctDigits)}%`;
  const rate = (cur: number, prior: number) => pct(Math.abs(cur - prior), prior);
  const chg = (cur: number, prior: number) => `${cur >= prior ? "增加" : "减少"}${A(Math.abs(cur - prior))}，${cur >= prior ? "增长" : "下降"}${rate(cur, prior)}`;
  const unitName = "示范市财政局";
  const y = (x: string) => (o.style === "shanghai" ? `${x}年度` : `${x}年`);

  const fiscal = amt(8e6, 3e7);
  const business = amt(1e5, 2e6);
  const other = amt(1e4, 5e5);
  const income = fiscal + business + other;
  const basic = amt(0.6, 0.8) * income;
  const basicY = Math.round(basic * 100) / 100;
  const project = Math.round((income - basicY) * 100) / 100;
  const priorTotal = income * (0.8 + r() * 0.4);
  const gen = Math.round(fiscal * 100) / 100;
  const c1 = Math.round(gen * (0.5 + r() * 0.2) * 100) / 100;
  const c2 = Math.round(gen * (0.1 + r() * 0.15) * 100) / 100;
  const c3 = Math.round((gen - c1 - c2) * 100) / 100;
  const genBudget = gen * (1.02 + r() * 0.05);
  const item1 = Math.round(c1 * 0.7 * 100) / 100;
  const item1Budget = item1 * (1.01 + r() * 0.1);
  const item2 = Math.round(c2 * 0.9 * 100) / 100;
  const item2Budget = item2 * (0.92 + r() * 0.05);
  const personnel = Math.round(basicY * (0.8 + r() * 0.1) * 100) / 100;
  const publicUse = Math.round((basicY - personnel) * 100) / 100;
  const abroad = amt(0, 1e5);
  const cars = amt(1e5, 5e5);
  const reception = amt(1e3, 5e4);
  const sangong = abroad + cars + reception;
  const sangongBudget = sangong * (1.05 + r() * 0.3);
  const sangongPrior = sangong * (0.7 + r() * 0.5);
  const office = amt(5e5, 3e6);
  const officePrior = office * (0.85 + r() * 0.3);
  const goods = amt(1e5, 1e6);
  const works = amt(0, 5e5);
  const services = amt(1e5, 2e6);
  const procurement = goods + works + services;
  const sme = procurement * (0.5 + r() * 0.4);
  const micro = sme * (0.3 + r() * 0.5);
  const priorFiscal = fiscal * (0.85 + r() * 0.3);

  const reason = o.style === "shanghai" ? "主要原因：业务量变化。" : "主要变动原因是业务量变化。";
  const s: string[] = [];
  s.push(`${unitName}${y(String(Y))}部门决算情况说明`);
  s.push("一、收入支出决算总体情况说明");
  s.push(`${y(String(Y))}收入支出总计${A(income)}。与${y(String(P))}相比，收入支出总计${chg(income, priorTotal)}。${reason}`);
  s.push("二、收入决算情况说明");
  s.push(`本年收入合计${A(income)}，其中：财政拨款收入${A(fiscal)}，占${pct(fiscal, income)}；事业收入${A(business)}，占${pct(business, income)}；其他收入${A(other)}，占${pct(other, income)}。`);
  s.push("三、支出决算情况说明");
  s.push(`本年支出合计${A(income)}，其中：基本支出${A(basicY)}，占${pct(basicY, income)}；项目支出${A(project)}，占${pct(project, income)}。`);
  s.push("四、财政拨款收入支出决算总体情况说明");
  s.push(`${y(String(Y))}财政拨款收入支出总计${A(fiscal)}。与${y(String(P))}相比，财政拨款收入支出总计${chg(fiscal, priorFiscal)}。${reason}`);
  s.push("五、一般公共预算财政拨款支出决算情况说明");
  s.push("（一）一般公共预算财政拨款支出决算总体情况");
  s.push(`一般公共预算财政拨款支出${A(gen)}，占本年支出合计的${pct(gen, income)}。与${y(String(P))}相比，一般公共预算财政拨款支出${chg(gen, priorFiscal)}。${reason}`);
  s.push("（二）一般公共预算财政拨款支出决算结构情况");
  s.push(`一般公共预算财政拨款支出${A(gen)}，主要用于以下方面：一般公共服务支出（类）${A(c1)}，占${pct(c1, gen)}；社会保障和就业支出（类）${A(c2)}，占${pct(c2, gen)}；住房保障支出（类）${A(c3)}，占${pct(c3, gen)}。`);
  s.push("（三）一般公共预算财政拨款支出决算具体情况");
  s.push(`一般公共预算财政拨款支出年初预算为${A(genBudget)}，支出决算为${A(gen)}，完成年初预算的${pct(gen, genBudget)}。决算数小于预算数的主要原因：项目按进度支付。其中：`);
  s.push(`1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）${A(item1)}，主要用于：机关运行。年初预算为${A(item1Budget)}，支出决算为${A(item1)}，完成年初预算的${pct(item1, item1Budget)}。决算数小于预算数的主要原因：厉行节约。`);
  s.push(`2、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）${A(item2)}，主要用于：缴纳养老保险。年初预算为${A(item2Budget)}，支出决算为${A(item2)}，完成年初预算的${pct(item2, item2Budget)}。决算数大于预算数的主要原因：缴费基数调整。`);
  s.push("六、一般公共预算财政拨款基本支出决算情况说明");
  s.push(`一般公共预算财政拨款基本支出${A(basicY)}。其中：人员经费${A(personnel)}，主要包括：基本工资、津贴补贴；公用经费${A(publicUse)}，主要包括：办公费、印刷费。`);
  s.push(o.style === "shanghai" ? "七、财政拨款“三公”经费支出决算情况说明" : "七、“三公”经费财政拨款支出决算情况说明");
  s.push("（一）“三公”经费财政拨款支出决算总体情况说明");
  s.push(`“三公”经费财政拨款支出年初预算为${A(sangongBudget)}，支出决算为${A(sangong)}，完成预算的${pct(sangong, sangongBudget)}，其中：因公出国（境）费决算为${A(abroad)}；公务用车购置及运行维护费支出决算为${A(cars)}；公务接待费支出决算为${A(reception)}。${y(String(Y))}“三公”经费支出决算数小于预算数的主要原因：厉行节约。`);
  s.push(`${y(String(Y))}“三公”经费财政拨款支出决算数比${y(String(P))}${chg(sangong, sangongPrior)}。主要原因是公务活动变化。`);
  s.push("（二）“三公”经费财政拨款支出决算具体情况说明");
  s.push(`“三公”经费财政拨款支出决算中，因公出国（境）费支出决算${A(abroad)}，占${pct(abroad, sangong)}；公务用车购置及运行维护费支出决算${A(cars)}，占${pct(cars, sangong)}；公务接待费支出决算${A(reception)}，占${pct(reception, sangong)}。`);
  s.push(o.style === "shanghai" ? "八、政府性基金预算财政拨款收入支出决算情况说明" : "八、政府性基金预算支出决算情况说明");
  s.push(`本单位${y(String(Y))}无政府性基金预算财政拨款收入和支出。`);
  s.push(o.style === "shanghai" ? "九、国有资本经营预算财政拨款收入支出决算情况说明" : "九、国有资本经营预算支出决算情况说明");
  s.push(`本单位${y(String(Y))}无国有资本经营预算财政拨款收入和支出。`);
  const perf = `本部门对${3 + Math.floor(r() * 10)}个项目开展了绩效自评，自评结果良好。`;
  if (o.style === "shanghai") {
    s.push("十、预算绩效管理情况");
    s.push(perf);
  }
  s.push(o.style === "shanghai" ? "十一、其他重要事项的情况说明" : "十、其他重要事项的情况说明");
  s.push("（一）机关运行经费支出情况");
  s.push(`机关运行经费支出${A(office)}，比${y(String(P))}的${A(officePrior)}${chg(office, officePrior)}。主要原因是办公经费变化。`);
  s.push("（二）政府采购支出情况");
  s.push(`${y(String(Y))}政府采购支出总额${A(procurement)}，其中：政府采购货物支出${A(goods)}、政府采购工程支出${A(works)}、政府采购服务支出${A(services)}。授予中小企业合同金额${A(sme)}，占政府采购支出总额的${pct(sme, procurement)}，其中：授予小微企业合同金额${A(micro)}，占政府采购支出总额的${pct(micro, procurement)}。`);
  s.push("（三）国有资产占有使用情况");
  s.push(`截至${Y}年12月31日，本单位共有车辆${4 + Math.floor(r() * 10)}辆，其中：应急保障用车2辆、其他用车2辆。单价50万元以上通用设备1台（套），单价100万元以上专用设备0台（套）。`);
  if (o.style === "sichuan") {
    s.push("（四）预算绩效管理情况");
    s.push(perf);
  }
  return { text: s.join("\n") + "\n", options: o, yuan: { income, fiscal, gen, genBudget, item1, item1Budget, sangong, sangongBudget, office, officePrior } };
}

/** One inconsistency injected into a consistent narrative, and the check that must report it. */
export interface Injection {
  name: string;
  check: string;
  severity: "error" | "warning";
  apply: (c: Corpus) => string | undefined;
}

const replaceOnce = (text: string, from: RegExp, to: (m: RegExpExecArray) => string): string | undefined => {
  const m = from.exec(text);
  if (!m) return undefined;
  return text.slice(0, m.index) + to(m) + text.slice(m.index + m[0].length);
};

/** Bump a written amount by `delta` 万元 (in its own unit), keeping its decimals. */
function bump(written: string, deltaWan: number, unit: "万元" | "元"): string {
  const v = Number(written.replace(/,/g, ""));
  return (v + (unit === "元" ? deltaWan * 10000 : deltaWan)).toFixed(2);
}

const NUM = String.raw`(\d[\d,]*\.\d+)`;

export const INJECTIONS: Injection[] = [
  {
    name: "a part of the income list increased (parts exceed the total)",
    check: "V-S01",
    severity: "error",
    apply: (c) => replaceOnce(c.text, new RegExp(`(事业收入)${NUM}`), (m) => m[1] + bump(m[2], 50, c.options.unit)),
  },
  {
    name: "a class share with transposed digits",
    check: "V-S02",
    severity: "error",
    apply: (c) =>
      replaceOnce(c.text, /(一般公共服务支出（类）[^，]*，占)(\d+)(\.\d+)?%/, (m) => {
        const digits = m[2].length >= 2 ? m[2][1] + m[2][0] + m[2].slice(2) : String(Number(m[2]) + 9);
        const next = digits === m[2] ? String(Number(m[2]) + 11) : digits;
        return `${m[1]}${next}${m[3] ?? ""}%`;
      }),
  },
  {
    name: "a rate typed on the wrong scale (÷100)",
    check: "V-S05",
    severity: "error",
    apply: (c) => replaceOnce(c.text, /(收入支出总计(?:增加|减少)[^，]+，(?:增长|下降))(\d+(?:\.\d+)?)%/, (m) => `${m[1]}${(Number(m[2]) / 100).toFixed(2)}%`),
  },
  {
    name: "a change that is not current − the stated prior",
    check: "V-S04",
    severity: "error",
    apply: (c) => replaceOnce(c.text, new RegExp(`(机关运行经费支出[^。]*?(?:增加|减少))${NUM}`), (m) => m[1] + bump(m[2], 3, c.options.unit)),
  },
  {
    name: "a completion rate that does not recompute",
    check: "V-S06",
    severity: "error",
    apply: (c) => replaceOnce(c.text, /(完成年初预算的)(\d+)(\.\d+)?%/, (m) => `${m[1]}${Number(m[2]) - 7}${m[3] ?? ""}%`),
  },
  {
    name: "an item stated twice with different amounts",
    check: "V-S07",
    severity: "error",
    apply: (c) => replaceOnce(c.text, new RegExp(`(行政运行（项）[^。]*。[^。]*支出决算为)${NUM}`), (m) => m[1] + bump(m[2], 12.34, c.options.unit)),
  },
  {
    name: "a year slip in a comparison",
    check: "V-S08",
    severity: "warning",
    apply: (c) => replaceOnce(c.text, new RegExp(`与${c.options.year - 1}年`), () => `与${c.options.year - 2}年`),
  },
  {
    name: "a template alternative left in",
    check: "V-W04",
    severity: "error",
    apply: (c) => replaceOnce(c.text, /决算数小于预算数的主要原因：项目/, () => "决算数大于（小于）预算数的主要原因：项目"),
  },
  {
    name: "决算数大于预算数 where the final is below the budget",
    check: "V-W01",
    severity: "error",
    apply: (c) => replaceOnce(c.text, /决算数小于预算数的主要原因：厉行节约/, () => "决算数大于预算数的主要原因：厉行节约"),
  },
  {
    name: "a completion rate over a zero budget",
    check: "V-W02",
    severity: "error",
    apply: (c) => replaceOnce(c.text, new RegExp(`(行政运行（项）[^。]*。年初预算为)${NUM}`), (m) => `${m[1]}0.00`),
  },
  {
    name: "持平 with a stated change",
    check: "V-W03",
    severity: "error",
    apply: (c) => replaceOnce(c.text, /收入支出总计(增加|减少)/, (m) => `收入支出总计持平，${m[1]}`),
  },
  {
    name: "a change without its reason",
    check: "N-R01",
    severity: "warning",
    apply: (c) => replaceOnce(c.text, /(财政拨款收入支出总计(?:增加|减少)[^。]*。)(主要(变动)?原因[^。]*。)/, (m) => m[1]),
  },
  {
    name: "a budget difference without its reason",
    check: "N-R02",
    severity: "warning",
    apply: (c) => replaceOnce(c.text, /决算数大于预算数的主要原因：缴费基数调整。/, () => ""),
  },
  {
    name: "a missing section",
    check: "N-S01",
    severity: "warning",
    apply: (c) => replaceOnce(c.text, /六、一般公共预算财政拨款基本支出决算情况说明\n[^\n]*\n/, () => ""),
  },
  {
    name: "政府采购 without 小微企业",
    check: "N-S03",
    severity: "warning",
    apply: (c) => replaceOnce(c.text, /，其中：授予小微企业合同金额[^。]*/, () => ""),
  },
  {
    name: "an empty 政府性基金 section that does not say so",
    check: "N-S04",
    severity: "warning",
    apply: (c) => replaceOnce(c.text, /本单位[^。]*无政府性基金预算财政拨款收入和支出。/, () => "政府性基金预算财政拨款支出0万元。"),
  },
  {
    name: "“三公” spending above its budget",
    check: "V-W06",
    severity: "warning",
    apply: (c) =>
      replaceOnce(c.text, new RegExp(`(“三公”经费财政拨款支出年初预算为)${NUM}`), (m) => {
        const v = Number(m[2].replace(/,/g, ""));
        return `${m[1]}${(v / 2).toFixed(2)}`;
      }),
  },
  {
    name: "万元 inside a paragraph in 元",
    check: "V-W05",
    severity: "warning",
    apply: (c) => (c.options.unit === "元" ? replaceOnce(c.text, /(本年收入合计[^；]*；事业收入)(\d+\.\d+)元/, (m) => `${m[1]}${(Number(m[2]) / 10000).toFixed(2)}万元`) : undefined),
  },
];

/** Every combination of the generator's options for a few seeds. */
export function corpusOptions(seeds: number[]): CorpusOptions[] {
  const out: CorpusOptions[] = [];
  for (const seed of seeds)
    for (const style of ["sichuan", "shanghai"] as const)
      for (const unit of ["万元", "元"] as const) for (const pctDigits of [0, 1, 2] as const) out.push({ seed, style, unit, pctDigits, year: 2019 + (seed % 7) });
  return out;
}
