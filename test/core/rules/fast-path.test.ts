/**
 * The evaluation's fast path (checks of cells with integer weights, on cells pre-scaled to one exponent:
 * compareScaled) against the general interval path (compareTerms), property-tested:
 * (1) on random terms, both give the same verdict, the same actual / expected / difference and tolerance;
 * (2) on random workbooks and rules, evaluating with and without the fast path gives the same result.
 * Values are drawn near the boundary (sums that almost balance), where the half-open ends decide.
 * 300 runs each by default; RULES_PROPERTY_RUNS=5000 for a long run.
 */
import fc from "fast-check";
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { CELL_UNREADABLE, TermBuffer, compareScaled, compareTerms, newOutcome, pow10, scaledLimit, toMantissa } from "../../../src/core/rules/interval";
import type { ComparisonOp, IntervalOutcome } from "../../../src/core/rules/interval";
import { compileForWorkbook, evaluate } from "../../../src/core/rules/index";
import type { CellValue } from "../../../src/core/workbook/snapshot";
import { buildWorkbook } from "./support/builder";
import type { TableSpec } from "./support/builder";

const RUNS = Number(process.env.RULES_PROPERTY_RUNS ?? 300);

const op = fc.constantFrom<ComparisonOp>("=", "<=", ">=");
const policy = fc.constantFrom<"interval" | "exact">("interval", "interval", "exact");
const weight = fc.integer({ min: 1, max: 3 }).chain((w) => fc.constantFrom(w, -w));

/** One displayed cell: value as an integer mantissa at `decimals`, in 元 (unit shift 4) or 万元, maybe blank. */
interface Reading {
  mantissa: number;
  decimals: number;
  unitShift: 0 | 4;
  blank: boolean;
  clip: boolean;
}

const reading: fc.Arbitrary<Reading> = fc.record({
  magnitude: fc.integer({ min: 0, max: 14 }),
  fraction: fc.double({ min: -1, max: 1, noNaN: true }),
  decimals: fc.integer({ min: 0, max: 4 }),
  unitShift: fc.constantFrom<0 | 4>(0, 4),
  blank: fc.integer({ min: 0, max: 3 }).map((b) => b === 0),
  clip: fc.boolean(),
  zero: fc.integer({ min: 0, max: 5 }),
}).map(({ magnitude, fraction, decimals, unitShift, blank, clip, zero }) => ({
  // a displayed 0 now and then, where clipping (known non-negative) changes the interval
  mantissa: blank || zero === 0 ? 0 : Math.round(fraction * 10 ** magnitude),
  decimals,
  unitShift,
  blank,
  clip,
}));

interface Terms {
  readings: Reading[];
  weights: number[];
  nLeft: number;
}

/** Terms whose last one is set so that the two sides (almost) balance: off by `nudge` units of its last place. */
const terms: fc.Arbitrary<Terms> = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      readings: fc.array(reading, { minLength: n, maxLength: n }),
      weights: fc.array(weight, { minLength: n, maxLength: n }),
      nLeft: fc.integer({ min: 1, max: n - 1 }),
      nudge: fc.integer({ min: -2, max: 2 }),
      balance: fc.boolean(),
    }),
  )
  .map(({ readings, weights, nLeft, nudge, balance }) => {
    const n = readings.length;
    const last = readings[n - 1];
    if (balance && !last.blank) {
      // Σ left − Σ right with the last term left out, at the finest exponent
      const e = (r: Reading) => r.decimals + r.unitShift;
      const scale = Math.max(...readings.map(e));
      let diff = 0;
      for (let i = 0; i < n - 1; i++) diff += (i < nLeft ? 1 : -1) * weights[i] * readings[i].mantissa * 10 ** (scale - e(readings[i]));
      const unit = weights[n - 1] * 10 ** (scale - e(last));
      readings[n - 1] = { ...last, mantissa: Math.round(diff / unit) + nudge };
    }
    return { readings, weights, nLeft };
  });

