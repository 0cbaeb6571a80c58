/** Rendering of check results: text (streamed per file), JSON (one object), JUnit XML, and the batch summary. */
import { basisText } from "../../core/i18n/findings";
import type { Lang } from "../../core/i18n/lang";
import type { FileResult } from "../check/result";
import { msg } from "../messages";
import { padEnd, safeText, type Paint } from "./color";

/** Text block for one file (zh-CN or en-US). */
export function fileText(r: FileResult, lang: Lang, paint: Paint, inputFailed = false): string {
  const lines: string[] = [];
  let status: string;
  if (!r.readable) status = paint.red(msg(lang, "check.unreadable"));
  else if (r.errors.some((e) => e.code === "no-tables")) status = paint.yellow(msg(lang, "check.not-checked"));
  else if (r.errors.some((e) => e.code === "uncalculated")) status = paint.yellow(msg(lang, "check.not-checked-uncalculated"));
  else if (!r.ok) status = paint.red(msg(lang, "check.failed"));
  else if (r.counts.warning > 0) status = paint.yellow(msg(lang, "check.warnings-only"));
  else status = paint.green(msg(lang, "check.ok"));
  lines.push(`${paint.bold(safeText(r.file))}  ${status}`);
  if (!r.readable) {
    for (const e of r.errors) lines.push(`  ${e.message}`);
    if (r.debug) lines.push(paint.dim(r.debug));
    return lines.join("\n");
  }
  if (inputFailed) return lines.join("\n");
  if (r.tables.length > 0) {
    const en = lang === "en-US";
    const list = r.tables.map((t) => (en ? `${t.kind} "${safeText(t.sheet)}"` : `${t.kind}「${safeText(t.sheet)}」`)).join(en ? ", " : "、");
    lines.push(`  ${msg(lang, "check.tables", { n: r.tables.length, list })}`);
    lines.push(`  ${msg(lang, "check.counts", { error: r.counts.error, warning: r.counts.warning, checks: r.checks, skipped: r.skipped })}`);
  }
  const sorted = [...r.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const f of sorted) {
    const sev = f.severity === "error" ? paint.red(msg(lang, "sev.error")) : paint.yellow(msg(lang, "sev.warning"));
    const basis = f.basis ? paint.dim(lang === "en-US" ? ` [${basisText(f.basis, lang)}]` : `〔${basisText(f.basis, lang)}〕`) : "";
    const where = f.place ? `「${safeText(f.place)}」` : `${safeText(f.sheet)}!${f.cell}`;
    lines.push(`  ${sev} ${f.rule}${basis}  ${where}  ${safeText(f.message)}`);
  }
  for (const n of r.notes) lines.push(`  ${paint.yellow(safeText(n))}`);
  for (const e of r.errors) {
    if (e.code === "rules-file-error") continue; // printed once for the batch
    lines.push(`  ${paint.red(msg(lang, "error.label"))}${lang === "en-US" ? ": " : "："}${safeText(e.message)}`);
  }
  if (r.markedCopy) lines.push(`  ${msg(lang, "check.marked", { path: r.markedCopy })}`);
  if (r.debug) lines.push(paint.dim(r.debug));
  return lines.join("\n");
}

/** The JSON shape of the contract (issue 8): {"files":[…]}. */
export function jsonFile(r: FileResult): object {
  return {
    file: r.file,
    ok: r.ok,
    tables: r.tables,
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
    })),
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

/** JUnit XML: one testsuite per file, one testcase per finding (强制 = failure), unreadable file = error. */
export function junitXml(results: FileResult[], lang: Lang): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const tests = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = results.reduce((n, r) => n + r.counts.error, 0);
  const errors = results.filter((r) => !r.readable).length;
  out.push(`<testsuites name="caijue check" tests="${tests}" failures="${failures}" errors="${errors}">`);
  for (const r of results) {
    const t = ((r.timing.readMs + r.timing.checkMs) / 1000).toFixed(3);
    const n = Math.max(1, r.findings.length);
    out.push(`  <testsuite name="${xmlEscape(r.file)}" tests="${n}" failures="${r.counts.error}" errors="${r.readable ? 0 : 1}" time="${t}">`);
    if (!r.readable) {
      out.push(`    <testcase classname="${xmlEscape(r.file)}" name="read">`);
      out.push(`      <error message="${xmlEscape(r.errors.map((e) => e.message).join("; "))}"/>`);
      out.push("    </testcase>");
    } else if (r.findings.length === 0) {
      out.push(`    <testcase classname="${xmlEscape(r.file)}" name="${xmlEscape(msg(lang, "check.ok"))}"/>`);
    }
    for (const f of r.findings) {
      const name = `${f.rule} ${f.sheet}!${f.cell}`;
      out.push(`    <testcase classname="${xmlEscape(r.file)}" name="${xmlEscape(name)}">`);
      if (f.severity === "error") out.push(`      <failure type="${xmlEscape(f.rule)}" message="${xmlEscape(f.message)}"/>`);
      else out.push(`      <system-out>${xmlEscape(`${msg(lang, "sev.warning")}${lang === "en-US" ? ": " : "："}${f.message}`)}</system-out>`);
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
  unreadable = 0;
  readMs = 0;
  checkMs = 0;
  byRule = new Map<string, { findings: number; files: number; error: boolean }>();

  add(r: FileResult): void {
    this.files++;
    this.readMs += r.timing.readMs;
    this.checkMs += r.timing.checkMs;
    if (!r.readable) this.unreadable++;
    else if (r.ok) this.passed++;
    else this.failed++;
    const seen = new Set<string>();
    for (const f of r.findings) {
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
