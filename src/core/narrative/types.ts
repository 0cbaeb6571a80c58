/** Public types of the narrative (情况说明): generated text with provenance, placeholders, and values. */

/** A table cell a number was taken from. */
export interface CellSource {
  sheet: string;
  address: string;
  /** The value as used, in 万元. */
  value: number;
}

/** A row of the inputs sheet 「说明数据」 a number or text was taken from. */
export interface InputSource {
  /** 1-based sheet row. */
  inputsRow: number;
  sheet: string;
  key: string;
  address: string;
}

export type NarrativeSource = CellSource | InputSource;

/** A number resolved for the narrative, in 万元 (or a count/year), with where it came from. */
export interface NumberValue {
  kind: "number";
  value: number;
  /** Display decimals of the value (2 for 万元 amounts). */
  decimals: number;
  /** What the number is, zh-CN (e.g. 「本年收入合计」). */
  label: string;
  sources: NarrativeSource[];
  /** How it was computed from its sources, e.g. 「12345600 元 ÷ 10000 = 1234.56」; empty when copied as is. */
  arithmetic?: string;
}

export interface TextValue {
  kind: "text";
  text: string;
  label: string;
  sources: NarrativeSource[];
}

/** A value that is not available: the sentence shows 【请填写：label】 instead of a number. */
export interface MissingValue {
  kind: "missing";
  label: string;
  /** Inputs-sheet key that would supply it, when there is one. */
  inputKey?: string;
  /** The table has the cell but it cannot be read as an amount (it must be corrected, not left out). */
  unreadable?: { sheet: string; address: string; text: string };
}

export type Value = NumberValue | TextValue | MissingValue;

export type SpanKind = "amount" | "percent" | "change" | "year" | "count" | "text" | "placeholder";

/** A stretch of a generated paragraph that carries a number (or a placeholder) and its provenance. */
export interface NarrativeSpan {
  start: number;
  end: number;
  /** The number shown (percent as percent number, e.g. 76.29), or undefined for text/placeholder. */
  value?: number;
  kind: SpanKind;
  label: string;
  sources: NarrativeSource[];
  /** Arithmetic behind the number, e.g. 「3172.05 ÷ 4158.12 × 100 = 76.29」. */
  arithmetic?: string;
}

export interface NarrativeParagraph {
  text: string;
  spans: NarrativeSpan[];
}

export interface NarrativeSection {
  id: string;
  title: string;
  paragraphs: NarrativeParagraph[];
}

/** A visible placeholder left in the text because an input is missing. */
export interface NarrativePlaceholder {
  sectionId: string;
  paragraph: number;
  start: number;
  end: number;
  label: string;
  inputKey?: string;
}

export interface Narrative {
  style: string;
  sections: NarrativeSection[];
  placeholders: NarrativePlaceholder[];
}

/** Text of a placeholder as it appears in the narrative. */
export function placeholderText(label: string): string {
  return `【请填写：${label}】`;
}
