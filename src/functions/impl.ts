/**
 * Pure implementations of the CJ.* worksheet functions: argument coercion and logic, no Office.js.
 * Every failure is an ArgumentError (kind → Excel error code); functions.ts maps it to CustomFunctions.Error.
 */
import {
  ArgumentError,
  changePhrase,
  changeRatePercent,
  change,
  formatAmount,
  readArgumentAmount,
  readArgumentInteger,
  roundHalfUp,
  sharePercent,
  trend,
  trendWord,
  yuanToWan,
  type AmountStyle,
  type ChangePhraseOptions,
  type TrendWordStyle,
} from "../core/metrics";
import { parseAmount } from "../core/workbook/amount";
import {
  normalizeCode,
  subjectCodeCandidates,

  subjectName,
  subjectPath,
  type SubjectSystem,
} from "../core/subjects";
import { compareTerms, newOutcome, TermBuffer, toMantissa } from "../core/rules/interval";
import type { ValidationResult } from "../core/rules/types";
import { normalizeRuleId } from "./registry";

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function readText(v: unknown, argName: string): string {
  if (isBlank(v)) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  throw new ArgumentError("invalid", `参数「${argName}」应为文本`);
}

function readYear(v: unknown, argName: string): number | undefined {
  if (isBlank(v)) return undefined;
  const text = typeof v === "string" ? v.trim().replace(/(年度|年)$/u, "") : v;
  return readArgumentInteger(text, argName, 0, MIN_YEAR, MAX_YEAR);
}

/** Percent number → fraction for a percent-formatted cell, without float tails (76.29 → 0.7629). */
function toFraction(percent: number, digits: number): number {
  return roundHalfUp(percent / 100, digits + 2);
}

/** CJ.PCT: share as a fraction, half-up to `digits` percent places. */
export function pct(part: unknown, total: unknown, digits?: unknown): number {
  const p = readArgumentAmount(part, "部分");
  const t = readArgumentAmount(total, "合计");
  const d = readArgumentInteger(digits, "位数", 2, 0, 10);
  const share = sharePercent(p, t, d);
  if (share === undefined) throw new ArgumentError("division-by-zero", "参数「合计」为 0，无法计算占比");
  return toFraction(share, d);
}

/** CJ.CHANGE: current − prior, half-up to 2 decimals. */
export function changeAmount(current: unknown, prior: unknown): number {
  return change(readArgumentAmount(current, "本年数"), readArgumentAmount(prior, "上年数"));
}

/** CJ.RATE: signed change rate as a fraction (−0.4 for 下降40%); prior 0 → ±100%, both 0 → 0. */
export function changeRate(current: unknown, prior: unknown, digits?: unknown): number {
  const c = readArgumentAmount(current, "本年数");
  const p = readArgumentAmount(prior, "上年数");
  const d = readArgumentInteger(digits, "位数", 2, 0, 10);
  const rate = toFraction(changeRatePercent(c, p, d), d);
  return trend(c, p) === "down" ? -rate : rate;
}

/** Parse a TREND style: 「增加/减少」 (default), 「增长/下降」, 「增长/降低」…, or 1 / 2. */
export function parseTrendStyle(style: unknown): TrendWordStyle {
  if (isBlank(style)) return {};
  if (style === 1 || style === "1") return { increase: "增加", decrease: "减少" };
  if (style === 2 || style === "2") return { increase: "增长", decrease: "下降" };
  if (typeof style !== "string") throw new ArgumentError("invalid", "参数「样式」应为文本，如「增长/下降」");
  const s = style.trim();
  const out: TrendWordStyle = {};
  if (s.includes("增长")) out.increase = "增长";
  else if (s.includes("增加")) out.increase = "增加";
  if (s.includes("下降")) out.decrease = "下降";
  else if (s.includes("降低")) out.decrease = "降低";
  else if (s.includes("减少")) out.decrease = "减少";
  if (!out.increase && !out.decrease) {
    throw new ArgumentError("invalid", `参数「样式」无法识别：「${s.slice(0, 20)}」，可用「增加/减少」「增长/下降」「增长/降低」`);
  }
  // A single word picks its usual partner: 增长 ↔ 下降, 增加 ↔ 减少.
  if (!out.decrease) out.decrease = out.increase === "增长" ? "下降" : "减少";
  if (!out.increase) out.increase = out.decrease === "减少" ? "增加" : "增长";
  return out;
}

