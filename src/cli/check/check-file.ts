/** Read + recognise + validate (+ mark) one file and reduce it to a compact, serialisable result. */
import path from "node:path";
import { recognize } from "../../core/recognize/index";
import { validate } from "../../core/rules/index";
import type { Finding } from "../../core/rules/types";
import { renderRuleError, renderSkipped } from "../../core/i18n/findings";
import { msg, readErrorText, readNoteText } from "../messages";
import { WorkbookReadError } from "../xlsx/errors";
import { openInput } from "../pdf/open-input";
import { documentPlace, placeText } from "../../core/document/place";
import { MarkError, writeMarkedCopy } from "../mark/mark";
import { unreadableResult, type CheckJobOptions, type CompactFinding, type FileResult } from "./result";

function compact(f: Finding): CompactFinding {
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
    ...(f.basis ? { basis: f.basis } : {}),
    ...(f.ruleVersion !== undefined ? { ruleVersion: f.ruleVersion } : {}),
  };
}


/** Check one file. Never throws: every problem becomes part of the result. */
export async function checkFile(file: string, opts: CheckJobOptions): Promise<FileResult> {
  const result = unreadableResult(file);
  const t0 = performance.now();
  let outcome;
  try {
    outcome = await openInput(file, { reader: opts.reader, maxSize: opts.maxSize, maxRows: opts.maxRows });
  } catch (e) {
    result.timing.readMs = performance.now() - t0;
    if (e instanceof WorkbookReadError) {
      result.errors.push({ code: e.code, message: readErrorText(opts.lang, e.code, e.detail) });
    } else {
      result.errors.push({ code: "internal", message: msg(opts.lang, "read.failed", { file: path.basename(file) }) });
      if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
    }
    return result;
  }
  const t1 = performance.now();
  result.timing.readMs = t1 - t0;
  result.readable = true;
  for (const n of outcome.notes) if (n.code === "rows-capped") result.notes.push(readNoteText(opts.lang, n));

  let findings: Finding[] = [];
  try {
    const recognition = recognize(outcome.snapshot);
    // Formulas saved without results (a script wrote them; Excel never calculated the file) read as empty cells:
    // checking their tables would pass or fail on numbers nobody sees. Such a file is reported as not checked.
    const tableSheets = new Set(recognition.tables.map((t) => t.sheet));
    for (const n of outcome.notes) {
      if (n.code !== "uncalculated") continue;
      if (tableSheets.has(n.sheet)) result.errors.push({ code: "uncalculated", message: readNoteText(opts.lang, n) });
      else result.notes.push(readNoteText(opts.lang, n));
    }
    result.tables = recognition.tables.map((t) => ({ kind: t.kind, sheet: t.sheet }));
    if (result.errors.some((e) => e.code === "uncalculated")) return finish(result, t1, findings, file, opts, outcome.kind !== "workbook");
    const userRules = opts.rules ? [{ text: opts.rules.text, fileName: opts.rules.fileName }] : undefined;
    const vr = validate(recognition, outcome.snapshot, { policy: opts.policy, lang: opts.lang, userRules });
    findings = vr.findings;
    // A workbook without any 财决 table was not checked at all: never report it as passed.
    if (recognition.tables.length === 0) result.errors.push({ code: "no-tables", message: msg(opts.lang, "check.no-tables-error") });
    result.findings = vr.findings.map(compact);
    // A table read from a PDF or Word file: say where on the page, not a synthetic cell address.
    const doc = outcome.document;
    // A blank form (the published national template) has tables but no figure at all: say so, it is not a unit.
    if (doc && recognition.tables.length > 0 && !outcome.snapshot.sheets.some((sh) => sh.values.some((row) => row.some((v) => typeof v === "number")))) {
      result.notes.push(msg(opts.lang, "check.template"));
    }
    if (doc) {
      for (const f of result.findings) {
        const p = documentPlace(doc.places, recognition, f.sheet, f.cell);
        if (!p) continue;
        f.place = placeText(p, opts.lang);
        f.page = p.page;
        if (p.box) f.box = p.box;
      }
    }
    result.counts = { error: vr.counts.error, warning: vr.counts.warning };
    result.checks = vr.checks;
    result.skipped = vr.skipped.length;
    // Ties not compared because one side is not printed: say which, rather than only counting them.
    for (const sk of vr.skipped) if (sk.reason === "side-not-printed") result.notes.push(renderSkipped(sk, opts.lang));
    for (const re of vr.ruleErrors) {
      // Errors of the --rules file repeat in every file; the text report prints them once (code rules-file-error).
      const code = re.source.file ? "rules-file-error" : "rule-error";
      result.errors.push({ code, message: `${msg(opts.lang, "check.rule-error")}${opts.lang === "en-US" ? ": " : "："}${renderRuleError(re, opts.lang)}` });
    }
  } catch (e) {
    result.errors.push({ code: "internal", message: msg(opts.lang, "check.internal", { file: path.basename(file) }) });
    if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
  }
  return finish(result, t1, findings, file, opts, outcome.kind !== "workbook");
}

/** Timing, status and the marked copy, once the file has been checked (or found uncheckable). */
async function finish(result: FileResult, t1: number, findings: Finding[], file: string, opts: CheckJobOptions, isDocument = false): Promise<FileResult> {
  const t2 = performance.now();
  result.timing.checkMs = t2 - t1;
  result.ok = result.counts.error === 0 && !result.errors.some((e) => e.code === "internal" || e.code === "no-tables" || e.code === "uncalculated");

  // A marked copy edits the workbook's own package; a PDF or Word input has none, so it is said instead of failing.
  if (opts.markDir && isDocument) result.notes.push(msg(opts.lang, "check.mark-document"));
  else if (opts.markDir) {
    try {
      const copy = await writeMarkedCopy(file, findings, opts.markDir, opts.inputPaths, opts.lang, { tables: result.tables.length });
      result.markedCopy = copy.path;
      result.notes.push(...copy.notes);
    } catch (e) {
      // MarkError carries a rendered reason naming the file; anything else is said without library wording.
      const reason = e instanceof MarkError ? e.message : readErrorText(opts.lang, "internal");
      result.errors.push({ code: "mark-failed", message: msg(opts.lang, "check.mark-failed", { reason }) });
      if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
    }
    result.timing.markMs = performance.now() - t2;
  }
  return result;
}

