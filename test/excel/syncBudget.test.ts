// Round trips per validation on the fake host, which counts every context.sync(); syncScenarios.ts splits them
// into read, capture and write syncs. Budget: 1 read (all sheets, the state part and the notes at the cells we
// marked) and 1 write (marks + report + state), any sheet count; 1 capture sync more only when the check marks
// cells it did not mark before. A live re-check reads only the cells the edited cells' checks read.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { emptyState, stateToXml, STATE_NAMESPACE } from "../../src/app/state";
import { REPORT_SHEET } from "../../src/excel/host";
import { MARK_PREFIX, OfficeHost } from "../../src/excel/officeHost";
import { ValidationSession } from "../../src/excel/session";
import type { CellBox } from "../../src/excel/host";
import { fakeRun, fakeWorkbookFromSnapshot } from "../fakes/fakeExcel";
import { fixture } from "../fixtures";
import { budgetScenario, brokenModel, countedSession } from "./syncScenarios";

const validate = (session: ValidationSession) => session.validate({ trigger: "taskpane", activateReport: false });

describe("sync budget per validation", () => {
  for (const count of [9, 60, 200]) {
    it(`${count} sheets: first run 1 read + 1 capture + 1 write; after fixes 1 + 1; unchanged 1 + 0; live 1 + 0 / 1 + 1; clear 1 + 1`, async () => {
      const r = await budgetScenario(count);
      expect(r.first).toEqual({ read: 1, capture: 1, write: 1 }); // the capture: original fills/notes of the new cells
      expect(r.marksAfterFix).toBeGreaterThan(0);
      expect(r.marksAfterFix).toBeLessThan(r.marksFirst);
      expect(r.afterFix).toEqual({ read: 1, capture: 0, write: 1 }); // restores only: nothing to capture
      expect(r.unchanged).toEqual({ read: 1, capture: 0, write: 0 });
      expect(r.liveSame).toEqual({ read: 1, capture: 0, write: 0 });
      expect(r.liveFix).toEqual({ read: 1, capture: 0, write: 1 });
      expect(r.clear).toEqual({ read: 1, capture: 0, write: 1 });
    });
  }

  it("reads the state part (with an explanation) in the same sync as the sheets, and replaces it in the write", async () => {
    const { model, snapshot } = brokenModel(9);
    const probe = await validate(new ValidationSession(new OfficeHost({ run: fakeRun(fakeWorkbookFromSnapshot(snapshot)), capabilities: { notes: true, fillPattern: true } }), "zh-CN"));
    const warning = probe.active.find((f) => f.severity === "warning")!;
    const state = emptyState();
    state.suppressed[warning.id] = { reason: "尾差", at: "2026-01-01T00:00:00.000Z" };
    model.xmlParts.push({ id: "{p1}", namespace: STATE_NAMESPACE, xml: stateToXml(state) });
    const { host, session, count } = countedSession(model);
    const [syncs, outcome] = await count(() => session.validate({ trigger: "ribbon", activateReport: true }));
    expect(host.lastReadSyncs).toBe(1);
    expect(outcome.explained.map((e) => e.finding.id)).toEqual([warning.id]);
    expect(syncs).toEqual({ read: 1, capture: 1, write: 1 });
    expect(model.xmlParts.map((p) => p.namespace)).toEqual([STATE_NAMESPACE]);
  });

  it("a clean workbook: 1 read + 1 write, no capture", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("shiquanlu-national").snapshot);
    const { session, count } = countedSession(model);
    const [syncs, o] = await count(() => validate(session));
    expect(o.active).toHaveLength(0);
    expect(syncs).toEqual({ read: 1, capture: 0, write: 1 });
  });

  it("a session opening a workbook marked earlier: 1 + 1 once the pane has read the state; 1 capture more when nothing was read before", async () => {
    // Marked by an earlier session, then the user fixed the income total.
    const markedThenFixed = async () => {
      const w = brokenModel(9);
      await validate(countedSession(w.model).session);
      w.model.userEdit(w.income.sheet, w.income.address, w.income.value);
      return w.model;
    };
    // The task pane reads the state when it opens: the validation then knows which cells were marked.
    const pane = countedSession(await markedThenFixed());
    await pane.session.loadState();
    const [afterPane] = await pane.count(() => validate(pane.session));
    expect(afterPane).toEqual({ read: 1, capture: 0, write: 1 });
    // The ribbon as the very first thing of a session: the earlier marks are known only after the read.
    const ribbon = countedSession(await markedThenFixed());
    const [first] = await ribbon.count(() => ribbon.session.validate({ trigger: "ribbon", activateReport: true }));
    expect(first).toEqual({ read: 1, capture: 1, write: 1 });
  });

  it("clearing marks as the first thing of a session: 1 read (state and sheet list) + 1 capture + 1 write", async () => {
    const { model } = brokenModel(9);
    const original = fakeWorkbookFromSnapshot(brokenModel(9).snapshot).formatDump();
    await validate(countedSession(model).session);
    const fresh = countedSession(model);
    const [syncs, restored] = await fresh.count(() => fresh.session.clearMarks());
    expect(restored).toBeGreaterThan(0);
    expect(syncs).toEqual({ read: 1, capture: 1, write: 1 });
    expect(model.formatDump()).toEqual(original);
  });

  it("a host refusing null objects reads in 2 syncs (sheet list first) and still restores without a capture", async () => {
    const { model, income } = brokenModel(9);
    model.strictNullObjects = true;
    const { session, count } = countedSession(model);
    await validate(session);
    model.userEdit(income.sheet, income.address, income.value);
    const [syncs] = await count(() => validate(session));
    expect(syncs).toEqual({ read: 2, capture: 0, write: 1 });
  });

  it("reads split by the payload limit or a short sheet chain still load the notes: restores need no capture", async () => {
    for (const [limit, read] of [
      [60_000, { batchBudgetBytes: 40_000 }],
      [undefined, { chainLength: 4 }],
    ] as const) {
      const { model, income } = brokenModel(12);
      const original = model.formatDump();
      model.payloadLimit = limit;
      const { session, host, count } = countedSession(model, { notes: true, fillPattern: true }, read);
      await validate(session);
      model.userEdit(income.sheet, income.address, income.value);
      const [syncs] = await count(() => validate(session));
      expect(syncs.read).toBeGreaterThan(1);
      expect(syncs.read).toBe(host.lastReadSyncs);
      expect({ capture: syncs.capture, write: syncs.write }).toEqual({ capture: 0, write: 1 });
      await session.clearMarks();
      expect(model.formatDump()).toEqual(original);
    }
  });

  it("hosts without notes (before ExcelApi 1.18) still locate their comments: 2 capture syncs when restoring", async () => {
    const { model, income } = brokenModel(9);
    const { session, count } = countedSession(model, { notes: false, fillPattern: true });
    await validate(session);
    expect(model.comments.length).toBeGreaterThan(0);
    model.userEdit(income.sheet, income.address, income.value);
    const [syncs] = await count(() => validate(session));
    expect(syncs).toEqual({ read: 1, capture: 2, write: 1 });
  });
});

