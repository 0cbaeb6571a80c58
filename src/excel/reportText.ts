/**
 * Text the adapter writes into the workbook or shows from the ribbon: report headers, severity words and the
 * one-line summary. zh-CN first, en-US second.
 */
import { TABLE_KINDS } from "../core/catalog/vocabulary";
import type { Lang } from "../core/i18n/lang";
import { pick } from "../core/i18n/lang";
import type { Severity } from "../core/rules/types";

export function reportHeaders(lang: Lang): string[] {
  return lang === "en-US"
    ? ["Severity", "Rule", "Table", "Cell", "Expected", "Actual", "Difference", "Message", "Explained"]
    : ["级别", "规则", "表", "单元格", "期望", "实际", "差额", "说明", "已说明"];
}

export function severityWord(severity: Severity, lang: Lang): string {
  return severity === "error" ? pick(lang, "错误", "Error") : pick(lang, "提示", "Warning");
}

export function tableName(kind: string | undefined, lang: Lang): string {
  if (!kind) return "";
  const zh = (TABLE_KINDS as Record<string, string>)[kind];
  return zh ? (lang === "en-US" ? `${kind} ${zh}` : zh) : kind;
}

export interface SummaryCounts {
  error: number;
  warning: number;
  explained: number;
  tables: number;
}

/** "校验通过：0 个错误，3 个提示" or "校验未通过：2 个错误，3 个提示", plus explained and no-table cases. */
export function summaryLine(c: SummaryCounts, lang: Lang): string {
  if (c.tables === 0) {
    return pick(lang, "未识别到任何财决表格，未执行校验。请确认工作簿包含决算报表。", "No final-accounts tables were recognised; nothing was checked.");
  }
  const explained = c.explained > 0 ? pick(lang, `，${c.explained} 条已说明`, `, ${c.explained} explained`) : "";
  if (c.error === 0) {
    return pick(lang, `校验通过：0 个错误，${c.warning} 个提示${explained}`, `Validation passed: 0 errors, ${c.warning} warnings${explained}`);
  }
  return pick(lang, `校验未通过：${c.error} 个错误，${c.warning} 个提示${explained}`, `Validation failed: ${c.error} errors, ${c.warning} warnings${explained}`);
}
