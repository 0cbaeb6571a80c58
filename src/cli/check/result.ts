/** The compact per-file result a worker sends back: plain JSON, no snapshot, no workbook. */
import type { Severity } from "../../core/rules/types";

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
  /** No 强制 finding and readable. */
  ok: boolean;
  tables: { kind: string; sheet: string }[];
  findings: CompactFinding[];
  errors: FileError[];
  /** Non-fatal remarks (rows capped…), already rendered. */
  notes: string[];
  counts: { error: number; warning: number };
  checks: number;
  skipped: number;
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
    tables: [],
    findings: [],
    errors,
    notes: [],
    counts: { error: 0, warning: 0 },
    checks: 0,
    skipped: 0,
    timing: { readMs: 0, checkMs: 0, markMs: 0 },
    debug,
  };
}