/** General path: the terms as runTerms pushes them. */
function general(t: Terms, o: ComparisonOp, p: "interval" | "exact"): IntervalOutcome {
  const buf = new TermBuffer(2);
  buf.reset(t.readings.length);
  t.readings.forEach((r, i) => {
    if (i === t.nLeft) buf.endLeft();
    const { m, e } = toMantissa(r.mantissa / 10 ** r.decimals, r.decimals, r.unitShift);
    buf.push(m, e, t.weights[i], true, r.clip);
  });
  return compareTerms(buf, o, p, newOutcome());
}

/** Fast path: every cell brought to the workbook's common exponent (finest of all cells + 1, `extra` among them). */
function fast(t: Terms, extra: number, o: ComparisonOp, p: "interval" | "exact"): IntervalOutcome | undefined {
  const n = t.readings.length;
  const exps = t.readings.map((r) => toMantissa(r.mantissa / 10 ** r.decimals, r.decimals, r.unitShift));
  const scale = Math.max(extra, ...exps.map((x) => x.e)) + 1;
  const cells = { scale, M: new Float64Array(n), H: new Float64Array(n), status: new Uint8Array(n), clip: new Uint8Array(n) };
  let weightSum = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    cells.M[i] = exps[i].m * pow10(scale - exps[i].e);
    cells.H[i] = 5 * pow10(scale - exps[i].e - 1);
    cells.clip[i] = t.readings[i].clip ? 1 : 0;
    weightSum += Math.abs(t.weights[i]);
    largest = Math.max(largest, Math.abs(cells.M[i]) + cells.H[i]);
  }
  // the evaluation takes the fast path only within this bound
  if (largest > scaledLimit(weightSum)) return undefined;
  const out = newOutcome();
  const ok = compareScaled(cells, Int32Array.from(t.weights.map((_, i) => i)), Float64Array.from(t.weights), 0, t.nLeft, n, o, p, out);
  expect(ok).toBe(true);
  return out;
}

/** What a finding shows: actual, expected, difference and tolerance as numbers, and the verdict. */
function shown(out: IntervalOutcome) {
  const s = pow10(out.scale);
  return { pass: out.pass, actual: out.left / s, expected: out.right / s, difference: (out.left - out.right) / s, tolerance: out.half / s, low: out.diffLow / s, high: out.diffHigh / s };
}

describe("fast path and general interval path", () => {
  it("give the same verdict, actual, expected, difference and tolerance on random terms", () => {
    let compared = 0;
    let failed = 0;
    fc.assert(
      fc.property(terms, fc.integer({ min: 0, max: 8 }), op, policy, (t, extra, o, p) => {
        const f = fast(t, extra, o, p);
        if (!f) return;
        compared++;
        const g = general(t, o, p);
        if (!g.pass) failed++;
        expect(shown(f)).toEqual(shown(g));
      }),
      { numRuns: RUNS },
    );
    // the generator must reach both verdicts, and mostly stay within the fast path's bound
    expect(compared).toBeGreaterThan(RUNS / 2);
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(compared);
  });

  it("refuses an unreadable cell (the general path reports it)", () => {
    const cells = { scale: 3, M: Float64Array.of(100, 100), H: Float64Array.of(5, 5), status: Uint8Array.of(0, CELL_UNREADABLE), clip: new Uint8Array(2) };
    const out = newOutcome();
    expect(compareScaled(cells, Int32Array.of(0, 1), Float64Array.of(1, 1), 0, 1, 2, "=", "interval", out)).toBe(false);
  });
});

// ---- whole evaluations: random readings in a 万元 and a 元 table, random rules over their cells ----

const CODES = ["2010101", "2010102", "2010103", "2010104"];
const ROLES = ["total", "basic", "project"] as const;
const KINDS = [
  { kind: "T3" as const, unit: "万元" as const, decimals: 2 },
  { kind: "T5" as const, unit: "元" as const, decimals: 2 },
];
const CELLS = KINDS.flatMap((k, t) => CODES.flatMap((code, r) => ROLES.map((role, c) => ({ table: t, row: r, col: c, ref: `${k.kind}[${code}, ${role}]` }))));

