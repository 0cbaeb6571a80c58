// The application layer's check use case: explanations (已说明) only for 核实, counts, words per language,
// report rows and one mark per cell — what both the add-in and the CLI translate.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { checkWorkbook, recheckWorkbook, withState } from "../../src/app/check";
import { ProgramCache } from "../../src/core/rules/index";
import { cellMarks, reportRows } from "../../src/app/report";
import { emptyState, type WorkbookState } from "../../src/app/state";
import { fixture, mutate, FIXTURE_NAMES } from "../fixtures";
type FixtureName = (typeof FIXTURE_NAMES)[number];

function broken(name: FixtureName = "seed-sichuan", delta = 100) {
  const f = fixture(name);
  const total = f.expected.find((c) => (c.kind === "T1" || c.kind === "Z01") && c.rowKey === "inc_total_year")!;
  return { total, snapshot: mutate(f.snapshot, total.address, total.sheet, total.value + delta) };
}

function explaining(ids: string[], reason = "已与财政部门核实"): WorkbookState {
  const s = emptyState();
  for (const id of ids) s.suppressed[id] = { reason, at: "2026-01-01T00:00:00.000Z", by: "张会计" };
  return s;
}

describe("checkWorkbook", () => {
  for (const name of ["seed-sichuan", "seed-national", "seed-mof", "shiquanlu-national"] as const) {
    it(`applies explanations to 核实 findings only, on ${name}`, () => {
      const { snapshot } = broken(name);
      const plain = checkWorkbook(snapshot, null, { policy: "interval", lang: "zh-CN" });
      const errors = plain.active.filter((f) => f.severity === "error");
      const warnings = plain.active.filter((f) => f.severity === "warning");
      expect(errors.length).toBeGreaterThan(0);
      // An explanation stored for every finding: the 核实 ones become 已说明, the 强制 ones stay open.
      const o = checkWorkbook(snapshot, explaining(plain.active.map((f) => f.id)), { policy: "interval", lang: "zh-CN" });
      expect(o.active.map((f) => f.id).sort()).toEqual(errors.map((f) => f.id).sort());
      expect(o.explained.map((e) => e.finding.id).sort()).toEqual(warnings.map((f) => f.id).sort());
      expect(o.refusedExplanations.sort()).toEqual(errors.map((f) => f.id).sort());
      expect(o.counts).toEqual({ error: errors.length, warning: 0, explained: warnings.length, tables: plain.counts.tables });
      expect(o.status).toBe("failed");
      expect(o.summary).toBe(`校验未通过：强制 ${errors.length} 项，核实 0 项${warnings.length ? `，${warnings.length} 项已说明` : ""}`);
    });
  }

  it("says passed / unchecked in each language, never a pass for a workbook without tables", () => {
    const clean = checkWorkbook(fixture("seed-national").snapshot, null, { policy: "interval", lang: "en-US" });
    expect(clean.status).toBe(clean.counts.error === 0 ? "passed" : "failed");
    expect(clean.summary).toMatch(/^Validation (passed|failed): \d+ errors, \d+ warnings/);
    const empty = checkWorkbook({ sheets: [{ name: "Sheet1", visibility: "visible", origin: { row: 0, col: 0 }, values: [["hello"]] }] }, null, { policy: "interval", lang: "zh-CN" });
    expect(empty.status).toBe("unchecked");
    expect(empty.summary).toMatch(/未执行校验/);
  });

  it("re-checks an outcome on its own workbook after a cached program evaluated another one", () => {
    const f = fixture("seed-sichuan");
    const cache = new ProgramCache(4);
    const options = { policy: "interval" as const, lang: "zh-CN" as const, cache };
    const a = checkWorkbook(f.snapshot, null, options);
    // another workbook of the same layout (a batch): the cache hands it the same compiled program
    const b = checkWorkbook(broken().snapshot, null, options);
    expect(b.program).toBe(a.program);
    expect(b.counts.error).toBeGreaterThan(a.counts.error);
    // an edit to A elsewhere, re-checked from A's outcome: exactly a full check of the edited A
    const cell = f.expected.find((c) => c.kind === "T3" && !c.blank && c.value > 0)!;
    const edited = mutate(f.snapshot, cell.address, cell.sheet, cell.value + 7);
    const re = recheckWorkbook(a, [{ sheet: cell.sheet, address: cell.address }], edited, null)!;
    const full = checkWorkbook(edited, null, { policy: "interval", lang: "zh-CN" });
    const ids = (o: typeof a) => o.active.map((x) => x.id).sort();
    expect(ids(re)).toEqual(ids(full));
    expect(ids(re)).not.toEqual(ids(a));
    // B's outcome still re-checks against B
    const bAgain = recheckWorkbook(b, [{ sheet: cell.sheet, address: cell.address }], broken().snapshot, null)!;
    expect(ids(bAgain)).toEqual(ids(b));
  });

  it("withState re-applies explanations without re-evaluating (same result object)", () => {
    const { snapshot } = broken();
    const o = checkWorkbook(snapshot, null, { policy: "interval", lang: "zh-CN" });
    const w = o.active.find((f) => f.severity === "warning")!;
    const o2 = withState(o, explaining([w.id]));
    expect(o2.result).toBe(o.result);
    expect(o2.explained.map((e) => e.finding.id)).toEqual([w.id]);
    expect(o2.counts.warning).toBe(o.counts.warning - 1);
  });
});

