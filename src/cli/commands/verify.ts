/**
 * caijue verify [<workbook>] <narrative.txt> — 核对 of a hand-written narrative against the workbook, or, with no
 * workbook (or one with no recognised tables), of the narrative against itself.
 */
import { promises as fs } from "node:fs";
import type { Lang } from "../../core/i18n/lang";
import { emptyInputs, parseInputsSheet, verifyNarrativeDocument, type VerifyResult } from "../../core/narrative/index";
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

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et)$/i;

export async function runVerify(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  const n = args.positionals.length;
  if (n !== 1 && n !== 2) throw new UsageError("usage.arg-count", { count: 2, got: n });
  // One argument is the narrative alone; a workbook alone has nothing to verify.
  if (n === 1 && WORKBOOK_EXT.test(args.positionals[0])) throw new UsageError("usage.verify-needs-text", { path: args.positionals[0] });
  const [workbook, textFile] = n === 2 ? args.positionals : [undefined, args.positionals[0]];
  let text: string;
  try {
    text = decodeText(new Uint8Array(await fs.readFile(textFile, { flag: "r" })));
  } catch {
    io.err(msg(lang, "verify.text-unreadable", { path: textFile }) + "\n");
    return 2;
  }
  let recognition;
  let inputs = emptyInputs();
  if (workbook !== undefined) {
    const snapshot = await openOne(workbook, args, lang, io);
    if (!snapshot) return 2;
    recognition = recognize(snapshot);
    inputs = parseInputsSheet(snapshot);
    if (recognition.tables.length === 0) io.err(msg(lang, "warn.no-tables", { file: safeText(workbook) }) + "\n" + msg(lang, "verify.text-only") + "\n");
  }
  const template = args.options.style as "sichuan" | "shanghai" | undefined;
  const result = verifyNarrativeDocument(text, recognition, inputs, { lang, template });
  // An empty text (or one with nothing to check) is not a pass.
  if (text.trim() === "" || (result.claims.length === 0 && result.mismatches.length === 0)) {
    if (args.options.format === "json") io.out(JSON.stringify({ ...verifyJson(result), nothingChecked: true }, null, 2) + "\n");
    io.err(msg(lang, text.trim() === "" ? "verify.empty" : "verify.nothing", { path: safeText(textFile) }) + "\n");
    return 2;
  }
  const errors = result.mismatches.filter((m) => m.severity === "error").length;
  if (args.options.format === "json") io.out(JSON.stringify(verifyJson(result), null, 2) + "\n");
  else {
    const paint = paintFor(io.stdout);
    const lines: string[] = [];
    const at = (offset: number) => msg(lang, "verify.line", { line: lineOf(text, offset) });
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
  return errors > 0 ? 1 : 0;
}
