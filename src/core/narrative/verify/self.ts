/**
 * The narrative checked against itself (no workbook): the parts of a list add up to its total, shares recompute
 * from the stated amounts, a change equals current − prior and agrees with its rate, a completion rate recomputes
 * from the stated budget and final amount, shares of one list add to 100 %, an item stated twice agrees, and the
 * document's year is used consistently. All arithmetic runs on the intervals the written numbers stand for.
 */
import { narrativeMessage, type NarrativeMessageCode, type NarrativeMessageParams } from "../../i18n/narrative";
import type { Lang } from "../../i18n/lang";
import { originalRange } from "./normalize";
import { findPaths, type Scanned, type Token } from "./scan";
import { subjectOf } from "./subject";
import { agreement, percentInterval, shown, subInterval, addInterval, sumIntervals, numText, type Interval, type Agreement } from "./tolerance";
import type { CheckId } from "./checks";

/** A finding of the text-only checks: shaped like a 核对 mismatch, with the arithmetic as text. */
export interface TextFinding {
  checkId: CheckId;
  code: NarrativeMessageCode;
  excerpt: string;
  offset: number;
  claimed?: number;
  expected?: number;
  /** The arithmetic behind `expected`, e.g. 「1.2 ÷ 24.00 × 100 = 5.00」. */
  arithmetic?: string;
  severity: "error" | "warning";
  message: string;
  suggestion?: string;
}

/** Collects findings with excerpts and original offsets. */
export class FindingSink {
  readonly findings: TextFinding[] = [];
  constructor(
    readonly s: Scanned,
    readonly lang: Lang,
  ) {}

  excerpt(start: number, end: number): string {
    const r = originalRange(this.s.n, start, end);
    return this.s.n.original.slice(r.start, r.end).replace(/\s+/g, " ").trim();
  }

  add(checkId: CheckId, code: NarrativeMessageCode, severity: "error" | "warning", at: { start: number; end: number; offsetAt?: number }, params: NarrativeMessageParams, extra: Partial<TextFinding> = {}): void {
    this.findings.push({
      checkId,
      code,
      excerpt: this.excerpt(at.start, at.end),
      offset: this.s.n.map[at.offsetAt ?? at.start],
      severity,
      message: narrativeMessage(code, params, this.lang),
      ...extra,
    });
  }
}

const sev = (a: Agreement): "error" | "warning" => (a === "far" ? "error" : "warning");
const pct = (v: number, d: number) => `${numText(v, d)}%`;
const wanText = (t: Token) => numText(t.wan, t.unit === "元" ? t.decimals + 4 : t.unit === "亿元" ? Math.max(0, t.decimals - 4) : t.decimals);

/** Loose item name for matching two mentions: no 支出/经费/费 endings, no quotes. */
export function looseName(clause: string): string {
  return subjectOf(clause)
    .name.replace(/^[\d.、．]+/, "")
    .replace(/(决算数?|支出|经费|费用|费)+$/, "");
}

function isAmount(t: Token): boolean {
  return t.unit === "万元" || t.unit === "元" || t.unit === "亿元" || t.unit === "bare";
}

/** Runs the self-consistency checks over a scanned narrative. */
export class SelfChecker {
  private readonly bySentence: Token[][] = [];
  /** Tokens some check compared with another stated number. */
  readonly checked = new Set<Token>();
  private mark(...ts: (Token | undefined)[]): void {
    for (const t of ts) if (t) this.checked.add(t);
  }

  constructor(
    readonly s: Scanned,
    readonly sink: FindingSink,
    readonly year: number | undefined,
  ) {
    for (const tok of s.tokens) (this.bySentence[tok.sentence] ??= []).push(tok);
  }

  private sentenceText(i: number): string {
    const r = this.s.sentences[i];
    return r ? this.s.n.text.slice(r.start, r.end) : "";
  }

  run(): void {
    for (let i = 0; i < this.s.sentences.length; i++) this.lists(i);
    this.namedShares();
    this.changes();
    this.completions();
    this.repeatedItems();
  }

