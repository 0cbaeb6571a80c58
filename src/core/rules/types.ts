/** Typed validation results. Rendered to zh-CN / en-US text only in core/i18n. */
import type { CellRef } from "../recognize/types";
import type { TableKind } from "../catalog/vocabulary";
import type { RuleBasis } from "./rule";

/** 强制 (error: must be fixed) or 核实 (warning: must be explained). */
export type Severity = "error" | "warning";

export type TolerancePolicy = "interval" | "exact";

/** A value taking part in a check, with its weight (+1 / −1 / scale factor) and interval. */
export interface FindingItem {
  cell: CellRef;
  /** Value converted to 万元 (or the rule's common unit). */
  value: number;
  weight: number;
  /** Label for the arithmetic display, e.g. "基本支出". */
  label: string;
  /** Side of the comparison the item stands on (absent = right-hand side). */
  side?: "left" | "right";
}

export interface Finding {
  /** Stable id: hash of rule id + cell addresses + values; survives reruns until the numbers change. */
  id: string;
  rule: string;
  severity: Severity;
  /** Kind of check, for rendering: equality, inequality, unreadable cell, non-empty table, placeholder… */
  code:
    | "sum-mismatch"
    | "not-equal"
    | "not-less-or-equal"
    | "not-greater-or-equal"
    | "negative"
    | "unreadable"
    | "unevaluable"
    | "not-empty"
    | "placeholder"
    | "custom"
    /** Completeness: a table of the layout is not in the workbook (target: the first table's title cell). */
    | "table-missing"
    /** Completeness: a table has no figures and no note saying so (target: its title cell). */
    | "empty-without-note";
  /** The cell the user must look at. */
  target: CellRef;
  table?: TableKind;
  items: FindingItem[];
  /** Right-hand side as computed, and left-hand side as found (万元 unless stated). */
  expected?: number;
  actual?: number;
  difference?: number;
  /** Interval within which the two sides could agree, e.g. [−0.02, 0.02] for the difference. */
  tolerance?: { low: number; high: number };
  /** Row items or codes the rule needed but the table lacks. */
  missing: string[];
  /** Message template parameters for i18n (labels, rule text…). */
  params: Record<string, string | number>;
  /** Rendered zh-CN message (filled by the engine via core/i18n). */
  message: string;
  /** What the rule rests on (MOF 审核公式 / published template / convention); absent for user rules. */
  basis?: RuleBasis;
  /** Version of the rule's meaning when the finding was made. */
  ruleVersion?: number;
}

export interface SkippedRule {
  rule: string;
  /**
   * cells-absent: some checks needed a row or column the table does not print (gap, never compared with 0);
   * side-not-printed: cross-table checks whose other side does not print the subject row (T3 printed only to 类
   * level, a 类 listed in one table only, an unjoined continuation); they are not compared with 0;
   * year-not-applicable / year-unknown: the rule encodes another year's layout (MOF 行次), or the year is not known.
   */
  reason: "tables-absent" | "overridden" | "disabled" | "cells-absent" | "side-not-printed" | "year-not-applicable" | "year-unknown";
  tables: TableKind[];
  /** For side-not-printed: the references not printed, e.g. 「T3[2010101, total]」 (at most 50). */
  missing?: string[];
  /** For the year reasons: the workbook's year (if known) and the years the rule applies to. */
  year?: number;
  years?: number[];
}

export interface RuleError {
  /** Where the bad rule came from: the 「审核公式」 sheet row, or a rules file line. */
  source: { sheet?: string; row?: number; file?: string; line?: number };
  ruleId?: string;
  /** Zero-based character offset of the problem within the formula. */
  position: number;
  /** zh-CN text, and its en-US counterpart (rendered by core/i18n according to the reader's language). */
  message: string;
  messageEn?: string;
}

/** Extra rules given to validate(): a rules file's text (TSV/CSV with 编号, 级别, 公式, 说明) as read by the CLI. */
export interface UserRuleSource {
  text: string;
  /** File name, for error messages. */
  fileName: string;
}

export interface ValidationResult {
  findings: Finding[];
  skipped: SkippedRule[];
  ruleErrors: RuleError[];
  /** Number of elementary checks evaluated. */
  checks: number;
  counts: { error: number; warning: number };
}