describe("reportRows and cellMarks", () => {
  it("lists open findings then explained ones, with 强制/核实 and the 已说明 column; one mark per cell, 强制 wins", () => {
    const { snapshot, total } = broken();
    const plain = checkWorkbook(snapshot, null, { policy: "interval", lang: "zh-CN" });
    const w = plain.active.find((f) => f.severity === "warning")!;
    const o = checkWorkbook(snapshot, explaining([w.id], "尾差"), { policy: "interval", lang: "zh-CN" });
    const report = reportRows(o, "zh-CN");
    expect(report.headers).toEqual(["级别", "规则", "表", "单元格", "期望", "实际", "差额", "说明", "已说明"]);
    expect(report.rows.map((r) => r.id)).toEqual([...o.active.map((f) => f.id), w.id]);
    expect(new Set(report.rows.map((r) => r.severity))).toEqual(new Set(["强制", "核实"]));
    expect(report.rows.at(-1)!.explained).toBe("是：尾差");
    expect(report.rows[0].explained).toBe("否");
    expect(report.rows.find((r) => r.rule === "T1-a")!.table).toBe("收入支出决算总表");

    const marks = cellMarks(o, "zh-CN");
    const cells = marks.map((m) => `${m.sheet}!${m.address}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells).not.toContain(`${w.target.sheet}!${w.target.address}`.replace(/^$/, "-")); // explained: not marked unless another finding shares it
    const atTotal = marks.find((m) => m.sheet === total.sheet && m.address === total.address)!;
    expect(atTotal.severity).toBe("error");
    // B31 carries two findings (T1-a and X1): both lines, each with its severity word and rule.
    expect(atTotal.message.split("\n").length).toBe(o.active.filter((f) => f.target.sheet === total.sheet && f.target.address === total.address).length);
    expect(atTotal.message).toMatch(/^\[强制 [A-Za-z0-9-]+\] /);

    const en = reportRows(o, "en-US");
    expect(en.headers[0]).toBe("Severity");
    expect(en.rows[0].severity).toBe("Error");
    expect(en.summary).toMatch(/^Validation failed: /);
    expect(cellMarks(o, "en-US")[0].message).toMatch(/^\[(Error|Warning) /);
  });

  it("every fixture: marks cover exactly the open findings' cells", () => {
    for (const name of FIXTURE_NAMES) {
      const o = checkWorkbook(fixture(name).snapshot, null, { policy: "interval", lang: "zh-CN" });
      const want = new Set(o.active.map((f) => `${f.target.sheet}!${f.target.address}`));
      expect(new Set(cellMarks(o, "zh-CN").map((m) => `${m.sheet}!${m.address}`))).toEqual(want);
    }
  });
});
