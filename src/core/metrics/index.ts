/** Metrics API: rounding, shares, changes, wording and formatting shared by validator, narrative and CJ.* functions. */
export { roundHalfUp } from "./rounding";
export { sharePercent, shareExact, change, changeRatePercent, changeRateExact, direction, trend, trendWord } from "./change";
export type { Trend, TrendWordStyle, IncreaseWord, DecreaseWord } from "./change";
export { formatAmount, formatPercent, formatNumber, yuanToWan } from "./format";
export type { AmountStyle, AmountUnit, PercentStyle } from "./format";
export { changePhrase } from "./phrase";
export type { ChangePhraseOptions } from "./phrase";
export { readArgumentAmount, readArgumentInteger, ArgumentError } from "./argument";
export type { ArgumentErrorKind } from "./argument";
