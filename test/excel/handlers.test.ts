// Ribbon handlers: result shown through the dialog, errors shown (not swallowed), event.completed() always called.
import { expect } from "../support/expect";
import { afterEach, beforeEach, describe, it } from "mocha";
import { clearMarks, validateWorkbook } from "../../src/commands/handlers";
import { OfficeHost } from "../../src/excel/officeHost";
import { ValidationSession } from "../../src/excel/session";
import { fixture } from "../fixtures";
import { fakeRun, fakeWorkbookFromSnapshot } from "../fakes/fakeExcel";

const g = globalThis as unknown as Record<string, unknown>;
let dialogs: string[];

beforeEach(() => {
  dialogs = [];
  g.window = { location: { href: "https://localhost:3000/taskpane.html" } };
  g.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    context: {
      displayLanguage: "zh-CN",
      requirements: { isSetSupported: () => true },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          dialogs.push(url);
          cb({ status: "succeeded", value: { addEventHandler() {}, close() {} } });
        },
      },
    },
  };
});

afterEach(() => {
  delete g.window;
  delete g.Office;
  delete g.__caijueSession__;
});

/** A ribbon event that counts completed() calls. */
function event() {
  return {
    calls: 0,
    completed() {
      this.calls++;
    },
  };
}

describe("ribbon handlers", () => {
  it("validateWorkbook validates, shows the summary in the dialog and completes", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-sichuan").snapshot);
    g.__caijueSession__ = new ValidationSession(new OfficeHost({ run: fakeRun(model) }), "zh-CN");
    const ev = event();
    await validateWorkbook(ev as unknown as Office.AddinCommands.Event);
    expect(ev.calls).toBe(1);
    expect(model.sheet("校验结果")).toBeDefined();
    const url = new URL(dialogs[0]);
    expect(url.pathname).toBe("/dialog.html");
    expect(url.searchParams.get("msg")).toMatch(/^校验(通过|未通过)：/);
  });

  it("shows an error to the user and still completes when validation throws", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-sichuan").snapshot);
    model.payloadLimit = 1;
    g.__caijueSession__ = new ValidationSession(new OfficeHost({ run: fakeRun(model) }), "zh-CN");
    const ev = event();
    await validateWorkbook(ev as unknown as Office.AddinCommands.Event);
    expect(ev.calls).toBe(1);
    const url = new URL(dialogs[0]);
    expect(url.searchParams.get("kind")).toBe("error");
    // Our words for the host's error code, once (the dialog's title says the validation could not run).
    expect(url.searchParams.get("msg")).toBe("工作簿太大，Excel 网页版一次读不完；请在 Excel 桌面版中校验（ResponsePayloadSizeLimitExceeded）");
  });

  it("completes even when no dialog can be shown", async () => {
    (g.Office as { context: { ui: unknown } }).context.ui = {
      displayDialogAsync: () => {
        throw new Error("DialogApi not supported");
      },
    };
    const model = fakeWorkbookFromSnapshot(fixture("seed-sichuan").snapshot);
    g.__caijueSession__ = new ValidationSession(new OfficeHost({ run: fakeRun(model) }), "zh-CN");
    const ev = event();
    await validateWorkbook(ev as unknown as Office.AddinCommands.Event);
    expect(ev.calls).toBe(1);
    // the report sheet (activated) carries the summary instead
    expect(model.activeSheet).toBe("校验结果");
    expect(String(model.sheet("校验结果")!.cell(0, 0)!.value)).toMatch(/^校验/);
  });

  it("clearMarks restores the cells and completes", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-sichuan").snapshot);
    const session = new ValidationSession(new OfficeHost({ run: fakeRun(model) }), "zh-CN");
    g.__caijueSession__ = session;
    await session.validate({ trigger: "ribbon", activateReport: false });
    const ev = event();
    await clearMarks(ev as unknown as Office.AddinCommands.Event);
    expect(ev.calls).toBe(1);
    expect(model.formatDump()).toEqual({});
  });
});
