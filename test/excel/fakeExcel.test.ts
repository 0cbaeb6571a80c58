// The fake host must behave like Office.js where it matters, or the adapter tests prove nothing.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { FakeWorkbookModel, fakeRun } from "../fakes/fakeExcel";

function model() {
  const wb = new FakeWorkbookModel();
  const s = wb.addSheet("S");
  s.ensure(0, 0).value = 1;
  return wb;
}

describe("fake Excel host semantics", () => {
  it("throws when a property is read before load + sync, like Office.js", async () => {
    await fakeRun(model())(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load("values");
      expect(() => r.values).toThrow();
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      const n = ctx.workbook.worksheets.getItemOrNullObject("missing");
      expect(() => n.isNullObject).toThrow();
      await ctx.sync();
      expect(n.isNullObject).toBe(true);
    });
  });

  it("fails a batch at the first bad operation and skips what follows", async () => {
    const wb = model();
    await fakeRun(wb)(async (ctx) => {
      ctx.workbook.worksheets.getItem("missing").getRange("A1").values = [[5]];
      ctx.workbook.worksheets.getItem("S").getRange("B1").values = [[6]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(wb.sheet("S")!.cell(0, 1)).toBeUndefined();
  });

  it("turns '=…' into a formula and keeps apostrophe-prefixed text as text", async () => {
    const wb = model();
    await fakeRun(wb)(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A2:C2").values = [["=A1*2", "'=A1*2", "12"]];
      await ctx.sync();
    });
    const s = wb.sheet("S")!;
    expect(s.cell(1, 0)!.formula).toBe("=A1*2");
    expect([s.cell(1, 1)!.value, s.cell(1, 1)!.formula]).toEqual(["=A1*2", null]);
    expect(s.cell(1, 2)!.value).toBe(12);
    expect(wb.totalSyncs).toBe(1);
  });
});
