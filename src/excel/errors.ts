/**
 * Errors from Excel (Office.js RichApi errors carry a `code`) in the user's language. The raw English text
 * of the host means little to an accountant; the code says what happened, and the text says what to do.
 */
import type { Lang } from "../core/i18n/lang";

const CODES: Record<string, [string, string]> = {
  ItemNotFound: ["找不到要操作的工作表或单元格（可能刚被删除或改名），请重新校验", "a sheet or cell we needed is gone (deleted or renamed just now); validate again"],
  InvalidArgument: ["Excel 拒绝了这次操作的参数，请重新校验；若仍出现，请把工作簿另存后再试", "Excel refused the request's arguments; validate again, or save the workbook under a new name and retry"],
  InvalidOperation: ["Excel 当前不允许这项操作（可能正在编辑单元格），请先按 Enter 或 Esc 结束编辑后再试", "Excel does not allow this now (a cell may be in edit mode); press Enter or Esc and retry"],
  AccessDenied: ["工作簿或工作表受保护，无法写入标记；请取消保护后再试", "the workbook or sheet is protected; unprotect it and retry"],
  ResponsePayloadSizeLimitExceeded: ["工作簿太大，Excel 网页版一次读不完；请在 Excel 桌面版中校验", "the workbook is too large for Excel on the web to read at once; validate in Excel desktop"],
  RequestPayloadSizeLimitExceeded: ["要写入的内容太多，Excel 网页版拒绝了；请在 Excel 桌面版中校验", "too much to write for Excel on the web; validate in Excel desktop"],
  GeneralException: ["Excel 内部出错，请稍后重试", "Excel reported an internal error; retry in a moment"],
  Unauthenticated: ["Excel 需要重新登录后才能继续", "Excel needs you to sign in again"],
};

/** One line for the user: our words for a known Excel error code, else the error's own message (once). */
export function hostErrorText(e: unknown, lang: Lang): string {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : undefined;
  const known = code ? CODES[code] : undefined;
  if (known) return lang === "en-US" ? `${known[1]} (${code})` : `${known[0]}（${code}）`;
  return e instanceof Error ? e.message : String(e);
}
