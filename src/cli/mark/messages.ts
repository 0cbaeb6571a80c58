/** Reasons a marked copy could not be written, zh-CN first: each names the file and what could not be read. */
import type { Lang } from "../../core/i18n/lang";

const M = {
  "not-zip": ["「{file}」的 ZIP 结构无法读取，未写标记副本", "the ZIP structure of “{file}” cannot be read; no marked copy written"],
  zip64: ["「{file}」是 ZIP64 格式（超过 4 GB 或部件过多），暂不能写标记副本", "“{file}” is a ZIP64 package (over 4 GB or too many parts); marked copies are not supported for it"],
  damaged: ["「{file}」中的 {part} 已损坏，无法解压读取，未写标记副本", "{part} in “{file}” is damaged and cannot be decompressed; no marked copy written"],
  "no-workbook": ["「{file}」缺少工作簿部件 {part}，不是完整的 Excel 工作簿，未写标记副本", "“{file}” lacks the workbook part {part}; no marked copy written"],
  "bad-part": ["「{file}」中的 {part} 内容无法按 Excel 格式读取，未写标记副本（原文件未改动）", "{part} in “{file}” could not be read as Excel XML; no marked copy written (the input is unchanged)"],
  "part-too-large": ["「{file}」中的 {part} 解压后过大（超过 512 MB），未写标记副本", "{part} in “{file}” is too large when decompressed (over 512 MB); no marked copy written"],
  "old-xls": ["「{file}」是旧版 .xls/.et 文件，不能直接写标记副本；请先在 Excel/WPS 中另存为 .xlsx", "“{file}” is an old .xls/.et file; save it as .xlsx in Excel/WPS to get a marked copy"],
  "read-failed": ["无法读取「{file}」（{why}），未写标记副本", "cannot read “{file}” ({why}); no marked copy written"],
  "write-failed": ["无法在「{dir}」中写入标记副本（{why}）", "cannot write the marked copy into “{dir}” ({why})"],
  "is-input": ["标记副本「{path}」会覆盖输入文件，已跳过", "the marked copy “{path}” would overwrite an input file; skipped"],
  renamed: ["另有同名输入文件，标记副本改名为「{name}」", "another input has the same name; the marked copy is named “{name}”"],
  unplaced: ["{n} 处问题的单元格不在工作表中（{list}），只列在「校验结果」表里", "{n} findings point at no cell of a worksheet ({list}); they are listed in the report sheet only"],
  "threaded": ["{n} 个单元格已有 Excel 365 批注（对话式），未在其中追加说明，只填色并列入「校验结果」表（{list}）", "{n} cells carry an Excel 365 threaded comment; it was left alone, the cells are filled and listed in the report ({list})"],
  "why.EBUSY": ["文件正被其他程序（如 Excel）打开", "the file is open in another program (such as Excel)"],
  "why.ENOENT": ["文件或文件夹不存在", "no such file or folder"],
  "why.EACCES": ["没有权限", "permission denied"],
  "why.EPERM": ["没有权限", "permission denied"],
  "why.ENOSPC": ["磁盘空间不足", "disk full"],
  "why.EROFS": ["只读文件系统", "read-only file system"],
  "why.ENOTDIR": ["路径中有一段不是文件夹", "a part of the path is not a folder"],
  "why.EISDIR": ["这是一个文件夹", "it is a folder"],
  "why.ENAMETOOLONG": ["路径过长", "path too long"],
  "why.EEXIST": ["同名文件已存在", "a file of that name exists"],
  "why.other": ["系统错误 {code}", "system error {code}"],
} as const satisfies Record<string, readonly [string, string]>;

export type MarkMessageKey = keyof typeof M;

export function markMsg(lang: Lang, key: MarkMessageKey, params: Record<string, string | number> = {}): string {
  const [zh, en] = M[key];
  return (lang === "en-US" ? en : zh).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A file-system error code in words. */
export function whyText(lang: Lang, code: string | undefined): string {
  const key = `why.${code}` as MarkMessageKey;
  return key in M ? markMsg(lang, key) : markMsg(lang, "why.other", { code: code ?? "?" });
}
