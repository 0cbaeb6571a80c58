/** Renders section templates into a Narrative with provenance for every number. */
import { roundHalfUp } from "../metrics/rounding";
import { formatAmount, formatPercent, formatNumber } from "../metrics/format";
import { change as changeOf, changeRatePercent } from "../metrics/change";
import type { RecognitionResult } from "../recognize/types";
import { INPUT_KEYS, type NarrativeInputs } from "./inputs";
import type { NarrativeStyle, PercentKind } from "./style";
import { parseTemplate, type Expr, type TemplateNode } from "./template";
import { knownValueNames, LIST_FIELDS, ValueResolver, type ListItem } from "./values";
import {
  placeholderText,
  type MissingValue,
  type Narrative,
  type NarrativeParagraph,
  type NarrativePlaceholder,
  type NarrativeSection,
  type NarrativeSpan,
  type NumberValue,
  type Value,
} from "./types";

/** A paragraph repeated once per list item (e.g. one per 项). */
export interface EachParagraph {
  each: string;
  zeros?: "style" | "list" | "omit";
  template: string;
}

/** One section: a title and paragraph templates (a paragraph rendering to nothing is dropped). */
export interface SectionTemplate {
  id: string;
  title: string;
  paragraphs: (string | EachParagraph)[];
}

export interface NarrativeTemplate {
  id: string;
  sections: SectionTemplate[];
}

type Ratio = { kind: "ratio"; part: Value; total: Value; fn: "share" | "completion" };
type Change = { kind: "change"; cur: Value; prior: Value };
type Reason = { kind: "reason"; value: Value };
type Evaluated = Value | Ratio | Change | Reason | { kind: "bool"; value: boolean };

const PCT_KINDS = new Set<PercentKind>(["yoy", "shareIncome", "shareExpense", "shareGpb", "structure", "completion", "sanGong", "sanGongYoy", "procurement"]);

/**
 * Bidirectional-text controls (U+061C, U+200E/F, U+202A–E, U+2066–9) in cell text would reorder what a reader sees
 * around them (a reason could display as a different figure); the narrative never carries them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text without bidirectional-text control characters. */
export function stripBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, "");
}

class ParagraphBuilder {
  text = "";
  spans: NarrativeSpan[] = [];
  placeholders: { start: number; end: number; label: string; inputKey?: string }[] = [];
  add(s: string): void {
    this.text += stripBidiControls(s);
  }
  span(s: string, span: Omit<NarrativeSpan, "start" | "end">): void {
    const start = this.text.length;
    this.text += stripBidiControls(s);
    this.spans.push({ ...span, start, end: this.text.length });
  }
  missing(m: MissingValue): void {
    const t = placeholderText(m.label);
    const start = this.text.length;
    this.span(t, { kind: "placeholder", label: m.label, sources: [] });
    this.placeholders.push({ start, end: this.text.length, label: m.label, inputKey: m.inputKey });
  }
}

const fmt2 = (v: number) => formatNumber(v, 2);

/** Renders templates for one recognition result, inputs and style. */
export class NarrativeRenderer {
  private sectionId = "";
  private items: { item: ListItem; index: number }[] = [];
  readonly resolver: ValueResolver;
  private parsed = new Map<string, TemplateNode[]>();

  constructor(recognition: RecognitionResult, inputs: NarrativeInputs, readonly style: NarrativeStyle) {
    this.resolver = new ValueResolver(recognition, inputs, style);
  }

  private nodes(template: string): TemplateNode[] {
    let n = this.parsed.get(template);
    if (!n) {
      n = parseTemplate(template);
      this.parsed.set(template, n);
    }
    return n;
  }

  /** Render a whole narrative template. */
  render(t: NarrativeTemplate): Narrative {
    const sections: NarrativeSection[] = [];
    const placeholders: NarrativePlaceholder[] = [];
    for (const s of t.sections) {
      this.sectionId = s.id;
      const paragraphs: NarrativeParagraph[] = [];
      const emit = (template: string) => {
        const b = new ParagraphBuilder();
        this.renderNodes(this.nodes(template), b);
        if (b.text.trim() === "") return;
        for (const ph of b.placeholders) placeholders.push({ sectionId: s.id, paragraph: paragraphs.length, ...ph });
        paragraphs.push({ text: b.text, spans: b.spans });
      };
      for (const p of s.paragraphs) {
        if (typeof p === "string") {
          emit(p);
          continue;
        }
        this.filteredList(p.each, p.zeros ?? "style").forEach((item, index) => {
          this.items.push({ item, index: index + 1 });
          emit(p.template);
          this.items.pop();
        });
      }
      if (paragraphs.length) sections.push({ id: s.id, title: s.title, paragraphs });
    }
    return { style: this.style.id, sections, placeholders };
  }

