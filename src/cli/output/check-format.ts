/**
 * Rendering of check results: text (streamed per file), the one-line-per-file --summary, JSON (one object),
 * JUnit XML, the batch summary, and the reviewer's summary file rows. Words (强制/核实, statuses) come from
 * src/app's locale modules, the same the add-in shows.
 */
import path from "node:path";
import { appMessages, type FileStatus } from "../../app/i18n/index";
import { basisText } from "../../core/i18n/findings";
import type { Lang } from "../../core/i18n/lang";
import type { FileResult } from "../check/result";
import { msg } from "../messages";
import { displayWidth, padEnd, safeText, type Paint } from "./color";

function statusText(r: FileResult, lang: Lang, paint: Paint): string {
  const word = appMessages(lang).status(r.status);
  if (r.status === "unreadable") return paint.red(word);
  if (r.status === "unchecked" && r.errors.some((e) => e.code === "uncalculated")) return paint.yellow(msg(lang, "check.not-checked-uncalculated"));
  if (r.status === "unchecked") return paint.yellow(`${word}${lang === "en-US" ? " (not a final-accounts workbook?)" : "（不是决算工作簿？）"}`);
  if (r.status === "failed") return paint.red(word);
  if (r.counts.warning > 0) return paint.yellow(msg(lang, "check.warnings-only"));
  return paint.green(word);
}

