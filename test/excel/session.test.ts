// The validation session over the fake Excel host with the real core engine, on the generated fixtures.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { REPORT_SHEET } from "../../src/excel/host";
import { OfficeHost } from "../../src/excel/officeHost";
import { ValidationSession, expandChanges } from "../../src/excel/session";
import { FIXTURE_NAMES, fixture, mutate } from "../fixtures";
import { fakeRun, fakeWorkbookFromSnapshot, type FakeWorkbookModel } from "../fakes/fakeExcel";

function setup(model: FakeWorkbookModel, debounceMs = 10) {
  const host = new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } });
  return { host, session: new ValidationSession(host, "zh-CN", debounceMs) };
}

function brokenSeed() {
  const f = fixture("seed-sichuan");
  const total = f.expected.find((c) => c.kind === "T1" && c.rowKey === "inc_total_year")!;
  return { f, total, snapshot: mutate(f.snapshot, total.address, total.sheet, total.value + 100) };
}

for (const name of FIXTURE_NAMES) describe(`validate + clear on fixture ${name}`, () => {
  it("reads in one sync, marks in one write sync, and leaves every value and formula as it was", async () => {
    const model = fakeWorkbookFromSnapshot(fixture(name).snapshot);
    const content = JSON.stringify(model.contentDump());
    const formats = model.formatDump();
    const { host, session } = setup(model);
    await session.loadState();

    const syncs = model.totalSyncs;
    const outcome = await session.validate({ trigger: "taskpane", activateReport: false });
    expect(host.lastReadSyncs).toBe(1);
    // the whole run: read 1 (sheets + state) + write 1 (marks + report + state), plus 1 capture of the cells' own
    // fills/notes when some cell is marked; whatever the sheet count
    expect(model.totalSyncs - syncs).toBe(outcome.active.length > 0 ? 3 : 2);
    expect(model.writeSyncs).toBe(1);
    expect(outcome.recognition.tables.length).toBeGreaterThan(5);
    expect(outcome.summary).toMatch(/^校验(通过|未通过)：强制 \d+ 项，核实 \d+ 项/);
    const report = model.sheet(REPORT_SHEET)!;
    expect(report.usedBox(true)!.bottom + 1).toBe(outcome.active.length + 2);

    const writes = model.writeSyncs;
    await host.writeMarks(outcome.active.map((f) => ({ sheet: f.target.sheet, address: f.target.address, severity: f.severity, message: f.message })));
    expect(model.writeSyncs - writes).toBe(1);

    await session.clearMarks();
    expect(JSON.stringify(model.contentDump([REPORT_SHEET]))).toBe(content);
    expect(model.formatDump()).toEqual(formats);
  });
});

