/**
 * Browser entry of the fake Excel host, bundled by the e2e test with esbuild and injected before the office.js
 * stub: it builds a fake workbook from `window.__caijueFakeSnapshot` and exposes it as `window.__excelFake`
 * (which test/browser/harness/office-stub.js installs as `Excel`) and as `window.__fakeModel` for assertions.
 */
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { FakeWorkbookModel, fakeRun, fakeWorkbookFromSnapshot } from "./fakeExcel";

const w = window as unknown as {
  __caijueFakeSnapshot?: WorkbookSnapshot;
  __excelFake?: unknown;
  __fakeModel?: FakeWorkbookModel;
};
const model = w.__caijueFakeSnapshot ? fakeWorkbookFromSnapshot(w.__caijueFakeSnapshot) : new FakeWorkbookModel();
const run = fakeRun(model);
w.__fakeModel = model;
w.__excelFake = {
  run: (a: unknown, b?: unknown) => run((typeof a === "function" ? a : b) as Parameters<typeof run>[0]),
};
