/**
 * Workbook facts a narrative claim can be checked against: named totals and items (with their share
 * denominator, budget and prior-year value) and the 类/款/项 rows of the 一般公共预算 table.
 */
import type { RecognitionResult, RowView, TableView } from "../../recognize/types";
import type { NarrativeInputs } from "../inputs";
import type { NarrativeStyle } from "../style";
import { ValueResolver, cleanLabel } from "../values";
import type { NarrativeSource, NumberValue } from "../types";

export interface FactValue {
  value: number;
  source?: NarrativeSource;
  /** For budget values: 年初 (initial) or 调整 (adjusted); undefined when the table does not say which. */
  basis?: "initial" | "adjusted";
}

export interface Fact {
  id: string;
  label: string;
  /** Current-year candidates: a claim equal to any of them is right (e.g. 本年 vs 总计 of 财政拨款). */
  values: FactValue[];
  budget: FactValue[];
  prior?: FactValue;
  /** Fact id of the denominator of 「占 X%」. */
  shareOf?: string;
  /** Normalised names. */
  aliases: string[];
  /** Accept a subject that only ends with an alias (a unit name or 「本级及下属…」 before it). */
  allowPrefix?: boolean;
  code?: string;
}

interface FactDef {
  id: string;
  values: string[];
  budget?: string[];
  prior?: string[];
  shareOf?: string;
  aliases: string[];
  allowPrefix?: boolean;
}

