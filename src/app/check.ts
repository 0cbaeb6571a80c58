/**
 * checkWorkbook: the one validation use case for every host. Recognise the 财决 tables, compile the rules
 * (built-ins, the workbook's 「审核公式」 sheet, rules files), evaluate, add the N-PH placeholder findings, apply
 * the workbook's 已说明 explanations and count. The add-in and the CLI call this and only translate its
 * outcome, so the same file gives the same findings, words and counts in both.
 */
import type { Lang } from "../core/i18n/lang";
import { withPlaceholderFindings } from "../core/narrative/placeholder-findings";
import { PLACEHOLDER_RULE } from "../core/narrative/placeholder-findings";
import type { RecognitionResult } from "../core/recognize/types";
import { recognize } from "../core/recognize/index";
import { collectRules, compileForWorkbook, compileRules, evaluate, type Evaluation, type Program, type ProgramCache } from "../core/rules/index";
import { withCompletenessFindings } from "../core/rules/completeness";
import type { Finding, SkippedRule, TolerancePolicy, UserRuleSource, ValidationResult } from "../core/rules/types";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import { appMessages, type FileStatus, type SummaryCounts } from "./i18n/index";
import type { Explanation, WorkbookState } from "./state";

/** Sheets the add-in (and the CLI's marked copy) write: output, never input to recognition. */
export const REPORT_SHEET = "校验结果";
export const NARRATIVE_SHEET = "情况说明";

export interface CheckOptions {
  policy: TolerancePolicy;
  lang: Lang;
  /** Rules files (CLI --rules), applied after the workbook's 「审核公式」 sheet. */
  userRules?: UserRuleSource[];
  /** Reuse compiled programs across files of one layout (the CLI's batches). */
  cache?: ProgramCache;
}

export interface ExplainedFinding {
  finding: Finding;
  explanation: Explanation;
}

export interface CheckOutcome {
  snapshot: WorkbookSnapshot;
  recognition: RecognitionResult;
  result: ValidationResult;
  /** Findings still open: marked, counted, listed first. */
  active: Finding[];
  /** 核实 findings the workbook explains (已说明): listed with the reason, not marked, not counted. */
  explained: ExplainedFinding[];
  /** 强制 findings carrying a stored explanation: a 强制 must be fixed, so they stay active (listed here for the UI). */
  refusedExplanations: string[];
  counts: SummaryCounts;
  status: Exclude<FileStatus, "unreadable">;
  summary: string;
  lang: Lang;
  policy: TolerancePolicy;
  /** The compiled program (opaque to hosts): tells a live re-check which cells a change reaches. */
  program: Program;
  /** This run's evaluation (opaque to hosts): a live re-check evaluates only the checks a change reaches. */
  evaluation: Evaluation;
  /** Rule ids known to this run, for CJ.CHECK (#N/A for a misspelt id). */
  ruleIds: string[];
}

/** Only 核实 findings can be explained; a 强制 finding must be fixed. */
export function canExplain(finding: Pick<Finding, "severity">): boolean {
  return finding.severity === "warning";
}

/** The snapshot recognition reads: our own report and narrative sheets left out. */
export function recognitionInput(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== REPORT_SHEET && s.name !== NARRATIVE_SHEET) };
}

/**
 * What the checks read: everything but the report sheet (its messages quote placeholders). The narrative sheet
 * 「情况说明」 stays in, so placeholders left in it are listed (rule N-PH).
 */
export function checkedSheets(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== REPORT_SHEET) };
}

function compile(recognition: RecognitionResult, input: WorkbookSnapshot, options: CheckOptions): Program {
  if (!options.cache) return compileForWorkbook(recognition, input, { userRules: options.userRules });
  const { rules, errors, overridden } = collectRules(input, { userRules: options.userRules });
  const extra = errors.length ? JSON.stringify(errors.map((e) => [e.source, e.position, e.message])) : "";
  return options.cache.lookup(recognition, rules, extra, () => {
    const p = compileRules(recognition, rules);
    p.ruleErrors.unshift(...errors);
    for (const id of overridden) p.skipped.push({ rule: id, reason: "overridden", tables: [] });
    return p;
  }).program;
}