describe("restoring without a capture stays exact", () => {
  it("notes the user deleted or edited since the last run: restored and re-marked cells come out right, clear gives back the originals", async () => {
    const { model, income, expenditure } = brokenModel(9);
    const userNote = { sheet: expenditure.sheet, address: expenditure.address, text: "用户自己的批注" };
    model.sheet(userNote.sheet)!.notes.set(userNote.address, userNote.text);
    const original = model.formatDump();
    const { session, host, count } = countedSession(model);
    await validate(session);
    const marks = (await host.loadState()).marks;
    const incomeCells = marks.filter((m) => m.sheet === income.sheet && m.address === income.address);
    expect(incomeCells).toHaveLength(1);
    expect(marks.some((m) => m.sheet === userNote.sheet && m.address === userNote.address && m.note === userNote.text)).toBe(true);

    // The user deletes our note at the income total (to be restored) and at another marked cell (still marked),
    // and edits our note at the expenditure total (still marked; its original is the user's own note).
    const other = marks.find((m) => !(m.sheet === income.sheet && m.address === income.address) && !(m.sheet === userNote.sheet && m.address === userNote.address))!;
    model.sheet(income.sheet)!.notes.delete(income.address);
    model.sheet(other.sheet)!.notes.delete(other.address);
    model.sheet(userNote.sheet)!.notes.set(userNote.address, "改过的");
    model.userEdit(income.sheet, income.address, income.value);
    const [syncs, o] = await count(() => validate(session));
    expect(syncs).toEqual({ read: 1, capture: 0, write: 1 });
    expect(model.sheet(income.sheet)!.notes.has(income.address)).toBe(false);
    expect(model.sheet(income.sheet)!.cell(...rc(income.address))?.fill ?? null).toBeNull();
    const stillMarked = o.active.some((f) => f.target.sheet === other.sheet && f.target.address === other.address);
    if (stillMarked) expect(model.sheet(other.sheet)!.notes.get(other.address)?.startsWith(MARK_PREFIX)).toBe(true);
    expect(model.sheet(userNote.sheet)!.notes.get(userNote.address)?.startsWith(MARK_PREFIX)).toBe(true);

    await session.clearMarks();
    expect(model.formatDump()).toEqual(original);
  });

  it("marks on a sheet the user deleted: the read's note loads on that sheet are null objects, nothing fails", async () => {
    const { model } = brokenModel(9);
    const original = model.formatDump();
    const { session, host } = countedSession(model);
    await validate(session);
    const gone = (await host.loadState()).marks.find((m) => m.sheet !== "收入支出决算总表")!.sheet;
    model.sheets = model.sheets.filter((s) => s.name !== gone);
    await validate(session);
    expect((await host.loadState()).marks.some((m) => m.sheet === gone)).toBe(false);
    await session.clearMarks();
    expect(model.formatDump()).toEqual(Object.fromEntries(Object.entries(original).filter(([k]) => !k.startsWith(`${gone}!`))));
  });

  it("a write that is not right after a read (an explanation) looks at the notes again instead of trusting an older read", async () => {
    const { model } = brokenModel(9);
    const original = model.formatDump();
    const { session, host } = countedSession(model);
    const o = await validate(session);
    const errorCells = new Set(o.active.filter((f) => f.severity === "error").map((f) => `${f.target.sheet}!${f.target.address}`));
    const marked = (await host.loadState()).marks.find((m) => errorCells.has(`${m.sheet}!${m.address}`))!;
    model.sheet(marked.sheet)!.notes.delete(marked.address); // after that validation's read and write
    await session.suppress(o.active.find((f) => f.severity === "warning")!.id, "尾差");
    expect(model.sheet(marked.sheet)!.notes.get(marked.address)?.startsWith(MARK_PREFIX)).toBe(true);
    await session.clearMarks();
    expect(model.formatDump()).toEqual(original);
  });

  it("a note deleted between the read and the write loses nothing: the next run restores exactly", async () => {
    const { model, income } = brokenModel(9);
    const original = model.formatDump();
    const inner = fakeRun(model);
    let deleteBeforeRun = -1;
    let runs = 0;
    const run = (<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      if (++runs === deleteBeforeRun) model.sheet(income.sheet)!.notes.delete(income.address);
      return inner(batch);
    }) as ReturnType<typeof fakeRun>;
    const session = new ValidationSession(new OfficeHost({ run, capabilities: { notes: true, fillPattern: true } }), "zh-CN", 10);
    await validate(session);
    model.userEdit(income.sheet, income.address, income.value);
    deleteBeforeRun = runs + 2; // the run after the read: the write
    // Office stops a batch at a failing operation; whether this one stops or not, nothing may be lost.
    await validate(session).catch(() => undefined);
    await validate(session);
    expect(model.sheet(income.sheet)!.notes.has(income.address)).toBe(false);
    await session.clearMarks();
    expect(model.formatDump()).toEqual(original);
  });
});

