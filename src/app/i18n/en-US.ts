/** en-US words of the application layer (see messages.ts). */
import type { AppMessages } from "./messages";

export const enUS: AppMessages = {
  severity: (s) => (s === "error" ? "Error" : "Warning"),
  reportHeaders: ["Severity", "Rule", "Table", "Cell", "Expected", "Actual", "Difference", "Message", "Explained"],
  tableName: (kind, zh) => (zh ? `${kind} ${zh}` : kind),
  summary: (c) => {
    if (c.tables === 0) return "No final-accounts tables were recognised; nothing was checked.";
    const explained = c.explained > 0 ? `, ${c.explained} explained` : "";
    return `${c.error === 0 ? "Validation passed" : "Validation failed"}: ${c.error} errors, ${c.warning} warnings${explained}`;
  },
  status: (s) => ({ passed: "passed", failed: "failed", unchecked: "not checked", unreadable: "unreadable" })[s],
  explainedCell: (reason) => (reason === null ? "no" : `yes: ${reason}`),
  markLine: (severity, rule, message) => `[${severity === "error" ? "Error" : "Warning"} ${rule}] ${message}`,
  tolerance: (tol) => `rounding difference allowed ±${tol}`,
  difference: (v) => `difference ${v}`,
  zeroTerms: (n) => `${n} more terms are 0`,
  sharedCell: (where, rules) => `${where} takes part in ${rules.length} rules (${rules.join(", ")}); fixing this one cell is likely enough`,
  likelyCell: (where) => `Most likely cell to fix: ${where}`,
  explainForbidden: "An error must be fixed; it cannot be explained. Only warnings can be explained.",
  explainedBy: (by, at) => [by ? `by ${by}` : "", at ? `on ${at.slice(0, 10)}` : ""].filter(Boolean).join(" "),
  summaryColumns: ["File", "Unit", "Year", "Status", "Errors", "Warnings", "Explained", "Rules not run", "Failed rules"],
  narrativeFromFailedTables: (n) => `Note: the tables failed validation (${n} errors); numbers in this narrative may be wrong — fix the tables first.`,
  unverifiedTitle: "Could not be checked",
  line: (n) => `line ${n}`,
  editedSheetKept: (sheet, next) => `'${sheet}' holds edits of yours; to keep them, this write went to a new sheet '${next}'.`,
};