/** Normalise a subject or alias: no quotes, 、 or spaces, unified brackets, no trailing 支出/的. */
export function normName(s: string): string {
  return s
    .replace(/[“”"'‘’「」『』\s]/g, "")
    .replace(/、/g, "")
    .replace(/[(]/g, "（")
    .replace(/[)]/g, "）")
    .replace(/的$/, "")
    .replace(/支出$/, "");
}

const DEFS: FactDef[] = [
  { id: "收入总计", values: ["收入总计", "支出总计"], prior: ["上年收入支出总计", "上年收入总计"], aliases: ["收入总计", "收支总计", "收入支出总计", "收支决算总计", "收入支出决算总计"], allowPrefix: true },
  { id: "支出总计", values: ["支出总计"], prior: ["上年支出总计", "上年收入支出总计"], aliases: ["支出总计"], allowPrefix: true },
  { id: "本年收入合计", values: ["本年收入合计"], aliases: ["本年收入合计", "本年收入"] },
  { id: "本年支出合计", values: ["本年支出合计"], aliases: ["本年支出合计", "本年支出"] },
  ...["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "财政拨款收入"].map(
    (n): FactDef => ({ id: n, values: [n], shareOf: "本年收入合计", aliases: [n] }),
  ),
  ...["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"].map((n): FactDef => ({ id: n, values: [n], shareOf: "本年支出合计", aliases: [n] })),
  { id: "财政拨款收入总计", values: ["财政拨款本年收入", "财政拨款收入总计"], prior: ["上年财政拨款收入总计", "上年财政拨款收入支出总计"], aliases: ["财政拨款收入总计"], allowPrefix: true },
  { id: "财政拨款支出总计", values: ["财政拨款本年支出", "财政拨款支出总计"], prior: ["上年财政拨款支出总计", "上年财政拨款收入支出总计"], aliases: ["财政拨款支出总计"], allowPrefix: true },
  {
    id: "财政拨款收入支出总计",
    values: ["财政拨款收入总计", "财政拨款支出总计", "财政拨款本年收入", "财政拨款本年支出"],
    prior: ["上年财政拨款收入支出总计", "上年财政拨款收入总计"],
    aliases: ["财政拨款收入支出总计", "财政拨款收支总计"],
    allowPrefix: true,
  },
  {
    id: "一般公共预算财政拨款支出",
    values: ["一般公共预算财政拨款支出"],
    budget: ["一般公共预算财政拨款支出年初预算", "一般公共预算财政拨款支出调整预算"],
    prior: ["上年一般公共预算财政拨款支出"],
    shareOf: "本年支出合计",
    aliases: ["一般公共预算财政拨款支出", "一般公共预算财政拨款", "一般公共预算支出", "一般公共预算财政拨款支出决算"],
  },
  { id: "一般公共预算财政拨款基本支出", values: ["一般公共预算财政拨款基本支出"], aliases: ["一般公共预算财政拨款基本支出", "一般公共预算财政拨款基本"] },
  { id: "人员经费", values: ["人员经费"], aliases: ["人员经费", "人员经费合计"] },
  { id: "公用经费", values: ["公用经费"], aliases: ["公用经费", "公用经费合计"] },
  {
    id: "“三公”经费",
    values: ["“三公”经费合计"],
    budget: ["“三公”经费合计预算"],
    prior: ["上年“三公”经费合计"],
    aliases: ["三公经费", "三公经费财政拨款", "三公经费财政拨款支出", "三公经费合计", "三公经费支出"],
  },
  {
    id: "因公出国（境）费",
    values: ["因公出国（境）费"],
    budget: ["因公出国（境）费预算"],
    prior: ["上年因公出国（境）费"],
    shareOf: "“三公”经费",
    aliases: ["因公出国（境）费", "因公出国（境）经费", "因公出国（境）", "因公出国（境）费用"],
  },
  {
    id: "公务用车购置及运行维护费",
    values: ["公务用车购置及运行维护费"],
    budget: ["公务用车购置及运行维护费预算"],
    prior: ["上年公务用车购置及运行维护费"],
    shareOf: "“三公”经费",
    aliases: ["公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车购置及运行维护"],
  },
  { id: "公务用车购置费", values: ["公务用车购置费"], aliases: ["公务用车购置费", "公务用车购置"] },
  { id: "公务用车运行维护费", values: ["公务用车运行维护费"], aliases: ["公务用车运行维护费", "公务用车运行维护", "公务用车运行费"] },
  {
    id: "公务接待费",
    values: ["公务接待费"],
    budget: ["公务接待费预算"],
    prior: ["上年公务接待费"],
    shareOf: "“三公”经费",
    aliases: ["公务接待费", "公务接待"],
  },
  { id: "政府性基金预算财政拨款支出", values: ["政府性基金预算财政拨款支出"], aliases: ["政府性基金预算财政拨款", "政府性基金预算拨款", "政府性基金预算"] },
  { id: "国有资本经营预算财政拨款支出", values: ["国有资本经营预算财政拨款支出"], aliases: ["国有资本经营预算财政拨款", "国有资本经营预算拨款", "国有资本经营预算"] },
  { id: "机关运行经费", values: ["机关运行经费"], prior: ["上年机关运行经费"], aliases: ["机关运行经费"], allowPrefix: true },
  { id: "政府采购支出总额", values: ["政府采购支出总额"], aliases: ["政府采购支出总额", "政府采购金额", "政府采购金额（以合同签订为准）", "政府采购"], allowPrefix: true },
  { id: "政府采购货物支出", values: ["政府采购货物支出"], aliases: ["政府采购货物", "货物采购金额"] },
  { id: "政府采购工程支出", values: ["政府采购工程支出"], aliases: ["政府采购工程", "工程采购金额"] },
  { id: "政府采购服务支出", values: ["政府采购服务支出"], aliases: ["政府采购服务", "服务采购金额"] },
  { id: "授予中小企业合同金额", values: ["授予中小企业合同金额"], shareOf: "政府采购支出总额", aliases: ["授予中小企业合同金额"] },
  { id: "授予小微企业合同金额", values: ["授予小微企业合同金额"], shareOf: "政府采购支出总额", aliases: ["授予小微企业合同金额"] },
];

function fv(v: NumberValue, basis?: FactValue["basis"]): FactValue {
  return basis ? { value: v.value, source: v.sources[0], basis } : { value: v.value, source: v.sources[0] };
}

/** The budget basis a value name or column role states (年初 / 调整), if any. */
function basisOf(name: string): FactValue["basis"] {
  return /年初|initial/.test(name) ? "initial" : /调整|adjusted/.test(name) ? "adjusted" : undefined;
}

/** A 类/款/项 row of the 一般公共预算 table (or 支出决算表) with the class rows of other tables as candidates. */
export interface SubjectRowFact extends Fact {
  code: string;
  level: 1 | 2 | 3;
  rowLabel: string;
}

/**
 * Which table's 类/款/项 rows a claim is about: 一般公共预算 (T5, else T3), 政府性基金 (T8) or 国有资本经营 (T9).
 * Items in the 政府性基金 / 国有资本经营 sections of a narrative are looked up only in their own table.
 */
export type RowScope = "gpb" | "gf" | "soc";

/** All facts of one workbook, looked up by normalised name or subject code. */
export class FactBook {
  readonly facts = new Map<string, Fact>();
  readonly rows: SubjectRowFact[] = [];
  private readonly scoped: Record<RowScope, SubjectRowFact[]> = { gpb: this.rows, gf: [], soc: [] };
  private byAlias = new Map<string, Fact>();
  readonly resolver: ValueResolver;

  constructor(
    readonly recognition: RecognitionResult,
    inputs: NarrativeInputs,
    style: NarrativeStyle,
  ) {
    this.resolver = new ValueResolver(recognition, inputs, style);
    for (const d of DEFS) {
      const values = this.numbers(d.values);
      if (!values.length) continue;
      const prior = this.numbers(d.prior ?? [])[0];
      const fact: Fact = { id: d.id, label: d.id, values, budget: this.numbers(d.budget ?? []), prior, shareOf: d.shareOf, aliases: d.aliases.map(normName), allowPrefix: d.allowPrefix };
      this.facts.set(d.id, fact);
      for (const a of fact.aliases) if (!this.byAlias.has(a)) this.byAlias.set(a, fact);
    }
    this.buildRows();
  }

  private numbers(names: string[]): FactValue[] {
    const out: FactValue[] = [];
    for (const n of names) {
      const v = this.resolver.value(n);
      if (v.kind === "number" && !out.some((o) => o.value === v.value && o.source === v.sources[0])) out.push(fv(v, basisOf(n)));
    }
    return out;
  }

  private table(kind: string): TableView | undefined {
    return this.recognition.tables.find((t) => t.kind === kind);
  }

  private buildRows(): void {
    this.buildFundRows("T8", this.scoped.gf);
    this.buildFundRows("T9", this.scoped.soc);
    const main = this.table("T5") ?? this.table("T3");
    if (!main) return;
    const col = "total";
    const budgetCols = ["budget_initial", "budget_adjusted", "budget"] as const;
    const gpbTotal = "一般公共预算财政拨款支出";
    for (const r of main.rows) {
      if (r.kind !== "code" || r.codeSystem === "economic" || !r.code) continue;
      const level = (r.code.length === 3 ? 1 : r.code.length === 5 ? 2 : 3) as 1 | 2 | 3;
      const v = this.resolver.cellValue(main, r.cells[col], r.label);
      if (!v || v.kind !== "number") continue; // an unreadable cell has no value to check a claim against
      const values = [fv(v)];
      if (level === 1) for (const other of ["T1", "T4"]) this.addClassCandidate(other, r.code, values);
      const budget: FactValue[] = [];
      for (const b of budgetCols) {
        const bv = this.resolver.cellValue(main, r.cells[b], `${r.label}预算`);
        if (bv && bv.kind === "number" && r.cells[b]) budget.push(fv(bv, basisOf(b)));
      }
      const label = cleanLabel(r.label);
      this.rows.push({
        id: `code:${r.code}`,
        label,
        values,
        budget,
        code: r.code,
        level,
        rowLabel: label,
        shareOf: level === 1 ? gpbTotal : undefined,
        aliases: [normName(label)],
      });
    }
  }

  /** 类/款/项 rows of T8 / T9 with their 本年支出 (no budget columns in these tables). */
  private buildFundRows(kind: "T8" | "T9", into: SubjectRowFact[]): void {
    const t = this.table(kind);
    if (!t) return;
    for (const r of t.rows) {
      if (r.kind !== "code" || r.codeSystem === "economic" || !r.code) continue;
      const level = (r.code.length === 3 ? 1 : r.code.length === 5 ? 2 : 3) as 1 | 2 | 3;
      let v;
      for (const role of ["exp_total", "total", "amount"] as const) {
        v = this.resolver.cellValue(t, r.cells[role], r.label);
        if (v) break;
      }
      if (!v || v.kind !== "number") continue;
      const label = cleanLabel(r.label);
      into.push({ id: `${kind}:${r.code}`, label, values: [fv(v)], budget: [], code: r.code, level, rowLabel: label, aliases: [normName(label)] });
    }
  }

  private addClassCandidate(kind: string, code: string, values: FactValue[]): void {
    const t = this.table(kind);
    const r: RowView | undefined = t?.rows.find((x) => x.code === code || x.key === code);
    if (!t || !r) return;
    for (const role of ["gpb", "amount", "total"] as const) {
      const v = this.resolver.cellValue(t, r.cells[role], r.label);
      if (v && v.kind === "number") {
        if (!values.some((x) => x.value === v.value)) values.push(fv(v));
        return;
      }
    }
  }

  /** The fact a normalised subject names exactly, or by suffix for facts that allow a prefix. */
  byName(subject: string): Fact | undefined {
    const exact = this.byAlias.get(subject);
    if (exact) return exact;
    let best: { fact: Fact; len: number } | undefined;
    for (const f of this.facts.values()) {
      if (!f.allowPrefix) continue;
      for (const a of f.aliases) if (subject.endsWith(a) && (!best || a.length > best.len)) best = { fact: f, len: a.length };
    }
    return best?.fact;
  }

  /** The 类/款/项 row of a code in the table of `scope`. */
  row(code: string, scope: RowScope = "gpb"): SubjectRowFact | undefined {
    return this.scoped[scope].find((r) => r.code === code);
  }

  /** Rows of `level` under `code` in the table of `scope`. */
  childrenOf(code: string, level: 2 | 3, scope: RowScope = "gpb"): SubjectRowFact[] {
    return this.scoped[scope].filter((r) => r.level === level && r.code.startsWith(code));
  }

  /** Whether the table of `scope` was recognised with any row. */
  hasScope(scope: RowScope): boolean {
    return this.scoped[scope].length > 0;
  }
}
