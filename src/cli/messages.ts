/** CLI strings, zh-CN first with en-US. Findings and recognition text come from core/i18n, not from here. */
import type { Lang } from "../core/i18n/lang";
import type { ReadErrorCode } from "./xlsx/errors";
import type { ReadNote } from "./xlsx/read-lean";

const M = {
  // Read errors: one line each, no stack trace.
  "read.not-found": ["文件或文件夹不存在", "file or folder does not exist"],
  "read.no-access": ["没有读取权限", "permission denied"],
  "read.empty": ["文件为空（0 字节）", "file is empty (0 bytes)"],
  "read.too-large": ["文件过大（{sizeMb} MB，上限 {limitMb} MB，可用 --max-size 调整）", "file too large ({sizeMb} MB, limit {limitMb} MB; see --max-size)"],
  "read.encrypted": ["文件设置了打开密码（已加密），请在 Excel 中取消密码后另存再校验", "file is password-protected (encrypted); remove the password in Excel and save again"],
  "read.old-xls": ["文件是旧版 .xls 格式或已加密，扩展名与内容不符；请在 Excel 中另存为 .xlsx", "file is an old .xls workbook or encrypted, not .xlsx; save it as .xlsx in Excel"],
  "read.not-zip": ["不是 Excel 工作簿（内容不是 .xlsx 格式，可能是改了扩展名的 CSV 或文本文件）", "not an Excel workbook (not .xlsx content; perhaps a renamed CSV or text file)"],
  "read.truncated": ["文件已损坏或不完整（ZIP 结构无法读取，可能下载或复制中断）", "file is damaged or truncated (unreadable ZIP structure)"],
  "read.not-workbook": ["不是有效的 Excel 工作簿（缺少或损坏工作簿内容）", "not a valid Excel workbook (workbook parts missing or damaged)"],
  "read.xls-no-converter": ["旧版 .xls/.et 文件需要本机安装 LibreOffice 才能读取，或在 Excel/WPS 中另存为 .xlsx", ".xls/.et files need a local LibreOffice to be read; or save as .xlsx in Excel/WPS"],
  "read.xls-convert-failed": ["LibreOffice 转换 .xls/.et 失败，请在 Excel/WPS 中另存为 .xlsx", "LibreOffice could not convert this .xls/.et file; save it as .xlsx"],
  "read.pdf-scanned": ["该 PDF 为扫描件，没有可读取的文字（需先做文字识别 OCR）", "this PDF is a scan without a text layer (run OCR first)"],
  "read.pdf-encrypted": ["PDF 设置了打开密码（已加密），请取消密码后再校验", "the PDF is password-protected (encrypted); remove the password first"],
  "read.pdf-damaged": ["PDF 文件已损坏或不完整，无法读取（{reason}）", "the PDF is damaged or truncated ({reason})"],
  "read.docx-damaged": ["Word 文档已损坏或不是 .docx 格式（{reason}）", "the Word file is damaged or not .docx ({reason})"],
  "read.doc-binary": ["旧版 .doc 格式或已加密的 Word 文档，请在 Word/WPS 中另存为 .docx", "an old binary .doc or an encrypted Word file; save it as .docx"],
  "read.unsupported-format": ["无法读取此格式（支持 .xlsx/.xlsm/.xls/.et、.pdf、.docx、.txt）", "unsupported format (.xlsx/.xlsm/.xls/.et, .pdf, .docx, .txt are read)"],
  "read.io": ["读取文件时出错", "error while reading the file"],
  "read.too-expanded": [
    "文件解压后过大（至少 {sizeMb} MB，上限 {limitMb} MB），可能已损坏或是恶意构造的压缩包；未读取",
    "file expands too much when unpacked (at least {sizeMb} MB, limit {limitMb} MB); probably damaged or a zip bomb; not read",
  ],
  "read.package-part-unreadable": ["无法读取工作簿中的 {part}（已损坏或格式异常）", "cannot read {part} in the workbook (damaged or malformed)"],
  "read.part-unreadable": ["无法读取工作表「{sheet}」（部件 {part} 已损坏或格式异常）", "cannot read sheet '{sheet}' (part {part} is damaged or malformed)"],
  "read.internal": ["处理文件时出现内部错误（加 --debug 查看详情）", "internal error while processing the file (use --debug for details)"],
  "note.uncalculated": [
    "工作表「{sheet}」中 {cells} 个单元格（如 {first}）：公式没有计算结果，请在 Excel 中打开并保存后再校验",
    "sheet “{sheet}”: {cells} formula cells (e.g. {first}) have no calculated results; open and save the workbook in Excel, then check again",
  ],
  "note.rows-capped": ["工作表「{sheet}」行数过多，只读取了前 {rows} 行（可用 --max-rows 调整）", "sheet “{sheet}” is very long; only the first {rows} rows were read (see --max-rows)"],
  // Usage.
  "usage.unknown-command": ["未知命令：{arg}（可用：check、narrate、verify、recognize、inputs、rules、explain）", "unknown command: {arg} (available: check, narrate, verify, recognize, inputs, rules, explain)"],
  "usage.unknown-option": ["未知选项：{arg}", "unknown option: {arg}"],
  "usage.missing-value": ["选项 {arg} 需要一个值", "option {arg} needs a value"],
  "usage.bad-value": ["选项 {arg} 的值无效：{value}（可选：{allowed}）", "invalid value for {arg}: {value} (allowed: {allowed})"],
  "usage.bad-number": ["选项 {arg} 需要正整数，收到：{value}", "option {arg} needs a positive integer, got: {value}"],
  "usage.no-input": ["缺少输入文件或文件夹", "no input file or folder given"],
  "usage.arg-count": ["参数个数不对：需要 {count} 个，收到 {got} 个", "wrong number of arguments: expected {count}, got {got}"],
  "usage.no-workbooks": ["「{path}」中没有找到 .xlsx/.xlsm/.xls/.et 工作簿", "no .xlsx/.xlsm/.xls/.et workbooks found in “{path}”"],
  "usage.out-is-input": ["--out 不能指向输入文件本身：{path}", "--out must not point at an input file: {path}"],
  "usage.mark-is-input": ["--mark 输出会覆盖输入文件，已跳过：{path}", "--mark output would overwrite an input file; skipped: {path}"],
  "usage.rules-unreadable": ["无法读取审核公式文件：{path}", "cannot read the rules file: {path}"],
  "usage.see-help": ["运行 caijue {cmd} --help 查看用法", "run caijue {cmd} --help for usage"],
  "error.label": ["错误", "error"],
  "error.unreadable-prefix": ["无法读取", "unreadable"],
  // Check output.
  "check.ok": ["通过", "passed"],
  "check.failed": ["未通过", "failed"],
  "check.warnings-only": ["通过（有需核实项）", "passed (with items to verify)"],
  "check.unreadable": ["无法读取", "unreadable"],
  "check.tables": ["识别到 {n} 张表：{list}", "{n} tables recognised: {list}"],
  "check.no-tables": ["未识别到任何决算表", "no final-accounts tables recognised"],
  "read.failed": ["{file}：读取文件时出错，未能读取其中的表格（加 --debug 查看详情）", "{file}: reading the file failed; its tables could not be read (use --debug for details)"],
  "check.worker-crashed": ["{file}：处理此文件时内存或资源耗尽，未能校验", "{file}: ran out of memory or resources while processing this file; not checked"],
  "check.internal": ["{file}：识别或校验报表时出错，未完成校验（加 --debug 查看详情）", "{file}: recognising or checking the tables failed; the file was not checked (use --debug for details)"],
  "check.not-checked-uncalculated": ["未校验（公式没有计算结果）", "not checked (formulas without calculated results)"],
  "check.not-checked": ["未校验（不是决算工作簿？）", "not checked (not a final-accounts workbook?)"],
  "check.no-tables-error": ["工作簿中没有找到任何决算表（收入支出决算总表、收入决算表……），未做校验；请确认文件是否为部门决算报表", "no final-accounts table (收入支出决算总表, 收入决算表 …) was found in the workbook, so nothing was checked; is this a 部门决算 workbook?"],
  "check.unit": ["编制单位：{unit}　年度：{year}", "unit: {unit}   year: {year}"],
  "check.counts-explained": ["强制 {error} 项，核实 {warning} 项，已说明 {explained} 项（共 {checks} 项检查，{skipped} 条规则因缺表或缺行未完整执行）", "errors: {error}, warnings: {warning}, explained: {explained} ({checks} checks; rules not run, or not fully, for missing tables or rows: {skipped})"],
  "check.explained": ["已说明", "explained"],
  "check.explained-reason": ["说明：{reason}", "reason: {reason}"],
  "check.skipped-list": ["未执行或未完整执行的规则：{list}", "rules not run, or not fully: {list}"],
  "check.summary-line": ["{file}　{unit}　{year}　{status}　强制 {error}　核实 {warning}　已说明 {explained}", "{file}  {unit}  {year}  {status}  errors {error}  warnings {warning}  explained {explained}"],
  "check.summary-written": ["汇总表已写入：{path}", "summary written to {path}"],
  "summary.unchecked": ["未校验", "not checked"],
  "usage.summary-out-ext": ["--summary-out 需要 .xlsx 或 .csv 文件：{path}", "--summary-out needs an .xlsx or .csv file: {path}"],
  "usage.summary-out-is-input": ["--summary-out 不能指向输入文件：{path}", "--summary-out must not point at an input file: {path}"],
  "explain.written": ["已写出副本：{path}（{rule} {sheet}!{cell} 标记为已说明）", "copy written: {path} ({rule} {sheet}!{cell} marked as explained)"],
  "explain.error-finding": ["{id} 是强制项（{rule} {sheet}!{cell}），必须修改，不能标记为已说明；未写出任何文件", "{id} is an error ({rule} {sheet}!{cell}); it must be fixed and cannot be explained; nothing was written"],
  "explain.unknown-id": ["在「{file}」的校验结果中找不到问题编号 {id}（可用 caijue check --format json 查看各问题的 id）；未写出任何文件", "no finding with id {id} in the results of “{file}” (see ids with caijue check --format json); nothing was written"],
  "explain.need-reason": ["缺少 --reason（说明理由）", "--reason is required"],
  "explain.need-out": ["缺少 --out（写出副本的路径，输入文件不会被修改）", "--out is required (the copy to write; the input is never changed)"],
  "explain.not-xlsx": ["只能为 .xlsx/.xlsm 工作簿写说明：{file}", "explanations can only be written into .xlsx/.xlsm workbooks: {file}"],
  "check.counts": ["强制 {error} 项，核实 {warning} 项（共 {checks} 项检查，{skipped} 条规则因缺表或缺行未完整执行）", "errors: {error}, warnings: {warning} ({checks} checks; rules not run, or not fully, for missing tables or rows: {skipped})"],
  "check.rule-error": ["审核公式有误", "rule error"],
  "check.marked": ["已写出标记副本：{path}", "marked copy written: {path}"],
  "check.mark-failed": ["写标记副本失败：{reason}", "could not write the marked copy: {reason}"],
  "sev.error": ["强制", "error"],
  "sev.warning": ["核实", "warning"],
  "summary.title": ["汇总", "Summary"],
  "summary.files": ["文件", "files"],
  "summary.passed": ["通过", "passed"],
  "summary.failed": ["未通过", "failed"],
  "summary.unreadable": ["无法读取", "unreadable"],
  "summary.by-rule": ["按规则统计", "findings by rule"],
  "summary.rule": ["规则", "rule"],
  "summary.findings": ["问题数", "findings"],
  "summary.files-hit": ["涉及文件", "files"],
  "summary.time": ["用时 {sec} 秒", "took {sec} s"],
  // Narrate / verify / recognize.
  "narrate.placeholders": ["说明中有 {n} 处「【请填写：…】」占位符：请在工作簿的「说明数据」表中补充（caijue inputs 可列出或补全该表），或在说明中直接改写", "the narrative has {n} 【请填写：…】 placeholders: fill in the 说明数据 sheet of the workbook (caijue inputs lists or completes it), or edit the text"],
  "narrate.style-unknown": ["未知的文风选项：{name}（caijue narrate --help 列出全部选项）", "unknown style option: {name} (caijue narrate --help lists them)"],
  "narrate.style-bad-value": ["文风选项 {name} 的值无效：{value}（可选：{allowed}）", "invalid value for style option {name}: {value} (allowed: {allowed})"],
  "narrate.style-bad-preset": ["未知的文风预设：{value}（可选：sichuan、shanghai）", "unknown style preset: {value} (allowed: sichuan, shanghai)"],
  "narrate.style-file-bad": ["无法读取文风文件 {path}：须为 JSON 对象，如 {\"preset\":\"shanghai\",\"percentDigits\":{\"yoy\":2}}", "cannot read the style file {path}: it must be a JSON object such as {\"preset\":\"shanghai\",\"percentDigits\":{\"yoy\":2}}"],
  "narrate.written": ["情况说明已写入：{path}", "narrative written to {path}"],
  "verify.claims": ["共找到 {claims} 处数字表述：不符 {mismatches} 处（其中强制 {errors} 处），无法核对 {unverified} 处", "{claims} numeric claims: {mismatches} mismatches ({errors} errors), {unverified} unverified"],
  "verify.unverified": ["无法核对（工作簿中没有对应数值）", "unverified (no matching workbook value)"],
  "verify.more": ["……另有 {n} 处（--format json 可见全部）", "… and {n} more (see --format json)"],
  "verify.all-good": ["所有可核对的数字都与工作簿一致", "every verifiable number agrees with the workbook"],
  "check.mark-document": ["PDF/Word 文件不生成标注副本（--mark 只用于工作簿）；问题位置见上方的页码、表、行、列", "no marked copy for a PDF/Word file (--mark is for workbooks); see the page, table, row and column above"],
  "check.template": ["表格中没有任何数字：这是空白模板，不是某个单位的决算，校验结果没有意义", "the tables hold no figure at all: a blank template, not a unit's accounts; nothing was really checked"],
  "verify.page": ["第 {page} 页", "page {page}"],
  "verify.no-narrative": ["文件中没有找到情况说明文字，无法核对", "no narrative text found in the file; nothing to check"],
  "verify.no-claims": ["说明中没有找到任何数字表述，未做核对（不能视为通过）", "no numeric claim found in the narrative; nothing was checked (not a pass)"],
  "verify.not-narrative": ["不是说明文档（请给出 .txt、.docx 或 .pdf）", "not a narrative document (give a .txt, .docx or .pdf)"],
  "verify.line": ["第 {line} 行", "line {line}"],
  "verify.none-checked": ["没有一个数字能与工作簿核对（见下方“无法核对”），不能视为核对通过", "no number could be checked against the workbook (see “unverified” below); this is not a pass"],
  "warn.no-tables": ["{file}：未识别到任何决算表（可运行 caijue recognize 查看原因），结果中的数字无法取自报表", "{file}: no final-accounts table was recognised (run caijue recognize to see why); no number could be taken from the tables"],
  "inputs.created": ["已写出副本：{path}（新建「{sheet}」，{n} 个项目）", "copy written: {path} (sheet “{sheet}” created, {n} items)"],
  "inputs.appended": ["已写出副本：{path}（「{sheet}」末尾补充 {n} 个缺少的项目，原有内容未改动）", "copy written: {path} ({n} missing items appended to “{sheet}”; existing cells unchanged)"],
  "inputs.existing": ["工作簿已有「{sheet}」，缺少 {n} 个项目（加 --out 写出补全后的副本）", "the workbook already has “{sheet}”; {n} items are missing (use --out to write a completed copy)"],
  "verify.all-good-text": ["所有可相互核对的数字都前后一致", "every number that could be checked against the others agrees"],
  "verify.none-checked-text": ["没有一个数字能与文中其他数字相互核对（见下方“无法核对”），不能视为核对通过", "no number could be checked against the others (see “unverified” below); this is not a pass"],
  "verify.unverified-text": ["无法核对（文中没有可与之对照的数字）", "unverified (no other stated number to check against)"],
  "verify.empty": ["说明文本为空：{path}，没有核对任何内容（不是核对通过）", "the narrative is empty: {path}; nothing was checked (this is not a pass)"],
  "verify.nothing": ["{path} 中没有找到可核对的数字或段落，没有核对任何内容（不是核对通过）", "no number or section to check was found in {path}; nothing was checked (this is not a pass)"],
  "verify.text-only": ["将只核对说明文本自身（各项之和、占比、增减、完成率、前后一致、完整性与措辞）", "checking the narrative against itself only (sums, shares, changes, completion, consistency, completeness, wording)"],
  "verify.mode-text": ["未使用工作簿：按说明文本自身核对（数字按书写精度作区间计算）", "no workbook: the narrative checked against itself (numbers as intervals of their written precision)"],
  "usage.verify-needs-text": ["缺少说明文本：{path} 是工作簿；用法 caijue verify [<工作簿>] <说明.txt>", "the narrative text is missing: {path} is a workbook; usage: caijue verify [<workbook>] <narrative.txt>"],
  "verify.text-unreadable": ["无法读取说明文本：{path}", "cannot read the narrative text: {path}"],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof M;

/** Render a CLI message with {param} substitution. */
export function msg(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const [zh, en] = M[key];
  const template: string = lang === "en-US" ? en : zh;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** One-line reason for a read error. */
export function readErrorText(lang: Lang, code: ReadErrorCode | "internal", detail: Record<string, string | number> = {}): string {
  return msg(lang, `read.${code}` as MessageKey, detail);
}

/** One line for something the reader met (a sheet cut short, formulas saved without results). */
export function readNoteText(lang: Lang, n: ReadNote): string {
  return n.code === "rows-capped"
    ? msg(lang, "note.rows-capped", { sheet: n.sheet, rows: n.rows })
    : msg(lang, "note.uncalculated", { sheet: n.sheet, cells: n.cells, first: n.first });
}
