/** Text report of a recognition result for `caijue recognize` (zh-CN / en-US), from the core's report renderer. */
import type { Lang } from "../../core/i18n/lang";
import { renderRecognitionReport } from "../../core/i18n/recognition";
import type { RecognitionResult } from "../../core/recognize/types";
import { safeText } from "./color";

/** The core's recognition report, one line each, with untrusted text made safe for a terminal. */
export function recognitionText(r: RecognitionResult, lang: Lang): string {
  return renderRecognitionReport(r, lang).map(safeText).join("\n");
}