// Tokens a line may break between: a colour code (zero width), a number with its sign, separators, decimals
// and % (never split), a run of ASCII word characters, spaces, or any single other character (CJK).
// eslint-disable-next-line no-control-regex
const TOKEN = /\u001b\[\d+m|[-+−]?\d[\d,.]*%?|[A-Za-z_'!$:#@()[\]{}<>/\\|=*&^~`";?-]+| +|[\s\S]/gu;

const tokenWidth = (t: string): number => (t.charCodeAt(0) === 27 ? 0 : displayWidth(t));

/**
 * Wrap a line to `width` display columns, breaking only between words or CJK characters — never inside a
 * number — and indenting continuation lines. Without a width (output piped to a file) lines are not touched:
 * no terminal wraps them then.
 */
export function wrapLine(line: string, width: number | undefined, indent = "    "): string {
  if (!width || width < 20) return line;
  const tokens = line.match(TOKEN) ?? [];
  if (tokens.reduce((n, t) => n + tokenWidth(t), 0) <= width) return line;
  const out: string[] = [];
  let cur = "";
  let w = 0;
  for (const t of tokens) {
    const tw = tokenWidth(t);
    if (w > 0 && w + tw > width && cur.trim() !== "") {
      out.push(cur.trimEnd());
      cur = t === " " || /^ +$/.test(t) ? indent : indent + t;
      w = tokenWidth(cur);
    } else {
      cur += t;
      w += tw;
    }
  }
  if (cur.trim() !== "") out.push(cur.trimEnd());
  return out.join("\n");
}

/** Text block for one file (zh-CN or en-US). `width`: terminal columns when writing to a terminal. */
export function fileText(r: FileResult, lang: Lang, paint: Paint, width?: number): string {
  const lines: string[] = [];
  const en = lang === "en-US";
  lines.push(`${paint.bold(safeText(r.file))}  ${statusText(r, lang, paint)}`);
  if (!r.readable) {
    for (const e of r.errors) lines.push(`  ${safeText(e.message)}`);
    if (r.debug) lines.push(paint.dim(r.debug));
    return lines.map((l) => wrapLine(l, width)).join("\n");
  }
  if (r.unitName || r.year !== undefined) lines.push(`  ${msg(lang, "check.unit", { unit: safeText(r.unitName ?? "—"), year: r.year ?? "—" })}`);
  if (r.tables.length > 0) {
    const list = r.tables.map((t) => (en ? `${t.kind} "${safeText(t.sheet)}"` : `${t.kind}「${safeText(t.sheet)}」`)).join(en ? ", " : "、");
    lines.push(`  ${msg(lang, "check.tables", { n: r.tables.length, list })}`);
    lines.push(`  ${msg(lang, "check.counts-explained", { error: r.counts.error, warning: r.counts.warning, explained: r.counts.explained, checks: r.checks, skipped: r.skipped.length })}`);
  }
  const m = appMessages(lang);
  const open = r.findings.filter((f) => !f.explained).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const f of open) {
    const sev = f.severity === "error" ? paint.red(m.severity("error")) : paint.yellow(m.severity("warning"));
    const basis = f.basis ? paint.dim(lang === "en-US" ? ` [${basisText(f.basis, lang)}]` : `〔${basisText(f.basis, lang)}〕`) : "";
    const where = f.place ? `「${safeText(f.place)}」` : `${safeText(f.sheet)}!${f.cell}`;
    lines.push(`  ${sev} ${f.rule}${basis}  ${where}  ${safeText(f.message)}`);
  }
  for (const f of r.findings.filter((x) => x.explained)) {
    lines.push(`  ${paint.dim(`${msg(lang, "check.explained")}(${m.severity(f.severity)})`)} ${f.rule}  ${safeText(f.sheet)}!${f.cell}  ${safeText(f.message)}`);
    const who = m.explainedBy(f.explained!.by, f.explained!.at);
    lines.push(`    ${msg(lang, "check.explained-reason", { reason: safeText(f.explained!.reason) })}${who ? (en ? ` (${safeText(who)})` : `（${safeText(who)}）`) : ""}`);
  }
  if (r.skipped.length > 0) lines.push(`  ${paint.dim(msg(lang, "check.skipped-list", { list: r.skipped.map((s) => s.rule).join(en ? ", " : "、") }))}`);
  for (const n of r.notes) lines.push(`  ${paint.yellow(safeText(n))}`);
  for (const e of r.errors) {
    if (e.code === "rules-file-error") continue; // printed once for the batch
    if (e.code === "no-tables" && r.status === "unchecked") {
      lines.push(`  ${safeText(e.message)}`);
      continue;
    }
    lines.push(`  ${paint.red(msg(lang, "error.label"))}${en ? ": " : "："}${safeText(e.message)}`);
  }
  if (r.markedCopy) lines.push(`  ${msg(lang, "check.marked", { path: r.markedCopy })}`);
  if (r.debug) lines.push(paint.dim(r.debug));
  return lines.map((l) => wrapLine(l, width)).join("\n");
}

/** Rules with open findings (未通过的规则), in first-seen order. */
export function failedRules(r: FileResult): string[] {
  return [...new Set(r.findings.filter((f) => !f.explained).map((f) => f.rule))];
}

/** --summary: one line per file (unit, year, status, counts). */
export function summaryLine(r: FileResult, lang: Lang, paint: Paint): string {
  const status = appMessages(lang).status(r.status);
  const painted = r.status === "passed" ? paint.green(status) : r.status === "failed" || r.status === "unreadable" ? paint.red(status) : paint.yellow(status);
  return msg(lang, "check.summary-line", {
    file: safeText(r.file),
    unit: safeText(r.unitName ?? "—"),
    year: r.year ?? "—",
    status: painted,
    error: r.counts.error,
    warning: r.counts.warning,
    explained: r.counts.explained,
  });
}

/** One row of the reviewer's summary file (--summary-out): 文件, 编制单位, 年度, 状态, counts, 未通过的规则. */
export interface SummaryRow {
  file: string;
  unitName: string;
  year: number | null;
  status: FileStatus;
  error: number;
  warning: number;
  explained: number;
  skipped: number;
  failedRules: string;
}

export function summaryRow(r: FileResult): SummaryRow {
  return {
    file: r.file,
    unitName: r.unitName ?? "",
    year: r.year ?? null,
    status: r.status,
    error: r.counts.error,
    warning: r.counts.warning,
    explained: r.counts.explained,
    skipped: r.skipped.length,
    failedRules: failedRules(r).join(" "),
  };
}

/** The JSON shape: {"files":[…]}; severity stays "error" | "warning". */
/**
 * The --format json report written file by file, as results arrive: the same bytes as
 * `JSON.stringify({ files: results.map(jsonFile) }, null, 2) + "\n"`, without holding every result of a batch.
 */
export class JsonFilesWriter {
  private count = 0;
  constructor(private readonly out: (s: string) => void) {}

  /** Write one file's entry. */
  add(r: FileResult): void {
    // Nested two levels deep, every line of the entry is indented by four more spaces; JSON text has no raw newline
    // inside a string, so each newline is a line break of the layout.
    const entry = JSON.stringify(jsonFile(r), null, 2).replace(/\n/g, "\n    ");
    this.out(`${this.count++ === 0 ? '{\n  "files": [\n' : ",\n"}    ${entry}`);
  }

  /** Close the report (an empty list when no file was added). */
  end(): void {
    this.out(this.count === 0 ? '{\n  "files": []\n}\n' : "\n  ]\n}\n");
  }
}

export function jsonFile(r: FileResult): object {
  return {
    file: r.file,
    unitName: r.unitName ?? null,
    year: r.year ?? null,
    status: r.status,
    ok: r.ok,
    tables: r.tables,
    counts: r.counts,
    findings: r.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      message: f.message,
      // the rule's basis and version, when it has them (built-in rules and checks do; user rules not)
      ...(f.basis ? { basis: f.basis, ruleVersion: f.ruleVersion ?? 1 } : {}),
      ...(f.place ? { place: f.place, page: f.page ?? null, box: f.box ?? null } : {}),
      ...(f.explained ? { explained: f.explained } : {}),
    })),
    skipped: r.skipped.map((s) => ({ rule: s.rule, reason: s.reason, tables: s.tables, message: s.message })),
    errors: r.errors.map((e) => ({ code: e.code, message: e.message })),
    ...(r.notes.length ? { notes: r.notes } : {}),
    ...(r.markedCopy ? { marked: r.markedCopy } : {}),
  };
}

