/** Validation engine entry points: validate() for one-shot use; compileRules, then evaluate() and its Evaluation.recheck() for live re-checking. */
import type { Lang } from "../i18n/lang";
import type { RecognitionResult } from "../recognize/types";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { BUILTIN_RULES } from "./builtin";
import { compileRules } from "./compile";
import type { Program } from "./compile";
import { evaluate } from "./evaluate";
import type { RuleSpec } from "./rule";
import type { RuleError, TolerancePolicy, UserRuleSource, ValidationResult } from "./types";
import { mergeRules, parseRulesText, readRulesSheet } from "./userRules";
import { ProgramCache } from "./cache";
import { withPlaceholderFindings } from "../narrative/placeholder-findings";
import { withCompletenessFindings } from "./completeness";

export { BUILTIN_RULES } from "./builtin";
export { compileRules, cellKey, cellLabel, findCell, checksOfCell, termsOf, elementaryCount } from "./compile";
export type { Program, Check, ProgramCell } from "./compile";
export { evaluate, Evaluation } from "./evaluate";
export type { EvaluateOptions, RecheckResult } from "./evaluate";
export { parseRule, RuleSyntaxError } from "./language/parser";
export type { RuleBasis, RuleSpec } from "./rule";
export { checkCatalogue, checkInfo, ruleCheckInfo, NARRATIVE_CHECKS, WORKBOOK_CHECKS } from "./registry";
export type { CheckInfo, CheckScope } from "./registry";
export { parseRulesText, readRulesSheet, mergeRules, USER_RULES_SHEET } from "./userRules";
export { stableHash } from "./hash";
export { completenessFindings, disclosureLayout, LAYOUT_TABLES, TABLES_RULE, EMPTY_NOTE_RULE } from "./completeness";
export { layoutFingerprint, rulesFingerprint, ProgramCache } from "./cache";
export * from "./types";

export interface ValidateOptions {
  policy?: TolerancePolicy;
  lang?: Lang;
  suppressed?: Set<string>;
  /** Rules files (CLI --rules); applied after the workbook's 「审核公式」 sheet. */
  userRules?: UserRuleSource[];
  /** Replace the built-in set (tests, or a host with its own list). */
  builtin?: readonly RuleSpec[];
  /** Reuse a compiled program when the layout and rules are unchanged (default true). */
  cache?: boolean;
}

const programs = new ProgramCache(4);

/** The rule set for a workbook: built-ins, then its 「审核公式」 sheet, then rules files; with their errors. */
export function collectRules(snapshot: WorkbookSnapshot, options: Pick<ValidateOptions, "userRules" | "builtin"> = {}): { rules: RuleSpec[]; errors: RuleError[]; overridden: string[] } {
  const sheet = readRulesSheet(snapshot);
  const user: RuleSpec[] = [...sheet.rules];
  const errors: RuleError[] = [...sheet.errors];
  for (const src of options.userRules ?? []) {
    const r = parseRulesText(src.text, src.fileName);
    user.push(...r.rules);
    errors.push(...r.errors);
  }
  const merged = mergeRules(options.builtin ?? BUILTIN_RULES, user);
  return { rules: merged.rules, errors, overridden: merged.overridden };
}

/** Compile the full rule set for a recognised workbook (evaluate() it, and keep the Evaluation to recheck() after edits). */
export function compileForWorkbook(recognition: RecognitionResult, snapshot: WorkbookSnapshot, options: Pick<ValidateOptions, "userRules" | "builtin"> = {}): Program {
  const { rules, errors, overridden } = collectRules(snapshot, options);
  return finishProgram(compileRules(recognition, rules), errors, overridden);
}

function finishProgram(program: Program, errors: RuleError[], overridden: string[]): Program {
  program.ruleErrors.unshift(...errors);
  for (const id of overridden) program.skipped.push({ rule: id, reason: "overridden", tables: [] });
  return program;
}

/**
 * Validate a recognised workbook against built-in and user rules. Never throws on bad data or bad rules.
 * The compiled program is cached: pass a fresh recognition after changing one (results are treated as immutable).
 */
export function validate(recognition: RecognitionResult, snapshot: WorkbookSnapshot, options: ValidateOptions = {}): ValidationResult {
  let program: Program;
  if (options.cache === false) program = compileForWorkbook(recognition, snapshot, options);
  else {
    const { rules, errors, overridden } = collectRules(snapshot, options);
    const extra = errors.length ? JSON.stringify(errors.map((e) => [e.source, e.position, e.message])) : "";
    program = programs.lookup(recognition, rules, extra, () => finishProgram(compileRules(recognition, rules), errors, overridden)).program;
  }
  const result = evaluate(program, snapshot, { policy: options.policy, lang: options.lang, suppressed: options.suppressed }).result;
  // Layout-level rules (C-tables, C-empty-note) and N-PH (placeholders left in a 「情况说明」 sheet) are not cell
  // comparisons, so they are added after evaluation.
  const complete = withCompletenessFindings(result, recognition, { lang: options.lang, suppressed: options.suppressed });
  return withPlaceholderFindings(complete, snapshot, { lang: options.lang, suppressed: options.suppressed });
}
