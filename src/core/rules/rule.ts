/** A rule as data: id, severity, formula text in the rule language, and its message templates. */
import type { TableKind } from "../catalog/vocabulary";
import type { RuleError, Severity } from "./types";

/**
 * What a check rests on: "mof" a 财政部 审核公式 of the 决算 software; "template" the published template or a 公开
 * requirement (an identity of the printed tables); "convention" accounting practice that legitimate adjustments may
 * break (such a rule is never 强制).
 */
export type RuleBasis = "mof" | "template" | "convention";

export interface RuleSpec {
  /** Stable id, e.g. "T1-c", "X6", "H-T3"; a user rule with a built-in id overrides it. */
  id: string;
  /** 强制 = error, 核实 = warning. */
  severity: Severity;
  /** Formula in the rule language (LANGUAGE.md); several statements may be joined with ";". */
  expression: string;
  /** What the rule says, shown before the arithmetic, e.g. 「本年收入合计应等于各项收入之和」. */
  message: { zh: string; en: string };
  /** Tables the rule needs (documentation; the compiler derives them from the formula). */
  tables?: TableKind[];
  origin?: "builtin" | "sheet" | "file";
  /** Where a user rule came from, for RuleError messages. */
  source?: RuleError["source"];
  /** What the rule rests on (built-ins always say; a user rule has none). */
  basis?: RuleBasis;
  /** Version of the rule's meaning: raised whenever what it checks changes (not for rewording). */
  version?: number;
  /** 公式说明: the rule in plain words, for the rule list and a finding's details. */
  explain?: { zh: string; en: string };
  /**
   * Years whose layout the formula encodes (MOF 行次 differ between years). Absent: every year. The rule is skipped,
   * with the reason, on a workbook of another year or of no known year.
   */
  years?: readonly number[];
}
