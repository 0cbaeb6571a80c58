/**
 * Named values of the narrative (本年收入合计, 基本支出, 上年因公出国（境）费 …) resolved from the recognised
 * tables and the inputs sheet, each with its source cells or inputs row. Definitions are data; the first path
 * that finds a cell wins, so one name works on national, Sichuan and MOF layouts alike.
 */
import type { ColumnRole, TableKind } from "../catalog/vocabulary";
import type { CellRef, RecognitionResult, RowView, TableView } from "../recognize/types";
import { roundHalfUp } from "../metrics/rounding";
import { toA1 } from "../workbook/snapshot";
import type { NarrativeInputs } from "./inputs";
import type { NarrativeStyle } from "./style";
import type { MissingValue, NumberValue, TextValue, Value } from "./types";

interface CellPath {
  tables: TableKind[];
  row: string;
  cols: ColumnRole[];
}

interface ValueDef {
  name: string;
  paths?: CellPath[];
  /** Inputs-sheet key, used when no path finds a cell (or first, with inputFirst). */
  input?: string;
  inputFirst?: boolean;
  /** Sum of other named values when nothing else gives it. */
  sumOf?: string[];
  /** Other names tried last (e.g. Shanghai's 上年财政拨款收入支出总计 → 上年财政拨款收入总计). */
  fallback?: string[];
  /** A count (vehicles, equipment): read as is, never converted from 元. */
  count?: boolean;
}

const AMT: ColumnRole[] = ["amount", "final", "total"];
const p = (tables: TableKind[], row: string, cols: ColumnRole[] = AMT): CellPath => ({ tables, row, cols });