function xmlEscape(s: string): string {
  // Drop characters XML 1.0 cannot carry at all, then escape markup.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/**
 * JUnit classname: the unit (编制单位), else the file's name. Dashboards split a classname at its last dot into
 * package and class, so dots become "·" and a file name never turns into package "决算" class "xlsx".
 */
export function junitClassname(r: FileResult): string {
  const name = r.unitName ?? path.basename(r.file, path.extname(r.file));
  return name.replace(/\./g, "·");
}

/**
 * JUnit XML: one testsuite per file, one testcase per finding (强制 = failure, 核实 and 已说明 = passing case
 * with output). A file that could not be read or checked is a testcase with <error>: never a green pass.
 */
export function junitXml(results: FileResult[], lang: Lang): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const m = appMessages(lang);
  const colon = lang === "en-US" ? ": " : "：";
  const notChecked = (r: FileResult) => r.status === "unreadable" || r.status === "unchecked";
  const cases = (r: FileResult) => (notChecked(r) ? 1 : 0) + Math.max(notChecked(r) ? 0 : 1, r.findings.length);
  const tests = results.reduce((n, r) => n + cases(r), 0);
  const failures = results.reduce((n, r) => n + r.counts.error, 0);
  const errors = results.filter(notChecked).length;
  out.push(`<testsuites name="caijue check" tests="${tests}" failures="${failures}" errors="${errors}">`);
  for (const r of results) {
    const t = ((r.timing.readMs + r.timing.checkMs) / 1000).toFixed(3);
    const cls = xmlEscape(junitClassname(r));
    out.push(`  <testsuite name="${xmlEscape(r.file)}" tests="${cases(r)}" failures="${r.counts.error}" errors="${notChecked(r) ? 1 : 0}" time="${t}">`);
    if (notChecked(r)) {
      const why = r.errors.map((e) => e.message).join("; ") || m.status(r.status);
      out.push(`    <testcase classname="${cls}" name="${xmlEscape(r.status === "unreadable" ? (lang === "en-US" ? "read" : "读取") : m.status("unchecked"))}">`);
      out.push(`      <error type="${r.status}" message="${xmlEscape(`${m.status(r.status)}${colon}${why}`)}"/>`);
      out.push("    </testcase>");
    } else if (r.findings.length === 0) {
      out.push(`    <testcase classname="${cls}" name="${xmlEscape(m.status("passed"))}"/>`);
    }
    for (const f of r.findings) {
      const name = `${f.rule} ${f.sheet}!${f.cell}`;
      out.push(`    <testcase classname="${cls}" name="${xmlEscape(name)}">`);
      if (f.explained) out.push(`      <system-out>${xmlEscape(`${msg(lang, "check.explained")}(${m.severity(f.severity)})${colon}${f.explained.reason}${colon}${f.message}`)}</system-out>`);
      else if (f.severity === "error") out.push(`      <failure type="${xmlEscape(f.rule)}" message="${xmlEscape(`${m.severity("error")}${colon}${f.message}`)}"/>`);
      else out.push(`      <system-out>${xmlEscape(`${m.severity("warning")}${colon}${f.message}`)}</system-out>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}

/** Running totals for the summary table, kept small (no per-file data beyond counters). */
export class Summary {
  files = 0;
  passed = 0;
  failed = 0;
  unchecked = 0;
  unreadable = 0;
  readMs = 0;
  checkMs = 0;
  byRule = new Map<string, { findings: number; files: number; error: boolean }>();

  add(r: FileResult): void {
    this.files++;
    this.readMs += r.timing.readMs;
    this.checkMs += r.timing.checkMs;
    if (r.status === "unreadable") this.unreadable++;
    else if (r.status === "unchecked") this.unchecked++;
    else if (r.status === "passed") this.passed++;
    else this.failed++;
    const seen = new Set<string>();
    for (const f of r.findings) {
      if (f.explained) continue;
      const e = this.byRule.get(f.rule) ?? { findings: 0, files: 0, error: false };
      e.findings++;
      e.error ||= f.severity === "error";
      if (!seen.has(f.rule)) e.files++;
      seen.add(f.rule);
      this.byRule.set(f.rule, e);
    }
  }

  /** Text table printed at the end of a text-format batch. */
  render(lang: Lang, paint: Paint, seconds: number): string {
    const lines: string[] = [];
    lines.push(paint.bold(`── ${msg(lang, "summary.title")} ──`));
    const cells = [
      [msg(lang, "summary.files"), String(this.files)],
      [msg(lang, "summary.passed"), String(this.passed)],
      [msg(lang, "summary.failed"), String(this.failed)],
      [msg(lang, "summary.unchecked"), String(this.unchecked)],
      [msg(lang, "summary.unreadable"), String(this.unreadable)],
    ];
    lines.push(cells.map(([k, v]) => `${k} ${v}`).join("   "));
    if (this.byRule.size > 0) {
      lines.push(msg(lang, "summary.by-rule"));
      const rows = [...this.byRule.entries()].sort((a, b) => b[1].findings - a[1].findings || (a[0] < b[0] ? -1 : 1));
      const w = Math.max(8, ...rows.map(([r]) => r.length + 2));
      lines.push(`  ${padEnd(msg(lang, "summary.rule"), w)}${padEnd(msg(lang, "summary.findings"), 8)}${msg(lang, "summary.files-hit")}`);
      for (const [rule, e] of rows) {
        const label = e.error ? paint.red(padEnd(rule, w)) : paint.yellow(padEnd(rule, w));
        lines.push(`  ${label}${padEnd(String(e.findings), 8)}${e.files}`);
      }
    }
    lines.push(paint.dim(msg(lang, "summary.time", { sec: seconds.toFixed(1) })));
    return lines.join("\n");
  }
}
