/** The inputs sheet 「说明数据」: label matching, typed values with provenance, and the pre-filled template. */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { seed2019 } from "../../fixtures/data/seed2019";
import { buildInputsSheetTemplate, INPUT_KEYS, parseInputsSheet } from "../../../src/core/narrative";
import type { WorkbookSnapshot } from "../../../src/core/workbook/snapshot";
import { recognitionFromDataset } from "./dataset-views";

function sheet(name: string, values: (string | number | null)[][], origin = { row: 0, col: 0 }): WorkbookSnapshot {
  return { sheets: [{ name, visibility: "visible", origin, values }] };
}

describe("parseInputsSheet", () => {
  it("matches labels after normalising spaces, brackets, quotes and colons; keeps the row as provenance", () => {
    const snap = sheet(
      " 说明数据 ",
      [
        ["项目", "内容", "说明"],
        ["上年 因公出国(境)费：", "9.94", null],
        [null, "上年收、支总计", 6883.94],
        ["上年三公经费合计", "1,234.50", null],
        ["收支总计变动原因", "  机构改革  ", null],
        ["年度", 2019, null],
        ["自定义备注", "x", null],
        ["上年公务接待费", "六点七", null],
        ["上年机关运行经费", null, null],
      ],
      { row: 2, col: 1 },
    );
    const inputs = parseInputsSheet(snap);
    expect(inputs.sheet).toBe(" 说明数据 ");
    expect(inputs.entries["上年因公出国（境）费"]).toMatchObject({ number: 9.94, source: { inputsRow: 4, address: "C4", key: "上年因公出国（境）费" } });
    // label in the second column (first one empty): content is the next cell
    expect(inputs.entries["上年收入支出总计"]).toMatchObject({ number: 6883.94, source: { address: "D5" } });
    expect(inputs.entries["上年“三公”经费合计"].number).toBe(1234.5);
    expect(inputs.entries["收支总计变动原因"].text).toBe("机构改革");
    expect(inputs.entries["年度"].number).toBe(2019);
    expect(inputs.unknown).toEqual([{ label: "自定义备注", row: 9 }]);
    expect(inputs.invalid).toEqual([{ key: "上年公务接待费", row: 10, text: "六点七" }]);
    expect(inputs.entries["上年机关运行经费"]).toBeUndefined();
  });

  it("gives empty inputs when the sheet is absent", () => {
    expect(parseInputsSheet(sheet("Sheet1", [["a"]])).entries).toEqual({});
  });
});

describe("buildInputsSheetTemplate", () => {
  it("lists every key once, pre-filled from the tables and from what the user typed", () => {
    const d = seed2019();
    const typed = parseInputsSheet(sheet("说明数据", [["上年公务接待费", 6.7], ["机关运行经费", 500]]));
    const rows = buildInputsSheetTemplate(recognitionFromDataset(d), typed);
    expect(rows[0]).toEqual({ 项目: "项目", 内容: "内容", 说明: "说明" });
    expect(rows.slice(1).map((r) => r.项目)).toEqual(INPUT_KEYS.map((k) => k.key));
    const get = (k: string) => rows.find((r) => r.项目 === k)!;
    expect(get("单位名称").内容).toBe("攀枝花市人民政府办公室");
    expect(get("年度").内容).toBe(2019);
    expect(get("政府采购支出总额")).toMatchObject({ 内容: 46.42 });
    expect(get("政府采购支出总额").说明).toContain("已按报表自动填入");
    expect(get("机关运行经费").内容).toBe(500); // the user's value wins over 财决附03表
    expect(get("上年公务接待费").内容).toBe(6.7);
    expect(get("上年收入支出总计").内容).toBe("");
  });

  it("includes a reason key for every change the templates describe", () => {
    const keys = INPUT_KEYS.map((k) => k.key);
    for (const k of ["收支总计变动原因", "财政拨款收入变动原因", "财政拨款支出变动原因", "一般公共预算财政拨款支出变动原因", "因公出国（境）费变动原因", "公务用车购置及运行维护费变动原因", "公务接待费变动原因", "机关运行经费变动原因"])
      expect(keys).toContain(k);
  });
});
