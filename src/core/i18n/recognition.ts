/**
 * zh-CN and en-US rendering of a RecognitionResult: which tables were found where (range, unit, confidence),
 * which rows/columns could not be placed, which sheets were ignored and why. Cell text and sheet names are
 * untrusted: they are quoted as plain text, never interpreted.
 */
import { COLUMN_ROLES, ROW_ITEMS, TABLE_KINDS, type ColumnRole, type TableKind } from "../catalog/vocabulary";
import { toA1 } from "../workbook/snapshot";
import type { MetaSource, RecognitionIssue, RecognitionResult, TableView } from "../recognize/types";
import type { Lang } from "./lang";

const KIND_EN: Record<TableKind, string> = {
  T1: "Income and expenditure summary",
  T2: "Income table",
  T3: "Expenditure table",
  T4: "Fiscal appropriation income and expenditure summary",
  T5: "General public budget appropriation expenditure",
  T6: "General public budget basic expenditure",
  T7: "“Three public expenses” (appropriations)",
  T8: "Government fund budget appropriation income and expenditure",
  T9: "State capital operation budget appropriation income and expenditure",
  SC5: "Appropriation expenditure by government economic class (Sichuan 5)",
  SC7: "General public budget expenditure by government economic class (Sichuan 7)",
  SC9: "General public budget project expenditure (Sichuan 9)",
  SC12: "Government fund “three public expenses” (Sichuan 12)",
  Z01: "MOF 财决01 income and expenditure summary",
  Z05_1: "MOF 财决05-1 basic expenditure detail",
  Z07: "MOF 财决07 general public budget income and expenditure",
  F03: "MOF 财决附03 institution operation information",
};

const ROLE_EN: Record<ColumnRole, string> = {
  amount: "amount", total: "total", fiscal: "fiscal appropriation income", superior: "grants from superior",
  business: "business income", operating: "operating income", affiliated: "remittances from affiliates", other: "other income",
  basic: "basic expenditure", project: "project expenditure", upper: "remittances to superior", operating_exp: "operating expenditure",
  subsidy: "subsidies to affiliates", personnel: "personnel costs", public_exp: "public costs", gpb: "general public budget",
  gf: "government fund budget", soc: "state capital operation budget", budget_initial: "initial budget",
  budget_adjusted: "adjusted budget", budget: "budget", final: "final accounts", begin_balance: "opening balance",
  income: "income of the year", exp_total: "expenditure of the year", exp_basic: "basic expenditure of the year",
  exp_project: "project expenditure of the year", end_balance: "closing balance",
};

/** Display name of a table kind. */
export function kindName(kind: TableKind, lang: Lang): string {
  return lang === "en-US" ? KIND_EN[kind] : TABLE_KINDS[kind];
}

function roleName(role: string, lang: Lang): string {
  if (lang === "en-US") return ROLE_EN[role as ColumnRole] ?? role;
  return COLUMN_ROLES[role as ColumnRole] ?? role;
}

function rowName(key: string, lang: Lang): string {
  const zh = ROW_ITEMS[key as keyof typeof ROW_ITEMS];
  if (!zh) return key;
  // The user looks for the printed label, not our internal key (e.g. inc_use_surplus).
  return lang === "en-US" ? `"${zh}"` : zh;
}

/** Readable name of a catalogue variant id ("national", "sichuan", "mof-Z01" …); never the raw id in zh-CN. */
function variantName(variant: string, lang: Lang): string {
  const en = lang === "en-US";
  if (variant === "national") return en ? "national layout" : "全国统一格式";
  if (variant === "sichuan") return en ? "Sichuan layout" : "四川格式";
  if (variant.startsWith("mof-")) return en ? "MOF export" : "财政部决算软件导出";
  return variant;
}

function rangeText(t: TableView): string {
  return `${toA1(t.range.top, t.range.left)}:${toA1(t.range.bottom, t.range.right)}`;
}

const REASON: Record<string, [string, string]> = {
  empty: ["空工作表", "empty sheet"],
  "no-table": ["未找到财决报表", "no final-accounts table found"],
  "title-without-table": ["有表名，但找不到表头或数据", "a table title, but no recognisable header or data"],
  "rules-sheet": ["审核公式表（用户规则）", "user rules sheet (审核公式)"],
  "unknown-table": ["不在支持范围内的表", "a table this add-in does not know"],
  unreadable: ["无法读取", "could not be read"],
};

