/**
 * Read + check (+ mark) one file and reduce it to a compact, serialisable result. The check itself is the
 * application layer's checkWorkbook — the same use case the add-in runs — with the workbook's own state part
 * (已说明 explanations) applied, so the CLI and the add-in give the same findings, words and counts.
 */
import path from "node:path";
import { checkWorkbook, skippedRules, type CheckOutcome } from "../../app/check";
import { cellMarks, reportRows } from "../../app/report";
import { stateFromXml } from "../../app/state";
import { renderRuleError, renderSkipped } from "../../core/i18n/findings";
import type { Lang } from "../../core/i18n/lang";
import { recognize } from "../../core/recognize/index";
import type { RecognitionResult } from "../../core/recognize/types";
import { ProgramCache } from "../../core/rules/index";
import type { Finding } from "../../core/rules/types";
import { msg, readErrorText, readNoteText } from "../messages";
import { WorkbookReadError } from "../xlsx/errors";
import { openInput } from "../pdf/open-input";
import { documentPlace, placeText } from "../../core/document/place";
import { MarkError, writeMarkedCopy, type MarkView } from "../mark/mark";
import { unreadableResult, type CheckJobOptions, type CompactFinding, type FileResult } from "./result";

// Files of one batch often share a layout: their compiled rule programs are reused (per worker thread). Two programs
// are kept, so files of two layouts in turn still reuse theirs; each of a consolidated workbook holds ~16,000 checks,
// and keeping four of them raised a batch's peak memory by ~10 MB over two (bench figures, one job). A single file
// compiles without the cache, whose layout and rule fingerprints would cost time for no reuse.
const programs = new ProgramCache(2);

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
    ...(f.basis ? { basis: f.basis } : {}),
    ...(f.ruleVersion !== undefined ? { ruleVersion: f.ruleVersion } : {}),
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
  let input;
  try {
    input = await openInput(file, { reader: opts.reader, maxSize: opts.maxSize, maxRows: opts.maxRows });
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
  result.status = "unchecked";
  for (const n of input.notes) if (n.code === "rows-capped") result.notes.push(readNoteText(opts.lang, n));

  let outcome: CheckOutcome | null = null;
  try {
    const describe = (recognition: RecognitionResult) => {
      result.tables = recognition.tables.map((t) => ({ kind: t.kind, sheet: t.sheet }));
      if (recognition.unitName) result.unitName = recognition.unitName;
      if (recognition.year !== undefined) result.year = recognition.year;
    };
    // Formulas saved without results (a script wrote them; Excel never calculated the file) read as empty cells:
    // checking their tables would pass or fail on numbers nobody sees. Such a file is reported as not checked.
    // (Only then is the workbook recognised on its own, to tell the sheets that hold tables.)
    if (input.notes.some((n) => n.code === "uncalculated")) {
      const recognition = recognize(input.snapshot);
      const tableSheets = new Set(recognition.tables.map((t) => t.sheet));
      for (const n of input.notes) {
        if (n.code !== "uncalculated") continue;
        if (tableSheets.has(n.sheet)) result.errors.push({ code: "uncalculated", message: readNoteText(opts.lang, n) });
        else result.notes.push(readNoteText(opts.lang, n));
      }
      if (result.errors.some((e) => e.code === "uncalculated")) {
        describe(recognition);
        return finish(result, t1, null, file, opts, input.kind !== "workbook");
      }
    }
    const userRules = opts.rules ? [{ text: opts.rules.text, fileName: opts.rules.fileName }] : undefined;
    // The add-in's state part travels with the workbook: its 已说明 explanations apply here too.
    const stateXml = (input as { stateXml?: string | null }).stateXml;
    outcome = checkWorkbook(input.snapshot, stateFromXml(stateXml), { policy: opts.policy, lang: opts.lang, userRules, cache: opts.inputPaths.length > 1 ? programs : undefined });
    describe(outcome.recognition);
    // A workbook without any 财决 table was not checked at all: never report it as passed.
    if (outcome.recognition.tables.length === 0) result.errors.push({ code: "no-tables", message: msg(opts.lang, "check.no-tables-error") });
    result.findings = compactFindings(outcome);
    // A table read from a PDF or Word file: say where on the page, not a synthetic cell address.
    const doc = input.document;
    // A blank form (the published national template) has tables but no figure at all: say so, it is not a unit.
    if (doc && outcome.recognition.tables.length > 0 && !input.snapshot.sheets.some((sh) => sh.values.some((row) => row.some((v) => typeof v === "number")))) {
      result.notes.push(msg(opts.lang, "check.template"));
    }
    if (doc) {
      for (const f of result.findings) {
        const p = documentPlace(doc.places, outcome.recognition, f.sheet, f.cell);
        if (!p) continue;
        f.place = placeText(p, opts.lang);
        f.page = p.page;
        if (p.box) f.box = p.box;
      }
    }
    result.counts = { error: outcome.counts.error, warning: outcome.counts.warning, explained: outcome.counts.explained };
    result.checks = outcome.result.checks;
    result.skipped = skippedInfo(outcome, opts.lang);
    result.status = outcome.status;
    // Ties not compared because one side is not printed: say which, rather than only counting them.
    for (const sk of outcome.result.skipped) if (sk.reason === "side-not-printed") result.notes.push(renderSkipped(sk, opts.lang));
    for (const re of outcome.result.ruleErrors) {
      // Errors of the --rules file repeat in every file; the text report prints them once (code rules-file-error).
      const code = re.source.file ? "rules-file-error" : "rule-error";
      result.errors.push({ code, message: `${msg(opts.lang, "check.rule-error")}${opts.lang === "en-US" ? ": " : "："}${renderRuleError(re, opts.lang)}` });
    }
  } catch (e) {
    result.status = "unchecked";
    result.errors.push({ code: "internal", message: msg(opts.lang, "check.internal", { file: path.basename(file) }) });
    if (opts.debug) result.debug = (e as Error)?.stack ?? String(e);
  }
  return finish(result, t1, outcome, file, opts, input.kind !== "workbook");
}

/** Timing, status and the marked copy, once the file has been checked (or found uncheckable). */
async function finish(result: FileResult, t1: number, outcome: CheckOutcome | null, file: string, opts: CheckJobOptions, isDocument = false): Promise<FileResult> {
  const t2 = performance.now();
  result.timing.checkMs = t2 - t1;
  if (result.errors.some((e) => e.code === "internal" || e.code === "no-tables" || e.code === "uncalculated")) result.status = "unchecked";
  result.ok = result.status === "passed";

  // A marked copy edits the workbook's own package; a PDF or Word input has none, so it is said instead of failing.
  if (opts.markDir && isDocument) result.notes.push(msg(opts.lang, "check.mark-document"));
  else if (opts.markDir) {
    try {
      const findings = outcome ? outcome.active : [];
      const view: MarkView | undefined = outcome ? { marks: cellMarks(outcome, opts.lang), report: reportRows(outcome, opts.lang) } : undefined;
      const copy = await writeMarkedCopy(file, findings, opts.markDir, opts.inputPaths, opts.lang, { tables: result.tables.length }, view);
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
