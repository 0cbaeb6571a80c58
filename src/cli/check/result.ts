/** The compact per-file result a worker sends back: plain JSON, no snapshot, no workbook. */
import type { FileStatus } from "../../app/i18n/index";
import type { Severity, SkippedRule } from "../../core/rules/types";

export interface CompactFinding {
  id: string;
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  expected: number | null;
  actual: number | null;
  difference: number | null;
  message: string;
  table?: string;
  /** What the rule rests on (MOF 审核公式 / template / convention); absent for user rules. */
  basis?: "mof" | "template" | "convention";
  ruleVersion?: number;
  /** For a PDF or Word input: where a reader finds the cell (page, table, row, column), rendered. */
  place?: string;
  page?: number;
  /** Box of the cell on its page (points, from the top-left corner). */
  box?: { page: number; x: number; y: number; width: number; height: number };
  /** 已说明: the workbook explains this 核实 finding (stored by the add-in or `caijue explain`); not counted. */
  explained?: { reason: string; by?: string; at?: string };
}

/** A rule not run (or not fully), with its reason already rendered. */
export interface SkippedInfo {
  rule: string;
  reason: SkippedRule["reason"];
  tables: string[];
  message: string;
}

export interface FileError {
  /** Read error code, "rule-error", "mark-failed" or "internal". */
  code: string;
  message: string;
}

export interface FileResult {
  file: string;
  /** False when the file could not be read at all. */
  readable: boolean;
  /** No 强制 finding, readable and checked. */
  ok: boolean;
  /** 通过 / 未通过 / 未校验 (no 财决 table, or the check could not run) / 无法读取. */
  status: FileStatus;
  /** 编制单位 and 年度 as recognised (untrusted text), when found. */
  unitName?: string;
  year?: number;
  tables: { kind: string; sheet: string }[];
  findings: CompactFinding[];
  errors: FileError[];
  /** Non-fatal remarks (rows capped…), already rendered. */
  notes: string[];
  /** Open findings by severity; explained findings are counted apart, never as 核实. */
  counts: { error: number; warning: number; explained: number };
  checks: number;
  skipped: SkippedInfo[];
  markedCopy?: string;
  timing: { readMs: number; checkMs: number; markMs: number };
  /** Stack trace of an internal error, only when --debug. */
  debug?: string;
}

export interface CheckJobOptions {
  lang: "zh-CN" | "en-US";
  policy: "interval" | "exact";
  reader: "lean" | "exceljs" | "exceljs-stream";
  maxSize: number;
  maxRows: number;
  /** Rules file text and name, parsed in each worker. */
  rules?: { text: string; fileName: string };
  markDir?: string;
  /** Absolute paths of every input, so a marked copy never lands on one. */
  inputPaths: string[];
  debug: boolean;
}

/** A result for a file that produced nothing (yet): not readable, no tables, no findings, the given errors. */
export function unreadableResult(file: string, errors: FileError[] = [], debug?: string): FileResult {
  return {
    file,
    readable: false,
    ok: false,
    status: "unreadable",
    tables: [],
    findings: [],
    errors,
    notes: [],
    counts: { error: 0, warning: 0, explained: 0 },
    checks: 0,
    skipped: [],
    timing: { readMs: 0, checkMs: 0, markMs: 0 },
    debug,
  };
}
