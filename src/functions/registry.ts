/**
 * Last validation result of the current workbook, shared between the task pane / ribbon code (which runs the
 * validation and calls setLastValidation) and CJ.CHECK. Webpack builds the functions, commands and task pane
 * entries as separate bundles loaded into one shared-runtime page, so each bundle gets its own copy of this
 * module: the state therefore lives on globalThis under one key, not in a module variable.
 */
import type { ValidationResult } from "../core/rules/types";

type Listener = () => void;

interface RegistryState {
  result: ValidationResult | undefined;
  /** Rule ids the validator evaluated or knew, when the caller supplied them (for #N/A on unknown ids). */
  knownRules: Set<string> | undefined;
  listeners: Set<Listener>;
}

const KEY = "__caijueValidationRegistry__";

function state(): RegistryState {
  const g = globalThis as unknown as Record<string, RegistryState | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { result: undefined, knownRules: undefined, listeners: new Set() };
    g[KEY] = s;
  }
  return s;
}

/**
 * Record the latest validation of the current workbook (called by the Excel adapter after each run) and
 * refresh every CJ.CHECK cell. `knownRules` (optional) lists every rule id that exists, so CJ.CHECK can
 * answer #N/A for a misspelt id instead of 「通过」.
 */
export function setLastValidation(result: ValidationResult | undefined, knownRules?: Iterable<string>): void {
  const s = state();
  s.result = result;
  s.knownRules = knownRules ? new Set([...knownRules].map(normalizeRuleId)) : undefined;
  for (const l of [...s.listeners]) {
    try {
      l();
    } catch {
      // A failing listener (a cell that was deleted meanwhile) must not stop the others.
    }
  }
}

/** The latest validation result, if any. */
export function getLastValidation(): ValidationResult | undefined {
  return state().result;
}

/** Rule ids known from the last setLastValidation call (undefined when not supplied). */
export function getKnownRules(): ReadonlySet<string> | undefined {
  return state().knownRules;
}

/** Be told when a new validation result arrives; returns the unsubscribe function. */
export function onValidationChange(listener: Listener): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

/** Rule ids compare case-insensitively, with full-width letters/dashes folded (「Ｔ１－ａ」 = 「T1-a」). */
export function normalizeRuleId(id: string): string {
  return id
    .trim()
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, "-")
    .toUpperCase();
}
