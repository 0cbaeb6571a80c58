/**
 * The standard year-over-year sentence of the 情况说明:
 * 「与2018年相比，收、支总计减少2720.74万元，下降40%」 and its variants (domain notes §5).
 */
import { change, changeRatePercent, trend, type DecreaseWord, type IncreaseWord } from "./change";
import { formatAmount, formatPercent, type AmountStyle } from "./format";

export interface ChangePhraseOptions {
  /** What changed, e.g. 「收、支总计」. May be empty. */
  label?: string;
  /** The comparison year; omitted → 「上年」. */
  priorYear?: number | string;
  /** 「年」 (Sichuan) or 「年度」 (Shanghai). Default 「年」. */
  yearSuffix?: "年" | "年度";
  /**
   * Sentence form: 'compared' → 「与2018年相比，X减少A万元，下降p%」 (default);
   * 'bi' → 「X比2018年减少A万元，下降p%」 (as in the seed's 三公 section).
   */
  form?: "compared" | "bi";
  /** Percent places of the rate (default 0: the seed writes "下降40%"). */
  percentDigits?: number;
  /** Write "40%" rather than "40.00%" when the decimals are zero (default true). */
  dropZeroPercentDecimals?: boolean;
  /** Amount text style (default: 2 decimals, 万元, ".00" kept). */
  amountStyle?: AmountStyle;
  /**
   * Rate words: 'standard' → 增加…增长 / 减少…下降 (default); 'same' → 增加…增加 / 减少…减少 (seed §四/五);
   * or explicit words.
   */
  rateWords?: "standard" | "same" | { increase: IncreaseWord; decrease: DecreaseWord };
  /** Amount words (default 增加 / 减少; 降低 is a Shanghai variant). */
  amountWords?: { increase?: IncreaseWord; decrease?: DecreaseWord };
  /** Insert 「各」 before the verb, as in 「收、支总计各减少…」. */
  each?: boolean;
  /**
   * Equal values: 'flat' → 「X与2018年持平」 (default); 'numbers' → the normal sentence with 0 and 0%.
   */
  flat?: "flat" | "numbers";
  /**
   * Prior year 0 and current ≠ 0: 'percent100' → 「…增加A万元，增长100%」 (default, the reports' convention);
   * 'no-rate' → 「…增加A万元」 without a percent.
   */
  priorZero?: "percent100" | "no-rate";
}

function yearText(opts: ChangePhraseOptions): string {
  const suffix = opts.yearSuffix ?? "年";
  if (opts.priorYear === undefined || opts.priorYear === "") return "上" + suffix;
  return String(opts.priorYear) + suffix;
}

/** Build the change sentence for current vs prior (both in 万元, 2 decimals). */
export function changePhrase(current: number, prior: number, opts: ChangePhraseOptions = {}): string {
  const label = opts.label ?? "";
  const year = yearText(opts);
  const t = trend(current, prior);
  const each = opts.each ? "各" : "";
  if (t === "flat" && (opts.flat ?? "flat") === "flat") {
    return `${label}与${year}持平`;
  }
  const up = t !== "down"; // flat written with numbers reads 「增加0.00万元，增长0%」
  const amountWord = up ? opts.amountWords?.increase ?? "增加" : opts.amountWords?.decrease ?? "减少";
  const rw = opts.rateWords ?? "standard";
  let rateWord: string;
  if (rw === "standard") rateWord = up ? "增长" : "下降";
  else if (rw === "same") rateWord = amountWord;
  else rateWord = up ? rw.increase : rw.decrease;
  const amount = formatAmount(Math.abs(change(current, prior)), opts.amountStyle);
  const head = (opts.form ?? "compared") === "bi" ? `${label}比${year}` : `与${year}相比，${label}`;
  let sentence = `${head}${each}${amountWord}${amount}`;
  if (!(prior === 0 && current !== 0 && opts.priorZero === "no-rate")) {
    const digits = opts.percentDigits ?? 0;
    const rate = changeRatePercent(current, prior, digits);
    sentence += `，${rateWord}${formatPercent(rate, digits, { dropZeroDecimals: opts.dropZeroPercentDecimals ?? true })}`;
  }
  return sentence;
}