  /** Level-1 section index of a normalised offset (headings of level ≤ 1 open a section). */
  private sectionOf(offset: number): number {
    let k = -1;
    for (let i = 0; i < this.s.headings.length; i++) if (this.s.headings[i].level <= 1 && this.s.headings[i].start <= offset) k = i;
    return k;
  }

  /** 「…合计X万元，其中：A万元，占a%；B万元，占b%」: the parts add to the total, the shares recompute and add to 100 %. */
  private lists(si: number): void {
    const toks = this.bySentence[si];
    if (!toks?.length) return;
    const t = this.s.n.text;
    const sent = this.s.sentences[si];
    const text = t.slice(sent.start, sent.end);
    const marker = /其中[：:，,]|主要用于以下方面[：:]?|具体情况如下[：:]/.exec(text);
    if (!marker) return;
    const L = sent.start + marker.index;
    const afterL = sent.start + marker.index + marker[0].length;
    let total = [...toks].reverse().find((x) => x.numStart < L && x.role === "amount" && isAmount(x));
    if (!total && marker.index <= 1) {
      // 「…基本支出14,206万元。其中：人员经费…」: the total closes the previous sentence.
      const prev = this.bySentence[si - 1];
      const last = prev?.[prev.length - 1];
      if (last && last.role === "amount" && isAmount(last) && this.s.sentences[si - 1].end - last.end <= 1) total = last;
    }
    if (!total) return;
    // A second 其中 opens a nested list: the first list stops there.
    const nested = /其中[：:，,]/.exec(t.slice(afterL, sent.end));
    const stop = nested ? afterL + nested.index : sent.end;
    const parts: Token[] = [];
    const shares: { part: Token; share: Token }[] = [];
    let depth = 0;
    let last = afterL;
    for (const x of toks) {
      if (x.numStart < afterL || x.numStart >= stop) continue;
      for (let i = last; i < x.numStart; i++) {
        if (t[i] === "（") depth++;
        else if (t[i] === "）" && depth > 0) depth--;
      }
      last = x.numStart;
      if (depth > 0) continue; // 「（含外宾接待支出0万元）」: a part of a part
      if (/合计|总计|总额/.test(x.clause)) break; // another total: the list has ended
      if (x.role === "amount" && isAmount(x) && x.unit !== "bare") parts.push(x);
      else if (x.role === "share" && parts.length && /占(比|比重)?(为|是)?$/.test(x.clause) && x.clauseStart > parts[parts.length - 1].numStart) {
        shares.push({ part: parts[parts.length - 1], share: x });
      }
    }
    if (parts.length < 2) return;
    this.mark(total, ...parts);
    const sum = sumIntervals(parts.map((p) => p.iv));
    const meets = sum.lo <= total.iv.hi + 1e-9 && sum.hi >= total.iv.lo - 1e-9;
    const sumText = `${parts.map(wanText).join(" + ")} = ${numText((sum.lo + sum.hi) / 2, 2)}`;
    if (!meets) {
      const over = sum.lo > total.iv.hi;
      this.sink.add(
        "V-S01",
        "self-sum",
        over ? "error" : "warning",
        { start: total.clauseStart, end: parts[parts.length - 1].end, offsetAt: total.numStart },
        { subject: this.label(total) || "合计", claimed: `${wanText(total)}万元`, expected: `${numText((sum.lo + sum.hi) / 2, 2)}万元` },
        { claimed: total.wan, expected: shown(sum, 2), arithmetic: sumText },
      );
    }
    for (const { part, share } of shares) this.checkShare(part, total, share);
    if (meets && shares.length === parts.length && shares.length >= 2) {
      const sumShares = sumIntervals(shares.map((x) => x.share.iv));
      if (sumShares.lo > 100 + 1e-9 || sumShares.hi < 100 - 1e-9) {
        const stated = shares.reduce((a, x) => a + x.share.value, 0);
        const d = Math.max(...shares.map((x) => x.share.decimals));
        this.sink.add(
          "V-S03",
          "self-share-total",
          "warning",
          { start: shares[0].share.clauseStart, end: shares[shares.length - 1].share.end, offsetAt: shares[0].share.numStart },
          { claimed: pct(stated, d), expected: "100%" },
          { claimed: Number(stated.toFixed(d)), expected: 100, arithmetic: `${shares.map((x) => numText(x.share.value, x.share.decimals)).join(" + ")} = ${numText(stated, d)}` },
        );
      }
    }
  }

