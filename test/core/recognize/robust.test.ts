// Small inline cases for the PDF-export artefacts handled by recognition: header rows repeated at a page break,
// labels wrapped onto the next row (two-sided tables and indentation-only subject names).
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { recognize, cellOf, tableOf } from "../../../src/core/recognize";
import { book, merge, sheet } from "./build";

describe("PDF-export artefacts", () => {
  it("skips header rows repeated inside a coded table and keeps reading after them", () => {
    const head = [
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ];
    const s = sheet("表五", [
      ["一般公共预算财政拨款支出决算表"],
      [null, null, null, null, "单位：万元"],
      ...head,
      [null, "合计", "2,940.05", "2,336.91", "603.14"],
      ["201  ", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"],
      ...head,
      ["20106  ", "财政事务", "2,106.66", "1,503.52", "603.14"],
    ]);
    const t = tableOf(recognize(book(s)), "T5")!;
    expect(t.unplacedRows).toEqual([]);
    expect(cellOf(t, "20106", "basic")?.address).toBe("D7");
    expect(cellOf(t, "20106", "basic")?.reading).toEqual({ kind: "amount", value: 1503.52, decimals: 2 });
  });

  it("joins a two-sided label cut at the cell edge with its rest on the next row", () => {
    const s = sheet("表四", [
      ["财政拨款收入支出决算总表"],
      ["收入", null, "支出"],
      ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"],
      ["一、一般公共预算财政拨款", 2940.05, "一、一般公共服务支出", 2106.66, 2106.66, null],
      ["二、政府性基金预算财政拨", 12.5, "二、外交支出", null, null, null],
      ["款", null, null, null, null, null],
      [null, null, "七、文化旅游体育与传媒支", 833.39, 833.39, null],
      [null, null, "出", null, null, null],
    ], { merges: [merge(1, 0, 1, 1), merge(1, 2, 1, 5)] });
    const t = tableOf(recognize(book(s)), "T4")!;
    expect(cellOf(t, "inc_gf", "amount")?.address).toBe("B5");
    expect(cellOf(t, "207", "total")?.address).toBe("D7");
    expect(t.rows.find((r) => r.key === "inc_gf")?.label).toBe("二、政府性基金预算财政拨款");
    expect(t.unplacedRows).toEqual([]);
  });

  it("joins a wrapped subject name in an indentation-only table before looking up its code", () => {
    const s = sheet("表二", [
      ["收入决算表"],
      ["科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
      ["合计", 326.72, 326.72],
      ["社会保障和就业支出", 326.72, 326.72],
      ["\u3000\u3000行政事业单位养老支出", 326.72, 326.72],
      ["\u3000\u3000\u3000\u3000机关事业单位基本养老保", 160.75, 160.75],
      ["险缴费支出"],
      ["\u3000\u3000\u3000\u3000机关事业单位职业年金缴费支出", 165.97, 165.97],
    ]);
    const t = tableOf(recognize(book(s), { year: 2024 }), "T2")!;
    expect(cellOf(t, "2080505", "total")?.address).toBe("B6");
    expect(cellOf(t, "2080506", "total")?.address).toBe("B8");
    expect(t.unplacedRows).toEqual([]);
  });
});
