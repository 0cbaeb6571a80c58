/**
 * 核对: check a hand-written 情况说明 against the workbook. Every numeric claim (amount with its subject, 占 X%,
 * 增加/减少 A万元, 增长/下降 p%, 完成预算 p%) is matched to the value it should equal; mismatches carry the
 * excerpt, the offset in the ORIGINAL text, claimed and expected values, the source cell and a suggestion.
 * Claims that match no workbook value are listed as unverified, never as mismatches.
 */
import type { RecognitionResult } from "../../recognize/types";
import { roundHalfUp } from "../../metrics/rounding";
import { change, changeRateExact, direction, shareExact, trendWord } from "../../metrics/change";
import { formatNumber } from "../../metrics/format";
import { childrenOf as subjectChildren, classCodeByName, subjectEntry, subjectName } from "../../subjects";
import { narrativeMessage, unverifiedReason, type NarrativeMessageCode, type NarrativeMessageParams, type UnverifiedCode } from "../../i18n/narrative";
import type { Lang } from "../../i18n/lang";
import { emptyInputs, type NarrativeInputs } from "../inputs";
import { makeStyle, type NarrativeStyle, type StylePresetId } from "../style";
import type { NarrativeSource } from "../types";
import { FactBook, normName, type Fact, type FactValue, type RowScope } from "./facts";
import { PERCENT_WITHOUT_SIGN } from "./structure";
import type { CheckId } from "./checks";
import { normalizeNarrativeText, originalRange, type NormalizedText } from "./normalize";
import { isBoundary, subjectOf, type Subject } from "./subject";
import { findPlaceholders } from "./placeholders";
import { findPaths } from "./scan";
import { amountVerdict, percentVerdict } from "./tolerance";

export type ClaimKind = "amount" | "budget" | "change" | "share" | "rate" | "completion" | "count" | "percent";

export interface Claim {
  kind: ClaimKind;
  excerpt: string;
  /** Offset of the number in the original text. */
  offset: number;
  claimed: number;
  /** Decimals as written. */
  decimals: number;
  subject?: string;
  status: "ok" | "mismatch" | "unverified";
  factId?: string;
}

export interface Mismatch {
  code: NarrativeMessageCode;
  /** Id of the check (see NARRATIVE_CHECKS). */
  checkId?: string;
  /** The arithmetic behind `expected` when it comes from other stated numbers (「1.2 ÷ 24.00 × 100 = 5.00」). */
  arithmetic?: string;
  excerpt: string;
  /** Offset in the original text: of the number for numeric mismatches, else of the flagged words. */
  offset: number;
  claimed?: number;
  expected?: number;
  /** Source as 「sheet!A1」 (or the inputs row). */
  cell?: string;
  severity: "error" | "warning";
  message: string;
  suggestion?: string;
}

export interface VerifyResult {
  claims: Claim[];
  mismatches: Mismatch[];
  unverified: { excerpt: string; offset: number; code: UnverifiedCode; reason: string }[];
}

export interface VerifyOptions {
  /** Budget year (for outdated 类 names); default: inputs 年度 or the recognised year. */
  year?: number;
  style?: StylePresetId | NarrativeStyle;
  lang?: Lang;
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
const AMOUNT_UNIT = /^(亿元|万元|万|元)/;
const COUNT_UNIT = /^(辆|人次|批次|团组|台（套）|个)/;
// 「增加了」「下降了」: the particle is part of the change word, never of the subject.
const CHANGE_WORD = /(增加|减少|下降|降低|增长|上升)了?$/;
// A rate may also be stated as 增幅/降幅/减幅/增长率 (为) p%.
const RATE_WORD = /(增加|减少|下降|降低|增长|上升|增幅|降幅|减幅|增长率|下降率)(了|为|达|是)?$/;
/** Does a change or rate word say the value went up? */
const isUp = (word: string): boolean => /增|上升/.test(word);
const EPS = 1e-9;

function sourceText(s: NarrativeSource | undefined): string | undefined {
  if (!s) return undefined;
  return "inputsRow" in s ? `${s.sheet}!${s.address}` : `${s.sheet}!${s.address}`;
}

/** 「增加12.34万元」 / 「减少…」 for a non-zero change, in the words of core/metrics. */
function changeText(delta: number): string {
  return `${trendWord(direction(delta))}${formatNumber(Math.abs(delta), 2)}万元`;
}

/** A change or rate word (`up` = it says the value went up) against a non-zero change the other way. */
function wrongWay(delta: number, up: boolean): boolean {
  const t = direction(delta);
  return t !== "flat" && (t === "up") !== up;
}

/** 增长 / 下降: the rate word for a change. */
function rateWord(delta: number): string {
  return trendWord(direction(delta), { increase: "增长", decrease: "下降" });
}

interface PathResult {
  fact?: Fact;
  issues: { code: NarrativeMessageCode; text: string; current: string; cell?: string }[];
}

type Topic = { kind: "fact"; fact: Fact } | { kind: "path"; path: string };

/** The check (NARRATIVE_CHECKS) behind each message code of 核对 against the workbook. */
const WORKBOOK_CHECK: Partial<Record<NarrativeMessageCode, CheckId>> = {
  amount: "V-A01",
  "amount-rounding": "V-A02",
  budget: "V-A03",
  share: "V-A04",
  rate: "V-A05",
  change: "V-A06",
  completion: "V-A07",
  direction: "V-A08",
  flat: "V-A09",
  "outdated-name": "V-A10",
  "subject-name": "V-A11",
  "subject-unknown": "V-A11",
  "percent-truncated": "V-A12",
  typo: "V-W08",
  "template-remnant": "V-W04",
  placeholder: "V-W09",
  "percent-decimals": "V-W10",
  "percent-sign": "V-W11",
};

class Verifier {
  readonly claims: Claim[] = [];
  readonly mismatches: Mismatch[] = [];
  readonly unverified: VerifyResult["unverified"] = [];
  private topic?: Topic;
  private lastAmount?: { fact?: Fact; value: number; sentence: number };
  private lastChange?: { fact?: Fact; claimed: number; up: boolean; sentence: number };
  private flaggedNames = new Set<string>();
  /** The fund whose table 类/款/项 claims are looked up in: set by the 政府性基金 / 国有资本经营 section headings. */
  private scope: RowScope = "gpb";