  private checkShare(part: Token, total: Token, share: Token): void {
    const iv = percentInterval(part.iv, total.iv);
    if (!iv) return;
    this.mark(part, total, share);
    const a = agreement(share.value, share.decimals, iv);
    if (a === "ok") return;
    const d = Math.max(share.decimals, 2);
    const exp = shown(iv, d);
    this.sink.add(
      "V-S02",
      "self-share",
      sev(a),
      { start: part.clauseStart, end: share.end, offsetAt: share.numStart },
      { subject: this.label(part), claimed: pct(share.value, share.decimals), expected: pct(exp, d) },
      {
        claimed: share.value,
        expected: exp,
        arithmetic: `${wanText(part)} ÷ ${wanText(total)} × 100 = ${numText(exp, d)}`,
        suggestion: pct(shown(iv, share.decimals), share.decimals),
      },
    );
  }

  /** 「…占本年支出合计的99.88%」: the named denominator stated elsewhere in the text. */
  private namedShares(): void {
    const toks = this.s.tokens;
    for (let i = 1; i < toks.length; i++) {
      const sh = toks[i];
      if (sh.role !== "share") continue;
      const m = /占(.+?)(的)?(比重|比例)?(为|是)?$/.exec(sh.clause);
      if (!m || !m[1]) continue;
      const denomName = looseName(m[1]);
      if (denomName.length < 3) continue;
      const part = toks[i - 1];
      if (part.sentence !== sh.sentence || !isAmount(part) || part.role !== "amount") continue;
      const denom = toks.find((x) => x !== part && x.role === "amount" && isAmount(x) && x.numStart < part.numStart + 1e9 && matchesName(looseName(x.clause), denomName));
      if (!denom) continue;
      this.checkShare(part, denom, sh);
    }
  }

  /** The current-year amount a change or rate refers to: same item named earlier in the section, else the amount just before. */
  private currentOf(change: Token): Token | undefined {
    const name = looseName(change.clause.replace(/(增加|减少|下降|降低|增长|上升)了?$/, ""));
    const section = this.sectionOf(change.numStart);
    const before = this.s.tokens.filter((x) => x.numStart < change.numStart && x.role === "amount" && isAmount(x) && x.unit !== "bare" && this.sectionOf(x.numStart) === section);
    if (name) {
      for (let i = before.length - 1; i >= 0; i--) if (matchesName(this.subjectName(before[i]), name)) return before[i];
      return undefined;
    }
    // 「比上年增加…」 with no subject: the amount stated just before in the same or the previous sentence.
    const last = before[before.length - 1];
    return last && last.sentence >= change.sentence - 1 ? last : undefined;
  }

  /** The item a token states, following 「…年初预算为X，支出决算为Y」 back to the clause that names it. */
  private subjectName(tok: Token): string {
    const own = looseName(tok.clause);
    if (own) return own;
    const toks = this.bySentence[tok.sentence] ?? [];
    for (let i = toks.indexOf(tok) - 1; i >= 0; i--) {
      const n = looseName(toks[i].clause.replace(/(年初|全年|调整)?预算数?(为|是)?$/, ""));
      if (n) return n;
    }
    return "";
  }

  /** A name to show for the item of a token: its subject, else the 类/款/项 path or heading it falls under. */
  private label(tok: Token): string {
    const name = this.subjectName(tok);
    if (name) return name;
    const t = this.s.n.text;
    const h = [...this.s.headings].reverse().find((x) => x.start <= tok.numStart);
    const from = h ? h.start : 0;
    const paths = findPaths(t, from, tok.clauseStart);
    if (paths.length) return paths[paths.length - 1].text.replace(/^[\d.、．“”"]+/, "").replace(/[“”"]/g, "");
    return h ? h.title.replace(/^[（(]?[一二三四五六七八九十]+[、）)]/, "") : "";
  }