  /** Render one template string (for tests and single sentences). */
  renderString(template: string, sectionId = ""): NarrativeParagraph & { placeholders: ParagraphBuilder["placeholders"] } {
    this.sectionId = sectionId;
    const b = new ParagraphBuilder();
    this.renderNodes(this.nodes(template), b);
    return { text: b.text, spans: b.spans, placeholders: b.placeholders };
  }

  private renderNodes(nodes: TemplateNode[], b: ParagraphBuilder): void {
    for (const n of nodes) {
      if (n.type === "text") b.add(n.text);
      else if (n.type === "expr") this.emit(this.evaluate(n.expr), n.format, b);
      else if (n.type === "if") this.renderNodes(this.truthy(this.evaluate(n.cond)) ? n.then : n.else, b);
      else {
        const list = this.filteredList(n.list, n.zeros);
        if (!list.length) {
          this.renderNodes(n.empty, b);
          continue;
        }
        list.forEach((item, index) => {
          if (index > 0) b.add(n.sep);
          this.items.push({ item, index: index + 1 });
          this.renderNodes(n.body, b);
          this.items.pop();
        });
      }
    }
  }

  private filteredList(name: string, zeros: "style" | "list" | "omit"): ListItem[] {
    const omitZeros = zeros === "omit" || (zeros === "style" && this.style.zeroItems === "omit");
    return this.resolver.list(name).filter((it) => {
      if (!omitZeros) return true;
      const a = it.fields.amount;
      return !(a && a.kind === "number" && a.value === 0);
    });
  }

  private current(): { item: ListItem; index: number } | undefined {
    return this.items[this.items.length - 1];
  }

  private evaluate(e: Expr): Evaluated {
    switch (e.type) {
      case "num":
        return { kind: "number", value: e.value, decimals: 0, label: String(e.value), sources: [] };
      case "name": {
        if (e.name === "index") {
          const c = this.current();
          return { kind: "number", value: c ? c.index : 0, decimals: 0, label: "序号", sources: [] };
        }
        return this.resolver.value(e.name);
      }
      case "field": {
        const c = this.current();
        if (!c) return { kind: "missing", label: `item.${e.field}` };
        const it = c.item;
        if (e.field === "name" || e.field === "shortName" || e.field === "path" || e.field === "code") {
          const text = (e.field === "path" ? it.path : e.field === "code" ? it.code : it[e.field]) ?? it.name;
          return { kind: "text", text, label: e.field, sources: [] };
        }
        return it.fields[e.field] ?? { kind: "missing", label: `${it.name}${e.field}` };
      }
      case "call": {
        const args = e.args.map((a) => this.evaluate(a));
        const v = (i: number): Value => {
          const a = args[i];
          return a && (a.kind === "number" || a.kind === "text" || a.kind === "missing") ? a : { kind: "missing", label: "?" };
        };
        switch (e.fn) {
          case "share":
          case "completion":
            return { kind: "ratio", part: v(0), total: v(1), fn: e.fn };
          case "change":
            return { kind: "change", cur: v(0), prior: v(1) };
          case "reason":
            return { kind: "reason", value: v(0) };
          case "sum": {
            const parts = args.map((_, i) => v(i));
            const missing = parts.find((x) => x.kind !== "number");
            if (missing) return missing.kind === "missing" ? missing : { kind: "missing", label: "?" };
            const nums = parts as NumberValue[];
            const total = roundHalfUp(nums.reduce((s, x) => s + x.value, 0), 2);
            return { kind: "number", value: total, decimals: 2, label: nums.map((x) => x.label).join("＋"), sources: nums.flatMap((x) => x.sources), arithmetic: `${nums.map((x) => fmt2(x.value)).join(" + ")} = ${fmt2(total)}` };
          }
          case "nonzero":
          case "zero": {
            const a = v(0);
            // A missing value is shown (as a placeholder) rather than silently dropped.
            const nz = a.kind !== "number" || a.value !== 0;
            return { kind: "bool", value: e.fn === "nonzero" ? nz : !nz };
          }
          case "present":
            return { kind: "bool", value: v(0).kind !== "missing" };
          case "changed": {
            const a = v(0);
            const p = v(1);
            return { kind: "bool", value: a.kind !== "number" || p.kind !== "number" || changeOf(a.value, p.value) !== 0 };
          }
          case "gt":
          case "lt": {
            const a = v(0);
            const p = v(1);
            if (a.kind !== "number" || p.kind !== "number") return { kind: "bool", value: false };
            return { kind: "bool", value: e.fn === "gt" ? a.value > p.value : a.value < p.value };
          }
          case "not":
            return { kind: "bool", value: !this.truthy(args[0]) };
        }
        return { kind: "missing", label: e.fn };
      }
    }
  }

