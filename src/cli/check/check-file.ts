/** Read + recognise + validate (+ mark) one file and reduce it to a compact, serialisable result. */
import { recognize } from "../../core/recognize/index";
import { validate } from "../../core/rules/index";
import type { Finding } from "../../core/rules/types";
import { renderRuleError } from "../../core/i18n/findings";
import { msg, readErrorText } from "../messages";
import { WorkbookReadError } from "../xlsx/errors";
import { openInput } from "../pdf/open-input";
import { documentPlace, placeText } from "../../core/document/place";
import { writeMarkedCopy } from "../mark/mark";
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
      result.errors.push({ code: "internal", message: readErrorText(opts.lang, "internal") });
      if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
    }
    return result;
  }
  const t1 = performance.now();
  result.timing.readMs = t1 - t0;
  result.readable = true;
  for (const n of outcome.notes) result.notes.push(msg(opts.lang, "note.rows-capped", { sheet: n.sheet, rows: n.rows }));

  let findings: Finding[] = [];
  try {
    const recognition = recognize(outcome.snapshot);
    const userRules = opts.rules ? [{ text: opts.rules.text, fileName: opts.rules.fileName }] : undefined;
    const vr = validate(recognition, outcome.snapshot, { policy: opts.policy, lang: opts.lang, userRules });
    findings = vr.findings;
    result.tables = recognition.tables.map((t) => ({ kind: t.kind, sheet: t.sheet }));
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
    for (const re of vr.ruleErrors) {
      // Errors of the --rules file repeat in every file; the text report prints them once (code rules-file-error).
      const code = re.source.file ? "rules-file-error" : "rule-error";
      result.errors.push({ code, message: `${msg(opts.lang, "check.rule-error")}${opts.lang === "en-US" ? ": " : "："}${renderRuleError(re, opts.lang)}` });
    }
  } catch (e) {
    result.errors.push({ code: "internal", message: readErrorText(opts.lang, "internal") });
    if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
  }
  const t2 = performance.now();
  result.timing.checkMs = t2 - t1;
  result.ok = result.counts.error === 0 && !result.errors.some((e) => e.code === "internal" || e.code === "no-tables");

  if (opts.markDir) {
    try {
      const out = await writeMarkedCopy(file, findings, opts.markDir, opts.inputPaths, opts.lang);
      result.markedCopy = out;
    } catch (e) {
      const reason = e instanceof WorkbookReadError ? readErrorText(opts.lang, e.code, e.detail) : (e as Error)?.message ?? String(e);
      result.errors.push({ code: "mark-failed", message: msg(opts.lang, "check.mark-failed", { reason }) });
      if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
    }
    result.timing.markMs = performance.now() - t2;
  }
  return result;
}

