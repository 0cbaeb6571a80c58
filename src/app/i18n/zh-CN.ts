/** zh-CN words of the application layer (see messages.ts). */
import type { AppMessages } from "./messages";

export const zhCN: AppMessages = {
  severity: (s) => (s === "error" ? "强制" : "核实"),
  reportHeaders: ["级别", "规则", "表", "单元格", "期望", "实际", "差额", "说明", "已说明"],
  tableName: (kind, zh) => zh ?? kind,
  summary: (c) => {
    if (c.tables === 0) return "未识别到任何财决表格，未执行校验。请确认工作簿包含决算报表。";
    const explained = c.explained > 0 ? `，${c.explained} 项已说明` : "";
    return `${c.error === 0 ? "校验通过" : "校验未通过"}：强制 ${c.error} 项，核实 ${c.warning} 项${explained}`;
  },
  status: (s) => ({ passed: "通过", failed: "未通过", unchecked: "未校验", unreadable: "无法读取" })[s],
  explainedCell: (reason) => (reason === null ? "否" : `是：${reason}`),
  markLine: (severity, rule, message) => `[${severity === "error" ? "强制" : "核实"} ${rule}] ${message}`,
  tolerance: (tol) => `四舍五入误差允许 ±${tol}`,
  difference: (v) => `差额 ${v}`,
  zeroTerms: (n) => `另 ${n} 项为 0`,
  sharedCell: (where, rules) => `${where} 同时涉及 ${rules.length} 条规则（${rules.join("、")}），很可能只需改这一个单元格`,
  likelyCell: (where) => `最可能需要修改：${where}`,
  explainForbidden: "强制项必须修改，不能标记为已说明；只有核实项可以说明。",
  explainedBy: (by, at) => [by ? `说明人：${by}` : "", at ? `时间：${at.slice(0, 10)}` : ""].filter(Boolean).join("，"),
  summaryColumns: ["文件", "编制单位", "年度", "状态", "强制数", "核实数", "已说明数", "未执行规则数", "未通过的规则"],
  narrativeFromFailedTables: (n) => `注意：报表校验未通过（强制 ${n} 项），以下说明中的数字可能有误，请先改正报表再生成。`,
  unverifiedTitle: "无法核对",
  line: (n) => `第 ${n} 行`,
  editedSheetKept: (sheet, next) => `「${sheet}」中有您改过的内容，为避免覆盖，本次写入新工作表「${next}」。`,
};
