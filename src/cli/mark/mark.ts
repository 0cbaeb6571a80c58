/**
 * --mark: a copy of the workbook with the finding cells filled (light red 强制 / amber 核实) and annotated, plus
 * a 「校验结果」 sheet linking to each cell. The copy is the input package edited in place (src/cli/xlsx/package):
 * every part other than the ones marking needs is byte for byte the input's. Written atomically (temp file in the
 * target folder, then rename), never over an input, never over the copy of another input of the same batch.
 */
import { promises as fs, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Lang } from "../../core/i18n/lang";
import type { Finding } from "../../core/rules/types";
import type { CellMark, ReportSheet } from "../../app/report";
import type { CellMarkEdit } from "../xlsx/package/edit";
import type { TableSheet } from "../xlsx/package/report-sheet";
import { isSameFileAsAny } from "../commands/out-file";
import { editPackage, PackageEditError } from "../xlsx/package/edit";
import { markMsg, whyText } from "./messages";
import { cellMarks, MARK_FILL, MARK_PREFIX, NOTE_AUTHOR, REPORT_SHEET, reportTable, type ReportContext } from "./report";

export { REPORT_SHEET };

/** A refusal or failure, already rendered as one line naming the file. */
export class MarkError extends Error {}

export interface MarkedCopy {
  path: string;
  /** Remarks to show with the file's result (renamed copy, findings without a cell), rendered. */
  notes: string[];
  /** Cells whose style was changed. */
  marked: number;
}

const TEMP_TAG = ".caijue-tmp-";

function copyName(file: string, n: number): string {
  const ext = path.extname(file);
  // A macro-enabled workbook keeps its extension: Excel refuses a .xlsm package saved as .xlsx.
  const outExt = ext.toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  const base = path.basename(file, ext);
  return `${base}${n > 1 ? ` (${n})` : ""}-校验${outExt}`;
}

/**
 * Output path of `file`'s marked copy in `dir`. Every input of the batch gets its own name, in input order:
 * the first 决算.xlsx gets 决算-校验.xlsx, the next one of that name 决算 (2)-校验.xlsx; no name is ever an
 * input's. Names compare case-insensitively (Windows and macOS folders do). Same answer in every worker.
 */
export function markedPath(file: string, dir: string, inputPaths: string[] = [file]): { path: string; renamed: boolean } {
  const me = path.resolve(file);
  return namePlan(dir, inputPaths).get(me) ?? namePlan(dir, [...inputPaths, file]).get(me)!;
}

let lastPlan: { dir: string; inputs: string[]; names: Map<string, { path: string; renamed: boolean }> } | undefined;

/** Copy names of a whole batch, computed once per worker (each file of the batch asks for the same plan). */
function namePlan(dir: string, inputs: string[]): Map<string, { path: string; renamed: boolean }> {
  // One batch per process: the same list arrives with every file, so a sample of it identifies the batch.
  const step = Math.max(1, Math.floor(inputs.length / 16));
  const same = (a: string[]) => {
    for (let i = 0; i < a.length; i += step) if (a[i] !== inputs[i]) return false;
    return a[a.length - 1] === inputs[inputs.length - 1];
  };
  if (lastPlan && lastPlan.dir === dir && lastPlan.inputs.length === inputs.length && same(lastPlan.inputs)) return lastPlan.names;
  const key = (p: string) => p.toLowerCase();
  const resolved = inputs.map((p) => path.resolve(p));
  const taken = new Set(resolved.map(key));
  const names = new Map<string, { path: string; renamed: boolean }>();
  // Next number to try per copy name: a thousand 决算.xlsx cost a thousand look-ups, not half a million.
  const nextN = new Map<string, number>();
  const outDir = path.resolve(dir);
  resolved.forEach((input) => {
    if (names.has(input)) return;
    const base = key(copyName(input, 1));
    let n = nextN.get(base) ?? 1;
    let candidate = path.join(outDir, copyName(input, n));
    while (taken.has(key(candidate))) candidate = path.join(outDir, copyName(input, ++n));
    nextN.set(base, n + 1);
    taken.add(key(candidate));
    names.set(input, { path: path.join(dir, copyName(input, n)), renamed: n > 1 });
  });
  lastPlan = { dir, inputs: [...inputs], names };
  return names;
}

/** What the shared application layer (src/app) decided to show: one mark per cell and the report rows. */
export interface MarkView {
  marks: CellMark[];
  report: ReportSheet;
}

const MAX_NOTE = 2000;
const WIDTHS = [8, 10, 16, 22, 14, 14, 12, 70, 10];

/** The app's marks as package edits (fill by severity, our note prefix). */
function editsOf(marks: CellMark[]): CellMarkEdit[] {
  return marks.map((m) => {
    const text = MARK_PREFIX + m.message;
    return { sheet: m.sheet, address: m.address, fill: MARK_FILL[m.severity], note: text.length > MAX_NOTE ? text.slice(0, MAX_NOTE - 1) + "…" : text };
  });
}