  private truthy(v: Evaluated | undefined): boolean {
    if (!v) return false;
    if (v.kind === "bool") return v.value;
    if (v.kind === "number") return v.value !== 0;
    if (v.kind === "text") return v.text !== "";
    return false;
  }

  private amountText(v: number): string {
    return formatAmount(v, {
      decimals: 2,
      dropZeroDecimals: this.style.dropZeroDecimals,
      thousands: this.style.thousands,
      spaceBeforeUnit: this.style.spaceBeforeUnit,
    });
  }

  private percentKind(format: string | undefined, fallback: PercentKind): PercentKind {
    const k = (format ?? "").replace(/^pct\./, "") as PercentKind;
    return PCT_KINDS.has(k) ? k : fallback;
  }

  private pct(p: number, kind: PercentKind): string {
    return formatPercent(p, this.style.percentDigits[kind], { dropZeroDecimals: this.style.percentDropZeroDecimals });
  }

  private emit(v: Evaluated, format: string | undefined, b: ParagraphBuilder): void {
    switch (v.kind) {
      case "missing":
        return b.missing(v);
      case "bool":
        return;
      case "text":
        if (v.text === "") return;
        if (v.sources.length) b.span(v.text, { kind: "text", label: v.label, sources: v.sources });
        else b.add(v.text);
        return;
      case "number": {
        if (format === "year" || format === "int" || (format === undefined && v.decimals === 0)) {
          b.span(String(v.value), { kind: format === "int" ? "count" : "year", value: v.value, label: v.label, sources: v.sources, arithmetic: v.arithmetic });
          return;
        }
        b.span(this.amountText(v.value), { kind: "amount", value: v.value, label: v.label, sources: v.sources, arithmetic: v.arithmetic });
        return;
      }
      case "ratio":
        return this.emitRatio(v, format, b);
      case "change":
        return this.emitChange(v, format, b);
      case "reason": {
        const [before, after] = this.style.reasonClause.split("{reason}");
        b.add(before);
        this.emit(v.value, undefined, b);
        b.add(after ?? "");
        return;
      }
    }
  }

  private emitRatio(r: Ratio, format: string | undefined, b: ParagraphBuilder): void {
    if (r.part.kind !== "number") return this.emit(r.part.kind === "missing" ? r.part : { kind: "missing", label: "?" }, undefined, b);
    if (r.total.kind !== "number") return this.emit(r.total.kind === "missing" ? r.total : { kind: "missing", label: "?" }, undefined, b);
    const kind = this.percentKind(format, r.fn === "completion" ? "completion" : "structure");
    const digits = this.style.percentDigits[kind];
    const part = r.part.value;
    const total = r.total.value;
    let p: number;
    let arithmetic: string;
    if (total === 0) {
      if (part !== 0) return b.missing({ kind: "missing", label: `${r.total.label}（为0，无法计算比例）` });
      p = 0; // 0 of 0 is written 0% by convention
      arithmetic = `${r.part.label}与${r.total.label}均为0，记为0%`;
    } else {
      const exact = (part / total) * 100;
      p = roundHalfUp(exact, digits);
      arithmetic = `${fmt2(part)} ÷ ${fmt2(total)} × 100 = ${unrounded(exact, digits)} → ${formatNumber(p, digits)}%`;
    }
    b.span(this.pct(p, kind), { kind: "percent", value: p, label: `${r.part.label}/${r.total.label}`, sources: [...r.part.sources, ...r.total.sources], arithmetic });
  }

