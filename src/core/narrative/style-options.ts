/**
 * Every narrative style option as data (name, allowed values, zh-CN/en-US description), and one pure function that
 * validates and merges a unit's choices onto a preset. Used by the CLI (--style-option, --style-file) and by the
 * settings of the task pane; the result is a complete NarrativeStyle or a list of typed problems.
 */
import type { DecreaseWord } from "../metrics/change";
import { makeStyle, STYLE_PRESETS, type NarrativeStyle, type PercentKind, type StyleOverrides, type StylePresetId } from "./style";

export type StyleOptionType = { kind: "int"; min: number; max: number } | { kind: "boolean" } | { kind: "enum"; values: readonly string[] } | { kind: "text"; mustContain?: string };

export interface StyleOptionInfo {
  /** 「percentDigits.yoy」, 「thousands」…: the name used on the command line and in a style file. */
  name: string;
  type: StyleOptionType;
  descriptionZh: string;
  descriptionEn: string;
}

const PERCENT_KINDS: { kind: PercentKind; zh: string; en: string }[] = [
  { kind: "yoy", zh: "增长/下降的百分比", en: "year-over-year rates" },
  { kind: "shareIncome", zh: "收入结构占比", en: "income structure shares" },
  { kind: "shareExpense", zh: "基本支出/项目支出占比", en: "basic/project expenditure shares" },
  { kind: "shareGpb", zh: "一般公共预算财政拨款支出占本年支出合计", en: "general budget share of total expenditure" },
  { kind: "structure", zh: "各类支出占一般公共预算财政拨款支出", en: "class shares of general budget expenditure" },
  { kind: "completion", zh: "完成预算的百分比", en: "budget completion" },
  { kind: "sanGong", zh: "“三公”经费各项占比", en: "“三公” item shares" },
  { kind: "sanGongYoy", zh: "“三公”经费各项增减百分比", en: "“三公” item rates" },
  { kind: "procurement", zh: "授予中小企业/小微企业合同金额占比", en: "SME / micro-firm procurement shares" },
];

const DECREASE = ["减少", "下降", "降低"] as const;

/** All style options a unit can set, in the order help lists them. */
export const STYLE_OPTIONS: readonly StyleOptionInfo[] = [
  ...PERCENT_KINDS.map(
    (p): StyleOptionInfo => ({ name: `percentDigits.${p.kind}`, type: { kind: "int", min: 0, max: 2 }, descriptionZh: `${p.zh}的小数位数`, descriptionEn: `decimals of ${p.en}` }),
  ),
  { name: "percentDropZeroDecimals", type: { kind: "boolean" }, descriptionZh: "整数百分比省略小数（true：100%；false：100.00%）", descriptionEn: "whole percentages without decimals (true: 100%; false: 100.00%)" },
  { name: "dropZeroDecimals", type: { kind: "boolean" }, descriptionZh: "整数金额省略「.00」（true：45万元；false：45.00万元）", descriptionEn: "whole amounts without .00 (true: 45万元; false: 45.00万元)" },
  { name: "thousands", type: { kind: "boolean" }, descriptionZh: "金额使用千分位（19,044.27）", descriptionEn: "thousands separators in amounts (19,044.27)" },
  { name: "spaceBeforeUnit", type: { kind: "boolean" }, descriptionZh: "数字与「万元」之间加空格", descriptionEn: "a space between the number and 万元" },
  { name: "zeroItems", type: { kind: "enum", values: ["list", "omit"] }, descriptionZh: "金额为0的项目：list 列出（0万元，占0%），omit 不列", descriptionEn: "zero items: list them or omit them" },
  { name: "decreaseAmountWord", type: { kind: "enum", values: DECREASE }, descriptionZh: "减少额前的用词", descriptionEn: "word before a decrease amount" },
  { name: "decreaseRateWord", type: { kind: "enum", values: DECREASE }, descriptionZh: "减少百分比前的用词", descriptionEn: "word before a decrease rate" },
  ...["s4", "s5"].map(
    (s): StyleOptionInfo => ({ name: `decreaseRateWordBySection.${s}`, type: { kind: "enum", values: DECREASE }, descriptionZh: `第${s === "s4" ? "四" : "五"}部分减少百分比前的用词`, descriptionEn: `decrease rate word in section ${s.slice(1)}` }),
  ),
  { name: "flatWording", type: { kind: "text" }, descriptionZh: "金额不变时的用词（如「持平」）", descriptionEn: "wording for an unchanged value (e.g. 持平)" },
  { name: "priorZero", type: { kind: "enum", values: ["hundred", "new"] }, descriptionZh: "上年为0时：hundred 写「增长100%」，new 只写增加额", descriptionEn: "prior year 0: hundred writes 增长100%, new only the amount" },
  { name: "reasonClause", type: { kind: "text", mustContain: "{reason}" }, descriptionZh: "原因句式，须含 {reason}（如「主要原因：{reason}。」）", descriptionEn: "reason clause, must contain {reason}" },
  { name: "budgetBasis", type: { kind: "enum", values: ["adjusted", "initial"] }, descriptionZh: "完成预算的口径：adjusted 调整预算数，initial 年初预算数", descriptionEn: "budget for completion: adjusted or initial" },
];

