/**
 * Random consistent workbooks for property tests and the benchmark: all nine public tables computed in whole 元
 * (so every identity holds exactly), then each figure rounded half-up to 0.01 万元 independently, as a real
 * publisher does. Structure size is configurable (the benchmark asks for thousands of subject rows).
 */
import type { ColumnRole } from "../../../../src/core/catalog/vocabulary";
import type { RowSpec, TableSpec } from "./builder";
import { buildWorkbook } from "./builder";
import { rng } from "../../../fixtures/data/random";

/** Small deterministic PRNG (mulberry32), shared with the fixture generators. */
export const prng = rng;

export interface GenerateOptions {
  classes?: number;
  sections?: number;
  items?: number;
  /** Classes in each of the fund tables T8 / T9 (0 = table declared empty). */
  gfClasses?: number;
  socClasses?: number;
  /** Exactly `sections` 款 per 类 and `items` 项 per 款 (the benchmark wants a known size); default random up to. */
  exact?: boolean;
  /** Also print 收入支出决算总表's expenditure by nature (基本/项目/上缴上级/经营/对附属单位补助), as older templates do. */
  natureRows?: boolean;
}

/** 元 → 万元 rounded half-up to 2 decimals (whole 元 / 100 is exact at .5, so Math.round is half-up here). */
export function wan(yuan: number): number {
  const hundreds = Math.round(yuan / 100);
  return hundreds / 100;
}

interface Tree {
  codes: string[];
  leaves: string[];
  children: Map<string, string[]>;
  classes: string[];
}

function makeTree(rand: () => number, classCodes: string[], sections: number, items: number, exact = false): Tree {
  const codes: string[] = [];
  const leaves: string[] = [];
  const children = new Map<string, string[]>();
  for (const c of classCodes) {
    codes.push(c);
    const ns = exact ? sections : 1 + Math.floor(rand() * sections);
    const secs: string[] = [];
    for (let s = 1; s <= ns; s++) {
      const sc = c + String(s).padStart(2, "0");
      secs.push(sc);
      codes.push(sc);
      const ni = exact ? items : Math.floor(rand() * (items + 1));
      const its: string[] = [];
      for (let i = 1; i <= ni; i++) {
        const ic = sc + String(i === ni && !exact && rand() < 0.3 ? 99 : i).padStart(2, "0");
        if (its.includes(ic)) continue;
        its.push(ic);
        codes.push(ic);
        leaves.push(ic);
      }
      if (its.length === 0) leaves.push(sc);
      children.set(sc, its);
    }
    children.set(c, secs);
  }
  return { codes, leaves, children, classes: classCodes };
}

