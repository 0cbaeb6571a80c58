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
import { fileText, jsonFile, junitXml, Summary } from "../output/check-format";
import { Progress } from "../output/progress";
import { cleanUpOnInterrupt } from "../mark/mark";
import { DEFAULT_MAX_ROWS } from "../xlsx/read-lean";
import { DEFAULT_MAX_SIZE_MB, DEFAULT_READER, type ReaderName } from "../xlsx/open";
import type { Io } from "../io";

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
  const started = performance.now();
  const { files, problems } = await collectInputs(args.positionals);
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
  const collected: FileResult[] = [];
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
    if (!r.readable || r.errors.some((e) => e.code === "internal" || e.code === "mark-failed" || e.code === "no-tables" || e.code === "uncalculated")) anyUnreadable = true;
    if (r.counts.error > 0) anyError = true;
    if (format === "text") {
      progress.clear();
      io.out(fileText(r, lang, paint) + "\n\n");
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

  if (format === "json") io.out(JSON.stringify({ files: collected.map(jsonFile) }, null, 2) + "\n");
  else if (format === "junit") io.out(junitXml(collected, lang));
  else if (summary.files > 1) io.out(summary.render(lang, paint, wallMs / 1000) + "\n");

  if (o.stats) {
    // Machine-readable figures for bench/cli.bench.ts.
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    // CPU time of the whole process, all threads: on a shared machine it shows what the work cost apart from waiting.
    const cpu = process.cpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    io.err(JSON.stringify({ stats: { files: summary.files, readMs: summary.readMs, checkMs: summary.checkMs, wallMs, cpuMs, maxRssMb, jobs } }) + "\n");
  }
  if (anyUnreadable) return 2;
  return anyError ? 1 : 0;
}
