/**
 * Subjects API: the 政府收支分类科目 code book (支出功能分类 类/款/项, 部门预算支出经济分类 类/款), year-aware,
 * with old names accepted as aliases and every entry marked observed/unverified.
 */
import { buildBook, nameFor } from "./book";
import { leadingCode, normalizeCode, splitPath, stripLevelMarkers } from "./normalize";
import type { SubjectEntry, SubjectLevel, SubjectSystem } from "./types";
import { subjectNameKey } from "../text/keys";

export type { SubjectEntry, SubjectLevel, SubjectSystem, Provenance, YearName } from "./types";
export { normalizeCode } from "./normalize";
export { subjectNameKey } from "../text/keys";

const BOOK = buildBook();

/** Name key → codes, over current names, year names and aliases. */
const BY_NAME = new Map<string, string[]>();
for (const e of BOOK.values()) {
  for (const n of [...e.names, ...e.aliases]) {
    const key = subjectNameKey(n.name);
    const list = BY_NAME.get(key) ?? [];
    if (!list.includes(e.code)) list.push(e.code);
    BY_NAME.set(key, list);
  }
}

/** The entry for a code (any accepted code form), if the book has it. */
export function subjectEntry(code: unknown): SubjectEntry | undefined {
  const c = normalizeCode(code);
  return c === undefined ? undefined : BOOK.get(c);
}

