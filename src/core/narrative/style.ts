/**
 * Narrative styles (写法): how numbers, percentages, changes and reasons are written. Two presets follow the
 * seed (Sichuan) and the Shanghai template (domain notes §5); every option can be overridden on its own.
 */
import type { DecreaseWord } from "../metrics/change";

/** Kinds of percentage, each with its own number of decimals. */
export type PercentKind =
  | "yoy" // 增长/下降 p%
  | "shareIncome" // 收入结构：占本年收入合计
  | "shareExpense" // 基本支出/项目支出 占本年支出合计
  | "shareGpb" // 一般公共预算财政拨款支出 占本年支出合计
  | "structure" // 类 占一般公共预算财政拨款支出
  | "completion" // 完成预算
  | "sanGong" // “三公” shares
  | "sanGongYoy" // “三公” item changes
  | "procurement"; // 授予中小企业合同金额 占政府采购支出总额

export interface NarrativeStyle {
  id: string;
  percentDigits: Record<PercentKind, number>;
  /** Write "0%" / "100%" instead of "0.00%". */
  percentDropZeroDecimals: boolean;
  /** Zero items in lists (收入/支出 structure, “三公” items): listed as 「0万元，占0%」 or omitted. */
  zeroItems: "list" | "omit";
  /** Amounts: ".00" dropped for whole numbers ("3万元"). */
  dropZeroDecimals: boolean;
  thousands: boolean;
  spaceBeforeUnit: boolean;
  /** Word before the amount of a decrease (减少) and before its rate (下降/减少/降低). */
  decreaseAmountWord: DecreaseWord;
  decreaseRateWord: DecreaseWord;
  /** Per-section override of the decrease rate word, e.g. the seed's 「减少…，减少32%」 in 四 and 五. */
  decreaseRateWordBySection: Record<string, DecreaseWord>;
  increaseAmountWord: "增加";
  increaseRateWord: "增长";
  /** Text for an unchanged value. */
  flatWording: string;
  /** Prior year 0: 'hundred' writes 「增长100%」 (the convention), 'new' writes only the amount (「增加A万元」). */
  priorZero: "hundred" | "new";
  /** Reason clause: {reason} is replaced by the accountant's text. */
  reasonClause: string;
  /** Budget used for 完成预算: Sichuan compares with 调整预算数, Shanghai with 年初预算数. */
  budgetBasis: "adjusted" | "initial";
}

const sichuan: NarrativeStyle = {
  id: "sichuan",
  percentDigits: {
    yoy: 0,
    shareIncome: 2,
    shareExpense: 0,
    shareGpb: 2,
    structure: 2,
    completion: 2,
    sanGong: 2,
    sanGongYoy: 0,
    procurement: 2,
  },
  percentDropZeroDecimals: true,
  zeroItems: "list",
  dropZeroDecimals: true,
  thousands: false,
  spaceBeforeUnit: false,
  decreaseAmountWord: "减少",
  decreaseRateWord: "下降",
  decreaseRateWordBySection: { s4: "减少", s5: "减少" },
  increaseAmountWord: "增加",
  increaseRateWord: "增长",
  flatWording: "持平",
  priorZero: "hundred",
  reasonClause: "主要变动原因是{reason}。",
  budgetBasis: "adjusted",
};

const shanghai: NarrativeStyle = {
  id: "shanghai",
  percentDigits: {
    yoy: 2,
    shareIncome: 2,
    shareExpense: 2,
    shareGpb: 2,
    structure: 2,
    completion: 2,
    sanGong: 2,
    sanGongYoy: 2,
    procurement: 2,
  },
  percentDropZeroDecimals: true,
  zeroItems: "omit",
  dropZeroDecimals: true,
  thousands: true,
  spaceBeforeUnit: true,
  decreaseAmountWord: "减少",
  decreaseRateWord: "下降",
  decreaseRateWordBySection: {},
  increaseAmountWord: "增加",
  increaseRateWord: "增长",
  flatWording: "持平",
  priorZero: "hundred",
  reasonClause: "主要原因：{reason}。",
  budgetBasis: "initial",
};

export const STYLE_PRESETS: Record<"sichuan" | "shanghai", NarrativeStyle> = { sichuan, shanghai };
export type StylePresetId = keyof typeof STYLE_PRESETS;

/** Partial override of a style; nested records are merged key by key. */
export type StyleOverrides = Partial<Omit<NarrativeStyle, "percentDigits">> & { percentDigits?: Partial<Record<PercentKind, number>> };

/** A preset with some options changed. */
export function makeStyle(base: StylePresetId | NarrativeStyle, overrides: StyleOverrides = {}): NarrativeStyle {
  const b = typeof base === "string" ? STYLE_PRESETS[base] : base;
  return {
    ...b,
    ...overrides,
    percentDigits: { ...b.percentDigits, ...(overrides.percentDigits ?? {}) },
    decreaseRateWordBySection: { ...b.decreaseRateWordBySection, ...(overrides.decreaseRateWordBySection ?? {}) },
  };
}