/** Named amounts (万元). Names are the zh-CN terms the templates use. */
export const VALUE_DEFS: ValueDef[] = [
  { name: "收入总计", paths: [p(["T1", "Z01"], "inc_grand_total")] },
  { name: "支出总计", paths: [p(["T1", "Z01"], "exp_grand_total")] },
  { name: "本年收入合计", paths: [p(["T1", "Z01"], "inc_total_year"), p(["T2"], "total", ["total"])] },
  { name: "本年支出合计", paths: [p(["T1", "Z01"], "exp_total_year"), p(["T3"], "total", ["total"])] },
  { name: "一般公共预算财政拨款收入", paths: [p(["T1", "Z01"], "inc_gpb"), p(["T4"], "inc_gpb")] },
  { name: "政府性基金预算财政拨款收入", paths: [p(["T1", "Z01"], "inc_gf"), p(["T4"], "inc_gf")] },
  { name: "国有资本经营预算财政拨款收入", paths: [p(["T1", "Z01"], "inc_soc"), p(["T4"], "inc_soc")] },
  { name: "上级补助收入", paths: [p(["T1", "Z01"], "inc_superior"), p(["T2"], "total", ["superior"])] },
  { name: "事业收入", paths: [p(["T1", "Z01"], "inc_business"), p(["T2"], "total", ["business"])] },
  { name: "经营收入", paths: [p(["T1", "Z01"], "inc_operating"), p(["T2"], "total", ["operating"])] },
  { name: "附属单位上缴收入", paths: [p(["T1", "Z01"], "inc_affiliated"), p(["T2"], "total", ["affiliated"])] },
  { name: "其他收入", paths: [p(["T1", "Z01"], "inc_other"), p(["T2"], "total", ["other"])] },
  {
    name: "财政拨款收入",
    paths: [p(["T2"], "total", ["fiscal"])],
    sumOf: ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"],
  },
  { name: "基本支出", paths: [p(["T3"], "total", ["basic"])] },
  { name: "项目支出", paths: [p(["T3"], "total", ["project"])] },
  { name: "上缴上级支出", paths: [p(["T3"], "total", ["upper"])] },
  { name: "经营支出", paths: [p(["T3"], "total", ["operating_exp"])] },
  { name: "对附属单位补助支出", paths: [p(["T3"], "total", ["subsidy"])] },
  { name: "财政拨款本年收入", paths: [p(["T4"], "inc_total_year", ["amount", "total"])] },
  { name: "财政拨款本年支出", paths: [p(["T4"], "exp_total_year", ["total", "amount"])] },
  { name: "财政拨款收入总计", paths: [p(["T4"], "inc_grand_total", ["amount", "total"])] },
  { name: "财政拨款支出总计", paths: [p(["T4"], "exp_grand_total", ["total", "amount"])] },
  { name: "一般公共预算财政拨款支出", paths: [p(["T5"], "total", ["total"]), p(["T4"], "exp_total_year", ["gpb"])] },
  { name: "一般公共预算财政拨款基本支出", paths: [p(["T5"], "total", ["basic"])], sumOf: ["人员经费", "公用经费"] },
  { name: "一般公共预算财政拨款项目支出", paths: [p(["T5"], "total", ["project"])] },
  { name: "一般公共预算财政拨款支出年初预算", paths: [p(["T5"], "total", ["budget_initial"])] },
  { name: "一般公共预算财政拨款支出调整预算", paths: [p(["T5"], "total", ["budget_adjusted", "budget"])] },
  { name: "人员经费", paths: [p(["T6", "Z05_1"], "personnel_total")] },
  { name: "公用经费", paths: [p(["T6", "Z05_1"], "public_total")] },
  { name: "“三公”经费合计", paths: [p(["T7"], "sg_total", ["final"])] },
  { name: "因公出国（境）费", paths: [p(["T7"], "sg_abroad", ["final"])] },
  { name: "公务用车购置及运行维护费", paths: [p(["T7"], "sg_vehicle", ["final"])] },
  { name: "公务用车购置费", paths: [p(["T7"], "sg_vehicle_purchase", ["final"])] },
  { name: "公务用车运行维护费", paths: [p(["T7"], "sg_vehicle_operation", ["final"])] },
  { name: "公务接待费", paths: [p(["T7"], "sg_reception", ["final"])] },
  { name: "“三公”经费合计预算", paths: [p(["T7"], "sg_total", ["budget"])] },
  { name: "因公出国（境）费预算", paths: [p(["T7"], "sg_abroad", ["budget"])] },
  { name: "公务用车购置及运行维护费预算", paths: [p(["T7"], "sg_vehicle", ["budget"])] },
  { name: "公务接待费预算", paths: [p(["T7"], "sg_reception", ["budget"])] },
  { name: "政府性基金预算财政拨款支出", paths: [p(["T8"], "total", ["exp_total"]), p(["T4"], "exp_total_year", ["gf"])] },
  { name: "政府性基金预算财政拨款本年收入", paths: [p(["T8"], "total", ["income"])] },
  { name: "国有资本经营预算财政拨款支出", paths: [p(["T9"], "total", ["exp_total"]), p(["T4"], "exp_total_year", ["soc"])] },
  { name: "国有资本经营预算财政拨款本年收入", paths: [p(["T9"], "total", ["income"])] },
  { name: "机关运行经费", paths: [p(["F03"], "f_admin_cost")], input: "机关运行经费", inputFirst: true },
  { name: "政府采购支出总额", paths: [p(["F03"], "f_procurement_total")], input: "政府采购支出总额", inputFirst: true },
  { name: "政府采购货物支出", paths: [p(["F03"], "f_procurement_goods")], input: "政府采购货物支出", inputFirst: true },
  { name: "政府采购工程支出", paths: [p(["F03"], "f_procurement_works")], input: "政府采购工程支出", inputFirst: true },
  { name: "政府采购服务支出", paths: [p(["F03"], "f_procurement_services")], input: "政府采购服务支出", inputFirst: true },
  { name: "授予中小企业合同金额", paths: [p(["F03"], "f_sme_contracts")], input: "授予中小企业合同金额", inputFirst: true },
  { name: "授予小微企业合同金额", paths: [p(["F03"], "f_small_micro_contracts")], input: "授予小微企业合同金额", inputFirst: true },
  { name: "车辆数", paths: [p(["F03"], "f_vehicles")], input: "车辆数", inputFirst: true, count: true },
  { name: "上年收入支出总计", input: "上年收入支出总计", fallback: ["上年收入总计"] },
  { name: "上年财政拨款收入支出总计", input: "上年财政拨款收入支出总计", fallback: ["上年财政拨款收入总计"] },
  { name: "财政拨款收入支出变动原因", input: "财政拨款收入支出变动原因", fallback: ["财政拨款收入变动原因"] },
  { name: "上年“三公”经费合计", input: "上年“三公”经费合计", sumOf: ["上年因公出国（境）费", "上年公务用车购置及运行维护费", "上年公务接待费"] },
];