/** CJ.TREND: 增加/减少/持平 (or the chosen variant). */
export function trendText(current: unknown, prior: unknown, style?: unknown): string {
  const c = readArgumentAmount(current, "本年数");
  const p = readArgumentAmount(prior, "上年数");
  return trendWord(trend(c, p), parseTrendStyle(style));
}

const TOKEN_SPLIT = /[\s,，;；、|]+/u;

/** Parse digits given as 「2」 or 「2位」. */
function digitsToken(tok: string): number | undefined {
  const m = /^(\d{1,2})位?$/u.exec(tok);
  return m ? Number(m[1]) : undefined;
}

function amountToken(tok: string, style: AmountStyle): boolean {
  if (tok === "去零" || tok === "省略零" || tok === "drop0") style.dropZeroDecimals = true;
  else if (tok === "千分位" || tok === "thousands") style.thousands = true;
  else if (tok === "空格" || tok === "space") style.spaceBeforeUnit = true;
  else return false;
  return true;
}

/**
 * Parse a CHANGETEXT style: a percent-digit count (number or 「2位」) and/or keywords separated by commas or
 * spaces: 减少减少 (same verb twice), 降低, 年度, 比 (「X比2018年…」), 各, 无比率 (prior 0 without percent),
 * 数字持平 (write 0 instead of 持平), 去零, 千分位, 空格.
 */
export function parseChangeTextStyle(style: unknown): Omit<ChangePhraseOptions, "label" | "priorYear"> {
  // Sheets repeat the same style text in thousands of cells: parse each distinct text once.
  if (typeof style === "string") {
    const hit = styleCache.get(style);
    if (hit) return hit;
    const parsed = parseChangeTextStyleUncached(style);
    if (styleCache.size >= 256) styleCache.clear();
    styleCache.set(style, parsed);
    return parsed;
  }
  return parseChangeTextStyleUncached(style);
}

type ChangeTextStyle = Omit<ChangePhraseOptions, "label" | "priorYear">;
const styleCache = new Map<string, ChangeTextStyle>();

function parseChangeTextStyleUncached(style: unknown): ChangeTextStyle {
  const out: Omit<ChangePhraseOptions, "label" | "priorYear"> = {};
  if (isBlank(style)) return out;
  if (typeof style === "number") {
    if (!Number.isInteger(style) || style < 0 || style > 10) throw new ArgumentError("invalid", "参数「样式」作为位数时应为 0 到 10 的整数");
    out.percentDigits = style;
    return out;
  }
  if (typeof style !== "string") throw new ArgumentError("invalid", "参数「样式」应为文本或位数");
  const amount: AmountStyle = {};
  for (const tok of style.trim().split(TOKEN_SPLIT).filter(Boolean)) {
    const d = digitsToken(tok);
    if (d !== undefined) {
      if (d > 10) throw new ArgumentError("invalid", "参数「样式」中的位数应为 0 到 10");
      out.percentDigits = d;
    } else if (tok === "减少减少" || tok === "同词" || tok === "same") out.rateWords = "same";
    else if (tok === "降低") {
      out.amountWords = { ...out.amountWords, decrease: "减少" };
      out.rateWords = { increase: "增长", decrease: "降低" };
    } else if (tok === "年度") out.yearSuffix = "年度";
    else if (tok === "比") out.form = "bi";
    else if (tok === "各") out.each = true;
    else if (tok === "无比率" || tok === "no-rate") out.priorZero = "no-rate";
    else if (tok === "数字持平" || tok === "numbers") out.flat = "numbers";
    else if (tok === "保留零" || tok === "keep0") out.dropZeroPercentDecimals = false;
    else if (!amountToken(tok, amount)) {
      throw new ArgumentError("invalid", `参数「样式」中的「${tok.slice(0, 12)}」无法识别`);
    }
  }
  if (Object.keys(amount).length) out.amountStyle = amount;
  return out;
}

