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
  | "subject-name"
  | "subject-unknown"
  | "percent-truncated"
  | "self-sum"
  | "self-share"
  | "self-share-total"
  | "self-change"
  | "self-rate"
  | "self-completion"
  | "self-repeat"
  | "year-slip"
  | "completion-zero-budget"
  | "flat-change"
  | "budget-direction"
  | "missing-reason"
  | "deviation-no-reason"
  | "sangong-over-budget"
  | "unit-slip"
  | "section-missing"
  | "section-order"
  | "sub-numbering"
  | "item-missing"
  | "empty-statement";

export interface NarrativeMessageParams {
  subject?: string;
  claimed?: string;
  expected?: string;
  cell?: string;
  text?: string;
  current?: string;
  year?: number;
  word?: string;
  expectedText?: string;
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
    case "subject-unknown":
      return pick(lang, `科目「${p.text}」在${p.year ?? "本"}年度报表中不存在，请核实名称${p.current ? `（同金额的行为「${p.current}」${at}）` : ""}。`, `Subject "${p.text}" is not in the ${p.year ?? "year's"} tables; check the name${p.current ? ` (the row with that amount is "${p.current}"${at})` : ""}.`);
    case "percent-truncated":
      return p.word === "rounded"
        ? pick(lang, `「${p.subject}」写作 ${p.claimed}，按四舍五入应为 ${p.expected}，相差末位一个单位，请核实。`, `"${p.subject}" is written ${p.claimed}; rounded half-up it is ${p.expected} (one unit of the last digit off).`)
        : pick(lang, `「${p.subject}」写作 ${p.claimed}，按四舍五入应为 ${p.expected}，可能为截尾。`, `"${p.subject}" is written ${p.claimed}; rounded half-up it is ${p.expected} (truncated?).`);
    case "self-sum":
      return pick(lang, `「${p.subject}」写作 ${p.claimed}，所列各项之和为 ${p.expected}。`, `"${p.subject}" is written ${p.claimed}; its parts add up to ${p.expected}.`);
    case "self-share":
      return pick(lang, `「${p.subject}」的占比写作 ${p.claimed}，按文中金额计算为 ${p.expected}。`, `Share of "${p.subject}" is written ${p.claimed}; from the stated amounts it is ${p.expected}.`);
    case "self-share-total":
      return pick(lang, `同一列表的各项占比之和为 ${p.claimed}，应为 ${p.expected}（已计入各占比的舍入误差）。`, `The shares of one list add to ${p.claimed}, not ${p.expected} (rounding of each share allowed for).`);
    case "self-change":
      return pick(lang, `「${p.subject}」写作${p.claimed}，按文中本年数和上年数计算为${p.expected}。`, `"${p.subject}": ${p.claimed} is written; from the stated current and prior amounts it is ${p.expected}.`);
    case "self-rate":
      return pick(lang, `「${p.subject}」的增减幅度写作 ${p.claimed}，按文中的本年数和增减额计算为 ${p.expected}。`, `Rate of change of "${p.subject}" is written ${p.claimed}; from the stated amount and change it is ${p.expected}.`);
    case "self-completion":
      return pick(lang, `「${p.subject}」的预算完成率写作 ${p.claimed}，按文中的决算数和预算数计算为 ${p.expected}。`, `Budget completion of "${p.subject}" is written ${p.claimed}; from the stated final and budget it is ${p.expected}.`);
    case "self-repeat":
      return pick(lang, `「${p.subject}」在文中写作 ${p.claimed}，前文写作 ${p.expected}，两处不一致。`, `"${p.subject}" is written ${p.claimed} here and ${p.expected} before.`);
    case "year-slip":
      return pick(lang, `「${p.text}」：本文件为${p.year}年度决算，此处应为${p.expected}，请核实年度。`, `"${p.text}": this is the ${p.year} final accounts; expected ${p.expected}.`);
    case "completion-zero-budget":
      return pick(lang, `预算数为 0，不能写「完成预算的${p.claimed}」。`, `The budget is 0, so "completion ${p.claimed}" cannot be right.`);
    case "flat-change":
      return pick(lang, `写「持平」的同时又写出了增减：「${p.text}」。`, `Says unchanged (持平) yet states a change: "${p.text}".`);
    case "budget-direction":
      return pick(lang, `写作「${p.word}」，但文中决算数 ${p.claimed}、预算数 ${p.current}，应为「${p.expected}」。`, `"${p.word}" is written but the stated final ${p.claimed} and budget ${p.current} give "${p.expected}".`);
    case "missing-reason":
      return pick(lang, `${p.text}后没有说明原因（「主要原因」「主要变动原因」「原因是」…）。`, `No reason is given after this ${p.text === "决算数与预算数的差异" ? "final-vs-budget difference" : "year-over-year change"}.`);
    case "deviation-no-reason":
      return pick(lang, `决算数与预算数相差 ${p.claimed}（超过 30%），须说明原因。`, `Final and budget differ by ${p.claimed} (over 30 %) with no reason given.`);
    case "sangong-over-budget":
      return pick(lang, `“三公”经费决算数 ${p.claimed} 万元大于预算数 ${p.expected} 万元，请核实并说明。`, `“三公” spending ${p.claimed} is above its budget ${p.expected}.`);
    case "unit-slip":
      return pick(lang, `本段金额以「元」为单位，此处写作「${p.text}」，请核实单位。`, `This paragraph is in 元 but "${p.text}" is in 万元; check the unit.`);
    case "section-missing":
      return pick(lang, `缺少${p.word}模板要求的部分「${p.text}」。`, `Section "${p.text}" required by the ${p.word === "上海" ? "Shanghai" : "Sichuan"} template is missing.`);
    case "section-order":
      return pick(lang, `「${p.text}」排在「${p.current}」之前，与模板顺序不符。`, `"${p.text}" comes before "${p.current}", against the template's order.`);
    case "sub-numbering":
      return pick(lang, `小标题「${p.text}」编号不连续或重复，此处应为${p.expected}。`, `Sub-heading "${p.text}" breaks the numbering; expected ${p.expected}.`);
    case "item-missing":
      return pick(lang, `其他重要事项中缺少「${p.text}」。`, `其他重要事项 lacks "${p.text}".`);
    case "empty-statement":
      return pick(lang, `「${p.text}」无数据，但说明中没有写明「本单位无…」。`, `"${p.text}" has no figures, but the text does not say the unit has none.`);
  }
}

/** Why a claim could not be checked against the workbook. */
export type UnverifiedCode = "self-unrelated" | "count" | "no-subject" | "no-budget" | "budget-zero" | "no-prior" | "share-unknown" | "rate-unknown" | "percent-unknown";

/** Render the reason of an unverified claim. */
export function unverifiedReason(code: UnverifiedCode, lang: Lang = "zh-CN"): string {
  switch (code) {
    case "self-unrelated":
      return pick(lang, "文中没有可与之对照的数字", "no other stated number to check it against");
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
