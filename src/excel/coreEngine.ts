/** Binds the session to the real core: recognition (src/core/recognize) and validation (src/core/rules). */
import { recognize } from "../core/recognize/index";
import { compileForWorkbook, evaluate, recheck, type Program } from "../core/rules/index";
import { setLastValidation } from "../functions/registry";
import type { Engine } from "./session";

export const coreEngine: Engine<Program> = {
  recognize: (snapshot) => recognize(snapshot),
  compile: (recognition, snapshot) => compileForWorkbook(recognition, snapshot),
  // No `suppressed` here on purpose: the engine would drop those findings, and the session lists them as 已说明.
  evaluate: (program, snapshot, options) => evaluate(program, snapshot, options),
  recheck: (program, changed, snapshot) => recheck(program, changed, snapshot),
  // CJ.CHECK reads the last result from the shared runtime.
  publish: (result) => setLastValidation(result),
};
