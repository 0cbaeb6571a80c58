/** Style options beyond the two presets: validated and merged by one pure function, every option settable. */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { generateNarrative, parseInputsSheet, renderNarrativeText } from "../../../src/core/narrative";
import { resolveStyle, STYLE_OPTIONS, parseStyleAssignments } from "../../../src/core/narrative/style-options";
import { STYLE_PRESETS } from "../../../src/core/narrative/style";
import { seed2019 } from "../../fixtures/data/seed2019";
import { inputsSnapshot, recognitionFromDataset } from "./dataset-views";

const d = seed2019();
const recognition = recognitionFromDataset(d);
const inputs = parseInputsSheet(inputsSnapshot(d));
const text = (preset: string, options: Record<string, unknown>) => {
  const r = resolveStyle(preset, options);
  expect(r.problems).toEqual([]);
  return renderNarrativeText(generateNarrative(recognition, inputs, { style: r.style }));
};

describe("resolveStyle", () => {
  it("returns the preset unchanged with no options", () => {
    for (const id of ["sichuan", "shanghai"] as const) expect(resolveStyle(id).style).toEqual(STYLE_PRESETS[id]);
  });

  it("merges flat and nested options, later flat names winning over the preset", () => {
    const r = resolveStyle("sichuan", { percentDigits: { yoy: 2 }, "percentDigits.completion": "0", thousands: "true", reasonClause: "主要原因：{reason}。" });
    expect(r.problems).toEqual([]);
    expect(r.style.percentDigits).toMatchObject({ yoy: 2, completion: 0, shareIncome: 2 });
    expect(r.style).toMatchObject({ id: "sichuan", thousands: true, reasonClause: "主要原因：{reason}。" });
  });

  it("takes the preset from the options (a style file) and reports unknown names, bad values and presets", () => {
    expect(resolveStyle("sichuan", { preset: "shanghai" }).style.id).toBe("shanghai");
    const r = resolveStyle("beijing", { "percentDigits.yoy": 3, colour: "red", thousands: "maybe", reasonClause: "原因" });
    expect(r.problems).toEqual([
      { kind: "bad-preset", value: "beijing" },
      { kind: "bad-value", name: "percentDigits.yoy", value: "3", allowed: "0|1|2" },
      { kind: "unknown-option", name: "colour" },
      { kind: "bad-value", name: "thousands", value: "maybe", allowed: "true|false" },
      { kind: "bad-value", name: "reasonClause", value: "原因", allowed: "文字，含 {reason}" },
    ]);
    // A rejected value leaves the preset's.
    expect(r.style.percentDigits.yoy).toBe(STYLE_PRESETS.sichuan.percentDigits.yoy);
  });

  it("accepts every listed option with each of its allowed values", () => {
    for (const o of STYLE_OPTIONS) {
      const values = o.type.kind === "int" ? ["0", "1", "2"] : o.type.kind === "boolean" ? ["true", "false"] : o.type.kind === "enum" ? [...o.type.values] : ["与上年持平{reason}"];
      for (const v of values) expect(resolveStyle("shanghai", { [o.name]: v }).problems, `${o.name}=${v}`).toEqual([]);
    }
  });

  it("parses name=value pairs from the command line", () => {
    expect(parseStyleAssignments(["thousands=true", "reasonClause=原因是{reason}=。", "bad"])).toEqual({
      options: { thousands: "true", reasonClause: "原因是{reason}=。" },
      problems: [{ kind: "bad-value", name: "bad", value: "", allowed: "名称=值" }],
    });
  });
});

describe("style options change the generated text", () => {
  it("percentDigits.yoy=2 writes 「下降39.52%」 where the Sichuan preset writes 「下降40%」", () => {
    expect(text("sichuan", {})).toContain("下降40%");
    expect(text("sichuan", { "percentDigits.yoy": "2" })).toContain("下降39.52%");
  });

  it("percentDropZeroDecimals=false writes 100.00% where the preset writes 100%", () => {
    expect(text("sichuan", {})).toMatch(/完成预算100%/);
    expect(text("sichuan", { percentDropZeroDecimals: "false" })).toMatch(/完成预算100\.00%/);
  });

  it("dropZeroDecimals=false writes 3.00万元; thousands and spaceBeforeUnit write 「4,163.20 万元」", () => {
    expect(text("sichuan", {})).toMatch(/[^.\d]3万元/);
    expect(text("sichuan", { dropZeroDecimals: "false" })).toContain("3.00万元");
    expect(text("sichuan", { thousands: "true", spaceBeforeUnit: "true" })).toContain("4,163.20 万元");
  });
});
