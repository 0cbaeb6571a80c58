import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { parseRule } from "../../../src/core/rules/language/parser";
import { BUILTIN_RULES } from "../../../src/core/rules/index";

function errorAt(text: string): { position: number; zh: string } {
  const r = parseRule(text);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return { position: r.error.position, zh: r.error.zh };
}

describe("rule language parser", () => {
  it("parses every built-in rule", () => {
    for (const r of BUILTIN_RULES) {
      const p = parseRule(r.expression);
      expect({ id: r.id, ok: p.ok, error: p.ok ? undefined : p.error.zh }).toEqual({ id: r.id, ok: true, error: undefined });
      expect(r.tables?.length).toBeGreaterThan(0);
    }
  });

  it("parses addresses with keys, codes, Chinese aliases and wildcards", () => {
    const r = parseRule("T1[本年收入合计] = T1[inc_gpb] + 表一[其他收入]");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const st = r.ast.statements[0];
    expect(st.type).toBe("compare");
    if (st.type !== "compare") return;
    expect(st.operands[0]).toMatchObject({ type: "ref", table: "T1", row: { kind: "key", key: "inc_total_year" }, col: { kind: "default" } });
    expect(r.ast.tables).toEqual(["T1"]);

    const r2 = parseRule("T3[2010301, 基本支出] <= 2 * T5[2010301, basic] - 0.5");
    expect(r2.ok).toBe(true);
    const r3 = parseRule("SUM(T3[*class*, total]) = T3[total, total]; T2[*, *] >= 0");
    expect(r3.ok && r3.ast.statements.length).toBe(2);
    const r4 = parseRule("FOREACH ROW(T2): T2[row, total] = T2[row, fiscal] + T2[row, other]");
    expect(r4.ok && r4.ast.statements[0].type).toBe("foreach");
    const r5 = parseRule("ROLLUP(T3, total, basic)");
    expect(r5.ok && r5.ast.statements[0]).toMatchObject({ type: "rollup", table: "T3", cols: [{ role: "total" }, { role: "basic" }] });
    const r6 = parseRule("Z01[L27, final] = SUM(Z01[L1:L8, final])");
    expect(r6.ok).toBe(true);
    const r7 = parseRule("T1[inc_grand_total] ＝ T1[exp_grand_total]；WHEN EMPTY(T8): T4[*, gf] = 0");
    expect(r7.ok).toBe(true);
  });

  it("takes a negated constant as a factor on either side of ×", () => {
    const shape = (text: string) => {
      const r = parseRule(text);
      if (!r.ok) throw new Error(`${text}: ${r.error.zh}`);
      const st = r.ast.statements[0];
      return st.type === "compare" ? st.operands[1] : undefined;
    };
    const negScaled = { type: "neg", expr: { type: "scale", factor: 2, expr: { type: "ref", table: "T3" } } };
    expect(shape("T3[total, basic] = -2 * T3[total, project]")).toMatchObject(negScaled);
    expect(shape("T3[total, basic] = T3[total, project] * -2")).toMatchObject(negScaled);
    expect(shape("T3[total, basic] = -T3[total, project] * 2")).toMatchObject(negScaled);
    // two minus signs cancel
    expect(shape("T3[total, basic] = -2 * -T3[total, project]")).toMatchObject({ type: "scale", factor: 2 });
    expect(errorAt("T3[total, basic] = -T3[total, basic] * -T3[total, project]").zh).toBe("乘法只能乘以常数");
  });

  it("reports errors with zero-based positions and zh-CN messages", () => {
    expect(errorAt("T1[inc_total_year] = ")).toMatchObject({ position: 21 });
    expect(errorAt("T1[inc_total_year] = ").zh).toContain("缺少");
    expect(errorAt("T1[inc_total_yea] = 0")).toMatchObject({ position: 3, zh: "未知的行项目“inc_total_yea”" });
    expect(errorAt("T1[inc_total_year] + 1")).toMatchObject({ position: 22 });
    expect(errorAt("TX[total] = 0")).toMatchObject({ position: 0 });
    expect(errorAt("T3[total, basix] = 0")).toMatchObject({ position: 10, zh: "未知的列“basix”" });
    expect(errorAt("T3[total, basic] = T3[total, basic] * T3[total, project]").position).toBe(36);
    expect(errorAt("T3[2010, basic] = 0").zh).toContain("位数");
    expect(errorAt("MAX(T3[total, basic]) = 0").zh).toContain("未知的函数");
    expect(errorAt("T3[total, basic] < 0").position).toBe(17);
    expect(errorAt("").zh).toBe("公式为空");
    expect(errorAt("T3[total, basic = 0").zh).toContain("]");
  });

  it("never evaluates rule text as code", () => {
    const r = parseRule("constructor[total] = 0");
    expect(r.ok).toBe(false);
    const r2 = parseRule("T1[__proto__] = 0");
    expect(r2.ok).toBe(false);
  });
});
