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
import { parseStyleAssignments, resolveStyle, type StyleOptionProblem } from "../../core/narrative/style-options";
import { decodeText } from "./verify";

function problemText(lang: Lang, p: StyleOptionProblem): string {
  if (p.kind === "unknown-option") return msg(lang, "narrate.style-unknown", { name: p.name });
  if (p.kind === "bad-preset") return msg(lang, "narrate.style-bad-preset", { value: p.value });
  return msg(lang, "narrate.style-bad-value", { name: p.name, value: p.value, allowed: p.allowed });
}

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
  // Style: the preset, then the options of --style-file, then each --style-option (later wins).
  let fromFile: Record<string, unknown> = {};
  const styleFile = args.options["style-file"] as string | undefined;
  if (styleFile) {
    try {
      const parsed: unknown = JSON.parse(decodeText(new Uint8Array(await fs.readFile(styleFile))));
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      fromFile = parsed as Record<string, unknown>;
    } catch {
      io.err(msg(lang, "narrate.style-file-bad", { path: safeText(styleFile) }) + "\n");
      return 2;
    }
  }
  const pairs = parseStyleAssignments((args.options["style-option"] as string[] | undefined) ?? []);
  const preset = (args.options.style as string | undefined) ?? (typeof fromFile.preset === "string" ? fromFile.preset : "sichuan");
  const resolved = resolveStyle(preset, { ...fromFile, preset, ...pairs.options });
  const problems = [...pairs.problems, ...resolved.problems];
  if (problems.length) {
    for (const p of problems) io.err(`caijue narrate: ${problemText(lang, p)}\n`);
    io.err(msg(lang, "usage.see-help", { cmd: "narrate" }) + "\n");
    return 2;
  }
  const narrative = generateNarrative(recognition, inputs, { style: resolved.style });
  const body = args.options.format === "json" ? JSON.stringify(narrativeJson(file, narrative), null, 2) + "\n" : renderNarrativeText(narrative) + "\n";
  // The text alone does not say how many gaps are left; tell the user on stderr so stdout stays the document.
  if (narrative.placeholders.length > 0) io.err(msg(lang, "narrate.placeholders", { n: narrative.placeholders.length }) + "\n");
  if (out) {
    await fs.writeFile(out, body, "utf8");
    io.err(msg(lang, "narrate.written", { path: out }) + "\n");
  } else io.out(body);
  return 0;
}
