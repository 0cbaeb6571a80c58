// 创建/补全说明数据表 and rule N-PH inside the add-in, over the fake Excel host with the real core engine.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { INPUT_KEYS } from "../../src/core/narrative";
import { REPORT_SHEET } from "../../src/excel/host";
import { OfficeHost } from "../../src/excel/officeHost";
import { ValidationSession, checkedSheets } from "../../src/excel/session";
import { toA1 } from "../../src/core/workbook/snapshot";
import { emptyState } from "../../src/app/state";
import { fixture } from "../fixtures";
import { fakeRun, fakeWorkbookFromSnapshot, type FakeWorkbookModel } from "../fakes/fakeExcel";

function setup(model: FakeWorkbookModel) {
  const host = new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } });
  return { host, session: new ValidationSession(host, "zh-CN", 10) };
}

/** Column A..C of a fake sheet as rows of values. */
function rowsOf(model: FakeWorkbookModel, sheet: string, col = 0): unknown[][] {
  const s = model.sheet(sheet)!;
  const box = s.usedBox(true)!;
  const out: unknown[][] = [];
  for (let r = box.top; r <= box.bottom; r++) out.push([0, 1, 2].map((c) => s.cell(r, col + c)?.value ?? null));
  return out;
}

describe("创建/补全说明数据表", () => {
  it("creates the sheet with every key, pre-filled, in at most 2 syncs, touching no other sheet", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-national").snapshot);
    const before = JSON.stringify(model.contentDump());
    const { session } = setup(model);
    const syncs = model.totalSyncs;
    const r = await session.completeInputsSheet();
    expect(model.totalSyncs - syncs).toBeLessThanOrEqual(2);
    expect(r).toEqual({ sheet: "说明数据", created: true, added: INPUT_KEYS.length });
    const rows = rowsOf(model, "说明数据");
    expect(rows[0]).toEqual(["项目", "内容", "说明"]);
    expect(rows.slice(1).map((x) => x[0])).toEqual(INPUT_KEYS.map((k) => k.key));
    expect(rows.find((x) => x[0] === "年度")?.[1]).toBe(2019);
    const sheet = model.sheet("说明数据")!;
    // Labels and help are Text cells; the empty 内容 cells stay General so a typed number is a number.
    expect(sheet.cell(1, 0)!.numberFormat).toBe("@");
    expect(sheet.cell(1, 2)!.numberFormat).toBe("@");
    const emptyRow = rows.findIndex((x) => x[0] === "上年财政拨款收入总计");
    expect(sheet.cell(emptyRow, 1)?.value ?? null).toBeNull();
    expect(sheet.cell(emptyRow, 1)!.numberFormat).toBe("General");
    for (const c of sheet.cells.values()) expect(c.formula).toBeNull();
    expect(JSON.stringify(model.contentDump(["说明数据"]))).toBe(before);
  });

  it("on an existing sheet appends only the missing keys below it and never changes a user's cell", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-national").snapshot);
    const s = model.addSheet("说明数据");
    const typed: [string, string | number][] = [
      ["项目", "内容"],
      ["单位名称", "=1+1 不是公式"],
      ["上年财政拨款收入总计", 1234.5],
      ["我的备注", "请保留"],
    ];
    typed.forEach(([a, b], i) => {
      s.ensure(i + 2, 1).value = a;
      s.ensure(i + 2, 2).value = b;
    });
    const mine = JSON.stringify(model.contentDump());
    const { session } = setup(model);
    const syncs = model.totalSyncs;
    const r = await session.completeInputsSheet();
    expect(model.totalSyncs - syncs).toBeLessThanOrEqual(2);
    expect(r).toEqual({ sheet: "说明数据", created: false, added: INPUT_KEYS.length - 2 });
    // Every cell the user had is exactly as before.
    const after = model.contentDump();
    for (const [k, v] of Object.entries(JSON.parse(mine) as Record<string, unknown>)) expect(after[k]).toEqual(v);
    // New rows start right below the last used row, in the label column (B).
    expect(s.cell(6, 1)?.value).toBe(INPUT_KEYS.filter((k) => k.key !== "单位名称" && k.key !== "上年财政拨款收入总计")[0].key);
    const labels = rowsOf(model, "说明数据", 1).map((x) => x[0]);
    expect(labels.filter((l) => l === "单位名称")).toHaveLength(1);

    // Complete now: a second press reads once and writes nothing.
    const again = model.totalSyncs;
    expect(await session.completeInputsSheet()).toMatchObject({ created: false, added: 0 });
    expect(model.totalSyncs - again).toBe(1);
  });

  it("writes text that looks like a formula as text", async () => {
    const model = fakeWorkbookFromSnapshot({ sheets: [{ name: "表1", visibility: "visible", origin: { row: 0, col: 0 }, values: [["x"]] }] });
    const { host } = setup(model);
    await host.writeInputsSheet({ sheet: "说明数据", create: true, row: 0, col: 0, rows: [["单位名称", "=HYPERLINK(\"http://x\")", "@SUM(A1)"], ["年度", 2019, "-1"]] });
    const s = model.sheet("说明数据")!;
    expect(s.cell(0, 1)).toMatchObject({ value: "=HYPERLINK(\"http://x\")", formula: null });
    expect(s.cell(0, 2)).toMatchObject({ value: "@SUM(A1)", formula: null });
    expect(s.cell(1, 1)!.value).toBe(2019);
    expect(s.cell(1, 2)!.value).toBe("-1");
  });

  it("refuses to create over a sheet that appeared meanwhile", async () => {
    const model = fakeWorkbookFromSnapshot({ sheets: [{ name: "说明数据", visibility: "visible", origin: { row: 0, col: 0 }, values: [["单位名称", "甲"]] }] });
    const { host } = setup(model);
    await expect(host.writeInputsSheet({ sheet: "说明数据", create: true, row: 0, col: 0, rows: [["单位名称", "乙", ""]] })).rejects.toThrow();
    expect(model.sheet("说明数据")!.cell(0, 1)!.value).toBe("甲");
  });
});