describe("validation session", () => {
  it("finds an injected error, marks it red with the arithmetic in the note, and lists it in the report", async () => {
    const { snapshot, total } = brokenSeed();
    const model = fakeWorkbookFromSnapshot(snapshot);
    const { session } = setup(model);
    const outcome = await session.validate({ trigger: "ribbon", activateReport: true });
    const hit = outcome.active.find((f) => f.target.sheet === total.sheet && f.target.address === total.address);
    expect(hit?.severity).toBe("error");
    expect(outcome.summary).toMatch(/^校验未通过：强制 [1-9]\d* 项/);
    const sheet = model.sheet(total.sheet)!;
    const cell = sheet.cell(hit!.target.row, hit!.target.col)!;
    expect(cell.fill).toBe("#FFC7CE");
    expect(sheet.notes.get(total.address)).toContain(hit!.message);
    expect(model.activeSheet).toBe(REPORT_SHEET);
    const report = model.sheet(REPORT_SHEET)!;
    const rows = [...Array(outcome.active.length + 2).keys()].map((r) => report.cell(r, 3)?.value);
    expect(rows).toContain(`${total.sheet}!${total.address}`);
  });

  it("suppressed findings stay listed as 已说明 with their reason but are not marked or counted", async () => {
    const { snapshot, total } = brokenSeed();
    const model = fakeWorkbookFromSnapshot(snapshot);
    const { session } = setup(model);
    const first = await session.validate({ trigger: "taskpane", activateReport: false });
    const hit = first.active.find((f) => f.severity === "warning")!;
    await session.suppress(hit.id, "差额为已知调整");
    const o = session.outcome!;
    expect(o.active.map((f) => f.id)).not.toContain(hit.id);
    expect(o.explained.map((e) => [e.finding.id, e.explanation.reason])).toContainEqual([hit.id, "差额为已知调整"]);
    expect(o.counts.warning).toBe(first.counts.warning - 1);
    expect(o.counts.explained).toBe(1);
    expect(o.summary).toMatch(/1 项已说明/);
    // still explained after a fresh run (the id is stable) and after reopening (state is in the workbook)
    const again = setup(model).session;
    const o2 = await again.validate({ trigger: "taskpane", activateReport: false });
    expect(o2.explained.map((e) => e.finding.id)).toContain(hit.id);
    const otherMarksOnCell = o2.active.some((f) => f.target.address === total.address && f.target.sheet === total.sheet);
    if (!otherMarksOnCell) expect(model.sheet(total.sheet)!.cell(hit.target.row, hit.target.col)!.fill).toBeNull();
  });

  it("a 强制 finding cannot be explained: refused in the pane's words, nothing stored", async () => {
    const { snapshot, total } = brokenSeed();
    const model = fakeWorkbookFromSnapshot(snapshot);
    const { session } = setup(model);
    const first = await session.validate({ trigger: "taskpane", activateReport: false });
    const err = first.active.find((f) => f.target.address === total.address && f.severity === "error")!;
    const parts = JSON.stringify(model.xmlParts);
    await expect(session.suppress(err.id, "不想改")).rejects.toThrow(/强制项必须修改/);
    expect(JSON.stringify(model.xmlParts)).toBe(parts);
    expect(session.outcome!.active.map((f) => f.id)).toContain(err.id);
  });

  it("live re-check: a user edit re-checks only the touched rules, updates marks, and ignores our own writes", async () => {
    const { snapshot, total } = brokenSeed();
    const model = fakeWorkbookFromSnapshot(snapshot);
    const { session } = setup(model);
    const first = await session.validate({ trigger: "taskpane", activateReport: false });
    expect(first.active.some((f) => f.target.address === total.address)).toBe(true);
    await session.startLive();
    let updates = 0;
    session.subscribe((v) => v.outcome?.trigger === "live" && !v.busy && updates++);

    // Our own writes (report sheet, marks) fire change events too; they must not start a re-check.
    await session.validate({ trigger: "taskpane", activateReport: false });
    await new Promise((r) => setTimeout(r, 400));
    expect(updates).toBe(0);

    model.userEdit(total.sheet, total.address, total.value); // the user fixes the total
    await new Promise((r) => setTimeout(r, 400));
    expect(updates).toBeGreaterThan(0);
    expect(session.lastLiveMode).toBe("recheck");
    const o = session.outcome!;
    expect(o.trigger).toBe("live");
    expect(o.active.some((f) => f.target.sheet === total.sheet && f.target.address === total.address)).toBe(false);
    const p = model.sheet(total.sheet)!;
    const at = first.active.find((f) => f.target.address === total.address)!.target;
    expect(p.cell(at.row, at.col)!.fill).toBeNull();
    await session.stopLive();
    expect(model.handlers).toHaveLength(0);
  });

  it("a user edit made while the add-in is writing is held back and delivered afterwards, not lost", async () => {
    const { snapshot, total } = brokenSeed();
    const model = fakeWorkbookFromSnapshot(snapshot);
    const { session } = setup(model);
    await session.validate({ trigger: "taskpane", activateReport: false });
    await session.startLive();
    const running = session.validate({ trigger: "taskpane", activateReport: false });
    model.userEdit(total.sheet, total.address, total.value); // lands during our write
    await running;
    await new Promise((r) => setTimeout(r, 700));
    expect(session.outcome!.trigger).toBe("live");
    expect(session.outcome!.active.some((f) => f.target.sheet === total.sheet && f.target.address === total.address)).toBe(false);
    await session.stopLive();
  });

  it("expands changed ranges to cells and gives up on huge pastes", () => {
    expect(expandChanges([{ sheet: "S", address: "B2:C3" }])).toEqual([
      { sheet: "S", address: "B2" },
      { sheet: "S", address: "C2" },
      { sheet: "S", address: "B3" },
      { sheet: "S", address: "C3" },
    ]);
    expect(expandChanges([{ sheet: "S", address: "A1:Z1000" }])).toBeUndefined();
    expect(expandChanges([{ sheet: "", address: "A1" }])).toBeUndefined();
  });

  it("records and rethrows host errors instead of swallowing them", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-national").snapshot);
    const { session } = setup(model);
    model.payloadLimit = 10; // even row-by-row reading must fail
    await expect(session.validate({ trigger: "taskpane", activateReport: false })).rejects.toThrow();
    expect(session.error).not.toBeNull();
    expect(session.busy).toBe(false);
  });
});