const DEF_BY_NAME = new Map(VALUE_DEFS.map((d) => [d.name, d]));

/** Names resolved specially (not in VALUE_DEFS). */
export const SPECIAL_NAMES = ["年度", "上年", "单位名称", "一般公共预算财政拨款支出预算", "index"];

/** Lists a template can iterate, with the fields their items carry. */
export const LIST_FIELDS: Record<string, string[]> = {
  收入项目: ["amount"],
  "收入项目（四川）": ["amount"],
  收入来源: ["amount"],
  支出项目: ["amount"],
  一般公共预算类: ["amount"],
  一般公共预算项: ["amount", "budget"],
  人员经费科目: ["amount"],
  公用经费科目: ["amount"],
  三公项目: ["amount", "budget", "prior", "reason"],
};

/** Every name a template may use: defined values, special names and inputs-sheet keys. */
export function knownValueNames(): Set<string> {
  return new Set([...VALUE_DEFS.map((d) => d.name), ...SPECIAL_NAMES]);
}

/** One entry of a list (per-类, per-项, per-item) with its own named fields. */
export interface ListItem {
  name: string;
  /** Name without a trailing 「支出」 (「一般公共服务」). */
  shortName: string;
  code?: string;
  /** 类/款/项 path as the seed writes it, for 项 rows. */
  path?: string;
  fields: Record<string, Value>;
}

/** Strip numbering (「一、」「1.」「（一）」), a leading subject code and spaces from a printed label. */
export function cleanLabel(label: string): string {
  return label
    .replace(/[\s\u3000]/g, "")
    .replace(/^(其中[:：])/, "")
    .replace(/^[（(][一二三四五六七八九十]+[)）]/, "")
    .replace(/^[一二三四五六七八九十]+[、.．]/, "")
    .replace(/^\d+[、.．]/, "")
    .replace(/^\d{3,7}/, "");
}

function stripExpenditure(name: string): string {
  return name.endsWith("支出") && name.length > 2 ? name.slice(0, -2) : name;
}

/** Resolves names and lists against one recognition result and inputs. */
export class ValueResolver {
  private cache = new Map<string, Value>();
  constructor(
    readonly recognition: RecognitionResult,
    readonly inputs: NarrativeInputs,
    readonly style: NarrativeStyle,
  ) {}

  private table(kinds: TableKind[]): TableView | undefined {
    for (const k of kinds) {
      const t = this.recognition.tables.find((x) => x.kind === k);
      if (t) return t;
    }
    return undefined;
  }

  /**
   * A table cell as a 万元 amount with its source; undefined when the cell is absent; a missing value naming the
   * cell when it holds something that is not an amount (so the sentence shows a placeholder instead of dropping it).
   */
  cellValue(view: TableView, cell: CellRef | undefined, label: string): NumberValue | MissingValue | undefined {
    if (!cell) return undefined;
    if (cell.reading.kind === "invalid") {
      const text = cell.text.length > 20 ? `${cell.text.slice(0, 20)}…` : cell.text;
      return {
        kind: "missing",
        label: `${label}（「${cell.sheet}」${cell.address} 的“${text}”不是金额）`,
        unreadable: { sheet: cell.sheet, address: cell.address, text: cell.text },
      };
    }
    const raw = cell.reading.kind === "amount" ? cell.reading.value : 0;
    const yuan = view.unit === "元";
    const value = yuan ? roundHalfUp(raw / 10000, 2) : roundHalfUp(raw, 2);
    return {
      kind: "number",
      value,
      decimals: 2,
      label,
      sources: [{ sheet: cell.sheet, address: cell.address, value }],
      arithmetic: yuan ? `${raw} 元 ÷ 10000 = ${value.toFixed(2)} 万元` : undefined,
    };
  }

