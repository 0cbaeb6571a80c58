/** --help texts, zh-CN and en-US. */
import type { Lang } from "../core/i18n/lang";
import type { Command } from "./args";
import { styleOptionsHelp } from "../core/narrative/style-options";

const MAIN_ZH = `caijue — 财决助手命令行：在 Excel 之外校验部门决算工作簿、生成与核对情况说明

用法：
  caijue check <文件|文件夹>...   校验工作簿或公开的决算 PDF/Word（文件夹递归查找 .xlsx/.xlsm/.xls/.et/.pdf）
  caijue narrate <文件>           生成情况说明
  caijue verify [<工作簿>] <说明>  核对情况说明（说明可为 .txt/.docx/.pdf；不给工作簿时按说明自身核对）；verify <决算.pdf> 核对文件内的说明与表
  caijue recognize <文件>         报告识别到哪些表、位置在哪
  caijue inputs <文件>            列出「说明数据」表的全部项目（可写出补全后的副本）
  caijue rules                    列出全部检查规则（编号、级别、依据、版本、公式说明）
  caijue explain <文件> <问题编号> --reason <理由> --out <副本.xlsx>  把一条核实项标记为已说明（写出副本）
  caijue <命令> --help            查看命令用法
  caijue --version                显示版本

退出码：0 无强制问题；1 有强制问题（verify：有强制级不符）；2 用法错误、有文件无法读取，或（check）有工作簿中未识别到任何决算表。
通用选项：--lang en 英文输出；--debug 出错时显示堆栈；颜色仅在终端中显示（设置 NO_COLOR 可关闭）。`;

const MAIN_EN = `caijue — Caijue Assistant CLI: check 部门决算 workbooks outside Excel, generate and verify the narrative

Usage:
  caijue check <file|folder>...    check workbooks or published PDF/Word files (folders: .xlsx/.xlsm/.xls/.et/.pdf)
  caijue narrate <file>            generate the 情况说明 narrative
  caijue verify [<workbook>] <text> verify a narrative (.txt/.docx/.pdf) against the workbook or itself; verify <file.pdf> checks its own
  caijue recognize <file>          report which tables were found where
  caijue inputs <file>             list every item of the 「说明数据」 inputs sheet (or write a completed copy)
  caijue rules                     list every check (id, severity, basis, version, explanation)
  caijue explain <file> <finding-id> --reason <text> --out <copy.xlsx>  mark a warning as explained (writes a copy)
  caijue <command> --help          help for a command
  caijue --version                 print the version

Exit codes: 0 no error finding; 1 an error finding (verify: an error-level mismatch); 2 usage error, unreadable file, or (check) a workbook with no final-accounts table.
Common options: --lang en for English; --debug shows stack traces; colour only on a terminal (NO_COLOR disables it).`;

