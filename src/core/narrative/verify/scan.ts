/**
 * Scanning of a narrative for the text-only checks: headings (一、 / （一） / 第三部分) found on line starts of the
 * original text, sentences (。 and headings end them), and every number with its unit, clause and role
 * (amount, budget, change, prior-year amount, share, rate, completion). One left-to-right pass per regex: linear
 * in the length of the text, whatever the digit runs.
 */
import { normalizeNarrativeText, type NormalizedText } from "./normalize";
import { isBoundary } from "./subject";
import { writtenInterval, type Interval } from "./tolerance";

export interface Heading {
  /** Offset in the normalised text where the heading starts. */
  start: number;
  /** End of the heading line in the normalised text. */
  end: number;
  level: 0 | 1 | 2;
  /** 一 → 1, 十一 → 11; 第三部分 → 3. */
  ordinal: number;
  title: string;
}

export type NumberRole = "amount" | "budget" | "change" | "prior" | "share" | "rate" | "completion" | "percent" | "count";

export interface Token {
  /** Normalised offsets: the number starts at numStart, the token (with unit) ends at end. */
  numStart: number;
  end: number;
  value: number;
  decimals: number;
  unit: "万元" | "元" | "亿元" | "%" | "count" | "bare";
  /** Amounts in 万元 with their written interval; percentages as written. */
  wan: number;
  /** 万元 per written unit: 1, 1e-4 (元) or 1e4 (亿元); 1 for percentages. */
  scale: number;
  iv: Interval;
  role: NumberRole;
  /** 增加 / 减少 side of a change or rate. */
  up?: boolean;
  clause: string;
  clauseStart: number;
  sentence: number;
}

export interface Scanned {
  n: NormalizedText;
  headings: Heading[];
  /** Sentence i spans [sentences[i].start, sentences[i].end). */
  sentences: { start: number; end: number }[];
  tokens: Token[];
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十一 → 11, 二十 → 20. */
export function chineseOrdinal(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? 0;
  if (s.startsWith("十")) return 10 + (CN_DIGITS[s[1]] ?? 0);
  if (s.length === 2 && s[1] === "十") return (CN_DIGITS[s[0]] ?? 0) * 10;
  if (s.length === 3 && s[1] === "十") return (CN_DIGITS[s[0]] ?? 0) * 10 + (CN_DIGITS[s[2]] ?? 0);
  return 0;
}

const HEADING_LINE = /^[\s\u3000]*(?:\[[^\]\n]*\]\s*)*(?:(第([一二三四五六七八九十]{1,3})部分)|([一二三四五六七八九十]{1,3})、|（([一二三四五六七八九十]{1,3})）|\(([一二三四五六七八九十]{1,3})\))/;

function normIndexOf(n: NormalizedText, originalOffset: number): number {
  // map is increasing: binary search the first normalised index at or after the original offset.
  let lo = 0;
  let hi = n.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.map[mid] < originalOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findHeadings(n: NormalizedText): Heading[] {
  const out: Heading[] = [];
  const lines = n.original.split("\n");
  let offset = 0;
  for (const line of lines) {
    const m = HEADING_LINE.exec(line);
    // A heading is short: a long line starting with 「一、」 is body text (「一是…」 never matches 一、).
    if (m && line.replace(/\[[^\]\n]*\]/g, "").trim().length <= 60) {
      const level: 0 | 1 | 2 = m[1] ? 0 : m[3] ? 1 : 2;
      const ord = chineseOrdinal(m[2] ?? m[3] ?? m[4] ?? m[5]);
      // Past the indentation and any [bookmark: …] / [image: ] markers before the number.
      const start = normIndexOf(n, offset + (/^[\s\u3000]*(?:\[[^\]\n]*\]\s*)*/.exec(line)?.[0].length ?? 0));
      const end = normIndexOf(n, offset + line.length);
      const title = line.trim().replace(/^(?:\[[^\]\n]*\]\s*)*/, "").replace(/\s+/g, "");
      out.push({ start, end, level, ordinal: ord, title });
    }
    offset += line.length + 1;
  }
  return out;
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
const UNIT = /^(亿元|万元|万|元|%|辆|人次|批次|团组|台（套）|个|人)/;
const CHANGE_END = /(增加|减少|下降|降低|增长|上升)了?$/;
const RATE_END = /(增加|减少|下降|降低|增长|上升|增幅|降幅|减幅|增长率|下降率)(了|为|达|是)?$/;
const PRIOR_END = /((比|较|与)(上年|\d{4}年度?)(同期)?(的|为)?|上年度?(同期)?(决算数?)?(为|是)?)$/;

