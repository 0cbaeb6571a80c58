// Runs the custom-functions-metadata generator on the real source and checks both languages' functions.json.
import { resolve } from "node:path";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
// @ts-expect-error plain .mjs script without type declarations
import { localizeFunctionsMetadata, loadTable } from "../../scripts/localize-functions.mjs";

interface Param { name: string; type: string; dimensionality?: string; optional?: boolean; description?: string }
interface Fn { id: string; name: string; description?: string; helpUrl?: string; parameters: Param[]; result?: { type?: string }; options?: { stream?: boolean } }

// id → [parameter name, type, dimensionality, optional] as the worksheet sees them.
const EXPECTED: Record<string, [string, string, string, boolean][]> = {
  PCT: [["part", "any", "scalar", false], ["total", "any", "scalar", false], ["digits", "any", "scalar", true]],
  CHANGE: [["current", "any", "scalar", false], ["prior", "any", "scalar", false]],
  RATE: [["current", "any", "scalar", false], ["prior", "any", "scalar", false], ["digits", "any", "scalar", true]],
  TREND: [["current", "any", "scalar", false], ["prior", "any", "scalar", false], ["style", "any", "scalar", true]],
  CHANGETEXT: [
    ["current", "any", "scalar", false],
    ["prior", "any", "scalar", false],
    ["label", "any", "scalar", true],
    ["yearPrior", "any", "scalar", true],
    ["style", "any", "scalar", true],
  ],
  AMOUNT: [["value", "any", "scalar", false], ["unit", "any", "scalar", true], ["style", "any", "scalar", true]],
  WAN: [["yuan", "any", "scalar", false], ["digits", "any", "scalar", true]],
  SUBJECT: [["code", "any", "scalar", false], ["year", "any", "scalar", true]],
  SUBJECTCODE: [["name", "any", "scalar", false], ["year", "any", "scalar", true], ["system", "any", "scalar", true]],
  SUBJECTPATH: [["code", "any", "scalar", false], ["year", "any", "scalar", true]],
  ROLLUP: [["codes", "any", "matrix", false], ["amounts", "any", "matrix", false], ["code", "any", "scalar", false]],
  CHECKSUM: [["total", "any", "scalar", false], ["items", "any", "matrix", false], ["tolerance", "any", "scalar", true]],
  CHECK: [["ruleId", "any", "scalar", false]],
};
const RESULT: Record<string, string | undefined> = {
  PCT: "number", CHANGE: "number", RATE: "number", TREND: "string", CHANGETEXT: "string", AMOUNT: "string", WAN: "number",
  SUBJECT: "string", SUBJECTCODE: "string", SUBJECTPATH: "string", ROLLUP: "number", CHECKSUM: undefined, CHECK: "string",
};

function shape(fn: Fn): [string, string, string, boolean][] {
  return fn.parameters.map((p) => [p.name, p.type, p.dimensionality ?? "scalar", p.optional === true]);
}

describe("functions.json", async () => {
  const generated = await generateCustomFunctionsMetadata(resolve(__dirname, "../../src/functions/functions.ts"), false);
  const en = JSON.parse(generated.metadataJson) as { functions: Fn[] };
  const zh = localizeFunctionsMetadata(en, loadTable()) as { functions: Fn[] };

  it("generates without errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("en-US lists every function with the right parameter types, help URL and ASCII ids", () => {
    expect(en.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const fn of en.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
      expect(fn.name).toBe(fn.id);
      expect(shape(fn), fn.id).toEqual(EXPECTED[fn.id]);
      expect(fn.result?.type, fn.id).toBe(RESULT[fn.id]);
      expect(fn.helpUrl).toBe(`https://localhost:3000/help/functions.html#CJ.${fn.id}`);
      expect(fn.description?.length).toBeGreaterThan(10);
      for (const p of fn.parameters) expect(p.description?.length, `${fn.id}.${p.name}`).toBeGreaterThan(3);
    }
    expect(en.functions.find((f) => f.id === "CHECK")?.options?.stream).toBe(true);
  });

  it("zh-CN keeps ids and types, with valid Chinese names and descriptions for functions and parameters", () => {
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    const names = new Set<string>();
    zh.functions.forEach((fn, i) => {
      const base = en.functions[i];
      expect(fn.name).toMatch(/^\p{L}[\p{L}\p{N}._]{2,}$/u);
      expect(fn.name).toMatch(/\p{Script=Han}/u);
      names.add(fn.name);
      expect(fn.description).toMatch(/\p{Script=Han}/u);
      expect(fn.helpUrl).toBe(base.helpUrl);
      expect(fn.result).toEqual(base.result);
      expect(fn.parameters.map((p) => [p.type, p.dimensionality ?? "scalar", p.optional === true])).toEqual(
        EXPECTED[fn.id].map(([, t, d, o]) => [t, d, o]),
      );
      for (const p of fn.parameters) {
        expect(p.name).toMatch(/\p{Script=Han}/u);
        expect(p.description).toMatch(/\p{Script=Han}/u);
      }
    });
    expect(names.size).toBe(zh.functions.length);
  });

  it("the localiser refuses a metadata file with an untranslated function", () => {
    const extra = { functions: [...en.functions, { ...en.functions[0], id: "NEWFN", name: "NEWFN" }] };
    expect(() => localizeFunctionsMetadata(extra, loadTable())).toThrow(/NEWFN/);
  });
});