const CMD: Record<Command, [string, string]> = {
  explain: [
    `用法：caijue explain <工作簿> <问题编号> --reason <理由> --out <副本.xlsx> [--by <说明人>]

把一条核实项标记为“已说明”，写出带说明的副本（输入文件不会被修改）。说明按加载项的方式保存在工作簿中，
在 Excel 加载项和 caijue check 中都显示为已说明。问题编号见 caijue check --format json 输出中的 "id"。
强制项必须修改，不能说明；问题编号不存在时同样不写出任何文件（退出码 2）。
选项：
  --reason <理由>   说明理由（必填）
  --out <文件>      写出的副本（必填，不能是输入文件）
  --by <说明人>     说明人（可选）
  --policy interval|exact  与 check 相同的容差方式（问题编号取决于校验结果）`,
    `Usage: caijue explain <workbook> <finding-id> --reason <text> --out <copy.xlsx> [--by <name>]

Marks one warning as explained and writes a copy carrying the explanation (the input is never changed). The
explanation is stored the way the add-in stores it, so the add-in and caijue check both show it as explained.
Finding ids are the "id" fields of caijue check --format json. An error must be fixed and cannot be explained;
for an error or an unknown id nothing is written (exit code 2).
Options:
  --reason <text>   the explanation (required)
  --out <file>      the copy to write (required; never the input)
  --by <name>       who explains it (optional)
  --policy interval|exact  the tolerance used by check (finding ids depend on the results)`,
  ],
  check: [
    `用法：caijue check <文件|文件夹>... [选项]

校验一个或多个工作簿；文件夹递归查找 .xlsx/.xlsm（.xls/.et 需本机安装 LibreOffice）。
选项：
  --format text|json|junit  输出格式（默认 text）
  --mark <目录>             在目录中写出带标记的副本（文件名-校验.xlsx）：问题单元格填色并加批注，新增「校验结果」表；从不覆盖输入文件
  --rules <文件>            追加审核公式（CSV 或制表符分隔，列：编号, 级别, 公式, 说明）
  --policy interval|exact   容差方式：interval 按显示精度的区间（默认），exact 严格相等
  --jobs N                  并行线程数（默认 1；多核且空闲的电脑上 --jobs 2 或更多可加快批量校验，每多一个约多占 70 MB 内存）
  --max-size MB             文件大小上限（默认 100）
  --max-rows N              每张工作表最多读取的行数（默认 100000）
  --summary                 每个文件只打印一行：编制单位、年度、状态、强制/核实/已说明数
  --summary-out <文件>      写出汇总表（.xlsx 或 .csv），每个文件一行：文件、编制单位、年度、状态、强制数、核实数、已说明数、未执行规则数、未通过的规则
  --reader lean|exceljs|exceljs-stream  读取器（默认 lean；另两个只用于对照，exceljs-stream 会漏读部分工作表）
  --lang en                 英文输出
  --debug                   出错时显示堆栈
退出码：0 无强制问题；1 有强制问题；2 用法错误、有文件无法读取或未识别到任何决算表（其余文件照常校验）。`,
    `Usage: caijue check <file|folder>... [options]

Checks one or more workbooks; folders are searched recursively for .xlsx/.xlsm (.xls/.et need a local LibreOffice).
Options:
  --format text|json|junit  output format (default text)
  --mark <dir>              write marked copies (name-校验.xlsx) into dir: finding cells filled and annotated, plus a 「校验结果」 sheet; never overwrites an input
  --rules <file>            extra rules (CSV or tab-separated: 编号, 级别, 公式, 说明)
  --policy interval|exact   tolerance: interval from displayed precision (default) or exact
  --jobs N                  parallel jobs (default 1; on an idle multi-core machine --jobs 2 or more speeds up batches, about 70 MB more each)
  --max-size MB             size limit per file (default 100)
  --max-rows N              rows read per sheet (default 100000)
  --summary                 one line per file: unit, year, status, error/warning/explained counts
  --summary-out <file>      write a summary table (.xlsx or .csv), one row per file
  --reader lean|exceljs|exceljs-stream  reader (default lean; the others are for comparison only, exceljs-stream misses some sheets)
  --lang en                 English output
  --debug                   show stack traces on errors
Exit codes: 0 no error finding; 1 any error finding; 2 usage error, an unreadable file, or a workbook with no final-accounts table (the others are still checked).`,
  ],
  narrate: [
    `用法：caijue narrate <文件> [--style sichuan|shanghai] [--style-option 名称=值]... [--style-file 文风.json] [--format text|json] [--out <文件>]

根据工作簿中的表格（以及「说明数据」表）生成部门决算情况说明（UTF-8 文本）。
  --style sichuan|shanghai  文风预设（默认 sichuan）
  --style-option 名称=值    修改预设中的一项写法，可重复（如 --style-option percentDigits.yoy=2 --style-option thousands=false）
  --style-file <文件.json>  从 JSON 文件读取写法（{"preset":"shanghai","percentDigits":{"yoy":2},"thousands":false}），
                            --style 与 --style-option 优先
  --format text|json        text 为正文；json 附每个数字的来源单元格与算式
  --out <文件>              写入文件（不能是输入文件本身）
文风选项（名称、可选值、说明）：
${styleOptionsHelp("zh-CN").join("\n")}
退出码：0 成功；2 用法错误（含无效的文风选项）或文件无法读取。`,
    `Usage: caijue narrate <file> [--style sichuan|shanghai] [--style-option name=value]... [--style-file style.json] [--format text|json] [--out <file>]

Generates the 情况说明 narrative (UTF-8) from the workbook's tables (and its 「说明数据」 sheet).
  --style sichuan|shanghai  style preset (default sichuan)
  --style-option name=value change one option of the preset; repeatable (e.g. --style-option percentDigits.yoy=2)
  --style-file <file.json>  options from a JSON file ({"preset":"shanghai","percentDigits":{"yoy":2},"thousands":false});
                            --style and --style-option take precedence
  --format text|json        text, or JSON with each number's source cells and arithmetic
  --out <file>              write to a file (never an input file)
Style options (name, values, meaning):
${styleOptionsHelp("en-US").join("\n")}
Exit codes: 0 done; 2 usage error (including an invalid style option) or unreadable file.`,
  ],
  verify: [
    `用法：caijue verify [<工作簿|决算.pdf>] <说明.txt|说明.docx|说明.pdf> [--format text|json] [--style sichuan|shanghai]
      caijue verify <决算.pdf|决算.docx> [--format text|json]

只给一个 PDF/Word 文件时，核对其中的说明与其中的表；PDF 中的位置按页报告（第 N 页），JSON 中带 page。

核对手写情况说明中的每个数字是否与工作簿一致，并检查说明是否完整（模板各部分、其他重要事项、变动原因）、
措辞是否与数字相符（决算数大于/小于预算数、持平、未删改的模板用语、年度、单位）。
不给工作簿（或工作簿中未识别到决算表）时，按说明自身核对：各项之和等于合计、占比、增减额与增减幅度、预算完成率、
同一项目前后一致、年度一致；每个数字按其书写精度作区间计算，舍入误差不会报为不符。JSON 中 cell 为 null，
expected 给出算式（如「1.2 ÷ 24.00 × 100 = 5.00」）。
  --format text|json          输出格式（默认 text）
  --style sichuan|shanghai    按哪个模板检查各部分（默认按标题自动判断）
退出码：0 无强制级不符；1 有强制级不符；2 用法错误、文件无法读取，或说明为空/没有可核对的内容。`,
    `Usage: caijue verify [<workbook|report.pdf>] <narrative.txt|.docx|.pdf> [--format text|json] [--style sichuan|shanghai]
       caijue verify <report.pdf|report.docx> [--format text|json]

With one PDF/Word file, its own narrative is checked against its own tables; places in a PDF are given by page (JSON: page).

Checks every number in a hand-written narrative against the workbook, the narrative's completeness (the template's
sections, 其他重要事项, reasons for changes) and its wording against the numbers.
With no workbook (or one with no recognised tables) the narrative is checked against itself: parts add to totals,
shares, changes and rates, completion rates, an item stated twice, years; each number is an interval of its written
precision, so rounding noise is never a mismatch. In JSON, cell is null and expected carries the arithmetic.
  --format text|json          output format (default text)
  --style sichuan|shanghai    template the sections are held against (default: detected from the headings)
Exit codes: 0 no error-level mismatch; 1 an error-level mismatch; 2 usage error, unreadable file, or an empty narrative / nothing to check.`,
  ],
  recognize: [
    `用法：caijue recognize <文件> [--format text|json]

报告识别到哪些决算表、位于哪张工作表哪些行列，以及无法归位的内容。
退出码：0 成功；2 用法错误或文件无法读取。`,
    `Usage: caijue recognize <file> [--format text|json]

Reports which final-accounts tables were found where, and what could not be placed.
Exit codes: 0 done; 2 usage error or unreadable file.`,
  ],
  inputs: [
    `用法：caijue inputs <工作簿> [--out <文件.xlsx>] [--format text|json]

列出情况说明所需的「说明数据」表全部项目（项目、内容、说明），已有内容与能从报表推得的数值（单位名称、年度、
机关运行经费、政府采购等）已填入。
  --out <文件.xlsx>   写出工作簿副本：没有「说明数据」表则新建；已有则只在末尾补充缺少的项目，原有单元格不改动；
                      文字按文本写入，不会变成公式；不能是输入文件本身
  --format text|json  text 为制表符分隔的三列（可直接粘贴到 Excel）；json 另列出缺少的项目
退出码：0 成功；2 用法错误或文件无法读取。`,
    `Usage: caijue inputs <workbook> [--out <file.xlsx>] [--format text|json]

Lists every item of the 「说明数据」 inputs sheet the narrative reads (项目, 内容, 说明), pre-filled with what the
sheet already holds and what the tables give (unit name, year, 机关运行经费, 政府采购 …).
  --out <file.xlsx>   write a copy of the workbook: the sheet is created when absent, otherwise only missing items
                      are appended at the bottom and existing cells are left alone; text is written as text, never
                      as a formula; never the input file itself
  --format text|json  text: tab-separated columns (paste into Excel); json also lists the missing items
Exit codes: 0 done; 2 usage error or unreadable file.`,
  ],
  rules: [
    `用法：caijue rules [--format text|json] [--lang en]

列出财决助手的全部检查：编号、级别（强制／核实）、依据（财政部审核公式／公开模板或公开要求／惯例）、版本、
涉及的表和公式说明。用户文档 docs/规则列表.md 由同一份数据生成。
  --format text|json  text 为逐条说明；json 另含公式、中英文说明
退出码：0 成功；2 用法错误。`,
    `Usage: caijue rules [--format text|json] [--lang en]

Lists every check: id, severity (error / warning), basis (MOF validation formula / published template or disclosure
requirement / convention), version, tables and a plain-words explanation. docs/规则列表.md is generated from the
same data.
  --format text|json  text: one block per check; json also gives the formula and both languages
Exit codes: 0 done; 2 usage error.`,
  ],
};

/** Help text for the program or one command. */
export function helpText(lang: Lang, command?: Command): string {
  const en = lang === "en-US";
  if (!command) return en ? MAIN_EN : MAIN_ZH;
  return CMD[command][en ? 1 : 0];
}
