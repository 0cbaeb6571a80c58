import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { MARK_FILL, MARK_PREFIX, OfficeHost } from "../../src/excel/officeHost";
import { STATE_NAMESPACE } from "../../src/app/state";
import { FakeWorkbookModel, fakeRun } from "../fakes/fakeExcel";

function workbook(): FakeWorkbookModel {
  const wb = new FakeWorkbookModel();
  const s = wb.addSheet("支出决算表");
  for (let r = 0; r < 6; r++) for (let c = 0; c < 4; c++) s.ensure(r, c).value = r * 10 + c;
  s.ensure(2, 1).formula = "=SUM(B4:B6)";
  s.ensure(1, 1).fill = "#00B050"; // user's green
  s.notes.set("B2", "用户自己的批注");
  s.ensure(3, 3).fill = "#FFFFFF"; // explicit white
  wb.addSheet("Other").ensure(0, 0).value = "x";
  return wb;
}

const marks = [
  { sheet: "支出决算表", address: "B2", severity: "error" as const, message: "合计 10 ≠ 1 + 2 = 3" },
  { sheet: "支出决算表", address: "C3", severity: "warning" as const, message: "提示" },
  { sheet: "支出决算表", address: "D4", severity: "error" as const, message: "=HYPERLINK(\"x\")" },
];

for (const caps of [
  { notes: true, fillPattern: true },
  { notes: true, fillPattern: false },
  { notes: false, fillPattern: true },
]) describe(`marks and exact restore (capabilities ${JSON.stringify(caps)})`, () => {
  it("marks in one write sync and restores fills and notes exactly, never touching values or formulas", async () => {
    const wb = workbook();
    const content = JSON.stringify(wb.contentDump());
    const formats = wb.formatDump();
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: caps });
    await host.loadState();
    await host.readSnapshot(); // as in a validation: the read tells which sheets exist

    const syncs0 = wb.totalSyncs;
    const writes0 = wb.writeSyncs;
    await host.writeMarks(marks);
    expect(wb.writeSyncs - writes0).toBe(1);
    expect(wb.totalSyncs - syncs0).toBe(2); // capture + write, with or without notes (no comments yet to locate)
    expect(wb.calcSuspensions).toBeGreaterThan(0);

    const s = wb.sheet("支出决算表")!;
    expect(s.cell(1, 1)!.fill).toBe(MARK_FILL.error);
    expect(s.cell(2, 2)!.fill).toBe(MARK_FILL.warning);
    if (caps.notes) {
      expect(s.notes.get("B2")).toBe(MARK_PREFIX + marks[0].message);
      expect(s.notes.get("C3")).toBe(MARK_PREFIX + "提示");
    } else {
      expect(wb.comments.map((c) => `${c.address}:${c.content}`).sort()).toEqual([
        `B2:${MARK_PREFIX}${marks[0].message}`,
        `C3:${MARK_PREFIX}提示`,
        `D4:${MARK_PREFIX}${marks[2].message}`,
      ]);
    }
    expect(wb.xmlParts.filter((p) => p.namespace === STATE_NAMESPACE)).toHaveLength(1);
    expect(JSON.stringify(wb.contentDump())).toBe(content);

    // A second run with a different set: C3 and D4 go back, A1 is new, B2 stays marked.
    await host.writeMarks([marks[0], { sheet: "支出决算表", address: "A1", severity: "warning", message: "新" }]);
    expect(s.cell(2, 2)!.fill).toBeNull();
    if (caps.notes) expect(s.notes.has("C3")).toBe(false);
    expect(wb.xmlParts.filter((p) => p.namespace === STATE_NAMESPACE)).toHaveLength(1);

    // A fresh host (e.g. the workbook reopened) finds the originals in the custom XML part.
    const reopened = new OfficeHost({ run: fakeRun(wb), capabilities: caps });
    expect(await reopened.clearMarks()).toBe(2);
    if (caps.fillPattern) expect(wb.formatDump()).toEqual(formats);
    else {
      // Known limit before ExcelApi 1.15: an explicit white fill reads like "no fill" and is restored as none.
      const { ["支出决算表!D4"]: white, ...rest } = formats;
      expect(white).toEqual({ fill: "#FFFFFF", note: null });
      expect(wb.formatDump()).toEqual(rest);
    }
    expect(wb.comments).toEqual([]);
    expect(JSON.stringify(wb.contentDump())).toBe(content);
    expect(await reopened.clearMarks()).toBe(0);
  });
});

describe("marks edge cases", () => {
  it("joins several findings on one cell, error winning over warning", async () => {
    const wb = workbook();
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } });
    await host.writeMarks([
      { sheet: "支出决算表", address: "A2", severity: "warning", message: "一" },
      { sheet: "支出决算表", address: "A2", severity: "error", message: "二" },
    ]);
    const s = wb.sheet("支出决算表")!;
    expect(s.cell(1, 0)!.fill).toBe(MARK_FILL.error);
    expect(s.notes.get("A2")).toBe(`${MARK_PREFIX}一\n二`);
  });

  it("leaves a user's own comment alone on hosts without notes", async () => {
    const wb = workbook();
    wb.comments.push({ id: "user-1", sheet: "支出决算表", address: "B2", content: "请复核" });
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: false, fillPattern: true } });
    await host.writeMarks([marks[0]]);
    expect(wb.comments).toEqual([{ id: "user-1", sheet: "支出决算表", address: "B2", content: "请复核" }]);
    await host.clearMarks();
    expect(wb.comments).toEqual([{ id: "user-1", sheet: "支出决算表", address: "B2", content: "请复核" }]);
    expect(wb.sheet("支出决算表")!.cell(1, 1)!.fill).toBe("#00B050");
  });

  it("drops marks of a sheet the user deleted instead of failing", async () => {
    const wb = workbook();
    const other = wb.sheet("Other")!;
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } });
    await host.writeMarks([marks[0], { sheet: "Other", address: "A1", severity: "error", message: "x" }]);
    wb.sheets = wb.sheets.filter((s) => s !== other);
    const fresh = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } });
    expect(await fresh.clearMarks()).toBe(1);
    expect(wb.sheet("支出决算表")!.cell(1, 1)!.fill).toBe("#00B050");
    expect(wb.sheet("支出决算表")!.notes.get("B2")).toBe("用户自己的批注");
  });

  it("persists settings and suppressions in the workbook's custom XML part only", async () => {
    const wb = workbook();
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } });
    const st = await host.loadState();
    await host.saveState({ ...st, settings: { ...st.settings, policy: "exact" }, suppressed: { abc: { reason: "<b>已核实</b>", at: "2026-01-01" } } });
    const again = await new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } }).loadState();
    expect(again.settings.policy).toBe("exact");
    expect(again.suppressed.abc.reason).toBe("<b>已核实</b>");
    expect(wb.xmlParts).toHaveLength(1);
  });
});
