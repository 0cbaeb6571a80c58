/**
 * Text written into cells must never turn into a formula (CSV/formula injection). Excel reads a leading
 * apostrophe as the "this is text" prefix and does not store it in the value, so prefixing survives both
 * `range.values` writes and a later save/reopen, whatever the cell's number format is.
 */

// = + - @ start formulas; tab/CR are the OWASP extras; full-width forms are converted by some IMEs.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/u;

/** True when Excel could read this text as a formula or a signed number. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Make a string safe to write through `range.values`: it will be stored as exactly `text`. */
export function asCellText(text: string): string {
  return looksLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}
