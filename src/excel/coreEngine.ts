/** Binds the session to the real core: recognition (src/core/recognize) and validation (src/core/rules). */
import type { Lang } from "../core/i18n/lang";
import { recognize } from "../core/recognize/index";
import { compileForWorkbook, evaluate, recheck, type Program } from "../core/rules/index";
import { PLACEHOLDER_RULE, withPlaceholderFindings } from "../core/narrative/placeholder-findings";
import { setLastValidation } from "../functions/registry";
import type { Engine } from "./session";

// Ids of the rules of the last compiled program, so CJ.CHECK can answer #N/A for a misspelt rule id.
let knownRuleIds: string[] | undefined;
// Language of the last full evaluation: recheck() keeps it (the compiled program does too).
let lastLang: Lang = "zh-CN";

export const coreEngine: Engine<Program> = {
  recognize: (snapshot) => recognize(snapshot),
  compile: (recognition, snapshot) => {
    const program = compileForWorkbook(recognition, snapshot);
    knownRuleIds = [...program.rules.map((r) => r.id), PLACEHOLDER_RULE];
    return program;
  },
  // No `suppressed` here on purpose: the engine would drop those findings, and the session lists them as 已说明.
  // Rule N-PH (placeholders left in 「情况说明」) is not part of the compiled program: re-scanned on every run.
  evaluate: (program, snapshot, options) => {
    lastLang = options.lang;
    return withPlaceholderFindings(evaluate(program, snapshot, options), snapshot, { lang: options.lang });
  },
  recheck: (program, changed, snapshot) => {
    const res = recheck(program, changed, snapshot);
    return { ...withPlaceholderFindings(res, snapshot, { lang: lastLang }), unknownCells: res.unknownCells };
  },
  // CJ.CHECK reads the last result from the shared runtime.
  publish: (result) => setLastValidation(result, knownRuleIds),
};
