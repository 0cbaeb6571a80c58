/** caijue verify <workbook> <narrative.txt> — 核对 of a hand-written narrative against the workbook. */
import { promises as fs } from "node:fs";
import type { Lang } from "../../core/i18n/lang";
import { parseInputsSheet, verifyNarrative, type VerifyResult } from "../../core/narrative/index";
import { recognize } from "../../core/recognize/index";
import { UsageError, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { msg } from "../messages";
import { paintFor, safeText } from "../output/color";
import { openOne } from "./open-one";

/** Narrative text as UTF-8; files saved by older Chinese Windows tools are often GB18030, so fall back to it. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  return text.replace(/^\ufeff/, "");
}

/** The contract's JSON: {"claims":N,"mismatches":[…],"unverified":[…]}. */
export function verifyJson(r: VerifyResult): object {
  return {
    claims: r.claims.length,
    mismatches: r.mismatches.map((m) => ({
      excerpt: m.excerpt,
      offset: m.offset,
      claimed: m.claimed ?? null,
      expected: m.expected ?? null,
      cell: m.cell ?? null,
      severity: m.severity,
      message: m.message,
      ...(m.suggestion ? { suggestion: m.suggestion } : {}),
    })),
    unverified: r.unverified.map((u) => ({ excerpt: u.excerpt, offset: u.offset })),
  };
}

/** 1-based line of a character offset: people find a sentence by line in their editor, not by offset (JSON keeps the offset). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export async function runVerify(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  if (args.positionals.length !== 2) throw new UsageError("usage.arg-count", { count: 2, got: args.positionals.length });
  const [workbook, textFile] = args.positionals;
  let text: string;
  try {
    text = decodeText(new Uint8Array(await fs.readFile(textFile, { flag: "r" })));
  } catch {
    io.err(msg(lang, "verify.text-unreadable", { path: textFile }) + "\n");
    return 2;
  }
  const snapshot = await openOne(workbook, args, lang, io);
  if (!snapshot) return 2;
  const recognition = recognize(snapshot);
  if (recognition.tables.length === 0) io.err(msg(lang, "warn.no-tables", { file: safeText(workbook) }) + "\n");
  const result = verifyNarrative(text, recognition, parseInputsSheet(snapshot), { lang });
  const errors = result.mismatches.filter((m) => m.severity === "error").length;
  if (args.options.format === "json") io.out(JSON.stringify(verifyJson(result), null, 2) + "\n");
  else {
    const paint = paintFor(io.stdout);
    const lines: string[] = [];
    const at = (offset: number) => msg(lang, "verify.line", { line: lineOf(text, offset) });
    lines.push(msg(lang, "verify.claims", { claims: result.claims.length, mismatches: result.mismatches.length, errors, unverified: result.unverified.length }));
    for (const m of [...result.mismatches].sort((a, b) => a.offset - b.offset)) {
      const sev = m.severity === "error" ? paint.red(msg(lang, "sev.error")) : paint.yellow(msg(lang, "sev.warning"));
      lines.push(`  ${sev} ${at(m.offset)}  「${safeText(m.excerpt.replace(/\s+/g, " "))}」`);
      lines.push(`      ${safeText(m.message)}${m.suggestion ? `  → ${safeText(m.suggestion)}` : ""}`);
    }
    // "All agree" would be a false comfort when nothing at all could be matched (e.g. no tables recognised).
    const checked = result.claims.length - result.unverified.length;
    if (result.mismatches.length === 0 && checked > 0) lines.push(`  ${paint.green(msg(lang, "verify.all-good"))}`);
    else if (result.mismatches.length === 0 && result.claims.length > 0) lines.push(`  ${paint.yellow(msg(lang, "verify.none-checked"))}`);
    if (result.unverified.length > 0) {
      // The full list is in --format json; the terminal gets the first few.
      const SHOWN = 8;
      lines.push(paint.dim(`  ${msg(lang, "verify.unverified")}${lang === "en-US" ? ":" : "："}`));
      for (const u of result.unverified.slice(0, SHOWN)) lines.push(paint.dim(`    ${at(u.offset)}  「${safeText(u.excerpt.replace(/\s+/g, " "))}」`));
      if (result.unverified.length > SHOWN) lines.push(paint.dim(`    ${msg(lang, "verify.more", { n: result.unverified.length - SHOWN })}`));
    }
    io.out(lines.join("\n") + "\n");
  }
  return errors > 0 ? 1 : 0;
}
