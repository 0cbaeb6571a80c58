/** Text report of a recognition result for `caijue recognize` (zh-CN / en-US). */
import { pick, type Lang } from "../../core/i18n/lang";
import type { RecognitionResult } from "../../core/recognize/types";
import { toA1 } from "../../core/workbook/snapshot";
import { safeText } from "./color";

/** One block per table, then ignored sheets and issues. Untrusted labels pass through safeText. */
export function recognitionText(r: RecognitionResult, lang: Lang): string {
  const lines: string[] = [];
  const head: string[] = [];
  if (r.unitName) head.push(pick(lang, `单位：${safeText(r.unitName)}`, `Unit: ${safeText(r.unitName)}`));
  if (r.year) head.push(pick(lang, `年度：${r.year}`, `Year: ${r.year}`));
  if (head.length) lines.push(head.join("  "));
  lines.push(pick(lang, `识别到 ${r.tables.length} 张表：`, `${r.tables.length} tables recognised:`));
  for (const t of r.tables) {
    const range = `${toA1(t.range.top, t.range.left)}:${toA1(t.range.bottom, t.range.right)}`;
    const conf = `${Math.round(t.confidence * 100)}%`;
    lines.push(`  ${t.kind}  「${safeText(t.sheet)}」!${range}  ${safeText(t.title)}  (${t.unit}, ${pick(lang, `${t.rows.length} 行`, `${t.rows.length} rows`)}, ${conf})${t.empty ? pick(lang, "  本表无数据", "  no data") : ""}`);
    if (t.missingRows.length) lines.push(`      ${pick(lang, "缺少行", "missing rows")}: ${t.missingRows.map(safeText).join("、")}`);
    if (t.missingColumns.length) lines.push(`      ${pick(lang, "缺少列", "missing columns")}: ${t.missingColumns.join("、")}`);
    for (const u of t.unplacedRows) lines.push(`      ${pick(lang, "无法归位的行", "unplaced row")} ${u.sheetRow + 1}: ${safeText(u.label)}`);
  }
  if (r.ignoredSheets.length) {
    lines.push(pick(lang, "未识别的工作表：", "Sheets not recognised:"));
    for (const s of r.ignoredSheets) lines.push(`  「${safeText(s.sheet)}」 ${safeText(s.reason)}`);
  }
  if (r.issues.length) {
    lines.push(pick(lang, "问题：", "Issues:"));
    for (const i of r.issues) {
      const where = [i.sheet ? `「${safeText(i.sheet)}」` : "", i.address ?? ""].join("");
      lines.push(`  ${i.code}${i.kind ? ` ${i.kind}` : ""} ${where} ${safeText(i.text ?? "")} ${safeText(i.detail ?? "")}`.trimEnd());
    }
  }
  return lines.join("\n");
}