/** The app's report rows as the report sheet's table (same columns, summary on top, a link per row). */
function tableOf(report: ReportSheet): TableSheet {
  return {
    title: report.summary,
    headers: report.headers,
    widths: WIDTHS,
    rows: report.rows.map((r) => ({
      cells: [r.severity, r.rule, r.table, `${r.sheet}!${r.address}`, r.expected, r.actual, r.difference, r.message, r.explained],
      link: { col: 3, sheet: r.sheet, address: r.address },
      fill: MARK_FILL[r.level],
    })),
  };
}

/**
 * Write the marked copy; returns where. Throws MarkError with a rendered reason; the input is never written.
 * With `view` (the CLI's check), marks and rows come from the application layer shared with the add-in.
 */
export async function writeMarkedCopy(file: string, findings: Finding[], dir: string, inputPaths: string[], lang: Lang, ctx: ReportContext = { tables: 1 }, view?: MarkView): Promise<MarkedCopy> {
  const shown = path.basename(file);
  const { path: out, renamed } = markedPath(file, dir, inputPaths);
  if (await isSameFileAsAny(out, [file, ...inputPaths])) throw new MarkError(markMsg(lang, "is-input", { path: out }));
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xls" || ext === ".et") throw new MarkError(markMsg(lang, "old-xls", { file: shown }));
  let input: Uint8Array;
  try {
    input = new Uint8Array(await fs.readFile(file, { flag: "r" }));
  } catch (e) {
    throw new MarkError(markMsg(lang, "read-failed", { file: shown, why: whyText(lang, (e as NodeJS.ErrnoException).code) }));
  }
  const order = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  let edited;
  try {
    edited = editPackage(input, {
      marks: view ? editsOf(view.marks) : cellMarks(order, lang),
      author: NOTE_AUTHOR,
      table: { name: REPORT_SHEET, ...(view ? tableOf(view.report) : reportTable(findings, lang, ctx)) },
    });
  } catch (e) {
    if (e instanceof PackageEditError) throw new MarkError(markMsg(lang, e.code, { file: shown, part: e.part || "?" }));
    throw new MarkError(markMsg(lang, "bad-part", { file: shown, part: "?" }));
  }
  await writeAtomically(out, edited.bytes, lang);
  const notes: string[] = [];
  if (renamed) notes.push(markMsg(lang, "renamed", { name: path.basename(out) }));
  if (edited.notesSkipped.length) {
    const list = edited.notesSkipped.slice(0, 3).join("、") + (edited.notesSkipped.length > 3 ? " …" : "");
    notes.push(markMsg(lang, "threaded", { n: edited.notesSkipped.length, list }));
  }
  if (edited.unplaced.length) {
    const list = edited.unplaced.slice(0, 3).map((m) => `${m.sheet}!${m.address}`).join("、") + (edited.unplaced.length > 3 ? " …" : "");
    notes.push(markMsg(lang, "unplaced", { n: edited.unplaced.length, list }));
  }
  return { path: out, notes, marked: edited.restyled.length };
}

/**
 * Write `bytes` to `out` through a temp file in the same folder and a rename: a reader never sees a half-written
 * copy and an interrupted run leaves no 0-byte file under the copy's name.
 */
export async function writeAtomically(out: string, bytes: Uint8Array, lang: Lang): Promise<void> {
  const dir = path.dirname(out);
  const tmp = path.join(dir, `.${path.basename(out)}${TEMP_TAG}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new MarkError(markMsg(lang, "write-failed", { dir, why: whyText(lang, (e as NodeJS.ErrnoException).code) }));
  }
}

/**
 * Remove what this process left half-done in `dirs`: temp copies (ours carry the process id, so a batch running
 * next to us is not touched) and LibreOffice conversion folders. Synchronous: it runs from a signal handler.
 */
export function removeLeftovers(dirs: string[]): void {
  const mine = `${TEMP_TAG}${process.pid}-`;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (n.includes(mine)) rmSync(path.join(dir, n), { force: true });
  }
  let temps: string[] = [];
  try {
    temps = readdirSync(os.tmpdir());
  } catch {
    /* nothing to clean */
  }
  for (const n of temps) if (n.startsWith(`caijue-xls-${process.pid}-`)) rmSync(path.join(os.tmpdir(), n), { recursive: true, force: true });
}

/**
 * On Ctrl-C or SIGTERM: clean up (see removeLeftovers) and exit with 128 + signal number. Returns a function
 * that removes the handlers again.
 */
export function cleanUpOnInterrupt(dirs: string[]): () => void {
  let exiting = false;
  const handlers: [NodeJS.Signals, () => void][] = (["SIGINT", "SIGTERM", "SIGHUP"] as NodeJS.Signals[]).map((sig) => [
    sig,
    () => {
      // A second Ctrl-C while cleaning up must not kill the process half-way: the handler stays and ignores it.
      if (exiting) return;
      exiting = true;
      removeLeftovers(dirs);
      // A worker thread's write already under way can still create its temp file after this first pass: give
      // in-flight writes a moment to land, clean again, then exit.
      setTimeout(() => {
        removeLeftovers(dirs);
        process.exit(128 + (os.constants.signals[sig] ?? 2));
      }, 250);
    },
  ]);
  for (const [sig, h] of handlers) process.on(sig, h);
  return () => {
    for (const [sig, h] of handlers) process.removeListener(sig, h);
  };
}
