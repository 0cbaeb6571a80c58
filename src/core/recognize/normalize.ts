/** A cell value as text, for recognition (the text keys for matching are in core/text/keys). */
import type { CellValue } from "../workbook/snapshot";

/** A cell value as text: numbers in their shortest form, booleans as TRUE/FALSE, empty for null. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
