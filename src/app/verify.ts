/** 核对 as a person reads it: every mismatch and every unverified claim with the line it is on. */
import type { Lang } from "../core/i18n/lang";
import type { Mismatch, VerifyResult } from "../core/narrative/verify/index";
import { appMessages } from "./i18n/index";

/** 1-based line of an offset in the text (lines split at \n, \r\n or \r). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

export interface VerifyLine {
  line: number;
  /** "第 3 行". */
  where: string;
}

export interface VerifyView {
  mismatches: (Mismatch & VerifyLine)[];
  unverified: (VerifyResult["unverified"][number] & VerifyLine)[];
  /** Title of the 无法核对 list. */
  unverifiedTitle: string;
}

/** Add line numbers to a 核对 result, for the pane and the CLI. */
export function verifyView(text: string, result: VerifyResult, lang: Lang): VerifyView {
  const m = appMessages(lang);
  const at = (offset: number): VerifyLine => {
    const line = lineAt(text, offset);
    return { line, where: m.line(line) };
  };
  return {
    mismatches: result.mismatches.map((x) => ({ ...x, ...at(x.offset) })),
    unverified: result.unverified.map((x) => ({ ...x, ...at(x.offset) })),
    unverifiedTitle: m.unverifiedTitle,
  };
}
