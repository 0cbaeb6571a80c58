/**
 * Ribbon handlers (ExecuteFunction). Each one reports its result or error to the user and always calls
 * event.completed(), whatever happens, so Excel never waits on a stuck button.
 */
import { pick } from "../core/i18n/lang";
import { hostErrorText } from "../excel/errors";
import { notify } from "../excel/notify";
import { getSession } from "../excel/runtime";

/** Ribbon 「校验」: validate, mark cells, write and activate 「校验结果」, then show the summary. */
export async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const session = getSession();
  try {
    const outcome = await session.validate({ trigger: "ribbon", activateReport: true });
    await notify(outcome.counts.error > 0 ? "fail" : "pass", outcome.summary, session.lang);
  } catch (e) {
    console.error("[财决助手] validate failed", e);
    // The dialog's title already says the validation could not run: the message is the reason only.
    await notify("error", hostErrorText(e, session.lang), session.lang);
  } finally {
    event.completed();
  }
}

/** Ribbon 「清除标记」: restore every marked cell's original fill and note. */
export async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  const session = getSession();
  try {
    await session.clearMarks();
  } catch (e) {
    console.error("[财决助手] clear marks failed", e);
    await notify("error", pick(session.lang, `清除标记未完成：${hostErrorText(e, session.lang)}`, `Clearing marks did not finish: ${hostErrorText(e, session.lang)}`), session.lang);
  } finally {
    event.completed();
  }
}
