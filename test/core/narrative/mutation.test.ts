/**
 * 核对 catches real errors: change any one number of a generated (correct) narrative and 核对 must report a
 * mismatch at exactly that number.
 */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import fc from "fast-check";
import { seed2019 } from "../../fixtures/data/seed2019";
import { shiquanlu2025 } from "../../fixtures/data/shiquanlu2025";
import { generateNarrative, parseInputsSheet, renderNarrativeText, verifyNarrative } from "../../../src/core/narrative";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";
import type { Dataset } from "../../fixtures/data/types";

function numberedSpans(d: Dataset, style: "sichuan" | "shanghai") {
  const recognition = recognitionFromDataset(d);
  const inputs = parseInputsSheet(inputsSnapshot(d));
  const n = generateNarrative(recognition, inputs, { style });
  const text = renderNarrativeText(n);
  const spans: { start: number; end: number; kind: string; value: number }[] = [];
  let offset = 0;
  for (const s of n.sections) {
    offset += s.title.length + 1;
    for (const p of s.paragraphs) {
      for (const sp of p.spans)
        if ((sp.kind === "amount" || sp.kind === "percent" || sp.kind === "change") && sp.value !== undefined && p.text.slice(sp.start, sp.end) !== "持平")
          spans.push({ start: offset + sp.start, end: offset + sp.end, kind: sp.kind, value: sp.value });
      offset += p.text.length + 1;
    }
  }
  return { text, spans, recognition, inputs };
}

for (const [name, d, style] of [
  ["seed", seed2019(), "sichuan"],
  ["石泉路", shiquanlu2025(), "shanghai"],
] as const) describe(`one wrong number in the generated ${name} narrative`, () => {
  const { text, spans, recognition, inputs } = numberedSpans(d, style);

  it("the correct text has no mismatch besides its placeholders", () => {
    expect(verifyNarrative(text, recognition, inputs, { style }).mismatches.filter((m) => m.code !== "placeholder")).toEqual([]);
    expect(spans.length).toBeGreaterThan(40);
  });

  it("is reported at the changed number", () => {
    fc.assert(
      fc.property(fc.nat(spans.length - 1), fc.constantFrom(1, 3, 10), (i, delta) => {
        const sp = spans[i];
        const original = text.slice(sp.start, sp.end);
        // add `delta` to the last integer digit group, keeping the rest of the formatting
        const m = /^([\d,]*\d)(.*)$/.exec(original)!;
        const int = Number(m[1].replace(/,/g, "")) + delta;
        const changed = String(int) + m[2];
        const mutated = text.slice(0, sp.start) + changed + text.slice(sp.end);
        const r = verifyNarrative(mutated, recognition, inputs, { style });
        const hit = r.mismatches.filter((x) => x.code !== "placeholder" && x.offset >= sp.start && x.offset < sp.start + changed.length);
        expect(hit.length, `${original} → ${changed} at ${sp.start}: ${mutated.slice(Math.max(0, sp.start - 30), sp.start + 20)}`).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
