/** The generated narrative never carries bidirectional-text controls from cell text (they reorder what is shown). */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { generateNarrative, parseInputsSheet, renderNarrativeText } from "../../../src/core/narrative";
import { seed2019 } from "../../fixtures/data/seed2019";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("narrate strips bidi control characters", () => {
  for (const style of ["sichuan", "shanghai"] as const) {
    it(`from the unit name and a reason (${style})`, () => {
      const d = seed2019();
      d.narrative["单位名称"] = "攀枝花\u202e市人民政府\u2066办公室\u2069\u200f";
      d.narrative["收支总计变动原因"] = "机构改革\u202d，单位划出\u061c";
      const n = generateNarrative(recognitionFromDataset(d), parseInputsSheet(inputsSnapshot(d)), { style });
      const text = renderNarrativeText(n);
      expect(text).not.toMatch(BIDI);
      expect(text).toContain("攀枝花市人民政府办公室");
      if (style === "sichuan") expect(text).toContain("机构改革，单位划出");
      // Span offsets still point at the text they describe.
      for (const s of n.sections) for (const p of s.paragraphs) for (const sp of p.spans) expect(sp.end).toBeLessThanOrEqual(p.text.length);
    });
  }
});
