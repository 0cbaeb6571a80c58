/** A rule as data: id, severity, formula text in the rule language, and its message templates. */
import type { TableKind } from "../catalog/vocabulary";
import type { RuleError, Severity } from "./types";

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
}