function reasonText(reason: string, lang: Lang): string {
  const m = /^(hidden|veryHidden):(.*)$/.exec(reason);
  const base = m ? m[2] : reason;
  const pair = REASON[base] ?? [base, base];
  const text = lang === "en-US" ? pair[1] : pair[0];
  if (!m) return text;
  return lang === "en-US" ? `${text} (hidden sheet)` : `${text}（隐藏工作表）`;
}

/** One recognition issue as a sentence naming the sheet and cell to look at. */
export function renderRecognitionIssue(i: RecognitionIssue, lang: Lang): string {
  const en = lang === "en-US";
  const sheet = i.sheet ?? "";
  const kind = i.kind ? kindName(i.kind, lang) : "";
  switch (i.code) {
    case "no-tables":
      return en
        ? "No final-accounts table was found in this workbook. Check that the sheets hold the final-accounts tables with their titles (e.g. 收入支出决算总表)."
        : "未在本工作簿中找到任何财决报表。请确认工作表中有带表名（如「收入支出决算总表」）的决算表。";
    case "unreadable-cell":
      return en
        ? `'${sheet}'!${i.address ?? ""} holds "${i.text ?? ""}" where an amount belongs (${kind})`
        : `「${sheet}」${i.address ?? ""} 的内容“${i.text ?? ""}”不是金额（${kind}）`;
    case "missing-column":
      return en
        ? `'${sheet}': ${kind} has no column for ${roleName(i.detail ?? "", lang)}`
        : `「${sheet}」${kind}缺少“${roleName(i.detail ?? "", lang)}”列`;
    case "missing-row":
      return en
        ? `'${sheet}': ${kind} has no row ${rowName(i.detail ?? "", lang)}`
        : `「${sheet}」${kind}缺少“${rowName(i.detail ?? "", lang)}”行`;
    case "unplaced-row":
      return en
        ? `'${sheet}'!${i.address ?? ""}: row "${i.text ?? ""}" of ${kind} could not be matched to an item or subject code`
        : `「${sheet}」${i.address ?? ""} 的行“${i.text ?? ""}”无法对应到${kind}的项目或科目编码`;
    case "ambiguous-table":
      return en
        ? `'${sheet}': the table could be ${kind} or ${i.detail ? kindName(i.detail as TableKind, lang) : "another table"}; check its title`
        : `「${sheet}」中的表既像${kind}，也像${i.detail ? kindName(i.detail as TableKind, lang) : "其他表"}，请核对表名`;
    case "duplicate-table":
      return en
        ? `${kind} appears twice: '${i.detail ?? ""}' and '${sheet}'; the first one is used`
        : `${kind}出现了两次：「${i.detail ?? ""}」和「${sheet}」，以第一张为准`;
    case "continued-table":
      return en
        ? `'${sheet}' continues ${kind} of '${i.detail ?? ""}'; its rows were read as part of that table`
        : `「${sheet}」是「${i.detail ?? ""}」中${kind}的续表，已并入该表读取`;
    case "name-from-code-book": {
      const [code, ...name] = (i.detail ?? "").split(" ");
      return en
        ? `'${sheet}'!${i.address ?? ""}: the name of subject ${code} is incomplete ("${i.text ?? ""}"); the code book's name "${name.join(" ")}" is used`
        : `「${sheet}」${i.address ?? ""} 科目 ${code} 的名称不完整（“${i.text ?? ""}”），已按科目代码取用科目名称“${name.join(" ")}”`;
    }
    case "unit-unknown":
      return en
        ? `'${sheet}': the unit of ${kind} is unclear (${i.detail ?? ""}); check 「单位：万元」/「单位：元」 above the table`
        : `「${sheet}」${kind}的金额单位不明确（${i.detail ?? ""}），请核对表上方的「单位：万元／元」`;
  }
}