/** CJ.CHANGETEXT: the standard change sentence. */
export function changeText(current: unknown, prior: unknown, label?: unknown, yearPrior?: unknown, style?: unknown): string {
  const c = readArgumentAmount(current, "本年数");
  const p = readArgumentAmount(prior, "上年数");
  const st = parseChangeTextStyle(style);
  // One fixed object shape for every call keeps changePhrase's property reads monomorphic (4× faster in bench/).
  const opts: ChangePhraseOptions = {
    label: readText(label, "项目名称"),
    priorYear: readYear(yearPrior, "上年年度"),
    yearSuffix: st.yearSuffix,
    form: st.form,
    percentDigits: st.percentDigits,
    dropZeroPercentDecimals: st.dropZeroPercentDecimals,
    amountStyle: st.amountStyle,
    rateWords: st.rateWords,
    amountWords: st.amountWords,
    each: st.each,
    flat: st.flat,
    priorZero: st.priorZero,
  };
  return changePhrase(c, p, opts);
}

/** CJ.AMOUNT: amount as report text. Unit: blank → 万元; 「元」; 「无」 → no unit. */
export function amountText(value: unknown, unit?: unknown, style?: unknown): string {
  const v = readArgumentAmount(value, "金额");
  const st: AmountStyle = {};
  const u = readText(unit, "单位");
  if (u === "" || u === "万元") st.unit = "万元";
  else if (u === "元") st.unit = "元";
  else if (u === "无" || u === "-" || u === "none") st.unit = "";
  else throw new ArgumentError("invalid", `参数「单位」应为「万元」「元」或「无」，收到「${u.slice(0, 12)}」`);
  if (typeof style === "number") st.decimals = readArgumentInteger(style, "样式", 2, 0, 10);
  else if (!isBlank(style)) {
    if (typeof style !== "string") throw new ArgumentError("invalid", "参数「样式」应为文本");
    for (const tok of style.trim().split(TOKEN_SPLIT).filter(Boolean)) {
      const d = digitsToken(tok);
      if (d !== undefined && d <= 10) st.decimals = d;
      else if (!amountToken(tok, st)) throw new ArgumentError("invalid", `参数「样式」中的「${tok.slice(0, 12)}」无法识别，可用：去零、千分位、空格、位数`);
    }
  }
  return formatAmount(v, st);
}

/** CJ.WAN: 元 → 万元 half-up. */
export function wan(yuan: unknown, digits?: unknown): number {
  return yuanToWan(readArgumentAmount(yuan, "元金额"), readArgumentInteger(digits, "位数", 2, 0, 10));
}

function readCode(code: unknown, argName: string): string {
  if (isBlank(code)) throw new ArgumentError("invalid", `参数「${argName}」为空`);
  const c = normalizeCode(typeof code === "string" ? code.trim().split(/\s+/)[0] : code);
  if (c === undefined) throw new ArgumentError("invalid", `参数「${argName}」不是科目编码（应为 3、5 或 7 位数字）：「${String(code).slice(0, 20)}」`);
  return c;
}

/** CJ.SUBJECT: name of a 功能/经济分类 code for a year. */
export function subject(code: unknown, year?: unknown): string {
  const c = readCode(code, "编码");
  const y = readYear(year, "年度");
  const name = subjectName(c, y);
  if (name === undefined) throw new ArgumentError("not-available", `科目编码 ${c} 不在编码表中`);
  return name;
}

function readSystem(v: unknown): SubjectSystem | undefined {
  const t = readText(v, "分类");
  if (t === "") return undefined;
  if (/^(功能|功能分类|支出功能分类|function)$/iu.test(t)) return "function";
  if (/^(经济|经济分类|部门预算支出经济分类|economic)$/iu.test(t)) return "economic";
  throw new ArgumentError("invalid", `参数「分类」应为「功能」或「经济」，收到「${t.slice(0, 12)}」`);
}

