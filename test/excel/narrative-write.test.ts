// Writing 「情况说明」 never erases the user's work: a rewrite replaces the sheet only while it holds exactly what
// we wrote; any edit (or a sheet the user wrote) sends the new text to 「情况说明(2)」, then (3)…
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { planNarrativeWrite, sheetEdited } from "../../src/app/narrative";
import { emptyState } from "../../src/app/state";
import { OfficeHost } from "../../src/excel/officeHost";
import { ValidationSession } from "../../src/excel/session";
import { fixture } from "../fixtures";
import { fakeRun, fakeWorkbookFromSnapshot, type FakeWorkbookModel } from "../fakes/fakeExcel";

function setup(model: FakeWorkbookModel) {
  const host = new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } });
  return new ValidationSession(host, "zh-CN", 10);
}

const text = (model: FakeWorkbookModel, sheet: string) => {
  const s = model.sheet(sheet)!;
  return [0, 1, 2, 3].map((r) => s.cell(r, 0)?.value ?? null);
};

describe("writing 「情况说明」", () => {
  it("replaces its own unchanged text, keeps an edited sheet and writes 「情况说明(2)」 instead", async () => {
    const model = fakeWorkbookFromSnapshot(fixture("seed-sichuan").snapshot);
    const session = setup(model);
    const first = await session.writeNarrative(["一、总体情况", "收入【请填写：上年收入】万元。"]);
    expect(first).toMatchObject({ sheet: "情况说明", replace: false, keptEdited: null });
    // Unchanged: a second write replaces it in place (one read sync, one write sync).
    const syncs = model.totalSyncs;
    const second = await session.writeNarrative(["一、总体情况", "收入 100 万元。", "新的一行"]);
    expect(second).toMatchObject({ sheet: "情况说明", replace: true, keptEdited: null });
    expect(model.totalSyncs - syncs).toBe(2);
    expect(text(model, "情况说明")).toEqual(["一、总体情况", "收入 100 万元。", "新的一行", null]);

    // The user fills something in: the next write goes to a new sheet and the edit survives.
    model.userEdit("情况说明", "A2", "收入 4163.20 万元，比上年增加 5%。");
    const third = await session.writeNarrative(["一、总体情况", "收入 200 万元。"]);
    expect(third).toMatchObject({ sheet: "情况说明(2)", replace: false, keptEdited: "情况说明" });
    expect(text(model, "情况说明")[1]).toBe("收入 4163.20 万元，比上年增加 5%。");
    expect(text(model, "情况说明(2)")).toEqual(["一、总体情况", "收入 200 万元。", null, null]);

    // (2) is still ours, untouched: the next write replaces (2), never the edited sheet.
    const fourth = await session.writeNarrative(["一、总体情况", "收入 300 万元。"]);
    expect(fourth).toMatchObject({ sheet: "情况说明(2)", replace: true, keptEdited: "情况说明" });
    expect(text(model, "情况说明")[1]).toBe("收入 4163.20 万元，比上年增加 5%。");
    expect(text(model, "情况说明(2)")[1]).toBe("收入 300 万元。");
    // A deleted line is an edit too.
    model.userEdit("情况说明(2)", "A2", "");
    expect((await session.writeNarrative(["x"])).sheet).toBe("情况说明(3)");
  });

  it("a 「情况说明」 the user wrote without us is never replaced; an empty one is reused", () => {
    const sheet = (values: (string | null)[][]) => ({ name: "情况说明", visibility: "visible" as const, origin: { row: 0, col: 0 }, values });
    const own = { sheets: [sheet([["我们单位自己写的说明"]])] };
    expect(sheetEdited(own, emptyState(), "情况说明")).toBe(true);
    expect(planNarrativeWrite(own, emptyState(), ["生成的"]).sheet).toBe("情况说明(2)");
    const empty = { sheets: [sheet([])] };
    expect(planNarrativeWrite(empty, emptyState(), ["生成的"])).toMatchObject({ sheet: "情况说明", replace: true, keptEdited: null });
  });
});
