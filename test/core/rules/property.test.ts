/**
 * Property tests (fast-check):
 * (1) no findings on any consistent workbook computed in 元 and rounded to 0.01 万元;
 * (2) changing any single amount by more than the tolerance of its tightest 强制 equality gives a 强制 finding that
 *     names that cell.
 * 200 runs each by default; RULES_PROPERTY_RUNS=5000 for a long run.
 */
import fc from "fast-check";
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { checksOfCell, compileForWorkbook, findCell } from "../../../src/core/rules/index";
import { validate } from "../../../src/core/rules/index";
import { setCell } from "./support/builder";
import { consistentWorkbook } from "./support/generate";
import type { GenerateOptions } from "./support/generate";

const RUNS = Number(process.env.RULES_PROPERTY_RUNS ?? 200);

const shape: fc.Arbitrary<GenerateOptions & { seed: number }> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  classes: fc.integer({ min: 1, max: 6 }),
  sections: fc.integer({ min: 1, max: 4 }),
  items: fc.integer({ min: 0, max: 4 }),
  gfClasses: fc.integer({ min: 0, max: 2 }),
  socClasses: fc.integer({ min: 0, max: 2 }),
});

describe("rule engine properties", () => {
  it("finds nothing in random consistent workbooks", () => {
    fc.assert(
      fc.property(shape, ({ seed, ...opts }) => {
        const wb = consistentWorkbook(seed, opts);
        const r = validate(wb.recognition, wb.snapshot);
        expect(r.findings.map((f) => f.message)).toEqual([]);
        expect(r.ruleErrors).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("flags any single amount changed beyond its tolerance, naming that cell", () => {
    fc.assert(
      fc.property(shape, fc.nat(), fc.integer({ min: 1, max: 100_000 }), fc.boolean(), ({ seed, ...opts }, pick, extraCents, up) => {
        const wb = consistentWorkbook(seed, opts);
        const program = compileForWorkbook(wb.recognition, wb.snapshot);
        const cells = wb.recognition.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells)));
        const cell = cells[pick % cells.length];
        const idx = findCell(program, cell.sheet, cell.address)!;
        // tightest 强制 equality reading the cell: its half-width H is 0.005 per displayed cell
        let tightest = Infinity;
        for (const k of checksOfCell(program, idx)) {
          const ch = program.checks[k];
          if (ch.sign === 1 || ch.op !== "=" || program.rules[ch.rule].severity !== "error") continue;
          tightest = Math.min(tightest, ch.cells.filter((c) => c >= 0).length * 0.5);
        }
        expect(Number.isFinite(tightest)).toBe(true);
        const deltaCents = 2 * Math.ceil(tightest) + extraCents;
        const before = cell.reading.kind === "amount" ? cell.reading.value : 0;
        const after = Math.round(before * 100 + (up ? deltaCents : -deltaCents)) / 100;
        setCell(wb.snapshot, cell.sheet, cell.address, after);
        const r = validate(wb.recognition, wb.snapshot);
        const names = (f: (typeof r.findings)[number]) =>
          (f.target.sheet === cell.sheet && f.target.address === cell.address) || f.items.some((i) => i.cell.sheet === cell.sheet && i.cell.address === cell.address);
        expect(r.findings.some((f) => f.severity === "error" && names(f))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
