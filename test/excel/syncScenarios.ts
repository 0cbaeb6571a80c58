/**
 * Shared by the sync budget tests and bench/excel-syncs.bench.ts: a department workbook with two broken totals
 * and any number of sheets on the fake Excel host, and a counter that splits every round trip into read,
 * capture (a sync inside a writing Excel.run that writes nothing) and write syncs.
 */
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import type { HostCapabilities } from "../../src/excel/host";
import { OfficeHost } from "../../src/excel/officeHost";
import type { ReadOptions } from "../../src/excel/readSnapshot";
import { ValidationSession } from "../../src/excel/session";
import { fixture, mutate } from "../fixtures";
import { fakeRun, fakeWorkbookFromSnapshot, type FakeWorkbookModel } from "../fakes/fakeExcel";

export interface BrokenCell {
  sheet: string;
  address: string;
  /** The right value (typing it fixes the error). */
  value: number;
}

/**
 * The national nine-table unit (seed-national) with its income and expenditure totals off, padded with small
 * note sheets up to `sheetCount`, so budgets are shown independent of the sheet count.
 */
export function brokenWorkbook(sheetCount: number): { snapshot: WorkbookSnapshot; income: BrokenCell; expenditure: BrokenCell } {
  const f = fixture("seed-national");
  const cell = (rowKey: string): BrokenCell => {
    const c = f.expected.find((x) => x.kind === "T1" && x.rowKey === rowKey)!;
    return { sheet: c.sheet, address: c.address, value: c.value as number };
  };
  const income = cell("inc_total_year");
  const expenditure = cell("exp_total_year");
  let snapshot = mutate(f.snapshot, income.address, income.sheet, income.value + 100);
  snapshot = mutate(snapshot, expenditure.address, expenditure.sheet, expenditure.value + 7);
  const sheets = [...snapshot.sheets];
  for (let i = sheets.length; i < sheetCount; i++) sheets.push({ name: `备注${i}`, visibility: "visible", origin: { row: 0, col: 0 }, values: [[`说明 ${i}`, i]] });
  return { snapshot: { ...snapshot, sheets }, income, expenditure };
}

/** Round trips of one operation: read syncs, capture syncs (reads inside a writing batch) and write syncs. */
export interface SyncCount {
  read: number;
  capture: number;
  write: number;
}

export const total = (c: SyncCount): number => c.read + c.capture + c.write;

/** "1 + 1 + 1" style text: read + capture + write. */
export const describeCount = (c: SyncCount): string => (c.capture > 0 ? `${c.read} read + ${c.capture} capture + ${c.write} write` : `${c.read} read + ${c.write} write`);

/** Excel.run over the fake that classifies every sync of every batch. */
export function countingRun(model: FakeWorkbookModel): { run: ReturnType<typeof fakeRun>; count<T>(work: () => Promise<T>): Promise<[SyncCount, T]> } {
  const inner = fakeRun(model);
  let current: SyncCount = { read: 0, capture: 0, write: 0 };
  const run = (async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const syncs0 = model.totalSyncs;
    const writes0 = model.writeSyncs;
    try {
      return await inner(batch);
    } finally {
      const syncs = model.totalSyncs - syncs0;
      const writes = model.writeSyncs - writes0;
      if (writes === 0) current.read += syncs;
      else {
        current.write += writes;
        current.capture += syncs - writes;
      }
    }
  }) as ReturnType<typeof fakeRun>;
  return {
    run,
    async count<T>(work: () => Promise<T>): Promise<[SyncCount, T]> {
      const mine: SyncCount = { read: 0, capture: 0, write: 0 };
      current = mine;
      try {
        return [mine, await work()];
      } finally {
        // Syncs after this operation (outside any count) go nowhere.
        current = { read: 0, capture: 0, write: 0 };
      }
    },
  };
}

/** A session over the fake host with syncs counted per operation (notes and fill patterns by default, as ExcelApi 1.18). */
export function countedSession(model: FakeWorkbookModel, capabilities: Partial<HostCapabilities> = { notes: true, fillPattern: true }, read: ReadOptions = {}) {
  const counter = countingRun(model);
  const host = new OfficeHost({ ...read, run: counter.run, capabilities });
  return { host, session: new ValidationSession(host, "zh-CN", 10), count: counter.count };
}

/** The fake workbook of `brokenWorkbook`. */
export function brokenModel(sheetCount: number) {
  const w = brokenWorkbook(sheetCount);
  return { ...w, model: fakeWorkbookFromSnapshot(w.snapshot) };
}

/** Every step the budget is about, on one workbook of `sheetCount` sheets, in the order a user meets them. */
export async function budgetScenario(sheetCount: number): Promise<{
  first: SyncCount;
  afterFix: SyncCount;
  unchanged: SyncCount;
  liveSame: SyncCount;
  liveFix: SyncCount;
  clear: SyncCount;
  marksFirst: number;
  marksAfterFix: number;
}> {
  const { model, income, expenditure } = brokenModel(sheetCount);
  const { session, host, count } = countedSession(model);
  const [first] = await count(() => session.validate({ trigger: "ribbon", activateReport: true }));
  const marksFirst = (await host.loadState()).marks.length;
  model.userEdit(income.sheet, income.address, income.value);
  const [afterFix] = await count(() => session.validate({ trigger: "taskpane", activateReport: false }));
  const marksAfterFix = (await host.loadState()).marks.length;
  const [unchanged] = await count(() => session.validate({ trigger: "taskpane", activateReport: false }));
  // Live: the wrong expenditure total typed again (nothing changes), then the right one.
  model.userEdit(expenditure.sheet, expenditure.address, expenditure.value + 7);
  const [liveSame] = await count(() => session.liveUpdate([{ sheet: expenditure.sheet, address: expenditure.address }]));
  model.userEdit(expenditure.sheet, expenditure.address, expenditure.value);
  const [liveFix] = await count(() => session.liveUpdate([{ sheet: expenditure.sheet, address: expenditure.address }]));
  // Clear needs marks: break the income total again and validate first.
  model.userEdit(income.sheet, income.address, income.value + 100);
  await session.validate({ trigger: "taskpane", activateReport: false });
  const [clear] = await count(() => session.clearMarks());
  return { first, afterFix, unchanged, liveSame, liveFix, clear, marksFirst, marksAfterFix };
}
