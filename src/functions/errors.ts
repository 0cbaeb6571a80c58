/**
 * The one place that maps typed errors to CustomFunctions.Error. Everything else in src/functions is pure.
 * A custom function reports an Excel error by throwing CustomFunctions.Error (Microsoft's documented way);
 * nothing else ever leaves a function: unexpected exceptions become #VALUE! with a message.
 */
import { ArgumentError } from "../core/metrics";

/** Convert any thrown value into a CustomFunctions.Error with a zh-CN message. */
export function toCustomFunctionsError(e: unknown): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  if (e instanceof ArgumentError) {
    const code =
      e.kind === "not-available"
        ? codes.notAvailable
        : e.kind === "division-by-zero"
          ? codes.divisionByZero
          : e.kind === "out-of-range"
            ? codes.invalidNumber
            : codes.invalidValue;
    return new CustomFunctions.Error(code, e.message);
  }
  if (e instanceof CustomFunctions.Error) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(codes.invalidValue, `内部错误：${detail.slice(0, 100)}`);
}

/** Run `fn`; on failure throw the mapped CustomFunctions.Error (never any other exception). */
export function guard<T>(fn: () => T): T {
  let result: T;
  try {
    result = fn();
  } catch (e) {
    throw toCustomFunctionsError(e);
  }
  // Amounts near ±1.8e308 can overflow; Excel has no infinity, so say #NUM! instead of returning one.
  if (typeof result === "number" && !Number.isFinite(result)) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "结果超出数值范围");
  }
  return result;
}
