/** Shared loaders of the narrative tests: each reference unit both as a fixture read by recognize() and as dataset views. */
import { fixture, type FixtureName } from "../../fixtures";
import type { Dataset } from "../../fixtures/data/types";
import { recognize } from "../../../src/core/recognize";
import { parseInputsSheet, type Narrative } from "../../../src/core/narrative";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";

/** Two ways to the same unit: the generated workbook through recognize(), and views built from its dataset. */
export function narrativeSources(name: FixtureName, datasetLabel: string, dataset: () => Dataset) {
  return {
    [`fixture ${name} via recognize()`]: () => {
      const f = fixture(name);
      return { recognition: recognize(f.snapshot), inputs: parseInputsSheet(f.snapshot) };
    },
    [datasetLabel]: () => {
      const d = dataset();
      return { recognition: recognitionFromDataset(d), inputs: parseInputsSheet(inputsSnapshot(d)) };
    },
  };
}

/**
 * Text of one generated section for a clause-by-clause comparison, leaving out what the comparisons do not cover:
 * 五(三) (完成预算 by 项 needs budget columns) and 十(三) 国有资产 (counts of vehicles and equipment).
 */
export function comparedSectionText(n: Narrative, id: string): string {
  const s = n.sections.find((x) => x.id === id);
  if (!s) throw new Error(`section ${id} missing`);
  let paragraphs = s.paragraphs.map((p) => p.text);
  if (id === "s5" || id === "s10") paragraphs = paragraphs.slice(0, paragraphs.findIndex((p) => p.startsWith("（三）")));
  return paragraphs.join("\n");
}
