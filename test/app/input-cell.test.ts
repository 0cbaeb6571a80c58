/** A placeholder of the narrative leads to the 「说明数据」 cell to fill in (the task pane selects it). */
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { inputCellOf } from "../../src/app/narrative";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";

const book = (name: string, origin: { row: number; col: number }, values: (string | number | null)[][]): WorkbookSnapshot =>
  ({ sheets: [{ name, origin, values, formats: [] }] }) as unknown as WorkbookSnapshot;

describe("inputCellOf", () => {
  it("is the content cell right of the item's label, wherever the sheet starts", () => {
    const rows = [["项目", "内容", "说明"], ["单位名称", "某局", null], ["车辆数", null, "期末实有车辆"]];
    expect(inputCellOf(book("说明数据", { row: 0, col: 0 }, rows), "车辆数")).toEqual({ sheet: "说明数据", address: "B3" });
    // a sheet written further down and to the right, with its name spaced as people type it
    expect(inputCellOf(book(" 说明 数据", { row: 4, col: 2 }, rows), "车辆数")).toEqual({ sheet: " 说明 数据", address: "D7" });
  });

  it("is undefined without the sheet or the item (the pane then says to create/complete the sheet)", () => {
    expect(inputCellOf(book("附表1", { row: 0, col: 0 }, [["车辆数", null]]), "车辆数")).toBeUndefined();
    expect(inputCellOf(book("说明数据", { row: 0, col: 0 }, [["单位名称", "某局"]]), "车辆数")).toBeUndefined();
    expect(inputCellOf(book("说明数据", { row: 0, col: 0 }, [["车辆数", null]]), "不是说明数据的项目")).toBeUndefined();
  });
});
