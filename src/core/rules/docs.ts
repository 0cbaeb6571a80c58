/** The user documentation's rule list (docs/规则列表.md), rendered from the check catalogue. */
import { TABLE_KINDS } from "../catalog/vocabulary";
import type { CheckInfo } from "./registry";

const BASIS_ZH: Record<CheckInfo["basis"], string> = { mof: "财政部审核公式", template: "公开模板／公开要求", convention: "惯例" };
const SEVERITY_ZH: Record<CheckInfo["severity"], string> = { error: "强制", warning: "核实" };

/** Markdown table cell text: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

function tablesText(c: CheckInfo): string {
  if (!c.tables || c.tables.length === 0) return "—";
  return c.tables.map((t) => `${t}（${TABLE_KINDS[t]}）`).join("、");
}

/** The rule list as Markdown (zh-CN), grouped by scope, in catalogue order. */
export function renderRuleList(checks: readonly CheckInfo[]): string {
  const lines: string[] = [
    "# 规则列表",
    "",
    "<!-- 本文件由 scripts/gen-rule-docs.ts 根据规则数据生成，请勿手工修改。 -->",
    "",
    "财决助手的每一项检查都有编号、级别、依据、版本和公式说明。级别：**强制**为必须改正的错误，**核实**为需要核实并说明的提示。",
    "依据：**财政部审核公式**（决算软件的审核公式）、**公开模板／公开要求**（公开表的格式与公开要求中成立的恒等关系）、**惯例**（通常成立、但正当的调整会使其不成立，因此只作核实）。",
    "版本在检查的含义改变时提高。`caijue rules` 列出同样的内容（`--format json` 为机器可读格式）。",
    "",
    "金额按显示精度作区间比较（四舍五入的尾差不报错误）；某一方在表中未列示时不按 0 比较，而是列为“未执行”并说明原因。",
    "",
  ];
  const groups: [CheckInfo["scope"], string][] = [
    ["table", "表格检查"],
    ["narrative", "情况说明检查"],
  ];
  for (const [scope, title] of groups) {
    const list = checks.filter((c) => c.scope === scope);
    if (list.length === 0) continue;
    lines.push(`## ${title}（${list.length} 项）`, "", "| 编号 | 级别 | 依据 | 版本 | 涉及的表 | 公式说明 |", "|---|---|---|---|---|---|");
    for (const c of list) {
      const years = c.years ? `（仅适用于 ${c.years.join("、")} 年度）` : "";
      lines.push(`| ${cell(c.id)} | ${SEVERITY_ZH[c.severity]} | ${BASIS_ZH[c.basis]} | ${c.version} | ${cell(tablesText(c))} | ${cell(c.descriptionZh + years)} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
