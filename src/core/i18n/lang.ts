/** User-facing languages. zh-CN is the default everywhere; en-US is the second language. */
export type Lang = "zh-CN" | "en-US";

export const DEFAULT_LANG: Lang = "zh-CN";

/** Pick the zh-CN or en-US variant of a message. */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === "en-US" ? en : zh;
}
