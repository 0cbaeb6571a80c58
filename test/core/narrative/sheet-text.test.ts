/** Narrative text read from a sheet (核对工作表中的说明) and the inputs-sheet plan (创建/补全说明数据表). */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { fixture } from "../../fixtures";
import { findNarrativeSheet, INPUT_KEYS, narrativeTextFromSheet, planInputsSheet } from "../../../src/core/narrative";
import { recognize } from "../../../src/core/recognize";
import type { WorkbookSnapshot } from "../../../src/core/workbook/snapshot";

describe("narrativeTextFromSheet", () => {
  it("joins every non-empty cell in row order with newlines", () => {
    const text = narrativeTextFromSheet({
      name: "情况说明",
      visibility: "visible",
      origin: { row: 2, col: 1 },
      values: [
        ["一、收入支出决算总体情况", null],
        [null, null],
        ["2019年度收入、支出总计4163.20", "   "],
        [null, "万元。"],
        [76.29, ""],
      ],
    });
    expect(text).toBe("一、收入支出决算总体情况\n2019年度收入、支出总计4163.20\n万元。\n76.29");
  });

  it("finds 「情况说明」 first, else a sheet whose name contains it", () => {
    const s = (name: string) => ({ name, visibility: "visible" as const, origin: { row: 0, col: 0 }, values: [[name]] });
    expect(findNarrativeSheet({ sheets: [s("附件情况说明"), s("情况说明")] })?.name).toBe("情况说明");
    expect(findNarrativeSheet({ sheets: [s("封面"), s("2019情况说明")] })?.name).toBe("2019情况说明");
    expect(findNarrativeSheet({ sheets: [s("封面")] })).toBeUndefined();
  });
});

describe("planInputsSheet", () => {
  const seed = fixture("seed-national"); // no 「说明数据」 sheet in this layout
  const recognition = recognize(seed.snapshot);

  it("creates the whole sheet, header first, pre-filled with what the tables give", () => {
    const plan = planInputsSheet(recognition, seed.snapshot);
    expect(plan).toMatchObject({ sheet: "说明数据", create: true, row: 0, col: 0 });
    expect(plan.rows[0]).toEqual({ 项目: "项目", 内容: "内容", 说明: "说明" });
    expect(plan.rows.slice(1).map((r) => r.项目)).toEqual(INPUT_KEYS.map((k) => k.key));
    expect(plan.rows.find((r) => r.项目 === "年度")?.内容).toBe(recognition.year);
  });

  it("on an existing sheet appends only the missing keys below the last used row, in its label column", () => {
    const existing: WorkbookSnapshot = {
      sheets: [
        ...seed.snapshot.sheets,
        {
          name: "说明数据",
          visibility: "visible",
          origin: { row: 1, col: 1 },
          values: [
            ["项目", "内容"],
            ["单位名称", "我的单位"],
            ["上年 因公出国(境)费", null], // present though empty: not appended again
            ["我的备注", "保留"],
          ],
        },
      ],
    };
    const plan = planInputsSheet(recognize(existing), existing);
    expect(plan).toMatchObject({ sheet: "说明数据", create: false, row: 5, col: 1 });
    const keys = plan.rows.map((r) => r.项目);
    expect(keys).not.toContain("项目");
    expect(keys).not.toContain("单位名称");
    expect(keys).not.toContain("上年因公出国（境）费");
    expect(keys).toHaveLength(INPUT_KEYS.length - 2);
    // The full template keeps what the user typed.
    expect(plan.template.find((r) => r.项目 === "单位名称")?.内容).toBe("我的单位");
  });

  it("nothing to add when every key is there", () => {
    const full = planInputsSheet(recognition, seed.snapshot).rows.map((r) => [r.项目, r.内容 === "" ? null : r.内容]);
    const snap: WorkbookSnapshot = { sheets: [...seed.snapshot.sheets, { name: "说明数据", visibility: "visible", origin: { row: 0, col: 0 }, values: full }] };
    expect(planInputsSheet(recognize(snap), snap).rows).toEqual([]);
  });
});
