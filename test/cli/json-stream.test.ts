// `check --format json` writes each file's entry as it arrives; the report must stay byte for byte what one
// JSON.stringify of all results gave, for any text in the results (quotes, newlines, CJK, control characters).
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import fc from "fast-check";
import { JsonFilesWriter, jsonFile } from "../../src/cli/output/check-format";
import { unreadableResult, type FileResult } from "../../src/cli/check/result";

const text = fc.oneof(fc.string(), fc.constantFrom("", "攀枝花\n市", 'a"b\\c', "\u2028\u0000\t", "  缩进\n  两行"));

const result: fc.Arbitrary<FileResult> = fc
  .record({
    file: text,
    unitName: fc.option(text, { nil: undefined }),
    year: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }),
    findings: fc.array(
      fc.record({
        id: text,
        rule: text,
        severity: fc.constantFrom("error" as const, "warning" as const),
        sheet: text,
        cell: text,
        expected: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
        actual: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
        difference: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
        message: text,
        basis: fc.option(fc.constantFrom("mof" as const, "template" as const), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    errors: fc.array(fc.record({ code: text, message: text }), { maxLength: 2 }),
    notes: fc.array(text, { maxLength: 2 }),
    tables: fc.array(fc.record({ kind: text, sheet: text }), { maxLength: 2 }),
  })
  .map((r) => ({ ...unreadableResult(r.file, r.errors), unitName: r.unitName, year: r.year, findings: r.findings, notes: r.notes, tables: r.tables }));

function streamed(results: FileResult[]): { text: string; writes: number } {
  let out = "";
  let writes = 0;
  const w = new JsonFilesWriter((s) => {
    out += s;
    writes++;
  });
  for (const r of results) w.add(r);
  w.end();
  return { text: out, writes };
}

describe("JSON report written file by file", () => {
  it("is byte-identical to stringifying all results at once", () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 5 }), (results) => {
        expect(streamed(results).text).toBe(JSON.stringify({ files: results.map(jsonFile) }, null, 2) + "\n");
      }),
      { numRuns: 300 },
    );
  });

  it("writes one piece per file, so no file's entry waits for the others", () => {
    const results = [unreadableResult("a.xlsx"), unreadableResult("b.xlsx"), unreadableResult("c.xlsx")];
    const { text, writes } = streamed(results);
    expect(writes).toBe(results.length + 1);
    expect((JSON.parse(text) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
  });

  it("an empty batch is an empty list", () => {
    expect(streamed([]).text).toBe('{\n  "files": []\n}\n');
  });
});