export type StyleOptionProblem =
  | { kind: "unknown-option"; name: string }
  | { kind: "bad-value"; name: string; value: string; allowed: string }
  | { kind: "bad-preset"; value: string };

export interface ResolvedStyle {
  style: NarrativeStyle;
  problems: StyleOptionProblem[];
}

/** Allowed values of an option, as text for messages and help. */
export function allowedValues(t: StyleOptionType): string {
  switch (t.kind) {
    case "int":
      return Array.from({ length: t.max - t.min + 1 }, (_, i) => String(t.min + i)).join("|");
    case "boolean":
      return "true|false";
    case "enum":
      return t.values.join("|");
    case "text":
      return t.mustContain ? `文字，含 ${t.mustContain}` : "文字";
  }
}

function parseValue(info: StyleOptionInfo, raw: unknown): { ok: true; value: number | boolean | string } | { ok: false } {
  const t = info.type;
  const text = typeof raw === "string" ? raw.trim() : raw;
  switch (t.kind) {
    case "int": {
      const n = typeof text === "number" ? text : typeof text === "string" && /^\d+$/.test(text) ? Number(text) : NaN;
      return Number.isInteger(n) && n >= t.min && n <= t.max ? { ok: true, value: n } : { ok: false };
    }
    case "boolean":
      if (text === true || text === "true" || text === "1" || text === "是") return { ok: true, value: true };
      if (text === false || text === "false" || text === "0" || text === "否") return { ok: true, value: false };
      return { ok: false };
    case "enum":
      return typeof text === "string" && t.values.includes(text) ? { ok: true, value: text } : { ok: false };
    case "text":
      return typeof text === "string" && text !== "" && text.length <= 200 && (!t.mustContain || text.includes(t.mustContain)) ? { ok: true, value: text } : { ok: false };
  }
}

/** Flatten {"percentDigits": {"yoy": 2}} to {"percentDigits.yoy": 2}; flat keys are kept. */
function flatten(obj: Record<string, unknown>, prefix = ""): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) out.push(...flatten(v as Record<string, unknown>, name));
    else out.push([name, v]);
  }
  return out;
}

/**
 * A preset with a unit's options applied: options are validated one by one; an unknown name or a bad value is a
 * problem and leaves the preset's value in place. `options` may be flat (「percentDigits.yoy」) or nested, and may
 * name its own preset under "preset".
 */
export function resolveStyle(preset: StylePresetId | string, options: Record<string, unknown> = {}): ResolvedStyle {
  const problems: StyleOptionProblem[] = [];
  const entries = flatten(options);
  const presetEntry = entries.find(([k]) => k === "preset");
  const presetId = typeof presetEntry?.[1] === "string" ? presetEntry[1] : preset;
  let base: StylePresetId = "sichuan";
  if (presetId in STYLE_PRESETS) base = presetId as StylePresetId;
  else problems.push({ kind: "bad-preset", value: String(presetId) });
  const percentDigits: Partial<Record<PercentKind, number>> = {};
  const bySection: Record<string, DecreaseWord> = { ...STYLE_PRESETS[base].decreaseRateWordBySection };
  const flat: Record<string, unknown> = {};
  for (const [name, raw] of entries) {
    if (name === "preset") continue;
    const info = STYLE_OPTIONS.find((o) => o.name === name);
    if (!info) {
      problems.push({ kind: "unknown-option", name });
      continue;
    }
    const v = parseValue(info, raw);
    if (!v.ok) {
      problems.push({ kind: "bad-value", name, value: typeof raw === "string" ? raw : JSON.stringify(raw), allowed: allowedValues(info.type) });
      continue;
    }
    const [head, sub] = name.split(".");
    if (head === "percentDigits") percentDigits[sub as PercentKind] = v.value as number;
    else if (head === "decreaseRateWordBySection") bySection[sub] = v.value as DecreaseWord;
    else flat[head] = v.value;
  }
  const overrides = { ...flat, percentDigits, decreaseRateWordBySection: bySection } as StyleOverrides;
  const style = makeStyle(base, overrides);
  return { style: { ...style, id: base }, problems };
}

/** Parse 「name=value」 pairs as given on the command line. */
export function parseStyleAssignments(pairs: readonly string[]): { options: Record<string, string>; problems: StyleOptionProblem[] } {
  const options: Record<string, string> = {};
  const problems: StyleOptionProblem[] = [];
  for (const p of pairs) {
    const eq = p.indexOf("=");
    if (eq <= 0) {
      problems.push({ kind: "bad-value", name: p, value: "", allowed: "名称=值" });
      continue;
    }
    options[p.slice(0, eq).trim()] = p.slice(eq + 1);
  }
  return { options, problems };
}

/** The style options as help text lines: 「  name  values  description」. */
export function styleOptionsHelp(lang: "zh-CN" | "en-US"): string[] {
  const width = Math.max(...STYLE_OPTIONS.map((o) => o.name.length));
  return STYLE_OPTIONS.map((o) => {
    const values = o.type.kind === "text" ? (lang === "en-US" ? `text${o.type.mustContain ? ` with ${o.type.mustContain}` : ""}` : allowedValues(o.type)) : allowedValues(o.type);
    return `    ${o.name.padEnd(width)}  ${values.padEnd(16)}  ${lang === "en-US" ? o.descriptionEn : o.descriptionZh}`;
  });
}