/** CJ.SUBJECTCODE: code for a name or a 「…（类）…（款）…（项）」 path. */
export function subjectCodeOf(name: unknown, year?: unknown, system?: unknown): string {
  const n = readText(name, "名称");
  if (n === "") throw new ArgumentError("invalid", "参数「名称」为空");
  const y = readYear(year, "年度");
  const candidates = subjectCodeCandidates(n, y, { system: readSystem(system) });
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) throw new ArgumentError("not-available", `科目名称「${n.slice(0, 30)}」不在编码表中`);
  const list = candidates.slice(0, 5).join("、") + (candidates.length > 5 ? "等" : "");
  throw new ArgumentError("not-available", `科目名称「${n.slice(0, 30)}」对应多个编码（${list}），请写成「…（类）…（款）…（项）」路径或指定分类`);
}

/** CJ.SUBJECTPATH: 「一般公共服务（类）…（款）…（项）」. */
export function subjectPathOf(code: unknown, year?: unknown): string {
  const c = readCode(code, "编码");
  const path = subjectPath(c, readYear(year, "年度"));
  if (path === undefined) throw new ArgumentError("not-available", `科目编码 ${c} 或其上级不在编码表中`);
  return path;
}

function asMatrix(v: unknown, argName: string): unknown[][] {
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    if (v.every((row) => Array.isArray(row))) {
      const width = (v[0] as unknown[]).length;
      if (!(v as unknown[][]).every((row) => row.length === width)) throw new ArgumentError("invalid", `参数「${argName}」的各行长度不一致`);
      return v as unknown[][];
    }
    return [v];
  }
  return [[v]];
}

/** The code of one row of a codes range: one cell, or 类|款|项 split over three columns. */
function rowCode(row: unknown[]): string | undefined {
  if (row.length === 3) {
    const parts = row.map((x) => (isBlank(x) ? "" : String(x).trim()));
    if (!parts[0]) return undefined;
    const joined = parts[0] + (parts[1] ? parts[1].padStart(2, "0") : "") + (parts[1] && parts[2] ? parts[2].padStart(2, "0") : "");
    return normalizeCode(joined);
  }
  const cell = row[0];
  if (isBlank(cell)) return undefined;
  // "2010301 行政运行" or "[201]一般公共服务支出": take the leading code, ignore the name.
  const text = typeof cell === "number" ? String(cell) : String(cell).trim().replace(/^\[/, "").split(/[\s\]]/)[0];
  return normalizeCode(text);
}

/**
 * CJ.ROLLUP: sum of the amounts whose code lies under `code`. Codes may be one column (or 类|款|项 in three
 * columns); a row is counted only when no other listed code lies below it, so tables listing 类, 款 and 项
 * rows together are not double-counted.
 */
export function rollup(codes: unknown, amounts: unknown, code: unknown): number {
  const target = readCode(code, "汇总编码");
  const cm = asMatrix(codes, "编码区域");
  const am = asMatrix(amounts, "金额区域");
  const rows = cm.length;
  const splitCodes = cm.length > 0 && cm[0].length === 3 && am.length > 0 && am[0].length === 1;
  const sameShape = rows === am.length && (rows === 0 || cm[0].length === am[0].length);
  if (!sameShape && !(splitCodes && rows === am.length)) {
    throw new ArgumentError("invalid", `参数「编码区域」(${rows}×${cm[0]?.length ?? 0}) 与「金额区域」(${am.length}×${am[0]?.length ?? 0}) 大小不同`);
  }
  const entries: { code: string; value: number }[] = [];
  const add = (c: string | undefined, amount: unknown, r: number, col: number): void => {
    if (c === undefined || !c.startsWith(target)) return;
    entries.push({ code: c, value: readArgumentAmount(amount, `金额区域第${r + 1}行第${col + 1}列`) });
  };
  for (let r = 0; r < rows; r++) {
    if (splitCodes) add(rowCode(cm[r]), am[r][0], r, 0);
    else for (let col = 0; col < cm[r].length; col++) add(rowCode([cm[r][col]]), am[r][col], r, col);
  }
  const listed = new Set(entries.map((e) => e.code));
  const hasDescendant = (c: string): boolean => {
    for (const other of listed) if (other.length > c.length && other.startsWith(c)) return true;
    return false;
  };
  let sum = 0;
  for (const e of entries) if (!hasDescendant(e.code)) sum += e.value;
  return roundHalfUp(sum, 6);
}

