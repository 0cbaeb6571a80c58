/** The application layer's words for a language. */
import type { Lang } from "../../core/i18n/lang";
import { enUS } from "./en-US";
import type { AppMessages } from "./messages";
import { zhCN } from "./zh-CN";

export type { AppMessages, FileStatus, SummaryCounts } from "./messages";

/** Messages of one language (zh-CN unless en-US is asked for). */
export function appMessages(lang: Lang): AppMessages {
  return lang === "en-US" ? enUS : zhCN;
}