/** How a cell is written: a number with a format fixing 0–4 decimals, a General number, text, a blank, an error. */
const cellInput = fc.record({
  style: fc.constantFrom("format", "format", "format", "format", "general", "text", "blank", "dash", "error"),
  decimals: fc.integer({ min: 0, max: 4 }),
  magnitude: fc.integer({ min: 0, max: 13 }),
  fraction: fc.double({ min: -1, max: 1, noNaN: true }),
});
type CellInput = { style: string; decimals: number; magnitude: number; fraction: number };

interface RuleSpecTerms {
  cells: number[];
  weights: number[];
  nLeft: number;
  op: ComparisonOp;
  nudge: number;
}

const ruleTerms: fc.Arbitrary<RuleSpecTerms> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    cells: fc.uniqueArray(fc.integer({ min: 0, max: CELLS.length - 1 }), { minLength: n, maxLength: n }),
    weights: fc.array(weight, { minLength: n, maxLength: n }),
    nLeft: fc.integer({ min: 1, max: n - 1 }),
    op,
    nudge: fc.integer({ min: -2, max: 2 }),
  }),
);

const FORMATS = ["0", "0.0", "0.00", "#,##0.000", "0.0000"];

function writeValue(input: CellInput, value: number): { v: CellValue; f: string | null } {
  const d = input.decimals;
  switch (input.style) {
    case "format":
      return { v: value, f: FORMATS[d] };
    case "general":
      return { v: value, f: null };
    case "text":
      return { v: value.toFixed(d), f: null };
    case "blank":
      return { v: null, f: null };
    case "dash":
      return { v: "-", f: null };
    default:
      return { v: "#REF!", f: null };
  }
}

