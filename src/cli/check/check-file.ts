/**
 * Read + check (+ mark) one file and reduce it to a compact, serialisable result. The check itself is the
 * application layer's checkWorkbook — the same use case the add-in runs — with the workbook's own state part
 * (已说明 explanations) applied, so the CLI and the add-in give the same findings, words and counts.
 */
import { checkWorkbook, skippedRules, type CheckOutcome } from "../../app/check";
import { cellMarks, reportRows } from "../../app/report";
import { stateFromXml } from "../../app/state";
import { renderRuleError, renderSkipped } from "../../core/i18n/findings";
import type { Lang } from "../../core/i18n/lang";
import { ProgramCache } from "../../core/rules/index";
import type { Finding } from "../../core/rules/types";
import { msg, readErrorText } from "../messages";
import { WorkbookReadError } from "../xlsx/errors";
import { openWorkbook } from "../xlsx/open";
import { writeMarkedCopy } from "../mark/mark";
import { unreadableResult, type CheckJobOptions, type CompactFinding, type FileResult } from "./result";

// Files of one batch usually share a layout: their compiled rule programs are reused (per worker process).
const programs = new ProgramCache(4);

function compact(f: Finding, explained?: CompactFinding["explained"]): CompactFinding {
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    sheet: f.target.sheet,
    cell: f.target.address,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    difference: f.difference ?? null,
    message: f.message,
    table: f.table,
    ...(explained ? { explained } : {}),
  };
}

/** The compact findings of an outcome: open ones first, then the explained ones with their explanation. */
export function compactFindings(o: CheckOutcome): CompactFinding[] {
  return [
    ...o.active.map((f) => compact(f)),
    ...o.explained.map((e) => compact(e.finding, { reason: e.explanation.reason, ...(e.explanation.by ? { by: e.explanation.by } : {}), at: e.explanation.at })),
  ];
}

function skippedInfo(o: CheckOutcome, lang: Lang): FileResult["skipped"] {
  return skippedRules(o).map((s) => ({ rule: s.rule, reason: s.reason, tables: s.tables, message: renderSkipped(s, lang) }));
}

/** Check one file. Never throws: every problem becomes part of the result. */
export async function checkFile(file: string, opts: CheckJobOptions): Promise<FileResult> {
  const result = unreadableResult(file);
  const t0 = performance.now();
  let opened;
  try {
    opened = await openWorkbook(file, { reader: opts.reader, maxSize: opts.maxSize, maxRows: opts.maxRows });
  } catch (e) {
    result.timing.readMs = performance.now() - t0;
    if (e instanceof WorkbookReadError) {
      result.errors.push({ code: e.code, message: readErrorText(opts.lang, e.code, e.detail) });
    } else {
      result.errors.push({ code: "internal", message: readErrorText(opts.lang, "internal") });
      if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
    }
    return result;
  }
  const t1 = performance.now();
  result.timing.readMs = t1 - t0;
  result.readable = true;
  result.status = "unchecked";
  for (const n of opened.notes) result.notes.push(msg(opts.lang, "note.rows-capped", { sheet: n.sheet, rows: n.rows }));

  let outcome: CheckOutcome | null = null;
  try {
    const userRules = opts.rules ? [{ text: opts.rules.text, fileName: opts.rules.fileName }] : undefined;
    outcome = checkWorkbook(opened.snapshot, stateFromXml(opened.stateXml), { policy: opts.policy, lang: opts.lang, userRules, cache: programs });
    const recognition = outcome.recognition;
    result.tables = recognition.tables.map((t) => ({ kind: t.kind, sheet: t.sheet }));
    if (recognition.unitName) result.unitName = recognition.unitName;
    if (recognition.year !== undefined) result.year = recognition.year;
    // A workbook without any 财决 table was not checked at all: never report it as passed.
    if (recognition.tables.length === 0) result.errors.push({ code: "no-tables", message: msg(opts.lang, "check.no-tables-error") });
    result.findings = compactFindings(outcome);
    result.counts = { error: outcome.counts.error, warning: outcome.counts.warning, explained: outcome.counts.explained };
    result.checks = outcome.result.checks;
    result.skipped = skippedInfo(outcome, opts.lang);
    result.status = outcome.status;
    for (const re of outcome.result.ruleErrors) {
      // Errors of the --rules file repeat in every file; the text report prints them once (code rules-file-error).
      const code = re.source.file ? "rules-file-error" : "rule-error";
      result.errors.push({ code, message: `${msg(opts.lang, "check.rule-error")}${opts.lang === "en-US" ? ": " : "："}${renderRuleError(re, opts.lang)}` });
    }
  } catch (e) {
    result.status = "unchecked";
    result.errors.push({ code: "internal", message: readErrorText(opts.lang, "internal") });
    if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
  }
  const t2 = performance.now();
  result.timing.checkMs = t2 - t1;
  result.ok = result.status === "passed";

  if (opts.markDir && outcome) {
    try {
      result.markedCopy = await writeMarkedCopy(file, { marks: cellMarks(outcome, opts.lang), report: reportRows(outcome, opts.lang) }, opts.markDir, opts.inputPaths, opts.lang);
    } catch (e) {
      const reason = e instanceof WorkbookReadError ? readErrorText(opts.lang, e.code, e.detail) : (e as Error)?.message ?? String(e);
      result.errors.push({ code: "mark-failed", message: msg(opts.lang, "check.mark-failed", { reason }) });
      if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
    }
    result.timing.markMs = performance.now() - t2;
  }
  return result;
}
