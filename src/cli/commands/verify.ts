/**
 * caijue verify <workbook> <narrative.txt|.docx|.pdf> — 核对 of a hand-written narrative against the workbook;
 * caijue verify <决算.pdf|.docx> — the narrative inside a published document against the tables inside it.
 */
import { promises as fs } from "node:fs";
import type { Lang } from "../../core/i18n/lang";
import { parseInputsSheet, verifyNarrative, type VerifyResult } from "../../core/narrative/index";
import { recognize } from "../../core/recognize/index";
import { UsageError, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { msg } from "../messages";
import { paintFor, safeText } from "../output/color";
import { openOneInput } from "./open-one";
import path from "node:path";
import { pageAt } from "../../core/document/pages";
import type { TextSpan } from "../../core/document/types";
import { DOCUMENT_EXTS } from "../pdf/open-input";

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

/** The narrative of the second argument: a .txt (UTF-8 or GB18030), or the prose of a PDF or Word file. */
async function readNarrative(file: string, args: ParsedArgs, lang: Lang, io: Io): Promise<{ text: string; spans?: TextSpan[] } | undefined> {
  let head: Uint8Array;
  try {
    head = new Uint8Array(await fs.readFile(file, { flag: "r" }));
  } catch {
    io.err(msg(lang, "verify.text-unreadable", { path: safeText(file) }) + "\n");
    return undefined;
  }
  const ext = path.extname(file).toLowerCase();
  const isPdf = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024)).indexOf("%PDF-") >= 0;
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (isPdf || isZip || DOCUMENT_EXTS.has(ext) || ext === ".doc") {
    const input = await openOneInput(file, args, lang, io);
    if (!input) return undefined;
    if (!input.document) {
      io.err(`${safeText(file)}: ${msg(lang, "verify.not-narrative")}\n`);
      return undefined;
    }
    return { text: input.document.narrative, spans: input.document.spans };
  }
  return { text: decodeText(head) };
}

export async function runVerify(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  const n = args.positionals.length;
  if (n !== 1 && n !== 2) throw new UsageError("usage.arg-count", { count: 2, got: n });
  const [workbook, textFile] = args.positionals;
  // One argument: a published PDF or Word file whose narrative is checked against its own tables.
  if (n === 1 && !DOCUMENT_EXTS.has(path.extname(workbook).toLowerCase())) throw new UsageError("usage.arg-count", { count: 2, got: n });
  const input = await openOneInput(workbook, args, lang, io);
  if (!input) return 2;
  const snapshot = input.snapshot;
  let text: string;
  let spans: TextSpan[] | undefined;
  if (n === 1) {
    text = input.document?.narrative ?? "";
    spans = input.document?.spans;
  } else {
    const narrative = await readNarrative(textFile, args, lang, io);
    if (!narrative) return 2;
    ({ text, spans } = narrative);
  }
  const narrativeFile = n === 1 ? workbook : textFile;
  if (text.trim() === "") {
    io.err(`${safeText(narrativeFile)}: ${msg(lang, "verify.no-narrative")}\n`);
    return 2;
  }
  const recognition = recognize(snapshot);
  if (recognition.tables.length === 0) io.err(msg(lang, "warn.no-tables", { file: safeText(workbook) }) + "\n");
  const result = verifyNarrative(text, recognition, parseInputsSheet(snapshot), { lang });
  const errors = result.mismatches.filter((m) => m.severity === "error").length;
  if (args.options.format === "json") {
    const json = verifyJson(result) as { mismatches: { offset: number; page?: number }[]; unverified: { offset: number; page?: number }[] };
    if (spans && spans.length > 0) for (const m of [...json.mismatches, ...json.unverified]) m.page = pageAt(spans, m.offset) ?? undefined;
    io.out(JSON.stringify(json, null, 2) + "\n");
  }
  else {
    const paint = paintFor(io.stdout);
    const lines: string[] = [];
    // A PDF's narrative is found by page; a text file's by line.
    const at = (offset: number) => {
      const page = spans && spans.length > 0 ? pageAt(spans, offset) : undefined;
      return page !== undefined ? msg(lang, "verify.page", { page }) : msg(lang, "verify.line", { line: lineOf(text, offset) });
    };
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
  // Nothing found or nothing checkable is never a pass: say so and exit 2 (could not check).
  const checked = result.claims.length - result.unverified.length;
  if (result.claims.length === 0) {
    io.err(`${safeText(narrativeFile)}: ${msg(lang, "verify.no-claims")}\n`);
    return 2;
  }
  if (errors > 0) return 1;
  return checked > 0 ? 0 : 2;
}
