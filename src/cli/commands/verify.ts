/**
 * caijue verify <workbook> <narrative.txt|.docx|.pdf> — 核对 of a hand-written narrative against the workbook;
 * caijue verify <决算.pdf|.docx> — the narrative inside a published document against the tables inside it;
 * caijue verify <narrative.txt> — the narrative against itself (also when the tables hold no 财决 table).
 */
import { promises as fs } from "node:fs";
import type { Lang } from "../../core/i18n/lang";
import { emptyInputs, parseInputsSheet, verifyNarrativeDocument, type VerifyResult } from "../../core/narrative/index";
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
      ...(m.checkId ? { check: m.checkId } : {}),
      excerpt: m.excerpt,
      offset: m.offset,
      claimed: m.claimed ?? null,
      // From other stated numbers (no workbook), the arithmetic: 「1.2 ÷ 24.00 × 100 = 5.00」.
      expected: m.arithmetic ?? m.expected ?? null,
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

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et)$/i;

export async function runVerify(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  const n = args.positionals.length;
  if (n !== 1 && n !== 2) throw new UsageError("usage.arg-count", { count: 2, got: n });
  // One argument is a published PDF/Word document (its narrative against its own tables) or a narrative alone;
  // a workbook alone has nothing to verify.
  if (n === 1 && WORKBOOK_EXT.test(args.positionals[0])) throw new UsageError("usage.verify-needs-text", { path: args.positionals[0] });
  const oneDocument = n === 1 && DOCUMENT_EXTS.has(path.extname(args.positionals[0]).toLowerCase());
  const tablesFile = n === 2 || oneDocument ? args.positionals[0] : undefined;
  const narrativeFile = n === 2 ? args.positionals[1] : args.positionals[0];
  let text: string;
  let spans: TextSpan[] | undefined;
  let recognition;
  let inputs = emptyInputs();
  if (tablesFile !== undefined) {
    const input = await openOneInput(tablesFile, args, lang, io);
    if (!input) return 2;
    recognition = recognize(input.snapshot);
    inputs = parseInputsSheet(input.snapshot);
    if (recognition.tables.length === 0) io.err(msg(lang, "warn.no-tables", { file: safeText(tablesFile) }) + "\n" + msg(lang, "verify.text-only") + "\n");
    if (oneDocument) {
      text = input.document?.narrative ?? "";
      spans = input.document?.spans;
    }
  }
  if (!oneDocument) {
    const narrative = await readNarrative(narrativeFile, args, lang, io);
    if (!narrative) return 2;
    ({ text, spans } = narrative);
  }
  text ??= "";
  const template = args.options.style as "sichuan" | "shanghai" | undefined;
  const result = verifyNarrativeDocument(text, recognition, inputs, { lang, template });
  // An empty text (or one with nothing to check) is not a pass.
  if (text.trim() === "" || (result.claims.length === 0 && result.mismatches.length === 0)) {
    if (args.options.format === "json") io.out(JSON.stringify({ ...verifyJson(result), nothingChecked: true }, null, 2) + "\n");
    const key = text.trim() === "" ? (oneDocument ? "verify.no-narrative" : "verify.empty") : "verify.nothing";
    io.err(`${msg(lang, key, { path: safeText(narrativeFile) })}\n`);
    return 2;
  }
  const errors = result.mismatches.filter((m) => m.severity === "error").length;
  if (args.options.format === "json") {
    const json = verifyJson(result) as { mismatches: { offset: number; page?: number }[]; unverified: { offset: number; page?: number }[] };
    if (spans && spans.length > 0) for (const m of [...json.mismatches, ...json.unverified]) m.page = pageAt(spans, m.offset) ?? undefined;
    io.out(JSON.stringify(json, null, 2) + "\n");
  } else {
    const paint = paintFor(io.stdout);
    const lines: string[] = [];
    // A PDF's narrative is found by page; a text file's by line.
    const at = (offset: number) => {
      const page = spans && spans.length > 0 ? pageAt(spans, offset) : undefined;
      return page !== undefined ? msg(lang, "verify.page", { page }) : msg(lang, "verify.line", { line: lineOf(text, offset) });
    };
    if (result.mode === "text") lines.push(msg(lang, "verify.mode-text"));
    lines.push(msg(lang, "verify.claims", { claims: result.claims.length, mismatches: result.mismatches.length, errors, unverified: result.unverified.length }));
    for (const m of [...result.mismatches].sort((a, b) => a.offset - b.offset)) {
      const sev = m.severity === "error" ? paint.red(msg(lang, "sev.error")) : paint.yellow(msg(lang, "sev.warning"));
      lines.push(`  ${sev} ${at(m.offset)}  「${safeText(m.excerpt.replace(/\s+/g, " "))}」`);
      lines.push(`      ${safeText(m.message)}${m.suggestion ? `  → ${safeText(m.suggestion)}` : ""}${m.checkId ? paint.dim(`  [${m.checkId}]`) : ""}`);
      if (m.arithmetic) lines.push(paint.dim(`      ${safeText(m.arithmetic)}`));
    }
    // "All agree" would be a false comfort when nothing at all could be matched (e.g. no tables recognised).
    const checked = result.claims.length - result.unverified.length;
    const textMode = result.mode === "text";
    if (result.mismatches.length === 0 && checked > 0) lines.push(`  ${paint.green(msg(lang, textMode ? "verify.all-good-text" : "verify.all-good"))}`);
    else if (result.mismatches.length === 0 && result.claims.length > 0) lines.push(`  ${paint.yellow(msg(lang, textMode ? "verify.none-checked-text" : "verify.none-checked"))}`);
    if (result.unverified.length > 0) {
      // The full list is in --format json; the terminal gets the first few.
      const SHOWN = 8;
      lines.push(paint.dim(`  ${msg(lang, result.mode === "text" ? "verify.unverified-text" : "verify.unverified")}${lang === "en-US" ? ":" : "："}`));
      for (const u of result.unverified.slice(0, SHOWN)) lines.push(paint.dim(`    ${at(u.offset)}  「${safeText(u.excerpt.replace(/\s+/g, " "))}」`));
      if (result.unverified.length > SHOWN) lines.push(paint.dim(`    ${msg(lang, "verify.more", { n: result.unverified.length - SHOWN })}`));
    }
    io.out(lines.join("\n") + "\n");
  }
  if (errors > 0) return 1;
  // Claims found but none could be matched (all unverified) is not a pass either.
  const checked = result.claims.length - result.unverified.length;
  return checked > 0 || result.mismatches.length > 0 ? 0 : 2;
}
