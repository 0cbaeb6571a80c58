/**
 * CJ.* worksheet functions. Thin wrappers: argument coercion and logic live in ./impl.ts (pure, tested without
 * Office); errors are mapped to CustomFunctions.Error in ./errors.ts. The JSDoc below is read by
 * custom-functions-metadata to produce functions.json (en-US); scripts/localize-functions.mjs derives the
 * zh-CN metadata from it with src/functions/locale-zh-CN.json. The metadata plugin's loader appends the
 * CustomFunctions.associate calls, so none are written here.
 */
/* global CustomFunctions */
import { guard, toCustomFunctionsError } from "./errors";
import * as impl from "./impl";
import { getKnownRules, getLastValidation, onValidationChange } from "./registry";

/**
 * Share of a part in a total as a fraction, rounded half-up to the given percent places (format the cell as %).
 * @customfunction PCT PCT
 * @helpurl https://localhost:3000/help/functions.html#CJ.PCT
 * @param part Part amount (number or amount text such as "1,234.50"; blank = 0).
 * @param total Total amount (must not be 0).
 * @param [digits] Percent decimal places, default 2 (76.29%).
 * @returns Share as a fraction, e.g. 0.7629.
 */
export function PCT(part: unknown, total: unknown, digits?: unknown): number {
  return guard(() => impl.pct(part, total, digits));
}

/**
 * Signed change current − prior, rounded half-up to 2 decimals.
 * @customfunction CHANGE CHANGE
 * @helpurl https://localhost:3000/help/functions.html#CJ.CHANGE
 * @param current Current-year amount (blank = 0).
 * @param prior Prior-year amount (blank = 0).
 * @returns Change, negative for a decrease.
 */
export function CHANGE(current: unknown, prior: unknown): number {
  return guard(() => impl.changeAmount(current, prior));
}

/**
 * Year-over-year change rate as a signed fraction; prior 0 gives 100% (as the reports write it), both 0 give 0.
 * @customfunction RATE RATE
 * @helpurl https://localhost:3000/help/functions.html#CJ.RATE
 * @param current Current-year amount (blank = 0).
 * @param prior Prior-year amount (blank = 0).
 * @param [digits] Percent decimal places, default 2.
 * @returns Change rate, e.g. -0.4 for a 40% decrease.
 */
export function RATE(current: unknown, prior: unknown, digits?: unknown): number {
  return guard(() => impl.changeRate(current, prior, digits));
}

/**
 * Direction word of a change: 增加/减少/持平, or another pair chosen by the style.
 * @customfunction TREND TREND
 * @helpurl https://localhost:3000/help/functions.html#CJ.TREND
 * @param current Current-year amount.
 * @param prior Prior-year amount.
 * @param [style] Word pair: "增加/减少" (default), "增长/下降", "增长/降低"; or 1 / 2.
 * @returns 增加, 减少 or 持平 (or the chosen words).
 */
export function TREND(current: unknown, prior: unknown, style?: unknown): string {
  return guard(() => impl.trendText(current, prior, style));
}

/**
 * The standard change sentence, e.g. 与2018年相比，收、支总计减少2720.74万元，下降40%.
 * @customfunction CHANGETEXT CHANGETEXT
 * @helpurl https://localhost:3000/help/functions.html#CJ.CHANGETEXT
 * @param current Current-year amount in 万元.
 * @param prior Prior-year amount in 万元.
 * @param [label] What changed, e.g. 收、支总计.
 * @param [yearPrior] Prior year, e.g. 2018 (blank: 上年).
 * @param [style] Percent places and keywords: 减少减少, 降低, 年度, 比, 各, 无比率, 数字持平, 去零, 千分位, 空格.
 * @returns The sentence.
 */
export function CHANGETEXT(current: unknown, prior: unknown, label?: unknown, yearPrior?: unknown, style?: unknown): string {
  return guard(() => impl.changeText(current, prior, label, yearPrior, style));
}

/**
 * Amount as report text: 2 decimals and a unit, e.g. 4163.20万元.
 * @customfunction AMOUNT AMOUNT
 * @helpurl https://localhost:3000/help/functions.html#CJ.AMOUNT
 * @param value Amount.
 * @param [unit] 万元 (default), 元, or 无 for no unit.
 * @param [style] Keywords 去零 (3万元), 千分位 (19,044.27), 空格 (space before the unit), or decimal places.
 * @returns The amount text.
 */