  /** Change = current − prior; the rate agrees with the change and the prior it implies. */
  private changes(): void {
    const toks = this.s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const c = toks[i];
      if (c.role !== "change" || !isAmount(c) || /预算/.test(c.clause)) continue;
      const cur = this.currentOf(c);
      const sentence = this.bySentence[c.sentence] ?? [];
      const prior = [...sentence].reverse().find((x) => x.role === "prior" && x.numStart < c.numStart && isAmount(x));
      let priorIv: Interval | undefined;
      if (prior && cur) {
        this.mark(c, cur, prior);
        const delta = subInterval(cur.iv, prior.iv);
        const abs: Interval = delta.lo >= 0 ? delta : delta.hi <= 0 ? { lo: -delta.hi, hi: -delta.lo } : { lo: 0, hi: Math.max(-delta.lo, delta.hi) };
        const a = agreement(c.value, c.decimals, { lo: abs.lo / c.scale, hi: abs.hi / c.scale });
        const wrongWay = (delta.lo > 0 && !c.up) || (delta.hi < 0 && c.up);
        if (a !== "ok" || wrongWay) {
          const exp = shown(delta, 2);
          this.sink.add(
            "V-S04",
            "self-change",
            wrongWay ? "error" : sev(a),
            { start: c.clauseStart, end: c.end, offsetAt: c.numStart },
            { subject: this.label(c), claimed: `${c.up ? "增加" : "减少"}${wanText(c)}万元`, expected: `${exp >= 0 ? "增加" : "减少"}${numText(Math.abs(exp), 2)}万元` },
            { claimed: c.wan, expected: Math.abs(exp), arithmetic: `${wanText(cur)} − ${wanText(prior)} = ${numText(exp, 2)}` },
          );
        }
        priorIv = prior.iv;
      } else if (cur) priorIv = c.up ? subInterval(cur.iv, c.iv) : addInterval(cur.iv, c.iv);
      const rate = toks[i + 1];
      if (!rate || rate.role !== "rate" || rate.sentence !== c.sentence || !priorIv || !cur) continue;
      if (this.s.n.text.slice(c.end, rate.clauseStart).length > 4) continue; // the rate must follow its change
      const iv = percentInterval(c.iv, priorIv);
      if (!iv) continue; // prior may be 0: 「增长100%」 by convention
      this.mark(c, cur, rate);
      const a = agreement(rate.value, rate.decimals, iv);
      if (a === "ok") continue;
      const d = Math.max(rate.decimals, 2);
      const exp = shown(iv, d);
      const priorText = prior ? wanText(prior) : `${wanText(cur)} ${c.up ? "−" : "+"} ${wanText(c)}`;
      this.sink.add(
        "V-S05",
        "self-rate",
        sev(a),
        { start: c.clauseStart, end: rate.end, offsetAt: rate.numStart },
        { subject: this.label(c), claimed: pct(rate.value, rate.decimals), expected: pct(exp, d) },
        {
          claimed: rate.value,
          expected: exp,
          arithmetic: `${wanText(c)} ÷ (${priorText}) × 100 = ${numText(exp, d)}`,
          suggestion: pct(shown(iv, rate.decimals), rate.decimals),
        },
      );
    }
  }

  /** 「年初预算为B，支出决算为F，完成年初预算的R%」: R = F ÷ B × 100; a rate over a zero budget is wrong. */
  private completions(): void {
    for (const toks of this.bySentence) {
      if (!toks) continue;
      let from = 0;
      for (let i = 0; i < toks.length; i++) {
        const r = toks[i];
        if (r.unit === "%" && r.role !== "completion") from = i + 1;
        if (r.role !== "completion") continue;
        const nearby = toks.slice(from, i);
        from = i + 1;
        // 「完成年初预算的」 / 「完成调整预算的」 name the budget: the one stated with that word, else the last one.
        const basis = /年初/.test(r.clause) ? "年初" : /调整|全年/.test(r.clause) ? "调整|全年" : undefined;
        const budgets = nearby.filter((x) => x.role === "budget");
        const budget = [...budgets].reverse().find((x) => basis !== undefined && new RegExp(basis).test(x.clause)) ?? budgets[budgets.length - 1];
        const final = [...nearby].reverse().find((x) => x.role === "amount" && isAmount(x) && x.unit !== "bare");
        if (!budget || !final) continue;
        this.mark(budget, final, r);
        if (budget.value === 0) {
          this.sink.add("V-W02", "completion-zero-budget", "error", { start: budget.clauseStart, end: r.end, offsetAt: r.numStart }, { claimed: pct(r.value, r.decimals) }, { claimed: r.value });
          continue;
        }
        const iv = percentInterval(final.iv, budget.iv);
        if (!iv) continue;
        const a = agreement(r.value, r.decimals, iv);
        if (a === "ok") continue;
        const d = Math.max(r.decimals, 2);
        const exp = shown(iv, d);
        this.sink.add(
          "V-S06",
          "self-completion",
          sev(a),
          { start: budget.clauseStart, end: r.end, offsetAt: r.numStart },
          { subject: this.label(final), claimed: pct(r.value, r.decimals), expected: pct(exp, d) },
          { claimed: r.value, expected: exp, arithmetic: `${wanText(final)} ÷ ${wanText(budget)} × 100 = ${numText(exp, d)}`, suggestion: pct(shown(iv, r.decimals), r.decimals) },
        );
      }
    }
  }

  /**
   * An item stated twice agrees: the amount after a 类/款/项 path and the 「支出决算为…」 of the same item, and the
   * same path stated in two places.
   */
  private repeatedItems(): void {
    const t = this.s.n.text;
    const paths = findPaths(t).map((p) => ({ start: p.start, end: p.end, key: p.text.replace(/^[\d.、．“”"]+/, "").replace(/[“”"]/g, "") }));
    const stops = [...this.s.headings.map((h) => h.start), ...paths.map((p) => p.start)].sort((a, b) => a - b);
    const firstByKey = new Map<string, Token>();
    for (const p of paths) {
      const nextStop = stops.find((x) => x > p.start) ?? t.length;
      const block = this.s.tokens.filter((x) => x.numStart >= p.end && x.numStart < nextStop && x.role === "amount" && isAmount(x) && x.unit !== "bare");
      // Amounts of the item itself: right after the path, or 「(支出)决算(数)为」 with no other subject.
      const own = block.filter((x) => x.clauseStart <= p.end + 2 || /^(支出)?决算(数)?(为|是)?$/.test(x.clause) || /^[”"]/.test(x.clause));
      if (!own.length) continue;
      const first = own[0];
      for (const x of own.slice(1)) this.compareRepeat(first, x, p.key, "error");
      const earlier = firstByKey.get(p.key);
      if (earlier) this.compareRepeat(earlier, first, p.key, "warning");
      else firstByKey.set(p.key, first);
    }
  }

  private compareRepeat(a: Token, b: Token, item: string, severity: "error" | "warning"): void {
    this.mark(a, b);
    if (a.iv.lo <= b.iv.hi + 1e-9 && b.iv.lo <= a.iv.hi + 1e-9) return;
    this.sink.add(
      "V-S07",
      "self-repeat",
      severity,
      { start: b.clauseStart, end: b.end, offsetAt: b.numStart },
      { subject: item, claimed: `${wanText(b)}万元`, expected: `${wanText(a)}万元` },
      { claimed: b.wan, expected: a.wan, arithmetic: `${item}：${wanText(a)} ≠ ${wanText(b)}` },
    );
  }
}

/** Two loose names of one item: equal, or one ends with the other (a unit name before 「收入支出总计」). */
export function matchesName(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.endsWith(short);
}
