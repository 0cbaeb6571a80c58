/**
 * 核对 of a narrative on its own (no workbook, or a workbook with no recognised tables): the text checked against
 * itself, its template's completeness and its wording. Same result shape as 核对 against the workbook.
 */
import type { Lang } from "../../i18n/lang";
import { unverifiedReason } from "../../i18n/narrative";
import type { Claim, ClaimKind, Mismatch, VerifyResult } from "./index";
import { scanNarrative, type Token } from "./scan";
import { FindingSink, SelfChecker, type TextFinding } from "./self";
import { detectTemplate, documentYear, StructureChecker, type TemplateId } from "./structure";

export interface TextCheckOptions {
  lang?: Lang;
  /** The document's year; default: the year its title or most sentences name. */
  year?: number;
  /** Template the sections are held against; default: detected from the headings. */
  template?: TemplateId;
  /** The arithmetic of the text against itself (off when a workbook supplies the figures). */
  arithmetic?: boolean;
}

const KIND: Record<Token["role"], ClaimKind> = {
  amount: "amount",
  budget: "budget",
  change: "change",
  prior: "amount",
  share: "share",
  rate: "rate",
  completion: "completion",
  percent: "percent",
  count: "count",
};

/** A text finding as a 核对 mismatch (no cell: the figures come from the text). */
export function toMismatch(f: TextFinding): Mismatch {
  return {
    code: f.code,
    checkId: f.checkId,
    excerpt: f.excerpt,
    offset: f.offset,
    claimed: f.claimed,
    expected: f.expected,
    arithmetic: f.arithmetic,
    severity: f.severity,
    message: f.message,
    suggestion: f.suggestion,
  };
}

/** Completeness and wording findings of a narrative (used with and without a workbook). */
export function textFindings(text: string, options: TextCheckOptions = {}): { findings: TextFinding[]; template: TemplateId; year?: number; checked: Set<Token>; tokens: Token[]; original: (i: number) => number } {
  const s = scanNarrative(text);
  const lang = options.lang ?? "zh-CN";
  const year = options.year ?? documentYear(text);
  const template = options.template ?? detectTemplate(s);
  const sink = new FindingSink(s, lang);
  const self = new SelfChecker(s, sink, year);
  if (options.arithmetic !== false) self.run();
  new StructureChecker(s, sink, template, year).run();
  const seen = new Set<string>();
  const findings = sink.findings
    .filter((f) => {
      const key = `${f.checkId}:${f.offset}:${f.code === "item-missing" || f.code === "section-missing" ? f.message : ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.offset - b.offset);
  return { findings, template, year, checked: self.checked, tokens: s.tokens, original: (i) => s.n.map[i] };
}

/** Check a narrative against itself: arithmetic on its stated numbers, completeness per template, wording. */
export function checkNarrativeText(text: string, options: TextCheckOptions = {}): VerifyResult & { template: TemplateId; year?: number } {
  const lang = options.lang ?? "zh-CN";
  const r = textFindings(text, options);
  const wrong = new Set(r.findings.filter((f) => f.claimed !== undefined).map((f) => f.offset));
  const claims: Claim[] = [];
  const unverified: VerifyResult["unverified"] = [];
  for (const t of r.tokens) {
    const offset = r.original(t.numStart);
    const excerpt = text.slice(r.original(t.clauseStart), r.original(Math.max(t.clauseStart, t.end - 1)) + 1).replace(/\s+/g, " ").trim();
    const checked = r.checked.has(t);
    claims.push({ kind: KIND[t.role], excerpt, offset, claimed: t.value, decimals: t.decimals, status: wrong.has(offset) ? "mismatch" : checked ? "ok" : "unverified" });
    if (!checked && !wrong.has(offset)) unverified.push({ excerpt, offset, code: "self-unrelated", reason: unverifiedReason("self-unrelated", lang) });
  }
  return { claims, mismatches: r.findings.map(toMismatch), unverified, template: r.template, year: r.year };
}
