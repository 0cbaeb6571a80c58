// Round trips per validation on the fake host (which counts every context.sync()): one read (all sheets and
// the state part, also on a session's first run) and one write batch (marks + report + state), preceded by one
// capture sync only when cells are marked or restored; any sheet count. A live re-check reads only the cells
// the edited cells' checks read and writes nothing when the findings did not change.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { stateToXml, emptyState, STATE_NAMESPACE } from "../../src/app/state";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import type { CellBox } from "../../src/excel/host";
import { OfficeHost } from "../../src/excel/officeHost";
import { ValidationSession } from "../../src/excel/session";
import { fixture, mutate } from "../fixtures";
import { fakeRun, fakeWorkbookFromSnapshot, type FakeWorkbookModel } from "../fakes/fakeExcel";

/** The seed (13 sheets) with extra sheets until `count`, so budgets are shown independent of the sheet count. */
function workbookOf(count: number, broken: boolean): { snapshot: WorkbookSnapshot; sheet: string; address: string; value: number } {
  const f = fixture("seed-sichuan");
  const total = f.expected.find((c) => c.kind === "T1" && c.rowKey === "inc_total_year")!;
  const base = broken ? mutate(f.snapshot, total.address, total.sheet, total.value + 100) : f.snapshot;
  const sheets = [...base.sheets];
  for (let i = sheets.length; i < count; i++) sheets.push({ name: `备注${i}`, visibility: "visible", origin: { row: 0, col: 0 }, values: [[`说明 ${i}`, i]] });
  return { snapshot: { ...base, sheets: sheets.slice(0, Math.max(count, 1)) }, sheet: total.sheet, address: total.address, value: total.value };
}

function setup(model: FakeWorkbookModel) {
  const host = new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } });
  const reads: CellBox[][] = [];
  const readCells = host.readCells.bind(host);
  host.readCells = (boxes) => (reads.push(boxes), readCells(boxes));
  let workbookReads = 0;
  const readWorkbook = host.readWorkbook.bind(host);
  host.readWorkbook = () => (workbookReads++, readWorkbook());
  return { host, session: new ValidationSession(host, "zh-CN", 10), reads, workbookReads: () => workbookReads };
}

describe("sync budget per validation", () => {
  for (const count of [13, 60, 200]) {
    it(`first run of a session on ${count} sheets: 1 read (sheets + state) + 1 capture + 1 write`, async () => {
      const w = workbookOf(count, true);
      const model = fakeWorkbookFromSnapshot(w.snapshot);
      // A workbook that already carries an explanation: read in the same sync as the sheets.
      const probe = await new ValidationSession(new OfficeHost({ run: fakeRun(fakeWorkbookFromSnapshot(w.snapshot)), capabilities: { notes: true, fillPattern: true } }), "zh-CN").validate({ trigger: "taskpane", activateReport: false });
      const warning = probe.active.find((f) => f.severity === "warning")!;
      const state = emptyState();
      state.suppressed[warning.id] = { reason: "尾差", at: "2026-01-01T00:00:00.000Z" };
      model.xmlParts.push({ id: "{p1}", namespace: STATE_NAMESPACE, xml: stateToXml(state) });

      const { host, session } = setup(model);
      const outcome = await session.validate({ trigger: "ribbon", activateReport: true });
      expect(host.lastReadSyncs).toBe(1);
      expect(outcome.explained.map((e) => e.finding.id)).toEqual([warning.id]);
      expect(model.totalSyncs).toBe(3); // read, capture of the marked cells' own fill/note, write
      expect(model.writeSyncs).toBe(1); // marks, report sheet and state together
      expect(model.xmlParts).toHaveLength(1);
    });
  }

  it("a clean workbook: 1 read + 1 write, no capture", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("shiquanlu-national").snapshot);
    const { session } = setup(model);
    const o = await session.validate({ trigger: "taskpane", activateReport: false });
    expect(o.active).toHaveLength(0);
    expect(model.totalSyncs).toBe(2);
    expect(model.writeSyncs).toBe(1);
  });

  it("validating again with unchanged findings writes nothing (Excel's undo history is kept)", async () => {
    const w = workbookOf(13, true);
    const model = fakeWorkbookFromSnapshot(w.snapshot);
    const { session } = setup(model);
    await session.validate({ trigger: "taskpane", activateReport: false });
    const syncs = model.totalSyncs;
    const writes = model.writeSyncs;
    await session.validate({ trigger: "taskpane", activateReport: false });
    expect(model.totalSyncs - syncs).toBe(1);
    expect(model.writeSyncs - writes).toBe(0);
  });
});

describe("sync budget of the live re-check", () => {
  it("reads only the cells of the edited cell's checks in 1 sync, and writes nothing when findings are unchanged", async () => {
    const w = workbookOf(13, true);
    const model = fakeWorkbookFromSnapshot(w.snapshot);
    const { session, reads, workbookReads } = setup(model);
    const first = await session.validate({ trigger: "taskpane", activateReport: false });
    const cellsInWorkbook = w.snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
    const readsBefore = workbookReads();

    // An edit that changes nothing the checks see: the value typed again.
    const syncs = model.totalSyncs;
    const writes = model.writeSyncs;
    model.userEdit(w.sheet, w.address, w.value + 100);
    const same = await session.liveUpdate([{ sheet: w.sheet, address: w.address }]);
    expect(session.lastLiveMode).toBe("unchanged");
    expect(same.active.map((f) => f.id)).toEqual(first.active.map((f) => f.id));
    expect(model.totalSyncs - syncs).toBe(1);
    expect(model.writeSyncs - writes).toBe(0);
    expect(workbookReads()).toBe(readsBefore);
    const boxCells = reads[0].reduce((n, b) => n + b.rows * b.cols, 0);
    expect(boxCells).toBeLessThan(cellsInWorkbook / 5);

    // The fix: 1 read of the boxes, then the marks/report/state write (with its capture).
    const s2 = model.totalSyncs;
    model.userEdit(w.sheet, w.address, w.value);
    const fixed = await session.liveUpdate([{ sheet: w.sheet, address: w.address }]);
    expect(session.lastLiveMode).toBe("recheck");
    expect(fixed.active.some((f) => f.target.sheet === w.sheet && f.target.address === w.address)).toBe(false);
    expect(model.totalSyncs - s2).toBe(3);
    expect(workbookReads()).toBe(readsBefore);
  });
});
