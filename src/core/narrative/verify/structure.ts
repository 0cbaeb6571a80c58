/**
 * What reviewers look at first, from the text alone: the template's sections present and in order, the items of
 * 其他重要事项, empty fund / “三公” sections that say so, a reason after every change and budget difference, and
 * the wording against the stated numbers (决算数大于预算数, 持平, template alternatives, year and unit slips).
 */
import type { Heading, Scanned, Token } from "./scan";
import type { FindingSink } from "./self";
import { findPlaceholders } from "./placeholders";
import { isBoundary } from "./subject";

export type TemplateId = "sichuan" | "shanghai";

interface SectionSpec {
  key: string;
  /** Title phrase that identifies the section. */
  match: RegExp;
  name: string;
}

const COMMON: SectionSpec[] = [
  { key: "s1", match: /收入支出决算总体情况/, name: "收入支出决算总体情况说明" },
  { key: "s2", match: /^[一二三四五六七八九十]+、收入决算情况/, name: "收入决算情况说明" },
  { key: "s3", match: /^[一二三四五六七八九十]+、支出决算情况/, name: "支出决算情况说明" },
  { key: "s4", match: /财政拨款收入支出决算总体情况/, name: "财政拨款收入支出决算总体情况说明" },
  { key: "s5", match: /一般公共预算财政拨款支出决算情况/, name: "一般公共预算财政拨款支出决算情况说明" },
  { key: "s6", match: /一般公共预算财政拨款基本支出决算情况/, name: "一般公共预算财政拨款基本支出决算情况说明" },
  { key: "s7", match: /三公/, name: "“三公”经费财政拨款支出决算情况说明" },
  { key: "s8", match: /政府性基金/, name: "政府性基金预算（财政拨款收入）支出决算情况说明" },
  { key: "s9", match: /国有资本经营/, name: "国有资本经营预算（财政拨款收入）支出决算情况说明" },
];

const TEMPLATES: Record<TemplateId, SectionSpec[]> = {
  sichuan: [...COMMON, { key: "s10", match: /其他重要事项/, name: "其他重要事项的情况说明" }],
  shanghai: [...COMMON, { key: "perf", match: /预算绩效管理/, name: "预算绩效管理情况" }, { key: "s11", match: /其他重要事项/, name: "其他重要事项的情况说明" }],
};

const REASON = /原因|由于|因为|主要是|系因/;

/** Which template a narrative follows: Shanghai when its sections include 预算绩效管理情况 or 十一、其他重要事项. */
export function detectTemplate(s: Scanned): TemplateId {
  const titles = narrativePart(s)
    .headings.filter((h) => h.level === 1)
    .map((h) => h.title);
  if (titles.some((t) => /^[一二三四五六七八九十]+、预算绩效管理情况/.test(t) || /^十一、其他重要事项/.test(t) || /^[一二三四五六七八九十]+、财政拨款“三公”/.test(t))) return "shanghai";
  return "sichuan";
}

/** The 情况说明 part: from its first section to the next 第X部分 / 名词解释 / 附件 heading. */
function narrativePart(s: Scanned): { start: number; end: number; headings: Heading[] } {
  const hs = s.headings;
  const first = hs.findIndex((h) => h.level === 1 && /收入支出决算总体情况/.test(h.title));
  if (first < 0) return { start: 0, end: s.n.text.length, headings: hs };
  let last = hs.length;
  for (let i = first + 1; i < hs.length; i++) {
    if (hs[i].level === 0 || /名词解释|附件|附表/.test(hs[i].title)) {
      last = i;
      break;
    }
  }
  return { start: hs[first].start, end: last < hs.length ? hs[last].start : s.n.text.length, headings: hs.slice(first, last) };
}

export class StructureChecker {
  constructor(
    readonly s: Scanned,
    readonly sink: FindingSink,
    readonly template: TemplateId,
    readonly year: number | undefined,
  ) {}

