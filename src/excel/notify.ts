/**
 * Tell the user the result of a ribbon command. An ExecuteFunction command has no UI, and Office.js has no
 * toast API for Excel, so we open our small dialog page (src/dialog) with Office.context.ui.displayDialogAsync.
 * The ribbon also activates the report sheet, whose first row holds the same summary: if the dialog cannot
 * open (DialogApi missing, another dialog already open), the user still sees the result there.
 */
import type { Lang } from "../core/i18n/lang";

export type NoticeKind = "pass" | "fail" | "error";

/** URL of the dialog page next to the running page (same origin, as displayDialogAsync requires). */
export function dialogUrl(kind: NoticeKind, message: string, lang: Lang): string {
  const base = new URL("dialog.html", window.location.href);
  base.search = new URLSearchParams({ kind, lang, msg: message.slice(0, 1500) }).toString();
  return base.toString();
}

/** Open the result dialog; resolves once it opened (or failed to), never rejects. */
export function notify(kind: NoticeKind, message: string, lang: Lang): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      if (typeof Office === "undefined" || !Office.context?.ui?.displayDialogAsync) return resolve(false);
      Office.context.ui.displayDialogAsync(dialogUrl(kind, message, lang), { height: 30, width: 30, displayInIframe: true }, (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) {
          console.warn("[财决助手] dialog failed", res.error?.message);
          return resolve(false);
        }
        const dialog = res.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        resolve(true);
      });
    } catch (e) {
      console.warn("[财决助手] dialog failed", e);
      resolve(false);
    }
  });
}
