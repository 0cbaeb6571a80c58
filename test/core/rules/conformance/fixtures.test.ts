/**
 * The engine on the generated fixtures as recognition reads them: consistent published accounts give no 强制
 * finding; the seed gives exactly its documented conflicts (test/fixtures/data/SEED-DERIVATION.md §3).
 */
import { expect } from "../../../support/expect";
import { describe, it } from "mocha";
import { recognize } from "../../../../src/core/recognize/index";
import { validate } from "../../../../src/core/rules/index";
import { FIXTURE_NAMES, fixture } from "../../../fixtures/index";

describe("engine on the fixture workbooks", () => {
  for (const name of FIXTURE_NAMES.filter((n) => n.startsWith("shiquanlu"))) {
    it(`${name}: no 强制 findings, no rule errors`, () => {
      const fx = fixture(name);
      const result = validate(recognize(fx.snapshot), fx.snapshot);
      expect(result.findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
      expect(result.ruleErrors).toEqual([]);
      expect(result.checks).toBeGreaterThan(500);
    });
  }

  for (const name of FIXTURE_NAMES.filter((n) => n.startsWith("seed"))) {
    // In 万元 tables the conflicts are one display unit (0.01) and sit on the rounding boundary → 核实. Layouts in
    // 元 print the same 万元 figures × 10,000 with 元 precision, where a 100 元 gap is a real 强制 error. On MOF
    // layouts T1-d is checked as the 财决01 row formula Z01-6.
    const yuan = name.includes("yuan") || name.includes("mof");
    // The "gaps" variant lacks 结余分配 and the T2 合计 row: checks needing them are skipped (cells-absent), not run against 0.
    const gaps = name.includes("gaps");
    const rules = name.includes("mof") ? ["X6", "Z01-6"] : gaps ? ["X6"] : ["T1-d", "X6"];
    it(`${name}: only the seed's own conflicts (${rules.join(", ")}) as ${yuan ? "强制" : "核实"}`, () => {
      const fx = fixture(name);
      const recognition = recognize(fx.snapshot);
      const result = validate(recognition, fx.snapshot);
      // Sichuan's 附表5 totals 4158.12 like 附表6, so the same conflict shows against 附表4 (X14)
      const expected = recognition.tables.some((t) => t.kind === "SC5") ? [...rules, "X14"].sort() : rules;
      expect([...new Set(result.findings.map((f) => f.rule))].sort()).toEqual(expected);
      expect(result.findings.every((f) => f.severity === (yuan ? "error" : "warning"))).toBe(true);
      if (gaps) {
        const skipped = result.skipped.filter((x) => x.reason === "cells-absent").map((x) => x.rule);
        for (const rule of ["T1-d", "X1", "X3"]) expect(skipped).toContain(rule);
      }
    });
  }
});