  run(): void {
    const part = narrativePart(this.s);
    const level1 = part.headings.filter((h) => h.level === 1);
    // Only a text that is a 情况说明 (it has at least its first section) is held against the template.
    if (level1.some((h) => /收入支出决算总体情况/.test(h.title))) {
      this.sections(level1, part);
      this.subNumbering(part.headings);
      this.otherItems(level1, part);
      this.emptySections(level1, part);
    }
    this.reasons();
    this.wording();
    this.yearSlips();
    this.unitSlips();
  }

  private sectionEnd(level1: Heading[], h: Heading, part: { end: number }): number {
    const i = level1.indexOf(h);
    return i + 1 < level1.length ? level1[i + 1].start : part.end;
  }

  private sections(level1: Heading[], part: { start: number; end: number }): void {
    const specs = TEMPLATES[this.template];
    const found: { spec: SectionSpec; h: Heading }[] = [];
    for (const spec of specs) {
      // s4 also matches 「财政拨款收入支出决算总体情况」 only; s1 must not take it.
      const h = level1.find((x) => spec.match.test(x.title) && !(spec.key === "s1" && /财政拨款/.test(x.title)) && !(spec.key === "s5" && /基本支出/.test(x.title)));
      if (h) found.push({ spec, h });
      else {
        this.sink.add("N-S01", "section-missing", "warning", { start: part.start, end: Math.min(part.start + 12, part.end) }, { text: spec.name, word: this.template === "shanghai" ? "上海" : "四川" });
      }
    }
    // 名词解释 is a part of the whole document (第四部分): asked for only when the text is the whole disclosure.
    const wholeDocument = new Set(this.s.headings.filter((h) => h.level === 0).map((h) => h.ordinal)).size >= 2;
    if (this.template === "shanghai" && wholeDocument && !/名词解释/.test(this.s.n.text)) {
      this.sink.add("N-S01", "section-missing", "warning", { start: part.start, end: Math.min(part.start + 12, part.end) }, { text: "名词解释", word: "上海" });
    }
    for (let i = 1; i < found.length; i++) {
      if (found[i].h.start < found[i - 1].h.start) {
        this.sink.add("N-S02", "section-order", "warning", { start: found[i].h.start, end: found[i].h.end }, { text: found[i].h.title, current: found[i - 1].h.title });
      }
    }
  }

  /** （一）（二）… within each section: consecutive, none repeated. */
  private subNumbering(headings: Heading[]): void {
    let expected = 1;
    for (const h of headings) {
      if (h.level <= 1) {
        expected = 1;
        continue;
      }
      if (h.ordinal !== expected) {
        this.sink.add("N-S02", "sub-numbering", "warning", { start: h.start, end: h.end }, { text: h.title, expected: `（${"一二三四五六七八九十"[expected - 1] ?? expected}）` });
      }
      expected = h.ordinal + 1;
    }
  }

  private otherItems(level1: Heading[], part: { end: number }): void {
    const h = level1.find((x) => /其他重要事项/.test(x.title));
    if (!h) return;
    const body = this.s.n.text.slice(h.start, this.sectionEnd(level1, h, part));
    const at = { start: h.start, end: h.end };
    const need = (ok: boolean, text: string) => {
      if (!ok) this.sink.add("N-S03", "item-missing", "warning", at, { text });
    };
    need(/机关运行经费/.test(body), "机关运行经费");
    const procurement = /政府采购/.test(body);
    need(procurement, "政府采购");
    if (procurement && !/无政府采购|未发生政府采购|没有政府采购/.test(body)) {
      need(/货物/.test(body) && /工程/.test(body) && /服务/.test(body), "政府采购的货物、工程、服务金额");
      need(/中小企业/.test(body), "授予（面向）中小企业的金额");
      need(/小微企业/.test(body), "授予（面向）小微企业的金额");
      if (this.template === "sichuan") need(/中小企业[^。]*占[^。]*%/.test(body), "授予中小企业合同金额占政府采购支出总额的比例");
    }
    const assets = /国有资产占有使用/.test(body);
    need(assets, "国有资产占有使用情况");
    if (assets) {
      need(/车辆|公务用车|用车/.test(body), "车辆数");
      need(/单价\d+万元(（含）)?以上/.test(body), "单价50万元（上海：100万元）以上设备");
    }
    if (this.template === "sichuan") need(/绩效/.test(body), "预算绩效管理情况");
  }

