import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { TermBuffer, compareTerms, newOutcome, toMantissa } from "../../../src/core/rules/interval";
import type { ComparisonOp } from "../../../src/core/rules/interval";

/** left = Σ right, values given as [value, decimals, unitShift?, clip?]. */
function check(left: [number, number, number?, boolean?][], op: ComparisonOp, right: [number, number, number?, boolean?][], policy: "interval" | "exact" = "interval") {
  const buf = new TermBuffer(2);
  buf.reset(left.length + right.length);
  const push = ([v, d, u = 0, clip = false]: [number, number, number?, boolean?]) => {
    const { m, e } = toMantissa(v, d, u);
    buf.push(m, e, 1, true, clip);
  };
  left.forEach(push);
  buf.endLeft();
  right.forEach(push);
  const out = compareTerms(buf, op, policy, newOutcome());
  return { ...out, scaleDiv: 10 ** out.scale };
}

describe("interval arithmetic (XBRL Calculations 1.1)", () => {
  it("accepts a total that misses the exact sum by rounding", () => {
    // 0.004 + 0.004 + 0.004 = 0.012 → printed 0.00, 0.00, 0.00 and 0.01
    expect(check([[0.01, 2]], "=", [[0, 2], [0, 2], [0, 2]]).pass).toBe(true);
    expect(check([[4158.11, 2]], "=", [[3172.05, 2], [986.07, 2]]).pass).toBe(true);
  });

  it("rejects a difference larger than all half-widths together", () => {
    const r = check([[3172.05, 2]], "=", [[2295.91, 2], [868.85, 2], [7.31, 2]]);
    expect(r.pass).toBe(false);
    expect(r.half / r.scaleDiv).toBeCloseTo(0.02, 12);
    expect((r.left - r.right) / r.scaleDiv).toBeCloseTo(-0.02, 12);
  });

  it("treats an interval touching at an excluded end (half-up rounding) as disjoint", () => {
    // [4163.195, 4163.205) vs [4163.205, 4163.215) + [0, 0.005): only the excluded point 4163.205 is shared
    expect(check([[4163.2, 2]], "=", [[4163.21, 2], [0, 2, 0, true]]).pass).toBe(false);
    // without the non-negativity, 0.00 stands for [−0.005, 0.005) and the sum can reach 4163.20
    expect(check([[4163.2, 2]], "=", [[4163.21, 2], [0, 2]]).pass).toBe(true);
  });

  it("scales 元 values to 万元 with their intervals", () => {
    // 12,345.67 元 = 1.234567 万元 ± 0.0000005; the 万元 figure 1.23 ± 0.005
    expect(check([[1.23, 2]], "=", [[12345.67, 2, 4]]).pass).toBe(true);
    expect(check([[1.23, 2]], "=", [[12355.01, 2, 4]]).pass).toBe(false);
    // 12,350.01 元 lies above 1.235 万元, the (excluded) upper end of 1.23 万元
    expect(check([[1.23, 2]], "=", [[12350.01, 2, 4]]).pass).toBe(false);
    expect(check([[1.24, 2]], "=", [[12350.01, 2, 4]]).pass).toBe(true);
  });

  it("uses the interval for <= and >=", () => {
    // 10.01 ≤ 5.00 + 5.00 can hold (the right side reaches up to 10.01)
    expect(check([[10.01, 2]], "<=", [[5, 2], [5, 2]]).pass).toBe(true);
    // 10.01 ≤ 10.00 cannot: the left is at least 10.005, the right below 10.005
    expect(check([[10.01, 2]], "<=", [[10, 2]]).pass).toBe(false);
    expect(check([[10, 2]], "<=", [[10, 2]]).pass).toBe(true);
    expect(check([[9.99, 2]], ">=", [[10, 2]]).pass).toBe(false);
    expect(check([[9.99, 2]], ">=", [[5, 2], [5, 2]]).pass).toBe(true);
    expect(check([[-0.01, 2]], ">=", [[0, 9]]).pass).toBe(false);
    expect(check([[-0.004, 3]], ">=", [[0, 9]]).pass).toBe(false);
    expect(check([[0.0, 2]], ">=", [[0, 9]]).pass).toBe(true);
  });

  it("avoids floating-point noise: 0.1 + 0.2 = 0.3 exactly under the exact policy", () => {
    expect(check([[0.3, 1]], "=", [[0.1, 1], [0.2, 1]], "exact").pass).toBe(true);
    expect(check([[4158.11, 2]], "=", [[3172.05, 2], [986.07, 2]], "exact").pass).toBe(false);
    expect(check([[4158.12, 2]], "=", [[3172.05, 2], [986.07, 2]], "exact").pass).toBe(true);
  });

  it("widens a whole number to the precision it is shown with", () => {
    expect(toMantissa(16, 2, 0)).toEqual({ m: 1600, e: 2 });
    expect(toMantissa(4163.21, 2, 0)).toEqual({ m: 416321, e: 2 });
  });
});