  private fromPaths(def: ValueDef): NumberValue | MissingValue | undefined {
    for (const path of def.paths ?? []) {
      const view = this.table(path.tables);
      if (!view) continue;
      if (view.empty) {
        // The table itself states it has no data: point at its title cell.
        const address = toA1(view.range.top, view.range.left);
        return { kind: "number", value: 0, decimals: 2, label: def.name, sources: [{ sheet: view.sheet, address, value: 0 }], arithmetic: `${view.title}：本表无数据，记为0` };
      }
      const row = view.rows.find((r) => r.key === path.row);
      if (!row) continue;
      if (def.count) {
        for (const col of path.cols) {
          const cell = row.cells[col];
          if (!cell || cell.reading.kind === "invalid") continue;
          const value = cell.reading.kind === "amount" ? cell.reading.value : 0;
          return { kind: "number", value, decimals: 0, label: def.name, sources: [{ sheet: cell.sheet, address: cell.address, value }] };
        }
        continue;
      }
      for (const col of path.cols) {
        const v = this.cellValue(view, row.cells[col], def.name);
        if (v) return v;
      }
    }
    return undefined;
  }

  /** A number or text from the inputs sheet. */
  input(key: string, label = key): NumberValue | TextValue | MissingValue {
    const e = this.inputs.entries[key];
    if (!e) return { kind: "missing", label, inputKey: key };
    if (e.number !== undefined) return { kind: "number", value: e.number, decimals: e.decimals ?? 2, label, sources: [e.source] };
    return { kind: "text", text: e.text, label, sources: [e.source] };
  }

  /** Resolve a name: a defined table value, an inputs key, or a derived year. */
  value(name: string): Value {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const v = this.resolve(name);
    this.cache.set(name, v);
    return v;
  }

  private resolve(name: string): Value {
    if (name === "年度") return this.year();
    if (name === "上年") {
      const y = this.year();
      return y.kind === "number" ? { ...y, value: y.value - 1, label: "上年", arithmetic: `${y.value} − 1 = ${y.value - 1}` } : y;
    }
    if (name === "单位名称") {
      const i = this.input("单位名称");
      if (i.kind !== "missing") return i;
      if (this.recognition.unitName) return { kind: "text", text: this.recognition.unitName, label: "单位名称", sources: [] };
      return i;
    }
    if (name === "一般公共预算财政拨款支出预算") {
      const v = this.value(this.style.budgetBasis === "adjusted" ? "一般公共预算财政拨款支出调整预算" : "一般公共预算财政拨款支出年初预算");
      return v.kind === "missing" ? { ...v, label: name } : v;
    }
    const def = DEF_BY_NAME.get(name);
    if (!def) {
      // Any inputs key (上年…, reasons) may be used directly by name.
      return this.input(name);
    }
    if (def.input && def.inputFirst) {
      const i = this.input(def.input, name);
      if (i.kind === "number") return i;
    }
    const fromTable = this.fromPaths(def);
    if (fromTable) return fromTable;
    if (def.input) {
      const i = this.input(def.input, name);
      if (i.kind !== "missing") return i;
    }
    if (def.sumOf) {
      const parts = def.sumOf.map((n) => this.value(n));
      if (parts.every((x): x is NumberValue => x.kind === "number")) {
        const total = roundHalfUp(parts.reduce((s, x) => s + x.value, 0), 2);
        return {
          kind: "number",
          value: total,
          decimals: 2,
          label: name,
          sources: parts.flatMap((x) => x.sources),
          arithmetic: `${parts.map((x) => x.value.toFixed(2)).join(" + ")} = ${total.toFixed(2)}`,
        };
      }
    }
    for (const other of def.fallback ?? []) {
      const v = this.value(other);
      if (v.kind !== "missing") return v;
    }
    return { kind: "missing", label: name, inputKey: def.input ?? (name.startsWith("上年") ? name : undefined) };
  }

  private year(): Value {
    const i = this.input("年度");
    if (i.kind === "number") return { ...i, decimals: 0 };
    if (this.recognition.year) return { kind: "number", value: this.recognition.year, decimals: 0, label: "年度", sources: [] };
    return { kind: "missing", label: "年度", inputKey: "年度" };
  }

