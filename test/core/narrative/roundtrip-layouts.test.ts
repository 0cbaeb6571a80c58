/**
 * generate → 核对 through the real pipeline (fixture workbook → recognize() → narrative): every fixture layout
 * (Sichuan 13, national 9, MOF export in 元, messy variants) and random consistent workbooks in the national layout.
 */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import fc from "fast-check";
import { fixture, FIXTURE_NAMES } from "../../fixtures";
import { national9 } from "../../fixtures/layouts/national9";
import { randomConsistentDataset } from "../../fixtures/data/random";
import { recognize } from "../../../src/core/recognize";
import { generateNarrative, parseInputsSheet, renderNarrativeText, verifyNarrative } from "../../../src/core/narrative";
import type { WorkbookSnapshot } from "../../../src/core/workbook/snapshot";

function roundTrip(snapshot: WorkbookSnapshot, style: "sichuan" | "shanghai") {
  const recognition = recognize(snapshot);
  const inputs = parseInputsSheet(snapshot);
  const n = generateNarrative(recognition, inputs, { style });
  const r = verifyNarrative(renderNarrativeText(n), recognition, inputs, { style });
  return { n, r, other: r.mismatches.filter((m) => m.code !== "placeholder").map((m) => `${m.code}: ${m.excerpt} — ${m.message}`) };
}

describe("generated text is confirmed by 核对 on every fixture layout", () => {
  const names = FIXTURE_NAMES.filter((n) => n.startsWith("seed") || n.startsWith("shiquanlu"));
  for (const [name, style] of names.flatMap((name) => (["sichuan", "shanghai"] as const).map((style) => [name, style] as const))) it(`${name} with style ${style}`, () => {
    const { n, r, other } = roundTrip(fixture(name).snapshot, style);
    expect(other).toEqual([]);
    expect(r.mismatches.length).toBe(n.placeholders.length);
    expect(r.claims.filter((c) => c.status === "ok").length).toBeGreaterThan(20);
  });
});

describe("random consistent workbooks (national layout, read by recognize())", () => {
  it("round-trip with zero mismatches", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom("sichuan" as const, "shanghai" as const), (seed, style) => {
        const d = randomConsistentDataset(seed).rounded;
        const { n, r, other } = roundTrip(national9(d, `random-${seed}`, { narrativeSheet: true }).snapshot, style);
        expect(other).toEqual([]);
        expect(r.mismatches.length).toBe(n.placeholders.length);
      }),
      { numRuns: 20 },
    );
  });
});
