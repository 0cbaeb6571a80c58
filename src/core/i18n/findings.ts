/**
 * zh-CN and en-US messages for validation findings, rule errors and skipped rules, rendered from the typed values
 * (the engine never builds user text elsewhere). Cell text is untrusted: it is quoted, never interpreted.
 */
import type { Finding, RuleError, SkippedRule } from "../rules/types";
import type { Lang } from "./lang";

const OP_FAIL_ZH: Record<string, string> = { "=": "≠", "<=": ">", ">=": "<" };

function str(v: string | number | undefined): string {
  return v === undefined ? "" : String(v);
}

/** Where the user must look: 「支出决算表」B7（行政运行·基本支出）. */
function whereZh(p: Finding["params"]): string {
  return `「${str(p.sheet)}」${str(p.address)}（${str(p.label)}）`;
}

function whereEn(p: Finding["params"]): string {
  return `'${str(p.sheet)}'!${str(p.address)} (${str(p.label)})`;
}

/** Left/right sides as "a + b = s" when there are several terms, else the single value. */
function side(expr: string, count: number, total: string | undefined): string {
  return count > 1 && total !== undefined ? `${expr} = ${total}` : expr;
}

function arithmetic(f: Finding, opText: string, tolWord: string): string {
  const p = f.params;
  const left = side(str(p.left), Number(p.leftCount), str(p.actual));
  const right = side(str(p.right), Number(p.rightCount), str(p.expected));
  const tol = str(p.tolerance);
  return `${left} ${opText} ${right}${tol && tol !== "0" ? tolWord.replace("{tol}", tol) : ""}`;
}

/** Render one finding as a message in the language asked for. */
export function renderFinding(f: Finding, lang: Lang): string {
  const p = f.params;
  const zh = lang !== "en-US";
  switch (f.code) {
    case "unreadable":
      return zh
        ? `「${str(p.sheet)}」${str(p.address)}（${str(p.label)}）的内容“${str(p.text)}”无法识别为金额，请改为数字或留空`
        : `'${str(p.sheet)}'!${str(p.address)} (${str(p.label)}): "${str(p.text)}" cannot be read as an amount; enter a number or leave it blank`;
    case "unevaluable":
      return zh
        ? `${str(p.ruleZh)}：无法校验，因为「${str(p.badSheet)}」${str(p.badAddress)} 的内容“${str(p.badText)}”不是有效金额（涉及 ${whereZh(p)}）`
        : `${str(p.ruleEn)}: cannot be checked because '${str(p.badSheet)}'!${str(p.badAddress)} holds "${str(p.badText)}", not an amount (involves ${whereEn(p)})`;
    case "negative":
      return zh
        ? `${str(p.ruleZh)}：${whereZh(p)} 为负数 ${str(p.actual)}`
        : `${str(p.ruleEn)}: ${whereEn(p)} is negative (${str(p.actual)})`;
    case "not-empty":
      return zh
        ? `${str(p.ruleZh)}：该表声明无数据，但 ${whereZh(p)} 为 ${str(p.actual)}（应为 ${str(p.expected)}）`
        : `${str(p.ruleEn)}: the table is declared empty, but ${whereEn(p)} is ${str(p.actual)} (should be ${str(p.expected)})`;
    case "placeholder":
      // Narrative text left unfinished (rule N-PH): name what is left, it is untrusted cell text so quoted only.
      if (p.kind === "template-remnant") {
        return zh
          ? `「${str(p.sheet)}」${str(p.address)} 留有模板备选字样「${str(p.text)}」，请按实际情况保留其一后再报送`
          : `'${str(p.sheet)}'!${str(p.address)} still holds the template alternative "${str(p.text)}"; keep the one that applies before submission`;
      }
      return zh
        ? `「${str(p.sheet)}」${str(p.address)} 留有占位符「${str(p.text)}」，请填写后再报送`
        : `'${str(p.sheet)}'!${str(p.address)} still holds the placeholder "${str(p.text)}"; fill it in before submission`;
    case "table-missing": {
      const layoutZh = p.layout === "sichuan" ? "四川公开模板的十三张附表" : "全国统一的九张公开表";
      const layoutEn = p.layout === "sichuan" ? "Sichuan's thirteen schedules" : "the nine national disclosure tables";
      return zh
        ? `公开表不完整：${layoutZh}中缺少第 ${str(p.position)} 张「${str(p.table)}」（共缺 ${str(p.missingCount)} 张）；没有数据的表也应公开并注明「本表无数据」`
        : `Incomplete disclosure: ${layoutEn} lack no. ${str(p.position)}, "${str(p.table)}" (${str(p.missingCount)} missing in all); a table without data is still published with a note that it has none`;
    }
    case "empty-without-note":
      return zh
        ? `「${str(p.sheet)}」的「${str(p.table)}」没有数据，但未注明原因（如「本单位无…，故本表无数据」），请补充说明`
        : `'${str(p.sheet)}': "${str(p.table)}" has no figures but no note saying why (e.g. "the unit had no such funds, so this table has no data"); add the note`;
    case "custom":
      return zh ? `${str(p.ruleZh)}：${whereZh(p)}` : `${str(p.ruleEn)}: ${whereEn(p)}`;
    default: {
      const op = OP_FAIL_ZH[str(p.op)] ?? "≠";
      const edge = p.boundary === 1;
      return zh
        ? `${str(p.ruleZh)}：${whereZh(p)} ${arithmetic(f, op, "（容差 ±{tol}）")}${edge ? "；差额恰在舍入边界上，可能是由已舍入的数相加产生的尾差，请核实" : ""}`
        : `${str(p.ruleEn)}: ${whereEn(p)} ${arithmetic(f, op, " (tolerance ±{tol})")}${edge ? "; the difference sits exactly on the rounding boundary, possibly a tail difference from adding rounded figures — please verify" : ""}`;
    }
  }
}

