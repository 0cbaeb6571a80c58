import { test } from "vitest";
import { seed2019 } from "../../../test/fixtures/data/seed2019";
import { shiquanlu2025 } from "../../../test/fixtures/data/shiquanlu2025";
import { recognitionFromDataset, inputsSnapshot } from "../../../test/core/narrative/dataset-views";
import { generateNarrative, renderNarrativeText, parseInputsSheet } from "../../../src/core/narrative";
test("smoke", () => {
  for (const [d, style] of [[seed2019(), "sichuan"], [shiquanlu2025(), "shanghai"]] as const) {
    const n = generateNarrative(recognitionFromDataset(d), parseInputsSheet(inputsSnapshot(d)), { style });
    console.log(renderNarrativeText(n));
    console.log(n.placeholders.map((p) => p.label).join(","));
  }
});