/** Recognise, compile, evaluate, add placeholder findings, apply 已说明, count. Never throws on bad data. */
export function checkWorkbook(snapshot: WorkbookSnapshot, state: WorkbookState | null, options: CheckOptions): CheckOutcome {
  const input = recognitionInput(snapshot);
  const recognition = recognize(input);
  const program = compile(recognition, input, options);
  const checked = checkedSheets(snapshot);
  // Layout-level rules (C-tables, C-empty-note) and N-PH (placeholders in 「情况说明」) are not cell comparisons:
  // added after evaluation, as validate() does.
  const evaluation = evaluate(program, checked, { policy: options.policy, lang: options.lang });
  const evaluated = withCompletenessFindings(evaluation.result, recognition, { lang: options.lang });
  const result = withPlaceholderFindings(evaluated, checked, { lang: options.lang });
  return outcomeOf(snapshot, recognition, evaluation, result, state, options);
}

/**
 * Re-evaluate only the checks that read `changed` cells (after a user edit). Returns null when some change is
 * outside every check (a label, a new row: the tables themselves may have changed) — run checkWorkbook then.
 * The previous outcome's evaluation moves on to the edited workbook (the new outcome shares it).
 */
export function recheckWorkbook(previous: CheckOutcome, changed: { sheet: string; address: string }[], snapshot: WorkbookSnapshot, state: WorkbookState | null): CheckOutcome | null {
  const checked = checkedSheets(snapshot);
  const res = previous.evaluation.recheck(changed, checked);
  if (res.unknownCells.length > 0) return null;
  const result = withPlaceholderFindings(withCompletenessFindings(res, previous.recognition, { lang: previous.lang }), checked, { lang: previous.lang });
  return outcomeOf(snapshot, previous.recognition, previous.evaluation, result, state, { policy: previous.policy, lang: previous.lang });
}

/** The same run with another state's explanations applied (after 标记为已说明 / 撤销说明: numbers unchanged). */
export function withState(outcome: CheckOutcome, state: WorkbookState | null): CheckOutcome {
  return outcomeOf(outcome.snapshot, outcome.recognition, outcome.evaluation, outcome.result, state, { policy: outcome.policy, lang: outcome.lang });
}

function outcomeOf(snapshot: WorkbookSnapshot, recognition: RecognitionResult, evaluation: Evaluation, result: ValidationResult, state: WorkbookState | null, options: Pick<CheckOptions, "policy" | "lang">): CheckOutcome {
  const active: Finding[] = [];
  const explained: ExplainedFinding[] = [];
  const refused: string[] = [];
  const suppressed = state?.suppressed ?? {};
  for (const f of result.findings) {
    const e = Object.prototype.hasOwnProperty.call(suppressed, f.id) ? suppressed[f.id] : undefined;
    if (e && canExplain(f)) explained.push({ finding: f, explanation: e });
    else {
      if (e) refused.push(f.id);
      active.push(f);
    }
  }
  const counts: SummaryCounts = {
    error: active.filter((f) => f.severity === "error").length,
    warning: active.filter((f) => f.severity === "warning").length,
    explained: explained.length,
    tables: recognition.tables.length,
  };
  const status = counts.tables === 0 ? "unchecked" : counts.error > 0 ? "failed" : "passed";
  return {
    snapshot,
    recognition,
    result,
    active,
    explained,
    refusedExplanations: refused,
    counts,
    status,
    summary: appMessages(options.lang).summary(counts),
    lang: options.lang,
    policy: options.policy,
    program: evaluation.program,
    evaluation,
    ruleIds: [...evaluation.program.rules.map((r) => r.id), PLACEHOLDER_RULE],
  };
}

/** Rules that were not run (or not fully), each with its reason: a reviewer must see what was not checked. */
export function skippedRules(outcome: Pick<CheckOutcome, "result">): SkippedRule[] {
  return outcome.result.skipped.filter((s) => s.reason !== "overridden");
}

/** Did the findings change between two runs (ids, severity, and which are explained)? Used to skip writes. */
export function sameFindings(a: CheckOutcome | null, b: CheckOutcome): boolean {
  if (!a) return false;
  const key = (o: CheckOutcome) =>
    [...o.active.map((f) => `a${f.id}|${f.severity}|${f.message}`), ...o.explained.map((e) => `e${e.finding.id}|${e.explanation.reason}`)].sort().join("\n");
  return a.summary === b.summary && key(a) === key(b);
}