  private emitChange(c: Change, format: string | undefined, b: ParagraphBuilder): void {
    if (c.cur.kind !== "number") return this.emit(c.cur.kind === "missing" ? c.cur : { kind: "missing", label: "?" }, undefined, b);
    if (c.prior.kind !== "number") return this.emit(c.prior.kind === "missing" ? c.prior : { kind: "missing", label: "?" }, undefined, b);
    const kind = this.percentKind(format, "yoy");
    const digits = this.style.percentDigits[kind];
    const cur = c.cur.value;
    const prior = c.prior.value;
    const delta = changeOf(cur, prior);
    const sources = [...c.cur.sources, ...c.prior.sources];
    if (delta === 0) {
      b.span(this.style.flatWording, { kind: "change", value: 0, label: `${c.cur.label}增减`, sources, arithmetic: `${fmt2(cur)} − ${fmt2(prior)} = 0.00` });
      return;
    }
    const up = delta > 0;
    const amountWord = up ? this.style.increaseAmountWord : this.style.decreaseAmountWord;
    const rateWord = up ? this.style.increaseRateWord : this.style.decreaseRateWordBySection[this.sectionId] ?? this.style.decreaseRateWord;
    b.add(amountWord);
    b.span(this.amountText(Math.abs(delta)), { kind: "change", value: Math.abs(delta), label: `${c.cur.label}增减额`, sources, arithmetic: `${fmt2(cur)} − ${fmt2(prior)} = ${fmt2(delta)}` });
    if (prior === 0 && this.style.priorZero === "new") return;
    b.add("，" + rateWord);
    const rate = changeRatePercent(cur, prior, digits);
    const arithmetic =
      prior === 0
        ? "上年为0，按惯例记为增长100%"
        : `${fmt2(Math.abs(delta))} ÷ ${fmt2(Math.abs(prior))} × 100 = ${unrounded((Math.abs(delta) / Math.abs(prior)) * 100, digits)} → ${formatNumber(rate, digits)}%`;
    b.span(this.pct(rate, kind), { kind: "percent", value: rate, label: `${c.cur.label}增减率`, sources, arithmetic });
  }
}

/**
 * A computed percentage before rounding, two decimals finer than the style prints it (39.52 before 「40%」), so the
 * provenance shows what was rounded and how.
 */
function unrounded(value: number, digits: number): string {
  return formatNumber(value, Math.max(digits + 2, 2));
}

/** Plain text of a narrative: section titles and paragraphs, one per line. */
export function renderNarrativeText(n: Narrative): string {
  const lines: string[] = [];
  for (const s of n.sections) {
    lines.push(s.title);
    for (const p of s.paragraphs) lines.push(p.text);
  }
  return lines.join("\n") + "\n";
}

/** One row of the 「情况说明」 sheet: a section title or a paragraph, as plain text (never a formula). */
export interface NarrativeSheetRow {
  sectionId: string;
  kind: "title" | "paragraph";
  /** Paragraph index within the section (−1 for the title). */
  paragraph: number;
  text: string;
}

/** The narrative as sheet rows, one paragraph per row, for the adapters' 「写入工作表」. */
export function narrativeSheetRows(n: Narrative): NarrativeSheetRow[] {
  const rows: NarrativeSheetRow[] = [];
  for (const s of n.sections) {
    rows.push({ sectionId: s.id, kind: "title", paragraph: -1, text: s.title });
    s.paragraphs.forEach((p, i) => rows.push({ sectionId: s.id, kind: "paragraph", paragraph: i, text: p.text }));
  }
  return rows;
}

/** Problems in template data: unknown names, lists or item fields (a typo would otherwise render a placeholder). */
export function checkTemplate(t: NarrativeTemplate, extraNames: Iterable<string> = []): string[] {
  const names = knownValueNames();
  for (const k of INPUT_KEYS) names.add(k.key);
  for (const n of extraNames) names.add(n);
  const problems: string[] = [];
  const fieldsOf = (list: string | undefined) => (list ? (LIST_FIELDS[list] ?? []) : []);
  const walkExpr = (e: Expr, where: string, list: string | undefined) => {
    if (e.type === "name" && !names.has(e.name)) problems.push(`${where}: unknown name ${e.name}`);
    if (e.type === "field") {
      const builtin = ["name", "shortName", "path", "code"];
      if (!list) problems.push(`${where}: item.${e.field} outside a list`);
      else if (list in LIST_FIELDS && !builtin.includes(e.field) && !fieldsOf(list).includes(e.field)) problems.push(`${where}: list ${list} has no field ${e.field}`);
    }
    if (e.type === "call") for (const a of e.args) walkExpr(a, where, list);
  };
  const walk = (nodes: TemplateNode[], where: string, list: string | undefined) => {
    for (const n of nodes) {
      if (n.type === "expr") walkExpr(n.expr, where, list);
      else if (n.type === "if") {
        walkExpr(n.cond, where, list);
        walk(n.then, where, list);
        walk(n.else, where, list);
      } else if (n.type === "each") {
        if (!(n.list in LIST_FIELDS)) problems.push(`${where}: unknown list ${n.list}`);
        walk(n.body, where, n.list);
        walk(n.empty, where, list);
      }
    }
  };
  for (const s of t.sections)
    s.paragraphs.forEach((p, i) => {
      const where = `${s.id}#${i}`;
      try {
        if (typeof p === "string") walk(parseTemplate(p), where, undefined);
        else {
          if (!(p.each in LIST_FIELDS)) problems.push(`${where}: unknown list ${p.each}`);
          walk(parseTemplate(p.template), where, p.each);
        }
      } catch (e) {
        problems.push(`${where}: ${(e as Error).message}`);
      }
    });
  return problems;
}
