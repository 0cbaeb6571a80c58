/**
 * The catalogue of every check the product runs, as data: table rules (BUILTIN_RULES), layout checks (C-*), the
 * reading check (READ) and narrative checks (N-*, V-*). `caijue rules`, the task pane's 公式说明 and the generated
 * docs/规则列表.md all read checkCatalogue(), so a check is documented exactly once, next to its code.
 *
 * To add checks that are not rules of the engine (e.g. the narrative's 核对 checks): export a
 * `readonly CheckInfo[]` beside the code that runs them and add that list to EXTRA_CHECKS below (or pass it to
 * checkCatalogue()). Give each a new id; raise `version` whenever what the check tests changes (not for rewording);
 * regenerate the docs with `npx tsx scripts/gen-rule-docs.ts` (a test fails while docs/规则列表.md is stale).
 */
import type { TableKind } from "../catalog/vocabulary";
import { BUILTIN_RULES } from "./builtin";
import { EMPTY_NOTE_RULE, TABLES_RULE } from "./completeness";
import { NARRATIVE_CHECKS as VERIFY_CHECKS } from "../narrative/verify/checks";
import type { RuleBasis, RuleSpec } from "./rule";
import type { Severity } from "./types";

export type CheckScope = "table" | "narrative";

/** One check as documented data. */
export interface CheckInfo {
  /** Stable id shown with every finding (T1-a, X6, C-tables, N-PH, V-…). */
  id: string;
  /** 强制 = error, 核实 = warning. */
  severity: Severity;
  /** MOF 审核公式 / published template or 公开 requirement / convention (never 强制). */
  basis: RuleBasis;
  /** Version of the check's meaning. */
  version: number;
  /** 公式说明 in plain words. */
  descriptionZh: string;
  descriptionEn: string;
  /** table: checks the tables; narrative: checks the 情况说明 text. */
  scope: CheckScope;
  /** Tables the check reads (empty for checks of the whole layout or of the text). */
  tables?: readonly TableKind[];
  /** The formula in the rule language, for rules of the engine. */
  formula?: string;
  /** Years the check applies to (MOF 行次 formulas); absent: every year. */
  years?: readonly number[];
}

/** The CheckInfo of a rule of the engine (a user rule without metadata is "convention" version 1 by default). */
export function ruleCheckInfo(rule: RuleSpec): CheckInfo {
  return {
    id: rule.id,
    severity: rule.severity,
    basis: rule.basis ?? "convention",
    version: rule.version ?? 1,
    descriptionZh: rule.explain?.zh ?? rule.message.zh,
    descriptionEn: rule.explain?.en ?? rule.message.en,
    scope: "table",
    tables: rule.tables ?? [],
    formula: rule.expression,
    ...(rule.years ? { years: rule.years } : {}),
  };
}

/** Checks of the whole workbook that are not formulas: reading, completeness (completeness.ts). */
export const WORKBOOK_CHECKS: readonly CheckInfo[] = [
  {
    id: "READ",
    severity: "error",
    basis: "template",
    version: 1,
    descriptionZh: "表中金额单元格应为数字或留空；无法识别为金额的内容（文字、错误值等）会使相关公式无法校验。",
    descriptionEn: "Amount cells hold a number or are blank; content that cannot be read as an amount (text, error values…) leaves the rules reading it unchecked.",
    scope: "table",
  },
  {
    id: TABLES_RULE,
    severity: "warning",
    basis: "template",
    version: 1,
    descriptionZh: "公开表应完整：全国统一格式九张表、四川格式十三张附表应全部列出，缺少的表逐一点名。没有数据的表也应公开并注明。财政部决算软件导出表不适用。",
    descriptionEn: "The disclosure is complete: all nine national tables, or all thirteen Sichuan schedules, are present; each missing one is named. A table without data is still published with its note. Not applied to MOF software exports.",
    scope: "table",
  },
  {
    id: EMPTY_NOTE_RULE,
    severity: "warning",
    basis: "template",
    version: 1,
    descriptionZh: "没有任何数据（无行或全为零）的公开表应注明原因，如「本单位无政府性基金预算财政拨款收入和支出，故本表无数据」。",
    descriptionEn: "A published table without figures (no rows, or zeros only) carries a note saying why, e.g. that the unit had no government fund money.",
    scope: "table",
  },
];

/** Checks of the 情况说明 text. */
export const NARRATIVE_CHECKS: readonly CheckInfo[] = [
  {
    id: "N-PH",
    severity: "warning",
    basis: "template",
    version: 1,
    descriptionZh: "「情况说明」表中不应留有占位符（【请填写…】、XXX、××、某某）或模板备选字样（「增加（减少）」等）。",
    descriptionEn: "The 情况说明 sheet holds no placeholder (【请填写…】, XXX, ××, 某某) and no template alternative left in (「增加（减少）」…).",
    scope: "narrative",
  },
];

/** Further lists of checks defined beside their code (see the header comment). */
const EXTRA_CHECKS: readonly (readonly CheckInfo[])[] = [
  NARRATIVE_CHECKS,
  // 核对 of a narrative, against the tables or against itself (core/narrative/verify/checks.ts)
  VERIFY_CHECKS.map((c): CheckInfo => ({ ...c, scope: "narrative" })),
];

/** Every check, in listing order: rules of the engine, workbook checks, then the extra lists. Ids are unique. */
export function checkCatalogue(extra: readonly (readonly CheckInfo[])[] = []): CheckInfo[] {
  const out: CheckInfo[] = [];
  const seen = new Set<string>();
  const add = (c: CheckInfo): void => {
    // the first definition of an id wins; a duplicate is a programming error the registry test reports
    if (seen.has(c.id)) return;
    seen.add(c.id);
    out.push(c);
  };
  BUILTIN_RULES.forEach((r) => add(ruleCheckInfo(r)));
  WORKBOOK_CHECKS.forEach(add);
  for (const list of [...EXTRA_CHECKS, ...extra]) list.forEach(add);
  return out;
}

/** The documented check with this id, if any (the task pane shows its 公式说明 with a finding). */
export function checkInfo(id: string): CheckInfo | undefined {
  return checkCatalogue().find((c) => c.id === id);
}