  /** Resolve a named list. Unknown names give an empty list. */
  list(name: string): ListItem[] {
    switch (name) {
      case "收入项目":
        return this.namedItems(["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
      case "收入项目（四川）":
        // Sichuan's 附表一 prints no 上级补助收入 row: list it only when the unit has some.
        return this.namedItems(["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]).filter(
          (it) => it.name !== "上级补助收入" || (it.fields.amount.kind === "number" && it.fields.amount.value !== 0),
        );
      case "收入来源":
        return this.namedItems(["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
      case "支出项目":
        return this.namedItems(["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]);
      case "一般公共预算类":
        return this.gpbRows(1);
      case "一般公共预算项":
        return this.gpbRows(3);
      case "人员经费科目":
        return this.econItems(["301", "303"]);
      case "公用经费科目":
        return this.econItems(["302", "307", "309", "310", "399"]);
      case "三公项目":
        return this.sanGongItems();
      default:
        return [];
    }
  }

  private namedItems(names: string[]): ListItem[] {
    // A row the layout does not have (Sichuan's 收入支出决算总表 has no 上级补助收入) is left out, not a placeholder.
    const items = names.map((n) => ({ name: n, shortName: stripExpenditure(n), fields: { amount: this.value(n) } }));
    const present = items.filter((it) => it.fields.amount.kind !== "missing" || it.fields.amount.unreadable);
    return present.length ? present : items;
  }

  private gpbRows(level: 1 | 3): ListItem[] {
    const t5 = this.table(["T5"]);
    const view = t5 ?? this.table(["T4"]);
    if (!view) return [];
    const col: ColumnRole[] = t5 ? ["total"] : ["gpb"];
    const budgetCols: ColumnRole[] = this.style.budgetBasis === "adjusted" ? ["budget_adjusted", "budget"] : ["budget_initial", "budget"];
    const rows = view.rows.filter((r) => r.kind === "code" && r.codeSystem !== "economic" && codeLevel(r) === level);
    const out: ListItem[] = [];
    for (const r of rows) {
      const name = cleanLabel(r.label) || r.code || String(r.key);
      const amount = pickCell(this, view, r, col, name) ?? { kind: "missing" as const, label: name };
      const fields: Record<string, Value> = { amount };
      const budgetLabel = `${r.code ?? ""}${name}${this.style.budgetBasis === "adjusted" ? "调整预算数" : "年初预算数"}`;
      if (level === 3) fields.budget = pickCell(this, view, r, budgetCols, budgetLabel) ?? { kind: "missing", label: budgetLabel };
      out.push({ name, shortName: stripExpenditure(name), code: r.code, path: level === 3 ? this.pathOf(view, r) : undefined, fields });
    }
    return out;
  }

  private pathOf(view: TableView, r: RowView): string {
    const code = r.code ?? String(r.key);
    const label = (c: string) => {
      const row = view.rows.find((x) => x.code === c || x.key === c);
      return row ? cleanLabel(row.label) : c;
    };
    return `${stripExpenditure(label(code.slice(0, 3)))}（类）${label(code.slice(0, 5))}（款）${cleanLabel(r.label)}（项）`;
  }

  private econItems(parents: string[]): ListItem[] {
    const view = this.table(["T6", "Z05_1", "SC7"]);
    if (!view) return [];
    const rows = view.rows.filter((r) => {
      const c = r.code ?? "";
      return r.kind === "code" && c.length === 5 && parents.includes(c.slice(0, 3));
    });
    rows.sort((a, b) => (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0));
    const out: ListItem[] = [];
    for (const r of rows) {
      const name = cleanLabel(r.label);
      const amount = pickCell(this, view, r, AMT, name);
      if (!amount || (amount.kind === "number" && amount.value === 0)) continue; // only the items the unit actually spent on
      out.push({ name, shortName: name, code: r.code, fields: { amount } });
    }
    return out;
  }

  private sanGongItems(): ListItem[] {
    const items: [string, string][] = [
      ["因公出国（境）费", "因公出国（境）费变动原因"],
      ["公务用车购置及运行维护费", "公务用车购置及运行维护费变动原因"],
      ["公务接待费", "公务接待费变动原因"],
    ];
    return items.map(([n, reasonKey]) => ({
      name: n,
      shortName: n,
      fields: {
        amount: this.value(n),
        budget: this.value(`${n}预算`),
        prior: this.value(`上年${n}`),
        reason: this.value(reasonKey),
      },
    }));
  }
}

function codeLevel(r: RowView): number {
  if (r.level) return r.level;
  const n = (r.code ?? "").length;
  return n === 3 ? 1 : n === 5 ? 2 : n === 7 ? 3 : 0;
}

function pickCell(res: ValueResolver, view: TableView, r: RowView, cols: ColumnRole[], label: string): NumberValue | MissingValue | undefined {
  for (const c of cols) {
    const v = res.cellValue(view, r.cells[c], label);
    if (v) return v;
  }
  return undefined;
}
