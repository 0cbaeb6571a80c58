// A table cell that holds text instead of an amount never silently drops its item from the narrative: the sentence
// keeps the item with a visible placeholder naming the cell, and the placeholder is listed.
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { fixture, mutate } from "../../fixtures";
import { recognize, cellOf } from "../../../src/core/recognize";
import { generateNarrative, parseInputsSheet, renderNarrativeText } from "../../../src/core/narrative";

describe("narrative with an unreadable amount cell", () => {
  it("keeps 基本支出 in section 三 as a placeholder that names the cell", () => {
    const f = fixture("seed-sichuan");
    const t3 = recognize(f.snapshot).tables.find((t) => t.kind === "T3")!;
    const basic = cellOf(t3, "total", "basic")!;
    const broken = mutate(f.snapshot, basic.address, basic.sheet, "见附表");
    const n = generateNarrative(recognize(broken), parseInputsSheet(broken), { style: "sichuan" });
    const text = renderNarrativeText(n);
    const section3 = text.split("\n").find((l) => l.includes("本年支出合计") && l.includes("项目支出"))!;
    expect(section3).toContain(`基本支出【请填写：基本支出（「${basic.sheet}」${basic.address} 的“见附表”不是金额）】`);
    expect(section3).toContain("项目支出922.31万元");
    expect(n.placeholders.some((p) => p.label.includes(basic.address))).toBe(true);
    // the untouched workbook states the amount
    const ok = renderNarrativeText(generateNarrative(recognize(f.snapshot), parseInputsSheet(f.snapshot), { style: "sichuan" }));
    expect(ok).toContain("基本支出3240.90万元");
  });
});