/** One line per recognised table. */
function tableLine(t: TableView, lang: Lang): string {
  const en = lang === "en-US";
  const hidden = t.sheetVisibility && t.sheetVisibility !== "visible";
  const conf = `${Math.round(t.confidence * 100)}%`;
  const unitNote = t.unitStated === false ? (en ? " (default)" : "（默认）") : "";
  const empty = !t.empty
    ? ""
    : t.emptyNote
      ? en
        ? `; states it has no data ('${t.emptyNote.sheet}'!${t.emptyNote.address}: "${t.emptyNote.text}")`
        : `；表内注明无数据（「${t.emptyNote.sheet}」${t.emptyNote.address}：“${t.emptyNote.text}”）`
      : en
        ? "; no figures printed and no note saying the table is empty"
        : "；表内无任何数据，也未注明无数据";
  // The printed title when it differs from the standard name (Sichuan's 「收入总表」, a year prefix …).
  const printed = t.title && t.title !== TABLE_KINDS[t.kind] && t.title !== t.sheet ? (en ? ` "${t.title}"` : `「${t.title}」`) : "";
  return en
    ? `${kindName(t.kind, lang)}${printed} [${t.kind}, ${variantName(t.variant, lang)}]: sheet '${t.sheet}'${hidden ? " (hidden)" : ""} ${rangeText(t)}, unit ${t.unit === "万元" ? "10k yuan (万元)" : "yuan (元)"}${unitNote}, ${t.rows.length} ${t.rows.length === 1 ? "row" : "rows"}, confidence ${conf}${empty}`
    : `${kindName(t.kind, lang)}${printed}（${t.kind}，${variantName(t.variant, lang)}）：工作表「${t.sheet}」${hidden ? "（隐藏）" : ""} ${rangeText(t)}，单位 ${t.unit}${unitNote}，${t.rows.length} 行，可信度 ${conf}${empty}`;
}

const SOURCE: Record<MetaSource, [string, string]> = {
  option: ["调用参数", "the caller's setting"],
  "header-line": ["表头的编制单位行", "the 编制单位 line above a table"],
  title: ["表名或文档标题", "a table or document title"],
  cover: ["封面", "the cover sheet"],
  "sheet-name": ["工作表名", "a sheet name"],
  "file-name": ["文件名", "the file name"],
};

/** Render the whole recognition report as plain-text lines (zh-CN first, en-US on request). */
export function renderRecognitionReport(result: RecognitionResult, lang: Lang): string[] {
  const en = lang === "en-US";
  const lines: string[] = [];
  const from = (src: MetaSource | undefined): string => (src ? (en ? ` (from ${SOURCE[src][1]})` : `（取自${SOURCE[src][0]}）`) : "");
  const head = en
    ? `Recognised ${result.tables.length} table(s)${result.year ? `, year ${result.year}${from(result.yearSource)}` : ""}${result.unitName ? `, reporting entity: ${result.unitName}${from(result.unitNameSource)}` : ""}.`
    : `共识别 ${result.tables.length} 张表${result.year ? `，年度 ${result.year}${from(result.yearSource)}` : ""}${result.unitName ? `，编制单位：${result.unitName}${from(result.unitNameSource)}` : ""}。`;
  lines.push(head);
  for (const t of result.tables) {
    lines.push(`- ${tableLine(t, lang)}`);
    if (t.missingColumns.length > 0) {
      const cols = t.missingColumns.map((c) => roleName(c, lang)).join(en ? ", " : "、");
      lines.push(en ? `  missing columns: ${cols}` : `  缺少列：${cols}`);
    }
    if (t.missingRows.length > 0) {
      const rows = t.missingRows.map((r) => rowName(r, lang)).join(en ? ", " : "、");
      lines.push(en ? `  missing rows: ${rows}` : `  缺少行：${rows}`);
    }
    if (t.unplacedRows.length > 0) {
      const rows = t.unplacedRows.map((u) => (en ? `row ${u.sheetRow + 1} "${u.label}"` : `第${u.sheetRow + 1}行“${u.label}”`)).join(en ? ", " : "、");
      lines.push(en ? `  rows not placed: ${rows}` : `  未能归位的行：${rows}`);
    }
  }
  if (result.ignoredSheets.length > 0) {
    lines.push(en ? "Ignored sheets:" : "已忽略的工作表：");
    for (const s of result.ignoredSheets) lines.push(en ? `- '${s.sheet}': ${reasonText(s.reason, lang)}` : `- 「${s.sheet}」：${reasonText(s.reason, lang)}`);
  }
  const other = result.issues.filter((i) => i.code !== "missing-column" && i.code !== "missing-row" && i.code !== "unplaced-row");
  if (other.length > 0) {
    lines.push(en ? "Notes:" : "提示：");
    for (const i of other) lines.push(`- ${renderRecognitionIssue(i, lang)}`);
  }
  return lines;
}
