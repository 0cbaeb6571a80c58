import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { OfficeHost } from "../../src/excel/officeHost";
import { parseRangeAddress } from "../../src/excel/readSnapshot";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { fakeRun, fakeWorkbookFromSnapshot } from "../fakes/fakeExcel";

function sampleSnapshot(sheetCount: number): WorkbookSnapshot {
  return {
    sheets: Array.from({ length: sheetCount }, (_, i) => ({
      name: i === 0 ? "收入支出决算总表" : `Sheet ${i}`,
      visibility: i === 2 ? ("hidden" as const) : ("visible" as const),
      origin: { row: 1, col: 1 },
      values: [
        ["项目", "金额"],
        ["合计", i + 0.5],
        ["明细", "=B3"],
      ],
      numberFormats: [
        ["General", "General"],
        ["General", "#,##0.00"],
        ["General", "General"],
      ],
      formulas: [
        [null, null],
        [null, null],
        [null, "=B3"],
      ],
    })),
  };
}

describe("readSnapshot", () => {
  it("parses Excel range addresses, quoted sheet names included", () => {
    expect(parseRangeAddress("Sheet1!B2:F30")).toEqual({ top: 1, left: 1, rows: 29, cols: 5 });
    expect(parseRangeAddress("'It''s 表!'!C3")).toEqual({ top: 2, left: 2, rows: 1, cols: 1 });
  });

  it("reads all sheets, hidden ones too, in exactly one sync", async () => {
    const model = fakeWorkbookFromSnapshot(sampleSnapshot(12));
    model.addSheet("空表");
    const host = new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } });
    const before = model.totalSyncs;
    const snap = await host.readSnapshot();
    expect(model.totalSyncs - before).toBe(1);
    expect(snap.sheets.map((s) => s.name)).toEqual([...sampleSnapshot(12).sheets.map((s) => s.name), "空表"]);
    const first = snap.sheets[0];
    expect(first.origin).toEqual({ row: 1, col: 1 });
    expect(first.values[1]).toEqual(["合计", 0.5]);
    expect(first.numberFormats?.[1][1]).toBe("#,##0.00");
    expect(first.formulas?.[2][1]).toBe("=B3");
    expect(first.formulas?.[1][1]).toBeNull();
    expect(snap.sheets[2].visibility).toBe("hidden");
    expect(snap.sheets[12].values).toEqual([]);
  });

  it("needs one more sync only when the workbook has more sheets than the speculative chain", async () => {
    const model = fakeWorkbookFromSnapshot(sampleSnapshot(9));
    const host = new OfficeHost({ run: fakeRun(model), chainLength: 4, capabilities: { notes: true, fillPattern: true } });
    const snap = await host.readSnapshot();
    expect(snap.sheets).toHaveLength(9);
    expect(host.lastReadSyncs).toBe(3); // 4 + 4 + 1 sheets
  });

  it("falls back to listing the sheets first (2 syncs) on a host that refuses calls on null objects", async () => {
    const model = fakeWorkbookFromSnapshot(sampleSnapshot(5));
    model.strictNullObjects = true;
    const host = new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } });
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.values[1][1])).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
    expect(host.lastReadSyncs).toBe(3); // refused chain + list + ranges
    // a workbook with exactly the chain's length never touches a null object: still one sync
    const exact = fakeWorkbookFromSnapshot(sampleSnapshot(3));
    exact.strictNullObjects = true;
    const h2 = new OfficeHost({ run: fakeRun(exact), chainLength: 3, capabilities: { notes: true, fillPattern: true } });
    await h2.readSnapshot();
    expect(h2.lastReadSyncs).toBe(1);
  });

  it("falls back to batched row blocks above the payload limit, not one sync per sheet", async () => {
    const snapshot = sampleSnapshot(6);
    // Make each sheet big: 300 rows × 4 columns of text.
    for (const s of snapshot.sheets) {
      s.values = Array.from({ length: 300 }, (_, r) => [`行${r}`, r, r * 2, "说明文字".repeat(5)]);
      s.numberFormats = undefined;
      s.formulas = undefined;
    }
    const model = fakeWorkbookFromSnapshot(snapshot);
    model.payloadLimit = 60_000;
    const host = new OfficeHost({ run: fakeRun(model), batchBudgetBytes: 40_000, capabilities: { notes: true, fillPattern: true } });
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.values.length)).toEqual([300, 300, 300, 300, 300, 300]);
    expect(snap.sheets[5].values[299]).toEqual(["行299", 299, 598, "说明文字".repeat(5)]);
    // failed one-shot + sizes + block batches; far fewer batches than blocks would need one by one
    expect(host.lastReadSyncs).toBeGreaterThan(2);
    expect(host.lastReadSyncs).toBeLessThan(6 * 3);
  });

  it("packs blocks of many sheets into each sync when the one-shot read is too big", async () => {
    const snapshot = sampleSnapshot(20);
    for (const s of snapshot.sheets) {
      s.values = Array.from({ length: 50 }, (_, r) => [`行${r}`, r, r * 2, "说明文字".repeat(5)]);
      s.numberFormats = undefined;
      s.formulas = undefined;
    }
    const model = fakeWorkbookFromSnapshot(snapshot);
    model.payloadLimit = 60_000;
    const host = new OfficeHost({ run: fakeRun(model), batchBudgetBytes: 40_000, capabilities: { notes: true, fillPattern: true } });
    const snap = await host.readSnapshot();
    expect(snap.sheets.every((s) => s.values.length === 50)).toBe(true);
    // refused one-shot + sizes + ceil(20 sheets / 3 per 40 kB batch) = 2 + 7, not one sync per sheet
    expect(host.lastReadSyncs).toBe(9);
  });

  it("does not touch the workbook while reading", async () => {
    const model = fakeWorkbookFromSnapshot(sampleSnapshot(3));
    const before = JSON.stringify(model.contentDump());
    const host = new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } });
    await host.readSnapshot();
    expect(JSON.stringify(model.contentDump())).toBe(before);
    expect(model.writeSyncs).toBe(0);
  });
});
