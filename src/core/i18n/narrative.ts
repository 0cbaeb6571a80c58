/** zh-CN / en-US messages of the narrative 核对 (verify) and placeholders, rendered from typed payloads. */
import { pick, type Lang } from "./lang";

export type NarrativeMessageCode =
  | "amount"
  | "amount-rounding"
  | "budget"
  | "share"
  | "rate"
  | "change"
  | "completion"
  | "direction"
  | "flat"
  | "typo"
  | "template-remnant"
  | "placeholder"
  | "percent-decimals"
  | "percent-sign"
  | "outdated-name"
  | "subject-name";

export interface NarrativeMessageParams {
  subject?: string;
  claimed?: string;
  expected?: string;
  cell?: string;
  text?: string;
  current?: string;
  year?: number;
  word?: string;
}

/** Render a verify message. */
export function narrativeMessage(code: NarrativeMessageCode, p: NarrativeMessageParams, lang: Lang = "zh-CN"): string {
  const at = p.cell ? pick(lang, `（见 ${p.cell}）`, ` (see ${p.cell})`) : "";
  switch (code) {
    case "amount":
      return pick(lang, `「${p.subject}」写作 ${p.claimed}，报表为 ${p.expected}${at}。`, `"${p.subject}" is written ${p.claimed}; the tables give ${p.expected}${at}.`);
    case "amount-rounding":
      return pick(lang, `「${p.subject}」写作 ${p.claimed}，报表为 ${p.expected}${at}，相差0.01，请核对是否抄错或舍入不一致。`, `"${p.subject}" is written ${p.claimed}; the tables give ${p.expected}${at} (off by 0.01: a copying or rounding slip?).`);
    case "budget":
      return pick(lang, `「${p.subject}」的预算数写作 ${p.claimed}，报表为 ${p.expected}${at}。`, `Budget of "${p.subject}" is written ${p.claimed}; the tables give ${p.expected}${at}.`);
    case "share":
      return pick(lang, `「${p.subject}」的占比写作 ${p.claimed}，按报表计算为 ${p.expected}。`, `Share of "${p.subject}" is written ${p.claimed}; the tables give ${p.expected}.`);
    case "rate":
      return pick(lang, `「${p.subject}」的增减幅度写作 ${p.claimed}，按报表和上年数计算为 ${p.expected}。`, `Rate of change of "${p.subject}" is written ${p.claimed}; computed from the tables and the prior year: ${p.expected}.`);
    case "change":
      return pick(lang, `「${p.subject}」的增减额写作 ${p.claimed}，按报表和上年数计算为 ${p.expected}。`, `Change of "${p.subject}" is written ${p.claimed}; computed: ${p.expected}.`);
    case "completion":
      return pick(lang, `「${p.subject}」的预算完成率写作 ${p.claimed}，按报表计算为 ${p.expected}。`, `Budget completion of "${p.subject}" is written ${p.claimed}; computed: ${p.expected}.`);
    case "direction":
      return pick(lang, `「${p.subject}」写作「${p.word}」，但按报表和上年数实际为${p.expected}。`, `"${p.subject}" says "${p.word}" but the figures show ${p.expected}.`);
    case "flat":
      return pick(lang, `「${p.subject}」写作「持平」，但本年 ${p.current} 与上年不同（${p.expected}）。`, `"${p.subject}" is said to be unchanged, but this year ${p.current} differs from the prior year (${p.expected}).`);
    case "typo":
      return pick(lang, `增减用词自相矛盾：「${p.text}」。`, `Contradictory change wording: "${p.text}".`);
    case "template-remnant":
      return pick(lang, `模板的选择性用语未删改：「${p.text}」。`, `Template alternative left unedited: "${p.text}".`);
    case "placeholder":
      return pick(lang, `文中留有占位符「${p.text}」，请填写。`, `Placeholder "${p.text}" left in the text.`);
    case "percent-decimals":
      return pick(lang, `百分比「${p.text}」超过两位小数。`, `Percentage "${p.text}" has more than two decimals.`);
    case "percent-sign":
      return pick(lang, `「${p.text}」缺少百分号%。`, `"${p.text}" lacks the % sign.`);
    case "outdated-name":
      return pick(lang, `科目名称「${p.text}」是旧称，${p.year}年应为「${p.current}」。`, `"${p.text}" is an old subject name; in ${p.year} it is "${p.current}".`);
    case "subject-name":
      return pick(lang, `科目「${p.text}」在报表中不存在，按金额对应「${p.current}」${at}。`, `Subject "${p.text}" is not in the tables; by amount it corresponds to "${p.current}"${at}.`);
  }
}

/** Why a claim could not be checked against the workbook. */
export type UnverifiedCode = "count" | "no-subject" | "no-budget" | "budget-zero" | "no-prior" | "share-unknown" | "rate-unknown" | "percent-unknown";

/** Render the reason of an unverified claim. */
export function unverifiedReason(code: UnverifiedCode, lang: Lang = "zh-CN"): string {
  switch (code) {
    case "count":
      return pick(lang, "数量不在报表中", "counts are not in the tables");
    case "no-subject":
      return pick(lang, "报表中无对应项目", "no matching item in the tables");
    case "no-budget":
      return pick(lang, "报表无预算数", "the tables carry no budget figure");
    case "budget-zero":
      return pick(lang, "预算数为0", "the budget is 0");
    case "no-prior":
      return pick(lang, "缺少上年数（说明数据）", "prior-year figure missing (sheet 说明数据)");
    case "share-unknown":
      return pick(lang, "无法确定占比的分子或分母", "cannot tell what the share is of");
    case "rate-unknown":
      return pick(lang, "无对应的增减额", "no change amount to go with the rate");
    case "percent-unknown":
      return pick(lang, "无法确定百分比的含义", "cannot tell what the percentage means");
  }
}
