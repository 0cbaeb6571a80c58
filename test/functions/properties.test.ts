// Properties of the CJ.* functions: text amounts read like numbers, results agree with the core metrics,
// and no input makes a function throw anything but a CustomFunctions.Error.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { FakeError, installFakeCustomFunctions } from "./fakeCustomFunctions";
import * as F from "../../src/functions/functions";
import { changePhrase, sharePercent } from "../../src/core/metrics";

before(() => installFakeCustomFunctions());

const cents = fc.integer({ min: 0, max: 99_999_999_99 });
const withThousands = (v: number): string => v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fullWidth = (s: string): string => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("CJ.* properties", () => {
  it("amount text (thousands separators, full-width) gives the same result as the number", () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const part = a / 100;
        const total = b / 100 + 0.01;
        expect(F.PCT(withThousands(part), fullWidth(withThousands(total)))).toBe(F.PCT(part, total));
        expect(F.CHANGE(fullWidth(part.toFixed(2)), withThousands(total))).toBe(F.CHANGE(part, total));
      }),
      { numRuns: 500 },
    );
  });

  it("CJ.PCT equals the core share; CJ.CHANGETEXT equals the core phrase", () => {
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: 4 }), (a, b, d) => {
        const x = a / 100;
        const y = b / 100 + 0.01;
        expect(F.PCT(x, y, d)).toBe(Number((sharePercent(x, y, d)! / 100).toFixed(d + 2)));
        expect(F.CHANGETEXT(x, y, "L", 2020, d)).toBe(changePhrase(x, y, { label: "L", priorYear: 2020, percentDigits: d }));
      }),
      { numRuns: 500 },
    );
  });

  it("any argument values yield a value or a CustomFunctions.Error, never another exception", () => {
    const arg = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.constantFrom("1,234.50", "#REF!", "—", "（12.00）", "２０１９", "2010301", "行政运行", "T1-a", "增长/下降", "2位 年度"),
      fc.array(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    );
    const fns: ((a: unknown, b: unknown, c: unknown) => unknown)[] = [
      (a, b, c) => F.PCT(a, b, c),
      (a, b) => F.CHANGE(a, b),
      (a, b, c) => F.RATE(a, b, c),
      (a, b, c) => F.TREND(a, b, c),
      (a, b, c) => F.CHANGETEXT(a, b, c, a, b),
      (a, b, c) => F.AMOUNT(a, b, c),
      (a, b) => F.WAN(a, b),
      (a, b) => F.SUBJECT(a, b),
      (a, b, c) => F.SUBJECTCODE(a, b, c),
      (a, b) => F.SUBJECTPATH(a, b),
      (a, b, c) => F.ROLLUP(a as unknown[][], b as unknown[][], c),
      (a, b, c) => F.CHECKSUM(a, b as unknown[][], c),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fns.length - 1 }), arg, arg, arg, (i, a, b, c) => {
        try {
          const v = fns[i](a, b, c);
          expect(["number", "string"]).toContain(typeof v);
          if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(FakeError);
          expect(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]).toContain((e as FakeError).code);
          expect((e as FakeError).message).toMatch(/\p{Script=Han}/u);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("every function's @helpurl anchor exists on the help page", () => {
    const html = readFileSync(resolve(__dirname, "../../src/help/functions.html"), "utf8");
    const src = readFileSync(resolve(__dirname, "../../src/functions/functions.ts"), "utf8");
    const anchors = [...src.matchAll(/@helpurl \S+#(\S+)/g)].map((m) => m[1]);
    expect(anchors.length).toBe(13);
    for (const a of anchors) expect(html, a).toContain(`id="${a}"`);
  });
});
