/**
 * The one ValidationSession of this shared runtime. Webpack builds the ribbon commands and the task pane as
 * separate bundles loaded into the same page, so a module-level singleton would exist once per bundle; the
 * session is kept on globalThis instead, and the ribbon and the task pane see the same results and marks.
 */
import type { Lang } from "../core/i18n/lang";
import { OfficeHost } from "./officeHost";
import { ValidationSession } from "./session";

const KEY = "__caijueSession__";

/** Office's display language mapped to one of ours: Chinese variants → zh-CN, anything else → en-US. */
export function officeLang(): Lang {
  const display = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  if (!display) return "zh-CN";
  return /^zh/i.test(display) ? "zh-CN" : "en-US";
}

export function getSession(): ValidationSession {
  const g = globalThis as unknown as Record<string, ValidationSession | undefined>;
  let s = g[KEY];
  if (!s) {
    s = new ValidationSession(new OfficeHost(), officeLang());
    g[KEY] = s;
  }
  return s;
}