/** Render a rule error (its message is built in zh-CN by the compiler; en-US gets a short frame). */
export function renderRuleError(e: RuleError, lang: Lang): string {
  const where = e.source.sheet
    ? lang === "en-US"
      ? `sheet '${e.source.sheet}' row ${e.source.row ?? "?"}`
      : `「${e.source.sheet}」第 ${e.source.row ?? "?"} 行`
    : e.source.file
      ? lang === "en-US"
        ? `${e.source.file} line ${e.source.line ?? "?"}`
        : `${e.source.file} 第 ${e.source.line ?? "?"} 行`
      : "";
  if (lang === "en-US") return `${where ? `${where}: ` : ""}rule ${e.ruleId ?? "?"}: error at character ${e.position + 1} — ${e.messageEn ?? e.message}`;
  return `${where ? `${where}：` : ""}${e.message}`;
}

/** The first few references a side-not-printed skip lists (「T3[2010101, total]」 → 「2010101」). */
function notPrintedList(s: SkippedRule, en: boolean): string {
  const rows = [...new Set((s.missing ?? []).map((m) => /\[([^,\]]+)/.exec(m)?.[1] ?? m))];
  const shown = rows.slice(0, 8).join(en ? ", " : "、");
  if (rows.length <= 8) return shown;
  // The list is capped at 50 references.
  const capped = rows.length >= 50;
  if (en) return `${shown} … (${capped ? "50 or more" : rows.length} in all)`;
  return capped ? `${shown} 等 50 余项` : `${shown} 等 ${rows.length} 项`;
}

function yearsText(years: number[] | undefined): string {
  return (years ?? []).join("/");
}

/** Zh-CN / en-US name of a rule's basis, shown with its findings and in the rule list. */
export function basisText(basis: "mof" | "template" | "convention" | undefined, lang: Lang): string {
  const zh = lang !== "en-US";
  switch (basis) {
    case "mof":
      return zh ? "财政部审核公式" : "MOF validation formula";
    case "template":
      return zh ? "公开模板／公开要求" : "published template / disclosure requirement";
    case "convention":
      return zh ? "惯例（核实）" : "convention (verify)";
    default:
      return zh ? "用户规则" : "user rule";
  }
}

/** Render a skipped rule. */
export function renderSkipped(s: SkippedRule, lang: Lang): string {
  const tables = s.tables.join("、");
  if (lang === "en-US") {
    if (s.reason === "tables-absent") return `rule ${s.rule} skipped: table(s) ${s.tables.join(", ")} not found`;
    if (s.reason === "overridden") return `rule ${s.rule} replaced by a user rule`;
    if (s.reason === "cells-absent") return `rule ${s.rule} partly skipped: rows or columns it needs were not found in ${s.tables.join(", ")}`;
    if (s.reason === "side-not-printed") return `rule ${s.rule} partly not run: ${s.tables.join(", ")} does not print ${notPrintedList(s, true)}, so those ties were not compared with 0`;
    if (s.reason === "year-not-applicable") return `rule ${s.rule} not run: it encodes the ${yearsText(s.years)} layout and the workbook is of ${s.year}`;
    if (s.reason === "year-unknown") return `rule ${s.rule} not run: it encodes the ${yearsText(s.years)} layout and the workbook's year is not known`;
    return `rule ${s.rule} disabled`;
  }
  if (s.reason === "tables-absent") return `规则 ${s.rule} 未执行：工作簿中没有 ${tables}`;
  if (s.reason === "overridden") return `规则 ${s.rule} 已被用户规则替换`;
  if (s.reason === "side-not-printed") return `规则 ${s.rule} 部分未执行：${tables} 未列出 ${notPrintedList(s, false)}，这些表间勾稽未按 0 比较`;
  if (s.reason === "cells-absent") return `规则 ${s.rule} 部分未执行：${tables} 中未列示所需的行或列（未按 0 比较）`;
  if (s.reason === "year-not-applicable") return `规则 ${s.rule} 未执行：该公式按 ${yearsText(s.years)} 年度的行次编写，本工作簿为 ${s.year} 年度`;
  if (s.reason === "year-unknown") return `规则 ${s.rule} 未执行：该公式按 ${yearsText(s.years)} 年度的行次编写，未能确定本工作簿的年度`;
  return `规则 ${s.rule} 已停用`;
}