describe("rule N-PH in the add-in", () => {
  it("lists and marks placeholders left in 「情况说明」 (the add-in's own sheet is checked, the report is not)", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-sichuan").snapshot);
    const { host, session } = setup(model);
    await host.writeNarrative({ sheet: "情况说明", replace: false, paragraphs: ["一、收入支出决算总体情况", "与上年相比，【请填写：上年财政拨款收入总计】。", "=1+2"], state: emptyState() });
    const outcome = await session.validate({ trigger: "taskpane", activateReport: false });
    const ph = outcome.active.filter((f) => f.rule === "N-PH");
    expect(ph.map((f) => `${f.target.sheet}!${f.target.address}`)).toEqual(["情况说明!A2"]);
    expect(ph[0].severity).toBe("warning");
    expect(model.sheet("情况说明")!.cell(1, 0)!.fill).toBe("#FFEB9C");
    // The report quotes the placeholder in its message; a second run must not find it there.
    const report = model.sheet(REPORT_SHEET)!;
    expect(JSON.stringify([...report.cells.values()].map((c) => c.value))).toContain("【请填写：上年财政拨款收入总计】");
    const second = await session.validate({ trigger: "taskpane", activateReport: false });
    expect(second.active.filter((f) => f.rule === "N-PH")).toHaveLength(1);
    expect(second.counts.warning).toBe(outcome.counts.warning);
    // Filling it in clears the finding.
    model.userEdit("情况说明", toA1(1, 0), "与上年相比，增加100万元。");
    const third = await session.validate({ trigger: "taskpane", activateReport: false });
    expect(third.active.some((f) => f.rule === "N-PH")).toBe(false);
  });

  it("checkedSheets keeps 「情况说明」 and drops only 「校验结果」", () => {
    const sheet = (name: string) => ({ name, visibility: "visible" as const, origin: { row: 0, col: 0 }, values: [] });
    expect(checkedSheets({ sheets: [sheet("T1"), sheet("情况说明"), sheet(REPORT_SHEET)] }).sheets.map((s) => s.name)).toEqual(["T1", "情况说明"]);
  });
});