export function AMOUNT(value: unknown, unit?: unknown, style?: unknown): string {
  return guard(() => impl.amountText(value, unit, style));
}

/**
 * Converts 元 to 万元, rounded half-up.
 * @customfunction WAN WAN
 * @helpurl https://localhost:3000/help/functions.html#CJ.WAN
 * @param yuan Amount in 元.
 * @param [digits] Decimal places, default 2.
 * @returns Amount in 万元.
 */
export function WAN(yuan: unknown, digits?: unknown): number {
  return guard(() => impl.wan(yuan, digits));
}

/**
 * Name of a functional (支出功能分类) or economic (经济分类) subject code for a budget year.
 * @customfunction SUBJECT SUBJECT
 * @helpurl https://localhost:3000/help/functions.html#CJ.SUBJECT
 * @param code Subject code, e.g. 2010301 (number or text).
 * @param [year] Budget year, 2019 to 2025 (blank: current names).
 * @returns The subject name.
 */
export function SUBJECT(code: unknown, year?: unknown): string {
  return guard(() => impl.subject(code, year));
}

/**
 * Code of a subject name, or of a path such as 一般公共服务（类）…（款）行政运行（项）.
 * @customfunction SUBJECTCODE SUBJECTCODE
 * @helpurl https://localhost:3000/help/functions.html#CJ.SUBJECTCODE
 * @param name Subject name or path; old names are accepted.
 * @param [year] Budget year (blank: unknown).
 * @param [system] 功能 or 经济 to choose between classifications.
 * @returns The code as text.
 */
export function SUBJECTCODE(name: unknown, year?: unknown, system?: unknown): string {
  return guard(() => impl.subjectCodeOf(name, year, system));
}

/**
 * Subject path as the narrative writes it: 一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）.
 * @customfunction SUBJECTPATH SUBJECTPATH
 * @helpurl https://localhost:3000/help/functions.html#CJ.SUBJECTPATH
 * @param code Subject code (类, 款 or 项).
 * @param [year] Budget year (blank: current names).
 * @returns The path text.
 */
export function SUBJECTPATH(code: unknown, year?: unknown): string {
  return guard(() => impl.subjectPathOf(code, year));
}

/**
 * Sum of the amounts whose code lies under a 类 or 款 code; rows with listed sub-codes are not counted twice.
 * @customfunction ROLLUP ROLLUP
 * @helpurl https://localhost:3000/help/functions.html#CJ.ROLLUP
 * @param codes Code range (one column, or 类|款|项 in three columns).
 * @param amounts Amount range of the same size (one column when codes are split).
 * @param code The 类 or 款 code to sum under, e.g. 201 or 20103.
 * @returns The sum.
 */
export function ROLLUP(codes: unknown[][], amounts: unknown[][], code: unknown): number {
  return guard(() => impl.rollup(codes, amounts, code));
}

/**
 * Checks a total against its items with the rounding tolerance of the validator: empty when they agree, else the difference.
 * @customfunction CHECKSUM CHECKSUM
 * @helpurl https://localhost:3000/help/functions.html#CJ.CHECKSUM
 * @param total The total.
 * @param items The item range.
 * @param [tolerance] Fixed tolerance instead of the rounding rule (0 = exact).
 * @returns Empty text, or total minus the sum of the items.
 */
export function CHECKSUM(total: unknown, items: unknown[][], tolerance?: unknown): number | string {
  return guard(() => impl.checksum(total, items, tolerance));
}

/**
 * Status of one validation rule on this workbook: 通过, 强制 N, 核实 N, 跳过, 规则有误 or 未运行. Updates after each validation.
 * @customfunction CHECK CHECK
 * @helpurl https://localhost:3000/help/functions.html#CJ.CHECK
 * @param ruleId Rule id, e.g. T1-a or a rule of the 审核公式 sheet.
 * @param invocation Streaming invocation.
 */
export function CHECK(ruleId: unknown, invocation: CustomFunctions.StreamingInvocation<string>): void {
  const update = (): void => {
    try {
      invocation.setResult(impl.checkStatus(ruleId, getLastValidation(), getKnownRules()));
    } catch (e) {
      invocation.setResult(toCustomFunctionsError(e));
    }
  };
  update();
  const unsubscribe = onValidationChange(update);
  invocation.onCanceled = () => {
    unsubscribe();
  };
}