  constructor(
    readonly n: NormalizedText,
    readonly book: FactBook,
    readonly year: number | undefined,
    readonly lang: Lang,
  ) {}

  private excerpt(start: number, end: number): string {
    const r = originalRange(this.n, start, end);
    return this.n.original.slice(r.start, r.end).replace(/\s+/g, " ").trim();
  }

  private offset(i: number): number {
    return this.n.map[i];
  }

  private report(code: NarrativeMessageCode, severity: "error" | "warning", at: { start: number; end: number }, params: NarrativeMessageParams, extra: Partial<Mismatch> = {}): void {
    this.mismatches.push({
      code,
      checkId: WORKBOOK_CHECK[code],
      excerpt: this.excerpt(at.start, at.end),
      offset: this.offset(at.start),
      severity,
      message: narrativeMessage(code, params, this.lang),
      ...extra,
    });
  }

  run(): void {
    const t = this.n.text;
    this.scanWording();
    NUMBER.lastIndex = 0;
    let m: RegExpExecArray | null;
    let prevEnd = 0;
    let sentence = 0;
    while ((m = NUMBER.exec(t))) {
      const start = m.index;
      let end = start + m[0].length;
      const before = t[start - 1] ?? "";
      if (/[A-Za-z.]/.test(before)) continue;
      const gap = t.slice(prevEnd, start);
      sentence += (gap.match(/。/g) ?? []).length;
      // A new section or sub-section heading: what came before is no longer the topic.
      if (/(^|[。\]】])[（(]?[一二三四五六七八九十]+[、）)]/.test(gap)) this.topic = undefined;
      this.scopeFromText(gap);
      this.topicFromText(gap);
      const rest = t.slice(end);
      const amountUnit = AMOUNT_UNIT.exec(rest);
      const percent = rest.startsWith("%");
      const countUnit = COUNT_UNIT.exec(rest);
      if (!amountUnit && !percent && !countUnit) continue;
      end += amountUnit ? amountUnit[0].length : percent ? 1 : countUnit![0].length;
      prevEnd = end;
      let clauseStart = start;
      while (clauseStart > 0 && !isBoundary(t, clauseStart - 1)) clauseStart--;
      const lead = /^(.*[\]】]|.*(情况说明|决算情况|总体情况|结构情况|具体情况如下|具体情况))/.exec(t.slice(clauseStart, start));
      if (lead) clauseStart += lead[0].length;
      const clause = t.slice(clauseStart, start);
      const digits = m[2]?.length ?? 0;
      let value = Number(m[0].replace(/,/g, ""));
      const at = { start: clauseStart, end };
      if (countUnit) {
        this.unverifiedClaim("count", at, start, value, digits, clause, "count");
        continue;
      }
      if (percent) {
        this.percentClaim(clause, at, start, value, digits, sentence);
        continue;
      }
      const unit = amountUnit![0];
      if (unit === "元") value = roundHalfUp(value / 10000, 6);
      if (unit === "亿元") value = value * 10000;
      const cw = CHANGE_WORD.exec(clause);
      if (cw) this.changeClaim(clause.slice(0, clause.length - cw[0].length), cw[1], at, start, value, digits, sentence);
      else this.amountClaim(clause, at, start, value, digits, sentence, unit === "亿元" ? 10000 : 1);
    }
  }

  private unverifiedClaim(kind: ClaimKind, at: { start: number; end: number }, numStart: number, value: number, decimals: number, subject: string, code: UnverifiedCode): void {
    const excerpt = this.excerpt(at.start, at.end);
    this.claims.push({ kind, excerpt, offset: this.offset(numStart), claimed: value, decimals, subject, status: "unverified" });
    this.unverified.push({ excerpt, offset: this.offset(numStart), code, reason: unverifiedReason(code, this.lang) });
  }

  private pushClaim(kind: ClaimKind, at: { start: number; end: number }, numStart: number, value: number, decimals: number, subject: string, ok: boolean, fact?: Fact): void {
    this.claims.push({ kind, excerpt: this.excerpt(at.start, at.end), offset: this.offset(numStart), claimed: value, decimals, subject, status: ok ? "ok" : "mismatch", factId: fact?.id });
  }

  /** A section heading (「八、政府性基金预算…」) sets the table that item claims are looked up in. */
  private scopeFromText(gap: string): void {
    const re = /(?:^|[。\]】）)”"])([一二三四五六七八九十]{1,2})、/g;
    let m: RegExpExecArray | null;
    let last = -1;
    while ((m = re.exec(gap))) last = m.index + m[0].length;
    if (last < 0) return;
    const title = gap.slice(last, last + 40);
    this.scope = /政府性基金/.test(title) ? "gf" : /国有资本经营/.test(title) ? "soc" : "gpb";
  }

  /** Path mentions (…（类）…（款）…（项）) between claims set the topic that 「支出决算为…」 refers to. */
  private topicFromText(gap: string): void {
    const paths = findPaths(gap, 0, gap.length, true);
    if (paths.length) this.topic = { kind: "path", path: paths[paths.length - 1].text };
  }

  private resolveSubject(subject: Subject, claimed: number | undefined, at: { start: number; end: number }): PathResult {
    if (subject.generic || subject.name === "") {
      if (!subject.generic) return { issues: [] };
      const earlier = this.sentenceSubject(at.start);
      if (earlier) return { fact: earlier, issues: [] };
      if (!this.topic) return { issues: [] };
      if (this.topic.kind === "fact") return { fact: this.topic.fact, issues: [] };
      return this.resolvePath(this.topic.path, claimed, at, false);
    }
    if (/（(类|款|项)）/.test(subject.name)) return this.resolvePath(subject.raw, claimed, at, true);
    const f = this.book.byName(subject.name);
    if (f) return { fact: f, issues: [] };
    const cls = this.classFact(subject.name, at);
    if (cls) return { fact: cls, issues: [] };
    return { issues: [] };
  }

  /** The nearest explicit subject in earlier clauses of the same sentence (「…支出年初预算为…，支出决算为…」). */
  private sentenceSubject(clauseStart: number): Fact | undefined {
    // Placeholders 【请填写：…】 hold a colon that is not a clause boundary.
    const t = this.n.text.replace(/【[^】]*】/g, (m) => "□".repeat(m.length));
    const sentenceStart = t.lastIndexOf("。", clauseStart - 1) + 1;
    const pieces: string[] = [];
    let from = sentenceStart;
    for (let i = sentenceStart; i < clauseStart; i++) {
      if (isBoundary(t, i)) {
        pieces.push(t.slice(from, i));
        from = i + 1;
      }
    }
    for (const piece of pieces.reverse()) {
      const cut = stripTrailingAmounts(piece);
      const sub = subjectOf(cut);
      if (sub.generic || !sub.name) continue;
      const f = /（(类|款|项)）/.test(sub.name) ? undefined : this.book.byName(sub.name);
      if (f) return f;
    }
    return undefined;
  }

  private classFact(name: string, at: { start: number; end: number }): Fact | undefined {
    const clean = name.replace(/^[\d.、．“”"]+/, "");
    const code = classCodeByName(clean, this.year);
    if (!code) return undefined;
    const row = this.book.row(code, this.scope);
    if (!row) return undefined;
    this.checkClassName(clean, code, at);
    return row;
  }

  private checkClassName(name: string, code: string, at: { start: number; end: number }): void {
    if (this.year === undefined) return;
    const current = subjectName(code, this.year);
    if (!current || normName(current) === normName(name)) return;
    const key = `${at.start}:${name}`;
    if (this.flaggedNames.has(key)) return;
    this.flaggedNames.add(key);
    this.report("outdated-name", "warning", at, { text: name, current, year: this.year }, { suggestion: current });
  }

  private resolvePath(pathText: string, claimed: number | undefined, at: { start: number; end: number }, explicit: boolean): PathResult {
    const parts: { name: string; level: 1 | 2 | 3 }[] = [];
    const re = /(.+?)（(类|款|项)）/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(pathText))) {
      const name = m[1].replace(/^[\d.、．“”"'\s]+/, "").replace(/[“”"]/g, "");
      parts.push({ name, level: m[2] === "类" ? 1 : m[2] === "款" ? 2 : 3 });
    }
    const issues: PathResult["issues"] = [];
    if (!parts.length || parts[0].level !== 1) return { issues };
    const scope = this.scope;
    const classCode = classCodeByName(parts[0].name, this.year);
    const cls = classCode ? this.book.row(classCode, scope) : undefined;
    if (!cls || !classCode) return { issues };
    if (explicit) this.checkClassName(parts[0].name, classCode, at);
    let node = cls as Fact & { code: string };
    for (const part of parts.slice(1)) {
      const level = part.level === 2 ? 2 : 3;
      const candidates = this.book.childrenOf(node.code, level, scope);
      const want = normName(part.name);
      let hit = candidates.find((c) => normName(c.rowLabel) === want);
      if (!hit && level === 3) {
        // 项 name not in the tables: any 项 of the class with that name, else the 项 the amount points to.
        hit = this.book.childrenOf(classCode, 3, scope).find((c) => normName(c.rowLabel) === want);
        if (!hit && claimed !== undefined) {
          const pool = candidates.length ? candidates : this.book.childrenOf(classCode, 3, scope);
          const exact = pool.find((c) => c.values.some((v) => Math.abs(v.value - claimed) < 0.005));
          const closest = exact ?? [...pool].sort((a, b) => Math.abs(a.values[0].value - claimed) - Math.abs(b.values[0].value - claimed))[0];
          if (closest) {
            // The name is not in the tables for this year: said by name, even when a row has the same amount.
            if (exact) issues.push({ code: "subject-unknown", text: part.name, current: closest.rowLabel, cell: sourceText(closest.values[0].source) });
            else issues.push({ code: "subject-name", text: part.name, current: closest.rowLabel, cell: sourceText(closest.values[0].source) });
            hit = closest;
          }
        }
      }
      if (!hit && level === 2) {
        // A 款 the tables do not hold under this 类: an older name of one of its 款 (said as outdated), else reported
        // by name; then the 项 is looked for in the whole 类. Each name once per text.
        const key = `款:${want}`;
        const renamed = subjectChildren(classCode).find((code) => subjectEntry(code)?.names.some((n) => normName(n.name) === want));
        if (renamed) {
          const row = this.book.row(renamed, scope);
          if (row) hit = row;
          const current = subjectName(renamed, this.year);
          if (current && normName(current) !== want && !this.flaggedNames.has(key) && this.year !== undefined) {
            this.flaggedNames.add(key);
            issues.push({ code: "outdated-name", text: part.name, current });
          }
        } else if (this.book.childrenOf(classCode, 2, scope).length > 0 && !this.flaggedNames.has(key)) {
          this.flaggedNames.add(key);
          issues.push({ code: "subject-unknown", text: part.name, current: "" });
        }
        if (!hit) continue;
      }
      if (!hit) return { issues };
      node = hit;
    }
    return { fact: node, issues };
  }

  private setTopic(fact: Fact | undefined, subject: Subject): void {
    if (fact && !subject.generic) this.topic = { kind: "fact", fact };
  }

  private compare(claimed: number, values: FactValue[]): { ok: boolean; rounding: boolean; best: FactValue } {
    let best = values[0];
    for (const v of values) if (Math.abs(v.value - claimed) < Math.abs(best.value - claimed)) best = v;
    const d = Math.abs(best.value - claimed);
    const v = amountVerdict(d);
    // Far from every candidate: the first (primary) value is the one to suggest.
    return { ok: v === "ok", rounding: v === "near", best: v !== "far" ? best : values[0] };
  }

  /** `scale` 10000 for 亿元: 「0.42亿元」 is right when the 万元 figure rounds to it at the digits written. */
  private amountClaim(clause: string, at: { start: number; end: number }, numStart: number, value: number, digits: number, sentence: number, scale = 1): void {
    const prior = this.priorYearAmount(clause);
    if (prior) return this.priorAmountClaim(prior, at, numStart, value, digits, sentence);
    const subject = subjectOf(clause);
    const res = this.resolveSubject(subject, value, at);
    const fact = res.fact;
    const kind: ClaimKind = subject.budget ? "budget" : "amount";
    // 「年初预算为…」 is never checked against the 调整预算 (nor the reverse); a budget of unknown basis counts.
    const budgets = fact ? fact.budget.filter((b) => !subject.basis || !b.basis || b.basis === subject.basis) : [];
    const values = fact ? (subject.budget ? budgets : fact.values) : [];
    if (!fact || !values.length) {
      this.lastAmount = { fact: subject.budget ? undefined : fact, value, sentence };
      this.setTopic(fact, subject);
      // An explicit subject we cannot place: later 「支出决算为…」 must not fall back to an older topic.
      if (!fact && !subject.generic && subject.name) this.topic = undefined;
      this.unverifiedClaim(kind, at, numStart, value, digits, subject.raw, fact ? "no-budget" : "no-subject");
      return;
    }
    this.setTopic(fact, subject);
    const atPrecision = scale === 1 ? undefined : values.find((v) => Math.abs(roundHalfUp(v.value / scale, digits) * scale - value) < EPS * scale);
    const c = atPrecision ? { ok: true, rounding: false, best: atPrecision } : this.compare(value, values);
    if (!subject.budget) this.lastAmount = { fact, value: c.best.value, sentence };
    this.pushClaim(kind, at, numStart, value, digits, subject.raw || fact.label, c.ok && !res.issues.length, fact);
    const cell = sourceText(c.best.source);
    for (const issue of res.issues) {
      this.report(issue.code, "warning", at, { text: issue.text, current: issue.current, cell: issue.cell, year: this.year }, { ...(issue.current ? { suggestion: issue.current } : {}), cell: issue.cell });
    }
    if (c.ok) return;
    const params = { subject: fact.label, claimed: formatNumber(value, 2) + "万元", expected: formatNumber(c.best.value, 2) + "万元", cell };
    const code: NarrativeMessageCode = subject.budget ? "budget" : c.rounding ? "amount-rounding" : "amount";
    this.report(code, c.rounding ? "warning" : "error", at, params, {
      offset: this.offset(numStart),
      claimed: value,
      expected: c.best.value,
      cell,
      suggestion: formatNumber(c.best.value, 2) + "万元",
    });
  }

  /**
   * 「比预算减少」「较年初预算增加」「与调整预算相比，…」: a change against the budget, not the prior year.
   * Returns the basis ("any" when unnamed), or undefined for a prior-year comparison.
   */
  private budgetComparison(clauseStart: number, clause: string): "initial" | "adjusted" | "any" | undefined {
    const t = this.n.text;
    let prev = clauseStart - 1;
    while (prev > 0 && !isBoundary(t, prev - 1)) prev--;
    // The clause itself, or a preceding 「与年初预算相比」 clause of its own.
    const candidates = [clause];
    if (prev >= 0 && t[clauseStart - 1] !== "。") candidates.push(t.slice(Math.max(prev, 0), clauseStart - 1));
    for (const c of candidates) {
      const m = /(比|较|与)(年初|调整|全年)?预算数?(相比)?$/.exec(c) ?? (c === clause ? null : /^与(年初|调整|全年)?预算数?相比$/.exec(c));
      if (!m) continue;
      const basis = m[0].includes("年初") ? "initial" : m[0].includes("调整") ? "adjusted" : "any";
      return basis;
    }
    return undefined;
  }

  /** A change against the budget: checked against final − budget (closest budget of the named basis); a rate after it stays unverified. */
  private budgetChangeClaim(basis: "initial" | "adjusted" | "any", fact: Fact | undefined, word: string, at: { start: number; end: number }, numStart: number, value: number, digits: number, sentence: number): void {
    this.lastChange = { fact: undefined, claimed: value, up: isUp(word), sentence };
    const budgets = fact ? fact.budget.filter((b) => basis === "any" || !b.basis || b.basis === basis) : [];
    if (!fact || !budgets.length) return this.unverifiedClaim("change", at, numStart, value, digits, fact?.label ?? "", fact ? "no-budget" : "no-subject");
    const final = fact.values[0].value;
    const deltas = budgets.map((b) => change(final, b.value)).sort((a, b) => Math.abs(Math.abs(a) - value) - Math.abs(Math.abs(b) - value));
    const delta = deltas[0];
    const d = Math.abs(Math.abs(delta) - value);
    const wrong = wrongWay(delta, isUp(word));
    const ok = amountVerdict(d) === "ok" && !wrong;
    this.pushClaim("change", at, numStart, value, digits, fact.label, ok, fact);
    if (ok) return;
    const expected = delta === 0 ? "0万元" : changeText(delta);
    const extra = { offset: this.offset(numStart), claimed: value, expected: Math.abs(delta), cell: sourceText(budgets[0].source), suggestion: expected };
    if (wrong) return this.report("direction", "error", at, { subject: fact.label, word, expected }, extra);
    this.report("change", amountVerdict(d) === "near" ? "warning" : "error", at, { subject: fact.label, claimed: formatNumber(value, 2) + "万元", expected: formatNumber(Math.abs(delta), 2) + "万元", cell: extra.cell }, extra);
  }

  /**
   * A stated prior-year amount: 「比上年的315.98万元减少…」, or a clause dated only with another year
   * (「2018年度收、支总计6883.94万元」). Returns the text naming its subject, and whether it is the prior year.
   */
  private priorYearAmount(clause: string): { subjectText: string; priorYear: boolean } | undefined {
    const cmp = /(比|较|与)(上年|(\d{4})年度?)(同期)?(的|为)?$/.exec(clause);
    if (cmp) return { subjectText: clause.slice(0, cmp.index), priorYear: !cmp[3] || this.year === undefined || Number(cmp[3]) === this.year - 1 };
    if (/^上年度?(同期)?(决算数?)?(为|是)?$/.test(clause)) return { subjectText: "", priorYear: true }; // 「…，上年为315.98万元」
    if (this.year === undefined) return undefined;
    const years = Array.from(clause.matchAll(/(\d{4})年/g), (m) => Number(m[1]));
    if (!years.length || years.includes(this.year)) return undefined;
    return { subjectText: clause, priorYear: years.includes(this.year - 1) };
  }

  /** Check a prior-year amount against the prior-year figure (「说明数据」); unverified when there is none. */
  private priorAmountClaim(p: { subjectText: string; priorYear: boolean }, at: { start: number; end: number }, numStart: number, value: number, digits: number, sentence: number): void {
    const subject = subjectOf(p.subjectText);
    let fact: Fact | undefined;
    if (subject.name && !subject.budget) fact = this.resolveSubject(subject, undefined, at).fact;
    else if (!subject.name) fact = (this.lastAmount && this.lastAmount.sentence === sentence ? this.lastAmount.fact : undefined) ?? this.sentenceSubject(at.start);
    if (!fact || !fact.prior || !p.priorYear) return this.unverifiedClaim("amount", at, numStart, value, digits, subject.raw, "no-prior");
    const c = this.compare(value, [fact.prior]);
    this.pushClaim("amount", at, numStart, value, digits, subject.raw || fact.label, c.ok, fact);
    if (c.ok) return;
    const cell = sourceText(fact.prior.source);
    const params = { subject: fact.label, claimed: formatNumber(value, 2) + "万元", expected: formatNumber(fact.prior.value, 2) + "万元", cell };
    this.report(c.rounding ? "amount-rounding" : "amount", c.rounding ? "warning" : "error", at, params, {
      offset: this.offset(numStart),
      claimed: value,
      expected: fact.prior.value,
      cell,
      suggestion: formatNumber(fact.prior.value, 2) + "万元",
    });
  }

  private changeClaim(clause: string, word: string, at: { start: number; end: number }, numStart: number, value: number, digits: number, sentence: number): void {
    const subject = subjectOf(clause);
    const sub = subject.name === "" ? { ...subject, generic: true } : subject;
    const res = this.resolveSubject(sub, undefined, at);
    const fact = res.fact;
    const up = isUp(word);
    const vsBudget = this.budgetComparison(at.start, clause);
    if (vsBudget) return this.budgetChangeClaim(vsBudget, fact, word, at, numStart, value, digits, sentence);
    this.lastChange = { fact, claimed: value, up, sentence };
    if (!fact || !fact.prior) {
      this.unverifiedClaim("change", at, numStart, value, digits, subject.raw, fact ? "no-prior" : "no-subject");
      return;
    }
    this.setTopic(fact, subject);
    const prior = fact.prior.value;
    const deltas = fact.values.map((v) => change(v.value, prior));
    const matching = deltas.find((d) => amountVerdict(Math.abs(Math.abs(d) - value)) === "ok");
    const delta = matching ?? deltas[0];
    const cell = sourceText(fact.prior.source);
    if (wrongWay(delta, up)) {
      this.pushClaim("change", at, numStart, value, digits, fact.label, false, fact);
      this.report("direction", "error", at, { subject: fact.label, word, expected: changeText(delta) }, {
        offset: this.offset(numStart),
        claimed: value,
        expected: Math.abs(delta),
        cell,
        suggestion: changeText(delta),
      });
      return;
    }
    const d = Math.abs(Math.abs(delta) - value);
    const ok = amountVerdict(d) === "ok";
    this.pushClaim("change", at, numStart, value, digits, fact.label, ok, fact);
    if (ok) return;
    this.report("change", amountVerdict(d) === "near" ? "warning" : "error", at, { subject: fact.label, claimed: formatNumber(value, 2) + "万元", expected: formatNumber(Math.abs(delta), 2) + "万元", cell }, {
      offset: this.offset(numStart),
      claimed: value,
      expected: Math.abs(delta),
      cell,
      suggestion: formatNumber(Math.abs(delta), 2) + "万元",
    });
  }

  private percentClaim(clause: string, at: { start: number; end: number }, numStart: number, value: number, digits: number, sentence: number): void {
    const share = /占([^占]*)$/.exec(clause);
    const rate = RATE_WORD.exec(clause);
    const completion = /完成(年初|调整)?预算(数)?(的)?$/.test(clause);
    if (share) {
      const part = this.lastAmount && this.lastAmount.sentence === sentence ? this.lastAmount : undefined;
      // 「占本年支出合计的比重为」「占比」「所占比例为」: the denominator is what stands between 占 and 的比重/比例.
      const denomName = normName(share[1].replace(/(的)?(比重|比例|比)(为|是|达)?$/, "").replace(/的$/, ""));
      let denom: Fact | undefined;
      if (denomName) denom = this.book.byName(denomName);
      else if (part?.fact?.shareOf) denom = this.book.facts.get(part.fact.shareOf);
      if (!part?.fact || !denom) return this.unverifiedClaim("share", at, numStart, value, digits, clause, "share-unknown");
      const total = denom.values[0].value;
      const exact = shareExact(part.value, total) ?? 0;
      return this.checkPercent("share", at, numStart, value, digits, exact, part.fact);
    }
    if (completion) {
      const fromSentence = this.lastAmount && this.lastAmount.sentence === sentence ? this.lastAmount.fact : undefined;
      const fact = fromSentence ?? (this.topic?.kind === "fact" ? this.topic.fact : undefined);
      // 「完成年初预算」 / 「完成调整预算」 name the basis: never check against the other one (a budget of unknown
      // basis still counts); plain 「完成预算」 accepts either.
      const basis = /年初预算/.test(clause) ? "initial" : /调整预算/.test(clause) ? "adjusted" : undefined;
      const budgets = fact ? fact.budget.filter((b) => !basis || !b.basis || b.basis === basis) : [];
      if (!fact || !budgets.length) return this.unverifiedClaim("completion", at, numStart, value, digits, clause, "no-budget");
      const final = fromSentence ? this.lastAmount!.value : fact.values[0].value;
      // Either budget basis (年初 / 调整) may be meant: accept the closer one.
      // the final as a share of the budget; over a zero budget only 0 of 0 means anything
      const options = budgets.map((b) => shareExact(final, b.value) ?? (b.value === 0 && final === 0 ? 0 : undefined)).filter((x): x is number => x !== undefined);
      if (!options.length) return this.unverifiedClaim("completion", at, numStart, value, digits, clause, "budget-zero");
      const exact = options.sort((a, b) => Math.abs(a - value) - Math.abs(b - value))[0];
      return this.checkPercent("completion", at, numStart, value, digits, exact, fact);
    }
    if (rate) {
      const ch = this.lastChange && this.lastChange.sentence === sentence ? this.lastChange : undefined;
      if (!ch) return this.rateWithoutChange(clause, rate[0], rate[1], at, numStart, value, digits, sentence);
      const fact = ch.fact;
      if (!fact) return this.unverifiedClaim("rate", at, numStart, value, digits, clause, "rate-unknown");
      const up = isUp(rate[1]);
      let cur: number | undefined;
      let prior: number | undefined;
      if (fact.prior) {
        prior = fact.prior.value;
        const p = prior;
        cur = fact.values.map((v) => v.value).sort((a, b) => Math.abs(Math.abs(a - p) - ch.claimed) - Math.abs(Math.abs(b - p) - ch.claimed))[0];
      } else {
        // No prior year given: check the rate against the stated change (prior = current ∓ change).
        cur = fact.values[0].value;
        prior = roundHalfUp(cur - (ch.up ? ch.claimed : -ch.claimed), 2);
      }
      const delta = change(cur, prior);
      if (wrongWay(delta, up)) {
        this.pushClaim("rate", at, numStart, value, digits, fact.label, false, fact);
        return this.report("direction", "error", at, { subject: fact.label, word: rate[1], expected: rateWord(delta) }, { offset: this.offset(numStart), claimed: value });
      }
      const exact = changeRateExact(cur, prior);
      return this.checkPercent("rate", at, numStart, value, digits, exact, fact);
    }
    this.unverifiedClaim("percent", at, numStart, value, digits, clause, "percent-unknown");
  }

  /**
   * 「同比下降69.80%」「与上年相比，机关运行经费增长13.55%」: a rate with no amount change before it in the sentence.
   * The subject is named in the clause, or is the amount stated earlier in the sentence; it needs a prior-year value.
   */
  private rateWithoutChange(clause: string, matched: string, word: string, at: { start: number; end: number }, numStart: number, value: number, digits: number, sentence: number): void {
    const subject = subjectOf(clause.slice(0, clause.length - matched.length));
    let fact: Fact | undefined;
    let cur: number | undefined;
    if (subject.name && !subject.budget) fact = this.resolveSubject(subject, undefined, at).fact;
    else if (this.lastAmount && this.lastAmount.sentence === sentence) {
      fact = this.lastAmount.fact;
      cur = this.lastAmount.value;
    }
    if (!fact || !fact.prior) return this.unverifiedClaim("rate", at, numStart, value, digits, clause, "rate-unknown");
    const prior = fact.prior.value;
    const current = cur ?? fact.values[0].value;
    const delta = change(current, prior);
    if (wrongWay(delta, isUp(word))) {
      this.pushClaim("rate", at, numStart, value, digits, fact.label, false, fact);
      return this.report("direction", "error", at, { subject: fact.label, word, expected: rateWord(delta) }, { offset: this.offset(numStart), claimed: value });
    }
    const exact = changeRateExact(current, prior);
    this.checkPercent("rate", at, numStart, value, digits, exact, fact);
  }

  /**
   * A stated percentage against the exact figure: right when it is the half-up value at its written decimals; one
   * unit of its last digit off is 核实 (a truncated or differently rounded figure); more is 强制.
   */
  private checkPercent(kind: ClaimKind, at: { start: number; end: number }, numStart: number, value: number, digits: number, exact: number, fact: Fact): void {
    const { verdict, halfUp, truncated } = percentVerdict(value, digits, exact);
    this.pushClaim(kind, at, numStart, value, digits, fact.label, verdict === "ok", fact);
    if (verdict === "ok") return;
    const offByOne = verdict === "near";
    const extra = { offset: this.offset(numStart), claimed: value, expected: halfUp, suggestion: `${formatNumber(halfUp, digits)}%` };
    if (offByOne) {
      return this.report("percent-truncated", "warning", at, { subject: fact.label, claimed: `${formatNumber(value, digits)}%`, expected: `${formatNumber(halfUp, digits)}%`, word: truncated ? "truncated" : "rounded" }, extra);
    }
    const expected = roundHalfUp(exact, Math.max(digits, 2));
    const code: NarrativeMessageCode = kind === "share" ? "share" : kind === "completion" ? "completion" : "rate";
    this.report(code, "error", at, { subject: fact.label, claimed: `${formatNumber(value, digits)}%`, expected: `${formatNumber(expected, Math.max(digits, 2))}%` }, { ...extra, expected });
  }

  /** Wording checks that need no numbers: contradictions, template remnants, placeholders, % format, 持平. */
  private scanWording(): void {
    const t = this.n.text;
    const each = (re: RegExp, f: (m: RegExpExecArray) => void) => {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(t))) f(m);
    };
    each(/减增加|增减少|增加减少|减少增加|增长下降|下降增长/g, (m) =>
      this.report("typo", "error", { start: m.index, end: m.index + m[0].length }, { text: m[0] }, { suggestion: m[0].startsWith("减") ? m[0].slice(1) : m[0] }),
    );
    for (const hit of findPlaceholders(t)) this.report(hit.kind, "error", { start: hit.start, end: hit.end }, { text: hit.text });
    each(/(?<![\d.])\d+\.\d{3,}%/g, (m) => this.report("percent-decimals", "warning", { start: m.index, end: m.index + m[0].length }, { text: m[0] }));
    each(PERCENT_WITHOUT_SIGN, (m) => this.report("percent-sign", "warning", { start: m.index, end: m.index + m[0].length }, { text: m[0] }));
    each(/持平/g, (m) => this.checkFlat(m.index));
  }

  private checkFlat(i: number): void {
    const t = this.n.text;
    let s = i;
    while (s > 0 && !isBoundary(t, s - 1)) s--;
    const clause = t.slice(s, i);
    if (/预算/.test(clause)) return; // 决算数与预算数持平: budget comparison, checked via 完成预算
    const subject = subjectOf(clause.replace(/与\d{4}年度?$/, "").replace(/基本$/, ""));
    let fact: Fact | undefined;
    if (subject.name) fact = this.book.byName(subject.name);
    if (!fact) {
      // 「因公出国（境）费支出决算持平」 etc. within a sentence about one item
      const m = /^(.*?)(支出)?(决算)?(数)?$/.exec(subject.raw);
      if (m && m[1]) fact = this.book.byName(normName(m[1]));
    }
    if (!fact || !fact.prior) return;
    const prior = fact.prior.value;
    const cur = fact.values[0].value;
    const delta = change(cur, prior);
    if (direction(delta) === "flat") return;
    this.report("flat", "error", { start: s, end: i + 2 }, { subject: fact.label, current: formatNumber(cur, 2) + "万元", expected: changeText(delta) }, {
      expected: delta,
      cell: sourceText(fact.values[0].source),
    });
  }
}