/** Sum leaf values up the tree: every code and "total" get Σ of their children (exact, in 元). */
function rollUp(tree: Tree, leafValues: Map<string, Record<string, number>>, cols: string[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const get = (code: string): Record<string, number> => {
    const known = out.get(code);
    if (known) return known;
    const kids = tree.children.get(code);
    let v: Record<string, number>;
    if (!kids || kids.length === 0) v = leafValues.get(code) ?? Object.fromEntries(cols.map((c) => [c, 0]));
    else {
      v = Object.fromEntries(cols.map((c) => [c, 0]));
      for (const k of kids) {
        const kv = get(k);
        for (const c of cols) v[c] += kv[c];
      }
    }
    out.set(code, v);
    return v;
  };
  const total = Object.fromEntries(cols.map((c) => [c, 0]));
  for (const c of tree.classes) {
    const v = get(c);
    for (const col of cols) total[col] += v[col];
  }
  for (const code of tree.codes) get(code);
  out.set("total", total);
  return out;
}

function codedRows(tree: Tree, values: Map<string, Record<string, number>>, cols: string[]): RowSpec[] {
  const rows: RowSpec[] = [{ key: "total", label: "合计", values: toWan(values.get("total")!, cols) }];
  for (const code of tree.codes) rows.push({ key: code, label: `科目${code}`, values: toWan(values.get(code)!, cols) });
  return rows;
}

function toWan(v: Record<string, number>, cols: string[]): Partial<Record<ColumnRole, number>> {
  const out: Partial<Record<ColumnRole, number>> = {};
  for (const c of cols) out[c as ColumnRole] = wan(v[c]);
  return out;
}

/** A consistent set of table specs (values in 万元, 2 decimals). */
export function consistentTables(seed: number, options: GenerateOptions = {}): TableSpec[] {
  const rand = prng(seed);
  const int = (max: number): number => Math.floor(rand() * (max + 1));
  const maybe = (p: number, max: number): number => (rand() < p ? int(max) : 0);
  const classes = options.classes ?? 4;
  const classCodes = Array.from({ length: classes }, (_, i) => String(201 + i));
  const tree = makeTree(rand, classCodes, options.sections ?? 3, options.items ?? 3, options.exact);

  // T5 (general budget) and T3 (all money) per leaf, in 元
  const t5Leaf = new Map<string, Record<string, number>>();
  const t3Leaf = new Map<string, Record<string, number>>();
  for (const leaf of tree.leaves) {
    const basic = maybe(0.8, 3_000_000);
    const project = maybe(0.5, 2_000_000);
    t5Leaf.set(leaf, { basic, project, total: basic + project });
    const b3 = basic + maybe(0.3, 500_000);
    const p3 = project + maybe(0.3, 500_000);
    const upper = maybe(0.05, 100_000);
    const opx = maybe(0.05, 100_000);
    const sub = maybe(0.05, 100_000);
    t3Leaf.set(leaf, { basic: b3, project: p3, upper, operating_exp: opx, subsidy: sub, total: b3 + p3 + upper + opx + sub });
  }
  const t5 = rollUp(tree, t5Leaf, ["total", "basic", "project"]);

  // fund tables T8 / T9
  const fund = (nClasses: number, base: number) => {
    const codes = Array.from({ length: nClasses }, (_, i) => String(base + i));
    const ft = makeTree(rand, codes, 2, 2);
    const leafVals = new Map<string, Record<string, number>>();
    for (const leaf of ft.leaves) {
      const exp_basic = maybe(0.5, 300_000);
      const exp_project = maybe(0.7, 800_000);
      const exp_total = exp_basic + exp_project;
      const end_balance = maybe(0.5, 200_000);
      const begin_balance = int(end_balance + exp_total);
      const income = end_balance + exp_total - begin_balance;
      leafVals.set(leaf, { begin_balance, income, exp_total, exp_basic, exp_project, end_balance });
    }
    const cols = ["begin_balance", "income", "exp_total", "exp_basic", "exp_project", "end_balance"];
    return { tree: ft, values: rollUp(ft, leafVals, cols), cols };
  };
  const gf = fund(options.gfClasses ?? 1, 229);
  const soc = fund(options.socClasses ?? 0, 223);

  // T3 is all money: its subjects include the fund tables' (229…, 223…) with their basic / project spending.
  const t3Cols = ["total", "basic", "project", "upper", "operating_exp", "subsidy"];
  const allTree: Tree = {
    codes: [...tree.codes, ...soc.tree.codes, ...gf.tree.codes],
    leaves: [...tree.leaves, ...soc.tree.leaves, ...gf.tree.leaves],
    children: new Map([...tree.children, ...soc.tree.children, ...gf.tree.children]),
    classes: [...tree.classes, ...soc.tree.classes, ...gf.tree.classes],
  };
  for (const f of [gf, soc])
    for (const leaf of f.tree.leaves) {
      const v = f.values.get(leaf)!;
      t3Leaf.set(leaf, { basic: v.exp_basic, project: v.exp_project, upper: 0, operating_exp: 0, subsidy: 0, total: v.exp_total });
    }
  const t3 = rollUp(allTree, t3Leaf, t3Cols);

  // T4 per fund: income + begin = expenditure + end
  const gpbExp = t5.get("total")!.total;
  const gpbEnd = maybe(0.6, 300_000);
  const gpbBegin = int(gpbEnd + gpbExp);
  const gpbInc = gpbExp + gpbEnd - gpbBegin;
  const gfT = gf.values.get("total")!;
  const socT = soc.values.get("total")!;
  const fiscalIncome = gpbInc + gfT.income + socT.income;

  // T2: distribute fiscal income over leaves; other sources random
  const t2Leaf = new Map<string, Record<string, number>>();
  const weights = tree.leaves.map(() => rand());
  const wsum = weights.reduce((a, b) => a + b, 0) || 1;
  let remaining = fiscalIncome;
  tree.leaves.forEach((leaf, i) => {
    const fiscal = i === tree.leaves.length - 1 ? remaining : Math.min(remaining, Math.floor((fiscalIncome * weights[i]) / wsum));
    remaining -= fiscal;
    const superior = maybe(0.1, 200_000);
    const business = maybe(0.1, 200_000);
    const operating = maybe(0.05, 100_000);
    const affiliated = maybe(0.05, 100_000);
    const other = maybe(0.2, 100_000);
    t2Leaf.set(leaf, { fiscal, superior, business, operating, affiliated, other, total: fiscal + superior + business + operating + affiliated + other });
  });
  const t2Cols = ["total", "fiscal", "superior", "business", "operating", "affiliated", "other"];
  const t2 = rollUp(tree, t2Leaf, t2Cols);
  const t2Total = t2.get("total")!;

  // T1
  const incRows: [string, number][] = [
    ["inc_gpb", gpbInc],
    ["inc_gf", gfT.income],
    ["inc_soc", socT.income],
    ["inc_superior", t2Total.superior],
    ["inc_business", t2Total.business],
    ["inc_operating", t2Total.operating],
    ["inc_affiliated", t2Total.affiliated],
    ["inc_other", t2Total.other],
  ];
  const incTotal = t2Total.total;
  const expTotal = t3.get("total")!.total;
  const useSurplus = maybe(0.2, 50_000);
  const dist = maybe(0.2, 50_000);
  // all money's balances include the fiscal ones (T4): opening ≥ fiscal opening, closing ≥ fiscal closing
  const fiscalBegin = gpbBegin + gfT.begin_balance + socT.begin_balance;
  const fiscalEnd = gpbEnd + gfT.end_balance + socT.end_balance;
  const begin = Math.max(0, fiscalBegin, fiscalEnd + expTotal + dist - incTotal - useSurplus) + maybe(0.7, 1_000_000);
  const end = incTotal + useSurplus + begin - expTotal - dist;
  const grand = incTotal + useSurplus + begin;
  const amount = (key: string, v: number, side: "income" | "expenditure", label?: string): RowSpec => ({ key, label, side, values: { amount: wan(v) } });
  const t1Rows: RowSpec[] = [
    ...incRows.map(([k, v]) => amount(k, v, "income")),
    amount("inc_total_year", incTotal, "income"),
    amount("inc_use_surplus", useSurplus, "income"),
    amount("inc_begin_balance", begin, "income"),
    amount("inc_grand_total", grand, "income"),
    ...allTree.classes.map((c) => amount(c, t3.get(c)!.total, "expenditure", `类${c}`)),
    ...(options.natureRows
      ? ([
          ["exp_nature_basic", "basic"],
          ["exp_nature_project", "project"],
          ["exp_nature_upper", "upper"],
          ["exp_nature_operating", "operating_exp"],
          ["exp_nature_subsidy", "subsidy"],
        ] as const).map(([key, col]) => amount(key, t3.get("total")![col], "expenditure"))
      : []),
    amount("exp_total_year", expTotal, "expenditure"),
    amount("exp_surplus_dist", dist, "expenditure"),
    amount("exp_end_balance", end, "expenditure"),
    amount("exp_grand_total", grand, "expenditure"),
  ];

  // T4
  const fundCol = (g: number, f: number, s: number) => ({ total: wan(g + f + s), gpb: wan(g), gf: wan(f), soc: wan(s) });
  const t4Classes = [...new Set([...tree.classes, ...gf.tree.classes, ...soc.tree.classes])].sort();
  const t4Rows: RowSpec[] = [
    { key: "inc_gpb", side: "income", values: { amount: wan(gpbInc) } },
    { key: "inc_gf", side: "income", values: { amount: wan(gfT.income) } },
    { key: "inc_soc", side: "income", values: { amount: wan(socT.income) } },
    { key: "inc_total_year", side: "income", values: { amount: wan(fiscalIncome) } },
    { key: "inc_begin_balance", side: "income", values: { amount: wan(gpbBegin + gfT.begin_balance + socT.begin_balance) } },
    { key: "inc_begin_gpb", side: "income", values: { amount: wan(gpbBegin) } },
    { key: "inc_begin_gf", side: "income", values: { amount: wan(gfT.begin_balance) } },
    { key: "inc_begin_soc", side: "income", values: { amount: wan(socT.begin_balance) } },
    { key: "inc_grand_total", side: "income", values: { amount: wan(fiscalIncome + gpbBegin + gfT.begin_balance + socT.begin_balance) } },
    ...t4Classes.map((c) => ({
      key: c,
      label: `类${c}`,
      side: "expenditure" as const,
      values: fundCol(t5.get(c)?.total ?? 0, gf.values.get(c)?.exp_total ?? 0, soc.values.get(c)?.exp_total ?? 0),
    })),
    { key: "exp_total_year", side: "expenditure", values: fundCol(gpbExp, gfT.exp_total, socT.exp_total) },
    { key: "exp_end_balance", side: "expenditure", values: fundCol(gpbEnd, gfT.end_balance, socT.end_balance) },
    { key: "exp_grand_total", side: "expenditure", values: fundCol(gpbExp + gpbEnd, gfT.exp_total + gfT.end_balance, socT.exp_total + socT.end_balance) },
  ];

  // T6: partition T5 basic total over economic codes
  const basicTotal = t5.get("total")!.basic;
  const econ: Record<string, string[]> = {
    "301": ["30101", "30102", "30103", "30107", "30108", "30112", "30113"],
    "302": ["30201", "30202", "30205", "30211", "30217", "30228", "30231", "30299"],
    "303": ["30301", "30302", "30305"],
    "310": ["31002", "31007"],
  };
  const econLeaves = Object.values(econ).flat();
  const ew = econLeaves.map(() => rand());
  const ewSum = ew.reduce((a, b) => a + b, 0);
  let left = basicTotal;
  const econVal = new Map<string, number>();
  econLeaves.forEach((c, i) => {
    const v = i === econLeaves.length - 1 ? left : Math.min(left, Math.floor((basicTotal * ew[i]) / ewSum));
    left -= v;
    econVal.set(c, v);
  });
  const econClass = (c: string) => econ[c].reduce((a, k) => a + econVal.get(k)!, 0);
  const t6Rows: RowSpec[] = [];
  for (const cls of Object.keys(econ)) {
    t6Rows.push({ key: cls, label: `经济${cls}`, values: { amount: wan(econClass(cls)) } });
    for (const k of econ[cls]) t6Rows.push({ key: k, label: `经济${k}`, values: { amount: wan(econVal.get(k)!) } });
  }
  t6Rows.push({ key: "personnel_total", label: "人员经费合计", values: { amount: wan(econClass("301") + econClass("303")) } });
  t6Rows.push({ key: "public_total", label: "公用经费合计", values: { amount: wan(econClass("302") + econClass("310")) } });

  // T7: final figures at least the T6 basic-expenditure parts
  const sg = (min: { reception: number; operation: number }) => {
    const abroad = maybe(0.3, 100_000);
    const purchase = maybe(0.2, 300_000);
    const operation = min.operation + maybe(0.5, 100_000);
    const reception = min.reception + maybe(0.5, 50_000);
    return { abroad, purchase, operation, reception, vehicle: purchase + operation, total: abroad + purchase + operation + reception };
  };
  const fin = sg({ reception: econVal.get("30217")!, operation: econVal.get("30231")! });
  const bud = sg({ reception: fin.reception, operation: fin.operation });
  const t7Row = (key: string, f: number, b: number): RowSpec => ({ key, values: { budget: wan(b), final: wan(f) } });
  const t7Rows: RowSpec[] = [
    t7Row("sg_total", fin.total, bud.total),
    t7Row("sg_abroad", fin.abroad, bud.abroad),
    t7Row("sg_vehicle", fin.vehicle, bud.vehicle),
    t7Row("sg_vehicle_purchase", fin.purchase, bud.purchase),
    t7Row("sg_vehicle_operation", fin.operation, bud.operation),
    t7Row("sg_reception", fin.reception, bud.reception),
  ];

  const fundSpec = (kind: "T8" | "T9", f: typeof gf, nClasses: number): TableSpec => ({
    kind,
    columns: f.cols as ColumnRole[],
    empty: nClasses === 0,
    rows: nClasses === 0 ? [] : codedRows(f.tree, f.values, f.cols),
  });

  return [
    { kind: "T1", columns: ["amount"], rows: t1Rows },
    { kind: "T2", columns: t2Cols as ColumnRole[], rows: codedRows(tree, t2, t2Cols) },
    { kind: "T3", columns: t3Cols as ColumnRole[], rows: codedRows(allTree, t3, t3Cols) },
    { kind: "T4", columns: ["amount", "total", "gpb", "gf", "soc"], rows: t4Rows },
    { kind: "T5", columns: ["total", "basic", "project"], rows: codedRows(tree, t5, ["total", "basic", "project"]) },
    { kind: "T6", columns: ["amount"], rows: t6Rows },
    { kind: "T7", columns: ["budget", "final"], rows: t7Rows },
    fundSpec("T8", gf, options.gfClasses ?? 1),
    fundSpec("T9", soc, options.socClasses ?? 0),
  ];
}

/** A consistent workbook (snapshot + recognition) from a seed. */
export function consistentWorkbook(seed: number, options: GenerateOptions = {}) {
  return buildWorkbook(consistentTables(seed, options));
}
