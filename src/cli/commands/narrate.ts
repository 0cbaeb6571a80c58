/** caijue narrate <file> — the 情况说明 text, or JSON with each number's provenance. */
import { promises as fs } from "node:fs";
import type { Lang } from "../../core/i18n/lang";
import { generateNarrative, parseInputsSheet, renderNarrativeText, type Narrative } from "../../core/narrative/index";
import { recognize } from "../../core/recognize/index";
import { UsageError, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { msg } from "../messages";
import { isSameFileAsAny } from "./out-file";
import { openOne } from "./open-one";
import { safeText } from "../output/color";

/** JSON form: the text plus every section, paragraph and numeric span with its sources and arithmetic. */
export function narrativeJson(file: string, n: Narrative): object {
  return {
    file,
    style: n.style,
    text: renderNarrativeText(n),
    sections: n.sections,
    placeholders: n.placeholders,
  };
}

export async function runNarrate(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError("usage.arg-count", { count: 1, got: args.positionals.length });
  const file = args.positionals[0];
  const out = args.options.out as string | undefined;
  if (out && (await isSameFileAsAny(out, [file]))) throw new UsageError("usage.out-is-input", { path: out });
  const snapshot = await openOne(file, args, lang, io);
  if (!snapshot) return 2;
  const recognition = recognize(snapshot);
  if (recognition.tables.length === 0) io.err(msg(lang, "warn.no-tables", { file: safeText(file) }) + "\n");
  const inputs = parseInputsSheet(snapshot);
  const style = (args.options.style as "sichuan" | "shanghai" | undefined) ?? "sichuan";
  const narrative = generateNarrative(recognition, inputs, { style });
  const body = args.options.format === "json" ? JSON.stringify(narrativeJson(file, narrative), null, 2) + "\n" : renderNarrativeText(narrative) + "\n";
  // The text alone does not say how many gaps are left; tell the user on stderr so stdout stays the document.
  if (narrative.placeholders.length > 0) io.err(msg(lang, "narrate.placeholders", { n: narrative.placeholders.length }) + "\n");
  if (out) {
    await fs.writeFile(out, body, "utf8");
    io.err(msg(lang, "narrate.written", { path: out }) + "\n");
  } else io.out(body);
  return 0;
}