/** A clause without the amounts and placeholders it ends with, scanned from the end (a regex would backtrack). */
function stripTrailingAmounts(piece: string): string {
  let e = piece.length;
  for (;;) {
    const unit = /(亿元|万元|万|元|%)$/.exec(piece.slice(Math.max(0, e - 2), e));
    let k = e - (unit ? unit[1].length : 0);
    const digitsEnd = k;
    while (k > 0 && /[\d,.]/.test(piece[k - 1])) k--;
    if (k < digitsEnd) {
      e = k;
      continue;
    }
    let p = e;
    while (p > 0 && piece[p - 1] === "□") p--;
    if (p < e) {
      e = p;
      continue;
    }
    return piece.slice(0, e);
  }
}

export { findPlaceholders, type PlaceholderHit, type PlaceholderKind } from "./placeholders";

/** Check narrative text against the recognised workbook (and the 「说明数据」 inputs for prior-year figures). */
export function verifyNarrative(text: string, recognition: RecognitionResult, inputs: NarrativeInputs = emptyInputs(), options: VerifyOptions = {}): VerifyResult {
  const style = makeStyle(options.style ?? "sichuan");
  const book = new FactBook(recognition, inputs, style);
  const yearValue = book.resolver.value("年度");
  const year = options.year ?? (yearValue.kind === "number" ? yearValue.value : undefined);
  const v = new Verifier(normalizeNarrativeText(text), book, year, options.lang ?? "zh-CN");
  v.run();
  v.mismatches.sort((a, b) => a.offset - b.offset);
  return { claims: v.claims, mismatches: v.mismatches, unverified: v.unverified };
}