/** All entries, sorted by code (for listings and tests). */
export function allSubjects(): SubjectEntry[] {
  return [...BOOK.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Name of a 功能/经济分类 code for a budget year (current name when year is omitted). */
export function subjectName(code: unknown, year?: number): string | undefined {
  const e = subjectEntry(code);
  return e ? nameFor(e, year) : undefined;
}

/** Level from the code's length: 1 类 (3 digits), 2 款 (5), 3 项 (7, function codes only). */
export function subjectLevel(code: unknown): SubjectLevel | undefined {
  const c = normalizeCode(code);
  if (c === undefined) return undefined;
  if (c.length === 7 && c[0] !== "2") return undefined;
  return c.length === 3 ? 1 : c.length === 5 ? 2 : 3;
}

/** Parent code: 2010301 → 20103 → 201 → undefined. */
export function parentCode(code: unknown): string | undefined {
  const c = normalizeCode(code);
  if (c === undefined || c.length === 3) return undefined;
  return c.slice(0, c.length - 2);
}

/** Direct children known to the book, sorted by code. */
export function childrenOf(code: unknown, year?: number): string[] {
  void year; // existence by year is not tracked: names change, codes mostly persist.
  const c = normalizeCode(code);
  if (c === undefined || c.length === 7) return [];
  const out: string[] = [];
  for (const e of BOOK.values()) if (e.code.length === c.length + 2 && e.code.startsWith(c)) out.push(e.code);
  return out.sort();
}

/** 支出功能分类 code: 3/5/7 digits under a known 2xx 类. */
export function isFunctionCode(code: unknown): boolean {
  const c = normalizeCode(code);
  if (c === undefined || c[0] !== "2") return false;
  return BOOK.get(c.slice(0, 3))?.system === "function";
}

/** 部门预算支出经济分类 code: 3/5 digits under a known 3xx 类. */
export function isEconomicCode(code: unknown): boolean {
  const c = normalizeCode(code);
  if (c === undefined || c.length === 7 || c[0] !== "3") return false;
  return BOOK.get(c.slice(0, 3))?.system === "economic";
}

/** Name of an economic code for a year. */
export function economicName(code: unknown, year?: number): string | undefined {
  const e = subjectEntry(code);
  return e && e.system === "economic" ? nameFor(e, year) : undefined;
}

/** Class name without its trailing 支出, as the narrative's path writes it (「一般公共服务」). */
function classShortName(name: string): string {
  const short = name.replace(/支出$/, "");
  return short.length >= 2 && short !== "其他" ? short : name;
}

/**
 * The narrative path of a code: 「一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）」.
 * Undefined when the code or one of its ancestors is unknown.
 */
export function subjectPath(code: unknown, year?: number): string | undefined {
  const c = normalizeCode(code);
  if (c === undefined) return undefined;
  const markers = ["类", "款", "项"];
  let out = "";
  for (let len = 3, i = 0; len <= c.length; len += 2, i++) {
    const e = BOOK.get(c.slice(0, len));
    if (!e) return undefined;
    const n = nameFor(e, year);
    out += (i === 0 ? classShortName(n) : n) + "（" + markers[i] + "）";
  }
  return out;
}

function matchesYear(e: SubjectEntry, key: string, year?: number): "current" | "alias" | undefined {
  if (subjectNameKey(nameFor(e, year)) === key) return "current";
  return [...e.names, ...e.aliases].some((n) => subjectNameKey(n.name) === key) ? "alias" : undefined;
}

/** Options narrowing a name look-up. */
export interface SubjectCodeOptions {
  system?: SubjectSystem;
  /** Only codes under this 类/款. */
  parent?: string;
  level?: SubjectLevel;
}

/**
 * Every code whose name (for the year, or any old name/alias) equals `name`. Current names rank first.
 * Accepts "2010301 行政运行" (code taken as is) and paths 「…（类）…（款）…（项）」.
 */
export function subjectCodeCandidates(name: string, year?: number, opts: SubjectCodeOptions = {}): string[] {
  const lead = leadingCode(name);
  if (lead && BOOK.has(lead.code)) return [lead.code];
  const key = subjectNameKey(name);
  const path = splitPath(key);
  if (path && path.length > 1) {
    let parent: string | undefined;
    for (const part of path) {
      const found =
        part.level === 1
          ? [classCodeByName(part.name, year)].filter((x): x is string => !!x)
          : subjectCodeCandidates(part.name, year, { parent, level: part.level });
      if (found.length !== 1) return [];
      parent = found[0];
    }
    return parent ? [parent] : [];
  }
  const bare = stripLevelMarkers(key);
  const codes = BY_NAME.get(bare) ?? [];
  const ranked: { code: string; rank: number }[] = [];
  for (const code of codes) {
    const e = BOOK.get(code)!;
    if (opts.system && e.system !== opts.system) continue;
    if (opts.level && e.level !== opts.level) continue;
    if (opts.parent && !(code.startsWith(opts.parent) && code.length > opts.parent.length)) continue;
    const m = matchesYear(e, bare, year);
    if (m) ranked.push({ code, rank: m === "current" ? 0 : 1 });
  }
  const best = Math.min(...ranked.map((r) => r.rank));
  return ranked.filter((r) => r.rank === best).map((r) => r.code).sort();
}

/** Code for a name (or path) in a year; undefined when unknown or ambiguous (see subjectCodeCandidates). */
export function subjectCode(name: string, year?: number, opts: SubjectCodeOptions = {}): string | undefined {
  const c = subjectCodeCandidates(name, year, opts);
  return c.length === 1 ? c[0] : undefined;
}

/**
 * 类 code for a row label of the 收入支出决算总表: 「一、一般公共服务支出」, 「一般公共服务」, 「卫生健康支出」,
 * 「一般公共服务（类）支出」, old names such as 「医疗卫生与计划生育支出」 → "201" / "210".
 */
export function classCodeByName(label: string, year?: number): string | undefined {
  const lead = leadingCode(label);
  if (lead && lead.code.length === 3 && BOOK.get(lead.code)?.system === "function") return lead.code;
  const key = stripLevelMarkers(subjectNameKey(label));
  const want = key.replace(/支出$/, "");
  if (!want) return undefined;
  let alias: string | undefined;
  for (const e of BOOK.values()) {
    if (e.system !== "function" || e.level !== 1) continue;
    if (nameFor(e, year).replace(/支出$/, "") === want || subjectNameKey(nameFor(e, year)) === key) return e.code;
    if (!alias && [...e.names, ...e.aliases].some((n) => subjectNameKey(n.name).replace(/支出$/, "") === want)) alias = e.code;
  }
  return alias;
}