  /** An empty 政府性基金 / 国有资本经营 / “三公” section must say the unit has none. */
  private emptySections(level1: Heading[], part: { end: number }): void {
    for (const h of level1) {
      if (!/政府性基金|国有资本经营|三公/.test(h.title)) continue;
      const end = this.sectionEnd(level1, h, part);
      const amounts = this.s.tokens.filter((t) => t.numStart >= h.end && t.numStart < end && t.unit !== "%" && t.unit !== "count");
      if (amounts.some((t) => t.value !== 0)) continue;
      const body = this.s.n.text.slice(h.end, end);
      if (/(无|没有|未发生|未安排|不涉及)[^。]{0,40}(收入|支出|经费|拨款)|本表无数据|空表/.test(body)) continue;
      this.sink.add("N-S04", "empty-statement", "warning", { start: h.start, end: h.end }, { text: h.title.replace(/^[一二三四五六七八九十]+、/, "") });
    }
  }

  private nextStop(after: number): number {
    const h = this.s.headings.find((x) => x.start > after);
    return h ? h.start : this.s.n.text.length;
  }

  /** Is there a reason between `from` and the end of the item (next heading or 类/款/项 path, at most 4 sentences)? */
  private hasReason(from: number, sentence: number): boolean {
    const stop = this.nextStop(from);
    const sEnd = this.s.sentences[Math.min(sentence + 3, this.s.sentences.length - 1)]?.end ?? stop;
    let text = this.s.n.text.slice(from, Math.min(stop, sEnd));
    const path = /（类）[^。]*（(款|项)）/.exec(text);
    if (path) text = text.slice(0, path.index);
    return REASON.test(text);
  }

  private reasons(): void {
    const reported = new Set<number>();
    for (const t of this.s.tokens) {
      if (t.role !== "change" || t.value === 0 || /预算/.test(t.clause) || reported.has(t.sentence)) continue;
      const sentence = this.s.sentences[t.sentence];
      if (/原因/.test(this.s.n.text.slice(sentence.start, t.clauseStart))) continue;
      if (this.hasReason(t.clauseStart, t.sentence)) continue;
      reported.add(t.sentence);
      this.sink.add("N-R01", "missing-reason", "warning", { start: t.clauseStart, end: t.end, offsetAt: t.numStart }, { text: "与上年相比的增减" });
    }
    for (const pair of this.budgetPairs()) {
      const { budget, final } = pair;
      const differ = final.iv.lo > budget.iv.hi || final.iv.hi < budget.iv.lo;
      if (!differ) continue;
      const from = Math.max(budget.end, final.end);
      const reason = this.hasReason(from, Math.max(budget.sentence, final.sentence));
      if (!reason) {
        this.sink.add("N-R02", "missing-reason", "warning", { start: budget.clauseStart, end: final.end, offsetAt: final.numStart }, { text: "决算数与预算数的差异" });
        const base = budget.wan;
        if (base > 0 && Math.abs(final.wan - base) / base > 0.3) {
          this.sink.add("V-W07", "deviation-no-reason", "warning", { start: budget.clauseStart, end: final.end, offsetAt: final.numStart }, { claimed: `${((Math.abs(final.wan - base) / base) * 100).toFixed(2)}%` });
        }
      }
      if (pair.sangong && final.iv.lo > budget.iv.hi) {
        this.sink.add("V-W06", "sangong-over-budget", "warning", { start: budget.clauseStart, end: final.end, offsetAt: final.numStart }, { claimed: `${final.value}`, expected: `${budget.value}` });
      }
    }
  }