/** Scan a narrative: headings, sentences and numbers with their roles. */
export function scanNarrative(original: string): Scanned {
  const n = normalizeNarrativeText(original);
  const t = n.text;
  const headings = findHeadings(n);
  // A heading run into the text before it (a PDF or copy join): 「…占0.21%；三、支出决算情况说明本年支出合计…」.
  const INLINE_HEADING = /[。；;：:]((?:([一二三四五六七八九十]{1,2})、|（([一二三四五六七八九十]{1,2})）)[^，。；：0-9]{2,30}?(?:情况说明|情况|说明))/g;
  const known = new Set(headings.map((h) => h.start));
  for (const m of t.matchAll(INLINE_HEADING)) {
    const start = m.index + 1;
    if (known.has(start)) continue;
    headings.push({ start, end: start + m[1].length, level: m[2] ? 1 : 2, ordinal: chineseOrdinal(m[2] ?? m[3]), title: m[1] });
  }
  headings.sort((a, b) => a.start - b.start);
  const cuts = new Set<number>(headings.map((h) => h.start));
  for (const h of headings) cuts.add(h.end);
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 0x3002 /* 。 */) cuts.add(i + 1);
  const points = [...cuts].filter((x) => x > 0 && x < t.length).sort((a, b) => a - b);
  const sentences: { start: number; end: number }[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) sentences.push({ start: from, end: p });
    from = p;
  }
  if (from < t.length) sentences.push({ start: from, end: t.length });

  const tokens: Token[] = [];
  let s = 0;
  let clauseStart = 0;
  let lastBoundaryScan = 0;
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(t))) {
    const start = m.index;
    if (/[A-Za-z.]/.test(t[start - 1] ?? "")) continue;
    while (s < sentences.length - 1 && sentences[s].end <= start) s++;
    const sentStart = sentences[s]?.start ?? 0;
    // Clause start: last boundary before the number, scanned incrementally so the pass stays linear.
    if (clauseStart < sentStart) clauseStart = sentStart;
    for (let i = Math.max(lastBoundaryScan, clauseStart); i < start; i++) if (isBoundary(t, i)) clauseStart = i + 1;
    lastBoundaryScan = start;
    const rest = t.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const u = UNIT.exec(rest);
    const decimals = m[2]?.length ?? 0;
    const value = Number(m[0].replace(/,/g, ""));
    const clause = t.slice(clauseStart, start);
    let unit: Token["unit"];
    if (!u) {
      // 「年初预算为0，」: a bare zero budget (no unit) still states the budget.
      if (value === 0 && /预算数?为$/.test(clause) && /^[，。；,]/.test(rest)) unit = "bare";
      else continue;
    } else unit = u[1] === "%" ? "%" : u[1] === "万" || u[1] === "万元" ? "万元" : u[1] === "元" ? "元" : u[1] === "亿元" ? "亿元" : "count";
    const end = start + m[0].length + (u ? u[1].length : 0);
    const scale = unit === "元" ? 1e-4 : unit === "亿元" ? 1e4 : 1;
    const tok: Token = {
      numStart: start,
      end,
      value,
      decimals,
      unit,
      wan: value * scale,
      scale,
      iv: writtenInterval(value, decimals, scale),
      role: "amount",
      clause,
      clauseStart,
      sentence: s,
    };
    if (unit === "count") tok.role = "count";
    else if (unit === "%") {
      if (/完成(年初|调整)?预算(数)?(的)?$/.test(clause)) tok.role = "completion";
      else if (/占[^占]*$/.test(clause)) tok.role = "share";
      else {
        const r = RATE_END.exec(clause);
        if (r) {
          tok.role = "rate";
          tok.up = /增|上升/.test(r[1]);
        } else tok.role = "percent";
      }
    } else {
      const c = CHANGE_END.exec(clause);
      if (c) {
        tok.role = "change";
        tok.up = /增|上升/.test(c[1]);
      } else if (PRIOR_END.test(clause)) tok.role = "prior";
      else if (/(?<!完成)(年初|全年|调整)?预算(数)?(为|是)?$/.test(clause) && !/(公共|基金|经营)预算$/.test(clause.replace(/(为|是)$/, ""))) tok.role = "budget";
    }
    tokens.push(tok);
  }
  return { n, headings, sentences, tokens };
}

const PATH_STOP = new Set(["。", "；", "，", "：", "“", "”", '"']);
const PATH_STOP_WITH_ENUM = new Set([...PATH_STOP, "、"]);

/**
 * 类/款/项 paths (「一般公共服务（类）财政事务（款）行政运行（项）」) in text, as the regex
 * /[^。；，：“”"]*（类）[^。；，：“”"]*（(款|项)）/g would find them (with `startsAfterEnum`, 、 also ends the part
 * before （类）), in one linear pass: the regex backtracks over every start of a long run without 「（类）」.
 */
export function findPaths(t: string, from = 0, to = t.length, startsAfterEnum = false): { start: number; end: number; text: string }[] {
  const startStops = startsAfterEnum ? PATH_STOP_WITH_ENUM : PATH_STOP;
  const out: { start: number; end: number; text: string }[] = [];
  let pos = from;
  let lastStop = from - 1; // last character before `pos` that the part before （类） cannot contain
  while (pos < to) {
    const cls = t.indexOf("（类）", pos);
    if (cls < 0 || cls + 3 > to) break;
    for (let i = Math.max(pos, lastStop + 1); i < cls; i++) if (startStops.has(t[i])) lastStop = i;
    const start = Math.max(lastStop + 1, from);
    let q = cls + 3;
    while (q < to && !PATH_STOP.has(t[q])) q++;
    const span = t.slice(cls + 3, q);
    const last = Math.max(span.lastIndexOf("（款）"), span.lastIndexOf("（项）"));
    if (last < 0) {
      // No 款/项 before the next stop: no path can start at or before it.
      if (q >= to) break;
      pos = q + 1;
      lastStop = q;
      continue;
    }
    const e = cls + 3 + last + 3;
    out.push({ start, end: e, text: t.slice(start, e) });
    pos = e;
    lastStop = e - 1;
  }
  return out;
}