describe("sync budget of the live re-check", () => {
  it("reads only the cells of the edited cell's checks in 1 sync; writes nothing when findings are unchanged; a fix is 1 read + 1 write", async () => {
    const { model, snapshot, expenditure } = brokenModel(9);
    const { session, host, count } = countedSession(model);
    const reads: CellBox[][] = [];
    const readCells = host.readCells.bind(host);
    host.readCells = (boxes) => (reads.push(boxes), readCells(boxes));
    let workbookReads = 0;
    const readWorkbook = host.readWorkbook.bind(host);
    host.readWorkbook = () => (workbookReads++, readWorkbook());
    const first = await validate(session);
    const cellsInWorkbook = snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
    const readsBefore = workbookReads;

    model.userEdit(expenditure.sheet, expenditure.address, expenditure.value + 7); // the same wrong value again
    const [same, o] = await count(() => session.liveUpdate([{ sheet: expenditure.sheet, address: expenditure.address }]));
    expect(session.lastLiveMode).toBe("unchanged");
    expect(o.active.map((f) => f.id)).toEqual(first.active.map((f) => f.id));
    expect(same).toEqual({ read: 1, capture: 0, write: 0 });
    expect(workbookReads).toBe(readsBefore);
    expect(reads[0].reduce((n, b) => n + b.rows * b.cols, 0)).toBeLessThan(cellsInWorkbook / 5);

    model.userEdit(expenditure.sheet, expenditure.address, expenditure.value); // the fix: restores only
    const [fix, fixed] = await count(() => session.liveUpdate([{ sheet: expenditure.sheet, address: expenditure.address }]));
    expect(session.lastLiveMode).toBe("recheck");
    expect(fixed.active.some((f) => f.target.sheet === expenditure.sheet && f.target.address === expenditure.address)).toBe(false);
    expect(fix).toEqual({ read: 1, capture: 0, write: 1 });
    expect(workbookReads).toBe(readsBefore);
    expect(model.sheet(REPORT_SHEET)).toBeDefined();
  });

  it("an edit that makes a new error: 1 read + 1 capture of the new cell + 1 write", async () => {
    const { model, income, expenditure } = brokenModel(9);
    model.userEdit(income.sheet, income.address, income.value);
    const { session, count } = countedSession(model);
    await validate(session);
    model.userEdit(income.sheet, income.address, income.value + 5);
    const [syncs, o] = await count(() => session.liveUpdate([{ sheet: income.sheet, address: income.address }]));
    expect(o.active.some((f) => f.target.sheet === income.sheet && f.target.address === income.address)).toBe(true);
    expect(syncs).toEqual({ read: 1, capture: 1, write: 1 });
    expect(expenditure.value).toBeGreaterThan(0);
  });
});

function rc(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}