const checkBuffer = new TermBuffer(64);
const checkOutcome = newOutcome();

/**
 * CJ.CHECKSUM: "" when total ≈ Σ items under the rounding-interval rule of the validator (domain notes §4),
 * else total − Σ items (2 decimals). `tolerance` given → plain |difference| ≤ tolerance instead; 0 → exact.
 */
export function checksum(total: unknown, items: unknown, tolerance?: unknown): number | string {
  const readings: { value: number; decimals: number; blank: boolean }[] = [];
  const read = (v: unknown, argName: string): { value: number; decimals: number; blank: boolean } => {
    if (isBlank(v)) return { value: 0, decimals: 2, blank: true };
    const value = readArgumentAmount(v, argName); // throws the zh-CN error for bad input
    const r = parseAmount(v as number | string);
    return { value, decimals: r.kind === "amount" ? r.decimals : 2, blank: false };
  };
  const t = read(total, "合计");
  const m = asMatrix(items, "明细");
  m.forEach((row, r) => row.forEach((cell, c) => readings.push(read(cell, `明细第${r + 1}行第${c + 1}列`))));
  let sum = 0;
  for (const x of readings) sum += x.value;
  const diff = roundHalfUp(t.value - sum, 2);
  if (!isBlank(tolerance)) {
    const tol = readArgumentAmount(tolerance, "容差");
    if (tol < 0) throw new ArgumentError("invalid", "参数「容差」不能为负数");
    return Math.abs(roundHalfUp(t.value - sum, 9)) <= tol + 1e-12 ? "" : diff;
  }
  checkBuffer.reset(readings.length + 1);
  const push = (x: { value: number; decimals: number; blank: boolean }): void => {
    const { m: mant, e } = toMantissa(x.value, x.decimals, 0);
    // Blank cells are exact zeros (no money), not rounded values.
    checkBuffer.push(mant, e, 1, !x.blank, false);
  };
  push(t);
  checkBuffer.endLeft();
  for (const x of readings) push(x);
  compareTerms(checkBuffer, "=", "interval", checkOutcome);
  return checkOutcome.pass ? "" : diff;
}

/** Status words of CJ.CHECK. */
export const CHECK_STATUS = { notRun: "未运行", passed: "通过", skipped: "跳过", error: "强制", warning: "核实", ruleError: "规则有误" } as const;

/**
 * CJ.CHECK: status of one rule in the last validation: 「通过」, 「强制 N」 (N 强制 findings), 「核实 N」
 * (only 核实 findings), 「跳过」 (tables absent / disabled), 「规则有误」 (a user rule that does not parse),
 * 「未运行」 (no validation yet). Unknown ids → #N/A when the validator told us which rules exist.
 */
export function checkStatus(ruleId: unknown, result: ValidationResult | undefined, knownRules?: ReadonlySet<string>): string {
  const id = normalizeRuleId(readText(ruleId, "规则编号"));
  if (id === "") throw new ArgumentError("invalid", "参数「规则编号」为空");
  if (!result) return CHECK_STATUS.notRun;
  let errors = 0;
  let warnings = 0;
  let seen = false;
  for (const f of result.findings) {
    if (normalizeRuleId(f.rule) !== id) continue;
    seen = true;
    if (f.severity === "error") errors++;
    else warnings++;
  }
  if (errors > 0) return `${CHECK_STATUS.error} ${errors}`;
  if (warnings > 0) return `${CHECK_STATUS.warning} ${warnings}`;
  if (result.ruleErrors.some((e) => e.ruleId !== undefined && normalizeRuleId(e.ruleId) === id)) return CHECK_STATUS.ruleError;
  if (result.skipped.some((s) => normalizeRuleId(s.rule) === id)) return CHECK_STATUS.skipped;
  if (!seen && knownRules && !knownRules.has(id)) {
    throw new ArgumentError("not-available", `没有编号为「${id.slice(0, 20)}」的审核规则`);
  }
  return CHECK_STATUS.passed;
}

