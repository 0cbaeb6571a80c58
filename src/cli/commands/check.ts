/** caijue check <file|folder>... — batch validation with the contract's formats and exit codes. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Lang } from "../../core/i18n/lang";
import { UsageError, type ParsedArgs } from "../args";
import { collectInputs } from "../batch/walk";
import { DEFAULT_JOBS, defaultWorkerScript, runPool } from "../batch/pool";
import { unreadableResult, type CheckJobOptions, type FileResult } from "../check/result";
import { msg, readErrorText } from "../messages";
import { paintFor, safeText } from "../output/color";
import { fileText, JsonFilesWriter, junitXml, Summary, summaryLine, summaryRow, type SummaryRow } from "../output/check-format";
import { writeSummaryFile } from "../output/summary-file";
import { isSameFileAsAny } from "./out-file";
import { Progress } from "../output/progress";
import { cleanUpOnInterrupt } from "../mark/mark";
import { DEFAULT_MAX_ROWS } from "../xlsx/read-lean";
import { DEFAULT_MAX_SIZE_MB, DEFAULT_READER, type ReaderName } from "../xlsx/open";
import type { Io } from "../io";
import { launchInfo } from "../launch/info";

function inputProblem(file: string, code: "not-found" | "no-workbooks", lang: Lang): FileResult {
  const message = code === "not-found" ? readErrorText(lang, "not-found") : msg(lang, "usage.no-workbooks", { path: file });
  return unreadableResult(file, [{ code, message }]);
}

/** Run the check command; returns the exit code. */
export async function runCheck(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  const o = args.options;
  if (args.positionals.length === 0) throw new UsageError("usage.no-input");
  const format = (o.format as string) ?? "text";
  let rules: CheckJobOptions["rules"];
  if (typeof o.rules === "string") {
    try {
      rules = { text: await fs.readFile(o.rules, "utf8"), fileName: path.basename(o.rules) };
    } catch {
      throw new UsageError("usage.rules-unreadable", { path: o.rules });
    }
  }
  const summaryOut = typeof o["summary-out"] === "string" ? (o["summary-out"] as string) : undefined;
  if (summaryOut && !/\.(xlsx|csv)$/i.test(summaryOut)) throw new UsageError("usage.summary-out-ext", { path: summaryOut });
  const oneLine = Boolean(o.summary);
  const started = performance.now();
  const { files, problems } = await collectInputs(args.positionals);
  if (summaryOut && (await isSameFileAsAny(summaryOut, files))) throw new UsageError("usage.summary-out-is-input", { path: summaryOut });
  const options: CheckJobOptions = {
    lang,
    policy: (o.policy as "interval" | "exact") ?? "interval",
    reader: (o.reader as ReaderName) ?? DEFAULT_READER,
    maxSize: ((o["max-size"] as number) ?? DEFAULT_MAX_SIZE_MB) * 1024 * 1024,
    maxRows: (o["max-rows"] as number) ?? DEFAULT_MAX_ROWS,
    rules,
    markDir: typeof o.mark === "string" ? o.mark : undefined,
    inputPaths: files.map((f) => path.resolve(f)),
    debug: Boolean(o.debug),
  };
  const jobs = (o.jobs as number) ?? DEFAULT_JOBS;
  const paint = paintFor(io.stdout);
  const summary = new Summary();
  // JSON goes out file by file (a batch of thousands never sits in memory); JUnit needs the totals first.
  const json = format === "json" ? new JsonFilesWriter(io.out) : undefined;
  const collected: FileResult[] = [];
  const rows: SummaryRow[] = [];
  // Wrapped by us (never inside a number) only on a terminal; piped output keeps whole lines.
  const width = io.stdout.isTTY ? (io.stdout as { columns?: number }).columns : undefined;
  let anyError = false;
  let anyUnreadable = false;

  let rulesFileReported = false;
  const emit = (r: FileResult) => {
    summary.add(r);
    if (format === "text" && !rulesFileReported) {
      const once = r.errors.filter((e) => e.code === "rules-file-error");
      if (once.length > 0) {
        rulesFileReported = true;
        progress.clear();
        io.out(once.map((e) => paint.red(safeText(e.message))).join("\n") + "\n\n");
      }
    }
    if (r.status === "unreadable" || r.status === "unchecked" || r.errors.some((e) => e.code === "internal" || e.code === "mark-failed" || e.code === "no-tables" || e.code === "uncalculated")) anyUnreadable = true;
    if (r.counts.error > 0) anyError = true;
    if (summaryOut) rows.push(summaryRow(r));
    if (format === "text") {
      progress.clear();
      io.out(oneLine ? summaryLine(r, lang, paint) + "\n" : fileText(r, lang, paint, width) + "\n\n");
    } else if (json) {
      progress.clear();
      json.add(r);
    } else collected.push(r);
  };

  const progress = new Progress(files.length, io.stderr);
  // An interrupted batch leaves no temp copies or conversion folders behind.
  const releaseInterrupt = cleanUpOnInterrupt(options.markDir ? [options.markDir] : []);
  for (const p of problems) emit(inputProblem(p.path, p.code, lang));
  await runPool(files, options, {
    jobs,
    workerScript: io.workerScript ?? defaultWorkerScript(),
    onResult: (r) => emit(r),
    onProgress: (done) => progress.update(done),
  });
  releaseInterrupt();
  progress.clear();
  const wallMs = performance.now() - started;

  if (json) json.end();
  else if (format === "junit") io.out(junitXml(collected, lang));
  else if (summary.files > 1 || oneLine) io.out((oneLine ? "\n" : "") + summary.render(lang, paint, wallMs / 1000) + "\n");
  if (summaryOut) {
    await writeSummaryFile(summaryOut, rows, lang);
    io.err(msg(lang, "check.summary-written", { path: safeText(summaryOut) }) + "\n");
  }

  if (o.stats) {
    // Machine-readable figures for bench/cli.bench.ts.
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    // CPU time of the whole process, all threads: on a shared machine it shows what the work cost apart from waiting.
    const cpu = process.cpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    io.err(JSON.stringify({ stats: { files: summary.files, readMs: summary.readMs, checkMs: summary.checkMs, wallMs, cpuMs, maxRssMb, jobs, codeCache: launchInfo.codeCache } }) + "\n");
  }
  if (anyUnreadable) return 2;
  return anyError ? 1 : 0;
}
