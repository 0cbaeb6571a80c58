/**
 * Subjects of claims: what a clause (text between 。；，： before a number) talks about, once numbering,
 * years, headings, comparisons (比2018年) and measure words (支出决算为, 年初预算为) are stripped.
 */
import { normName } from "./facts";

/** Is `i` a clause boundary in normalised text? */
export function isBoundary(t: string, i: number): boolean {
  const ch = t[i];
  if ("。；，：！？".includes(ch)) return true;
  if (ch === ",") return !(/\d/.test(t[i - 1] ?? "") && /\d/.test(t[i + 1] ?? ""));
  if (ch === "、") return /[元%]/.test(t[i - 1] ?? "");
  return false;
}

export const HEADING = /^.*(情况说明|决算情况|总体情况|结构情况|具体情况如下|具体情况|支出情况。?)/;

export interface Subject {
  /** Normalised subject, "" when the clause names none. */
  name: string;
  raw: string;
  /** The clause only states a measure (支出决算为, 年初预算为, 比2018年): it refers to the current topic. */
  generic: boolean;
  budget: boolean;
  /** The budget basis the clause names (年初预算 / 调整预算), if any. */
  basis?: "initial" | "adjusted";
}

/** The subject a clause names before its number, with the measure (budget / final) it states. */
export function subjectOf(clause: string): Subject {
  let s = clause;
  s = s.replace(HEADING, "");
  // Text pasted from Word/PDF may carry bookmarks or figure captions before the subject; keep what follows them.
  s = s.replace(/^.*[\]】]/, "");
  const lastNumbering = /^.*(?:^|[^\d.])\d{1,3}[“”"]?[.、．](?!\d)/.exec(s);
  if (lastNumbering) s = s.slice(lastNumbering[0].length);
  s = s.replace(/^(其中|具体情况如下|主要用于以下方面|包括)：?/, "");
  for (let k = 0; k < 3; k++) s = s.replace(/^(\d{1,3}[.、．](?!\d)|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、)/, "").replace(/^[“”"'.、．]+/, "");
  s = s.replace(/\d{4}年度?/g, "").replace(/^[，、]/, "");
  const measureStart = s;
  let budget = false;
  let changed = true;
  while (changed) {
    const before = s;
    s = s.replace(/(与)?比?上?年度?(相比)?$/, "");
    // 比上年 / 较2018年度 / 同比: a comparison, not part of the subject.
    s = s.replace(/同?(比|较).*$/, "").replace(/与相比$/, "");
    s = s.replace(/(各|均|分别)$/, "");
    s = s.replace(/(为|是|达)$/, "");
    changed = s !== before;
  }
  // One measure word at the end: 年初预算(数)为 → a budget claim; (支出)决算(数)为 → the final amount.
  // 「一般公共预算」「政府性基金预算」 are fund names, not measure words.
  const budgetWord = /(?<!公共|基金|经营)(年初|全年|调整)?预算数?$/;
  let basis: Subject["basis"];
  const bm = budgetWord.exec(s);
  if (bm) {
    budget = true;
    basis = bm[1] === "年初" ? "initial" : bm[1] === "调整" ? "adjusted" : undefined;
    s = s.replace(budgetWord, "");
  } else s = s.replace(/(支出)?决算数?$/, "");
  s = s.replace(/(支出)?(为|是)$/, "");
  const name = normName(s);
  const generic = name === "" && /决算|预算|比|较/.test(measureStart);
  return { name, raw: s, generic, budget, basis };
}