  /** 「年初预算为B…，支出决算为F…」 pairs in one sentence, in the order stated. */
  private budgetPairs(): { budget: Token; final: Token; sangong: boolean }[] {
    const out: { budget: Token; final: Token; sangong: boolean }[] = [];
    const toks = this.s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const b = toks[i];
      if (b.role !== "budget") continue;
      const f = toks.slice(i + 1, i + 3).find((x) => x.sentence === b.sentence && x.role === "amount" && x.unit !== "%" && x.unit !== "count" && x.unit !== "bare");
      if (!f) continue;
      const h = [...this.s.headings].reverse().find((x) => x.level === 1 && x.start <= b.numStart);
      out.push({ budget: b, final: f, sangong: !!h && /三公/.test(h.title) });
    }
    return out;
  }

  private wording(): void {
    const t = this.s.n.text;
    // 决算数大于 / 小于 / 等于（持平）预算数 against the last budget and final stated before it.
    const re = /决算数?(大于|小于|等于|与预算数?(基本)?持平)(预算数?)?/g;
    let m: RegExpExecArray | null;
    const pairs = this.budgetPairs();
    while ((m = re.exec(t))) {
      const at = m.index;
      if (/（/.test(t.slice(at + m[0].length, at + m[0].length + 1)) && /大于|小于/.test(m[1])) continue; // 大于（小于）: a template remnant
      const nearest = [...pairs].reverse().find((p) => p.final.end <= at && this.nextStop(p.final.end) >= at && at - p.final.end < 200);
      if (!nearest) continue;
      // 年初 and 调整 budgets may both be stated: the wording is wrong only if it is wrong against each of them.
      const sameFinal = pairs.filter((p) => p.final === nearest.final);
      const word = m[1];
      const verdicts = sameFinal.map((pair) => {
        const lo = pair.final.iv.lo - pair.budget.iv.hi;
        const hi = pair.final.iv.hi - pair.budget.iv.lo;
        let wrong = false;
        if (word === "大于") wrong = hi <= 0;
        else if (word === "小于") wrong = lo >= 0;
        else if (!m![2]) wrong = lo > 0 || hi < 0;
        return { wrong, actual: lo > 0 ? "大于" : hi < 0 ? "小于" : "等于", pair };
      });
      if (verdicts.every((v) => v.wrong)) {
        const v = verdicts[verdicts.length - 1];
        this.sink.add("V-W01", "budget-direction", "error", { start: at, end: at + m[0].length }, { word: m[0], expected: `决算数${v.actual}预算数`, claimed: `${v.pair.final.value}`, current: `${v.pair.budget.value}` });
      }
    }
    // 持平 with a non-zero change of the same item: in the change's own clause, or the clause just before a
    // subject-less change (「…总计持平，增加3.2万元」).
    for (const tok of this.s.tokens) {
      if ((tok.role !== "change" && tok.role !== "rate") || tok.value === 0) continue;
      let e = tok.end;
      while (e < t.length && !isBoundary(t, e)) e++;
      let s0 = tok.clauseStart;
      const own = t.slice(tok.clauseStart, tok.numStart).replace(/(增加|减少|下降|降低|增长|上升)了?$/, "");
      if (own === "" && s0 > 0 && !/[。]/.test(t[s0 - 1])) {
        s0--;
        while (s0 > 0 && !isBoundary(t, s0 - 1)) s0--;
      }
      const clause = t.slice(s0, e);
      if (/持平/.test(clause) && !/基本持平/.test(clause)) this.sink.add("V-W03", "flat-change", "error", { start: s0, end: e, offsetAt: tok.numStart }, { text: clause });
    }
    for (const hit of findPlaceholders(t)) {
      this.sink.add(hit.kind === "template-remnant" ? "V-W04" : "V-W09", hit.kind, "error", { start: hit.start, end: hit.end }, { text: hit.text });
    }
    const each = (r: RegExp, f: (m: RegExpExecArray) => void) => {
      r.lastIndex = 0;
      let x: RegExpExecArray | null;
      while ((x = r.exec(t))) f(x);
    };
    each(/减增加|增减少|增加减少|减少增加|增长下降|下降增长/g, (x) => this.sink.add("V-W08", "typo", "error", { start: x.index, end: x.index + x[0].length }, { text: x[0] }));
    each(/(?<![\d.])\d+\.\d{3,}%/g, (x) => this.sink.add("V-W10", "percent-decimals", "warning", { start: x.index, end: x.index + x[0].length }, { text: x[0] }));
    each(PERCENT_WITHOUT_SIGN, (x) => this.sink.add("V-W11", "percent-sign", "warning", { start: x.index, end: x.index + x[0].length }, { text: x[0] }));
  }

  /** The document's year: comparisons name the prior year, statements of this year's figures this year. */
  private yearSlips(): void {
    const y = this.year;
    if (y === undefined) return;
    const t = this.s.n.text;
    const each = (r: RegExp, f: (m: RegExpExecArray) => void) => {
      r.lastIndex = 0;
      let x: RegExpExecArray | null;
      while ((x = r.exec(t))) f(x);
    };
    each(/(与|比|较)(\d{4})年度?(相比|同期)?/g, (x) => {
      const yr = Number(x[2]);
      if (yr !== y - 1) this.sink.add("V-S08", "year-slip", "warning", { start: x.index, end: x.index + x[0].length }, { text: x[0], year: y, expected: `${y - 1}年` });
    });
    each(/(?<![\d与比较])(\d{4})年度?(部门决算|收入支出总计|收支总计|本年收入|本年支出|财政拨款收入|财政拨款支出|一般公共预算|政府性基金|国有资本经营|“三公”|三公|政府采购|机关运行经费|预算绩效)/g, (x) => {
      const yr = Number(x[1]);
      if (yr !== y) this.sink.add("V-S08", "year-slip", "warning", { start: x.index, end: x.index + x[0].length }, { text: x[0], year: y, expected: `${y}年` });
    });
    each(/截至(\d{4})年12月31日/g, (x) => {
      if (Number(x[1]) !== y) this.sink.add("V-S08", "year-slip", "warning", { start: x.index, end: x.index + x[0].length }, { text: x[0], year: y, expected: `${y}年` });
    });
  }

  /** 万元 inside a paragraph (sub-section) whose amounts are otherwise in 元. */
  private unitSlips(): void {
    const bounds = [0, ...this.s.headings.map((h) => h.start), this.s.n.text.length];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const toks = this.s.tokens.filter((x) => x.numStart >= bounds[i] && x.numStart < bounds[i + 1] && x.value !== 0);
      const yuan = toks.filter((x) => x.unit === "元");
      const wan = toks.filter((x) => x.unit === "万元");
      if (yuan.length < 2 || yuan.length <= wan.length * 2) continue;
      for (const w of wan) this.sink.add("V-W05", "unit-slip", "warning", { start: w.numStart, end: w.end }, { text: this.s.n.text.slice(w.numStart, w.end) });
    }
  }
}

/** A number after 增长/下降/减少/增加/占/完成/为 written without %, where a percentage is expected (「增长12.34。」). */
export const PERCENT_WITHOUT_SIGN = /(?:增长|下降|降低|减少|增加|占|完成(?:年初|调整)?预算的?|(?:率|比例|比重|占比|幅度?)为)(\d+(?:\.\d+)?)(?=[。；，]|,(?!\d)|$)/g;

/** The document's year: the most frequent 「YYYY年度部门决算」, else the most frequent 「YYYY年」. */
export function documentYear(text: string): number | undefined {
  const t = text.replace(/\s+/g, "");
  const count = (re: RegExp) => {
    const c = new Map<number, number>();
    for (const m of t.matchAll(re)) c.set(Number(m[1]), (c.get(Number(m[1])) ?? 0) + 1);
    let best: number | undefined;
    for (const [y, n] of c) if (y >= 1990 && y <= 2100 && (best === undefined || n > c.get(best)! || (n === c.get(best)! && y > best))) best = y;
    return best;
  };
  return count(/(\d{4})年度?部门决算/g) ?? count(/(\d{4})年/g);
}
