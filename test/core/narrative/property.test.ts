/**
 * For random consistent workbooks, the generated narrative read back by 核对 yields zero
 * mismatches — whatever the style options. The only findings allowed are the placeholders the generator itself
 * left (missing 预算数 / reasons), and each of them must be found.
 */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import fc from "fast-check";
import { randomConsistentDataset } from "../../fixtures/data/random";
import { generateNarrative, parseInputsSheet, renderNarrativeText, verifyNarrative, type StyleOverrides } from "../../../src/core/narrative";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";

const overridesArb: fc.Arbitrary<StyleOverrides> = fc.record(
  {
    thousands: fc.boolean(),
    spaceBeforeUnit: fc.boolean(),
    dropZeroDecimals: fc.boolean(),
    zeroItems: fc.constantFrom("list" as const, "omit" as const),
    decreaseRateWord: fc.constantFrom("下降" as const, "减少" as const, "降低" as const),
    percentDigits: fc.record({ yoy: fc.integer({ min: 0, max: 2 }), structure: fc.integer({ min: 0, max: 2 }), shareExpense: fc.integer({ min: 0, max: 2 }) }),
  },
  { requiredKeys: [] },
);

describe("generate → 核对 round trip on random consistent workbooks", () => {
  it("yields no mismatch other than the generator's own placeholders", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom("sichuan" as const, "shanghai" as const), overridesArb, (seed, style, overrides) => {
        const d = randomConsistentDataset(seed).rounded;
        const recognition = recognitionFromDataset(d);
        const inputs = parseInputsSheet(inputsSnapshot(d));
        const n = generateNarrative(recognition, inputs, { style, overrides });
        const text = renderNarrativeText(n);
        const r = verifyNarrative(text, recognition, inputs, { style });
        const other = r.mismatches.filter((m) => m.code !== "placeholder").map((m) => `${m.code}: ${m.excerpt} — ${m.message}`);
        expect(other).toEqual([]);
        expect(r.mismatches.filter((m) => m.code === "placeholder")).toHaveLength(n.placeholders.length);
        expect(r.claims.filter((c) => c.status === "ok").length).toBeGreaterThan(10);
      }),
      { numRuns: 100 },
    );
  });
});