describe("evaluation with and without the fast path", () => {
  it("leaves the fast path when its integer sums would not be exact (huge amounts, one finely shown cell)", () => {
    // 0.001 元 shown somewhere puts every cell on a 10^-8 万元 grid; 2.39e10 万元 there is beyond exact integers,
    // while the check itself (all cells to 0.01 万元) is exact on the general path: a ≥ a + 0.01 must fail.
    const t3: TableSpec = { kind: "T3", columns: ["total", "basic"], rows: [{ key: "2010101", values: { total: 23925345056.89, basic: 23925345056.9 } }] };
    const t5: TableSpec = { kind: "T5", unit: "元", columns: ["total"], rows: [{ key: "2010101", values: { total: 1.234 } }] };
    const wb = buildWorkbook([t3, t5]);
    wb.snapshot.sheets[1].numberFormats![2][1] = "0.000";
    const spec = [{ id: "P", severity: "error" as const, expression: "T3[2010101, total] >= T3[2010101, basic]", message: { zh: "规则P", en: "rule P" } }];
    const program = compileForWorkbook(wb.recognition, wb.snapshot, { builtin: spec });
    const general = evaluate(program, wb.snapshot, { fastPath: false }).result;
    expect(general.findings.map((f) => f.code)).toEqual(["not-greater-or-equal"]);
    expect(evaluate(program, wb.snapshot).result).toEqual(general);
  });

  it("gives the same result on random workbooks and rules (decimals 0–4, 元 and 万元, blanks, clipped cells)", () => {
    let passing = 0;
    fc.assert(
      fc.property(
        fc.array(cellInput, { minLength: CELLS.length, maxLength: CELLS.length }),
        fc.array(ruleTerms, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: CELLS.length - 1 }), { maxLength: 6 }),
        policy,
        fc.record({ cell: fc.integer({ min: 0, max: CELLS.length - 1 }), input: cellInput }),
        fc.boolean(),
        (inputs, rules, clipped, p, edit, signVector) => {
          // values in each table's own unit, rounded to the cell's decimals
          const values = inputs.map((c) => Math.round(c.fraction * 10 ** c.magnitude) / 10 ** c.decimals);
          // the last cell of each rule balances it (up to a nudge of its last place), so passes and near misses occur
          for (const r of rules) {
            const last = r.cells[r.cells.length - 1];
            const inWan = (i: number) => (KINDS[CELLS[i].table].unit === "元" ? values[i] / 1e4 : values[i]);
            let diff = 0;
            for (let t = 0; t < r.cells.length - 1; t++) diff += (t < r.nLeft ? 1 : -1) * r.weights[t] * inWan(r.cells[t]);
            const lastW = r.weights[r.cells.length - 1];
            const target = (diff / lastW) * (KINDS[CELLS[last].table].unit === "元" ? 1e4 : 1);
            const d = inputs[last].decimals;
            values[last] = Math.round(target * 10 ** d + r.nudge) / 10 ** d;
          }
          const tables: TableSpec[] = KINDS.map((k) => ({
            kind: k.kind,
            unit: k.unit,
            decimals: k.decimals,
            columns: [...ROLES],
            rows: CODES.map((code) => ({ key: code, values: Object.fromEntries(ROLES.map((role) => [role, 0])) })),
          }));
          const wb = buildWorkbook(tables);
          const write = (i: number, input: CellInput, value: number) => {
            const { v, f } = writeValue(input, value);
            const sheet = wb.snapshot.sheets[CELLS[i].table];
            sheet.values[CELLS[i].row + 2][CELLS[i].col + 1] = v;
            sheet.numberFormats![CELLS[i].row + 2][CELLS[i].col + 1] = f;
          };
          CELLS.forEach((_, i) => write(i, inputs[i], values[i]));
          const side = (r: RuleSpecTerms, from: number, to: number) =>
            r.cells
              .slice(from, to)
              .map((ci, j) => {
                const w = r.weights[from + j];
                // the constant first (`- 2 * X` at the start of a side is a negated constant factor)
                const term = `${Math.abs(w) === 1 ? "" : `${Math.abs(w)} * `}${CELLS[ci].ref}`;
                return `${w < 0 ? "- " : j === 0 ? "" : "+ "}${term}`;
              })
              .join(" ");
          const expression = [
            ...rules.map((r) => `${side(r, 0, r.nLeft)} ${r.op} ${side(r, r.nLeft, r.cells.length)}`),
            ...clipped.map((ci) => `${CELLS[ci].ref} >= 0`),
            // a sign vector: one check per cell of the table, re-checked element by element
            ...(signVector ? ["T5[*, *] >= 0"] : []),
          ].join("; ");
          const spec = [{ id: "P", severity: "error" as const, expression, message: { zh: "规则P", en: "rule P" } }];
          const program = compileForWorkbook(wb.recognition, wb.snapshot, { builtin: spec });
          expect(program.ruleErrors).toEqual([]);
          const withFast = evaluate(program, wb.snapshot, { policy: p });
          const withoutFast = evaluate(program, wb.snapshot, { policy: p, fastPath: false });
          expect(withFast.result).toEqual(withoutFast.result);
          passing += program.table.count - withFast.result.findings.filter((f) => f.rule === "P").length;
          // one cell rewritten (another value, format or kind of content), re-checked: as a fresh evaluation
          write(edit.cell, edit.input, Math.round(edit.input.fraction * 10 ** edit.input.magnitude) / 10 ** edit.input.decimals);
          const cell = wb.recognition.tables[CELLS[edit.cell].table].rows[CELLS[edit.cell].row].cells[ROLES[CELLS[edit.cell].col]]!;
          const changed = [{ sheet: cell.sheet, address: cell.address }];
          const fresh = evaluate(program, wb.snapshot, { policy: p }).result;
          expect(withFast.recheck(changed).findings).toEqual(fresh.findings);
          expect(withoutFast.recheck(changed).findings).toEqual(fresh.findings);
        },
      ),
      { numRuns: RUNS },
    );
    expect(passing).toBeGreaterThan(0);
  });
});
