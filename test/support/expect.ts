// Jest's `expect` with an optional message as second argument (`expect(value, "which cell")`), which many of our
// assertions use to say what was being compared; the message is put in front of the matcher's own explanation.
import { expect as base } from "expect";

type Matchers = ReturnType<typeof base>;

function withMessage<T extends object>(target: T, message: string): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver) as unknown;
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          try {
            const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
            // .resolves / .rejects matchers return promises
            if (result instanceof Promise) return result.catch((e: unknown) => { throw prefixed(e, message); });
            return result;
          } catch (e) {
            throw prefixed(e, message);
          }
        };
      }
      // .not, .resolves, .rejects
      if (value && typeof value === "object") return withMessage(value as object, message);
      return value;
    },
  });
}

function prefixed(e: unknown, message: string): unknown {
  if (e instanceof Error) e.message = `${message}\n\n${e.message}`;
  return e;
}

function expectWithMessage(actual: unknown, message?: string): Matchers {
  const m = base(actual);
  return message === undefined ? m : withMessage(m, message);
}

/** expect(actual, message?) — Jest's expect; the optional message names what is compared. */
export const expect: typeof expectWithMessage & Omit<typeof base, never> = Object.assign(expectWithMessage, base);
