/** Open the single workbook of narrate / verify / recognize; a read problem becomes one line and exit 2. */
import type { Lang } from "../../core/i18n/lang";
import type { WorkbookSnapshot } from "../../core/workbook/snapshot";
import type { ParsedArgs } from "../args";
import type { Io } from "../io";
import { msg, readErrorText, readNoteText } from "../messages";
import { WorkbookReadError } from "../xlsx/errors";
import { DEFAULT_MAX_SIZE_MB, type ReaderName } from "../xlsx/open";
import { openInput, type InputOutcome } from "../pdf/open-input";
import { DEFAULT_MAX_ROWS } from "../xlsx/read-lean";
import { safeText } from "../output/color";

/** The snapshot, or undefined after printing why the file could not be read. */
export async function openOne(file: string, args: ParsedArgs, lang: Lang, io: Io): Promise<WorkbookSnapshot | undefined> {
  return (await openOneInput(file, args, lang, io))?.snapshot;
}

/** The whole outcome (a PDF's or .docx's narrative and page places included), or undefined after printing why not. */
export async function openOneInput(file: string, args: ParsedArgs, lang: Lang, io: Io): Promise<InputOutcome | undefined> {
  const o = args.options;
  try {
    const outcome = await openInput(file, {
      reader: o.reader as ReaderName | undefined,
      maxSize: ((o["max-size"] as number) ?? DEFAULT_MAX_SIZE_MB) * 1024 * 1024,
      maxRows: (o["max-rows"] as number) ?? DEFAULT_MAX_ROWS,
    });
    for (const n of outcome.notes) io.err(`${safeText(file)}: ${readNoteText(lang, n)}\n`);
    return outcome;
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      io.err(`${safeText(file)}: ${msg(lang, "error.unreadable-prefix")} — ${readErrorText(lang, e.code, e.detail)}\n`);
      return undefined;
    }
    throw e;
  }
}
