/** Binds the session to the real core: recognition (src/core/recognize) and validation (src/core/rules). */
import { recognize } from "../core/recognize/index";
import { compileForWorkbook, evaluate, recheck, type Program } from "../core/rules/index";
import { setLastValidation } from "../functions/registry";
import type { Engine } from "./session";

// Ids of the rules of the last compiled program, so CJ.CHECK can answer #N/A for a misspelt rule id.
let knownRuleIds: string[] | undefined;

export const coreEngine: Engine<Program> = {
  recognize: (snapshot) => recognize(snapshot),
  compile: (recognition, snapshot) => {
    const program = compileForWorkbook(recognition, snapshot);
    knownRuleIds = program.rules.map((r) => r.id);
    return program;
  },
  // No `suppressed` here on purpose: the engine would drop those findings, and the session lists them as 已说明.
  evaluate: (program, snapshot, options) => evaluate(program, snapshot, options),
  recheck: (program, changed, snapshot) => recheck(program, changed, snapshot),
  // CJ.CHECK reads the last result from the shared runtime.
  publish: (result) => setLastValidation(result, knownRuleIds),
};
