import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { recognize, cellOf, tableOf } from "../../../src/core/recognize";
import type { TableView } from "../../../src/core/recognize/types";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/workbook/snapshot";
import { book, merge, sheet, T1_ROWS } from "./build";

/** Value and address of (row key, role), for compact assertions. */
function at(t: TableView | undefined, key: string, role: Parameters<typeof cellOf>[2]) {
  const c = t ? cellOf(t, key, role) : undefined;
  if (!c) return undefined;
  const v = c.reading.kind === "amount" ? c.reading.value : c.reading.kind;
  return `${c.address}=${v}`;
}

const T1_SHEET = sheet(
  "表一",
  [["2024年度收入支出决算总表"], ["编制单位：上海市普陀区财政局", null, null, "单位：万元"], ["收入", null, "支出"], ["项目", "决算数", "项目", "决算数"], ...T1_ROWS],
  { merges: [merge(0, 0, 0, 3), merge(2, 0, 2, 1), merge(2, 2, 2, 3)] },
);

describe("two-sided tables", () => {
  const r = recognize(book(T1_SHEET));
  const t1 = tableOf(r, "T1");
  it("finds T1 with both sides, unit, year and unit name", () => {
    expect(t1).toMatchObject({ kind: "T1", variant: "national", unit: "万元", unitStated: true, year: 2024, empty: false });
    expect(r.year).toBe(2024);
    expect(r.unitName).toBe("上海市普陀区财政局");
    expect(t1!.confidence).toBeGreaterThan(0.9);
    expect(t1!.range).toEqual({ top: 0, left: 0, bottom: 17, right: 3 });
  });
  it("reads income items, expenditure class rows by name and the bottom block", () => {
    expect(at(t1, "inc_gpb", "amount")).toBe("B5=2940.05");
    expect(at(t1, "inc_other", "amount")).toBe("B12=6.2");
    expect(at(t1, "inc_gf", "amount")).toBe("B6=blank");
    expect(at(t1, "201", "amount")).toBe("D5=2106.66");
    expect(at(t1, "221", "amount")).toBe("D14=445.69");
    expect(at(t1, "inc_total_year", "amount")).toBe("B15=2946.25");
    expect(at(t1, "exp_total_year", "amount")).toBe("D15=2940.05");
    expect(at(t1, "inc_grand_total", "amount")).toBe("B18=2995.39");
    expect(at(t1, "exp_grand_total", "amount")).toBe("D18=2995.39");
    expect(t1!.rows.find((x) => x.key === "201")).toMatchObject({ kind: "code", level: 1, codeSystem: "function", side: "expenditure" });
    expect(t1!.missingRows).toEqual([]);
    expect(t1!.unplacedRows).toEqual([]);
  });
  it("keys T4's fund rows under 年初财政拨款结转和结余 separately", () => {
    const t4 = tableOf(
      recognize(
        book(
          sheet("财政拨款收入支出决算总表", [
            ["财政拨款收入支出决算总表"], [null, null, null, null, null, "单位：万元"], ["收入", null, "支出"],
            ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
            ["一、一般公共预算财政拨款", 2940.05, "一、一般公共服务支出", 2106.66, 2106.66],
            ["二、政府性基金预算财政拨款", null, "八、社会保障和就业支出", 326.71, 326.71],
            ["三、国有资本经营预算财政拨款", null, "九、卫生健康支出", 60.99, 60.99],
            ["本年收入合计", 2940.05, "本年支出合计", 2940.05, 2940.05],
            ["年初财政拨款结转和结余", 21.63, "年末财政拨款结转和结余", 21.63, 21.63],
            ["一、一般公共预算财政拨款", 21.63],
            ["二、政府性基金预算财政拨款", null],
            ["三、国有资本经营预算财政拨款", null],
            ["总计", 2961.68, "总计", 2961.68, 2961.68],
          ], { merges: [merge(0, 0, 0, 6), merge(2, 0, 2, 1), merge(2, 2, 2, 6)] }),
        ),
      ),
      "T4",
    );
    expect(at(t4, "inc_gpb", "amount")).toBe("B5=2940.05");
    expect(at(t4, "inc_begin_balance", "amount")).toBe("B9=21.63");
    expect(at(t4, "inc_begin_gpb", "amount")).toBe("B10=21.63");
    expect(at(t4, "inc_begin_gf", "amount")).toBe("B11=blank");
    expect(at(t4, "201", "gpb")).toBe("E5=2106.66");
    expect(at(t4, "exp_end_balance", "total")).toBe("D9=21.63");
    expect(at(t4, "exp_grand_total", "gpb")).toBe("E13=2961.68");
    expect(t4!.missingColumns).toEqual([]);
  });
  it("keys MOF 财决01 rows by 行次 when neither item nor 类 applies", () => {
    const r2 = recognize(
      book(
        sheet("Z01 收入支出决算总表(财决01表)", [
          ["收入支出决算总表"], [null, null, null, null, null, null, null, null, null, "金额单位：元"],
          ["项目", "行次", "年初预算数", "全年预算数", "决算数", "项目", "行次", "年初预算数", "全年预算数", "决算数"],
          ["栏次", null, 1, 2, 3, "栏次", null, 4, 5, 6],
          ["一、一般公共预算财政拨款收入", 1, 100, 110, 109, "一、一般公共服务支出", 32, 100, 100, 99],
          ["本年收入合计", 27, 100, 110, 109, "本年支出合计", 58, 100, 100, 99],
          ["其中：人员经费", 9, 1, 1, 1, "基本支出", 60, 0, 0, 0],
        ]),
      ),
    );
    const z = tableOf(r2, "Z01");
    expect(z).toMatchObject({ variant: "mof-Z01", unit: "元" });
    expect(at(z, "inc_gpb", "final")).toBe("E5=109");
    expect(at(z, "201", "budget_initial")).toBe("H5=100");
    expect(at(z, "L60", "final")).toBe("J7=0");
    expect(z!.rows.find((x) => x.key === "exp_total_year")?.lineNo).toBe(58);
  });
});

describe("coded tables", () => {
  it("reads MOF split 类|款|项 codes with blank parents, 栏次 rows and 元", () => {
    const r = recognize(
      book(
        sheet("Z03 收入决算表(财决03表)", [
          [null, null, null, null, null, "财决03表"], ["收入决算表"], ["", "", "", "", "金额单位：元"],
          ["项目", null, null, null, "本年收入合计", "财政拨款收入", null, "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
          ["支出功能分类科目编码", null, null, "科目名称", null, "小计", "一般公共预算财政拨款"],
          ["类", "款", "项"],
          ["栏次", null, null, null, 1, 2, 3, 4, 5, 6, 7, 8],
          ["合计", null, null, null, 1000, 900, 900, null, null, null, null, 100],
          [201, null, null, "一般公共服务支出", 1000, 900, 900, null, null, null, null, 100],
          [null, 3, null, "政府办公厅（室）及相关机构事务", 1000, 900, 900],
          [null, null, "01", "行政运行", 800, 800, 800],
          [null, null, 2, "一般行政管理事务", 200, 100, 100, null, null, null, null, 100],
        ], { merges: [merge(3, 0, 3, 3), merge(4, 0, 4, 2), merge(3, 5, 3, 6), merge(3, 4, 5, 4), merge(3, 7, 5, 7)] }),
      ),
    );
    const t = tableOf(r, "T2");
    expect(t).toMatchObject({ variant: "mof-Z03", unit: "元" });
    expect(t!.rows.map((x) => x.key)).toEqual(["total", "201", "20103", "2010301", "2010302"]);
    expect(at(t, "2010302", "other")).toBe("L12=100");
    expect(at(t, "20103", "gpb")).toBe("G10=900");
    expect(at(t, "total", "fiscal")).toBe("F8=900");
    expect(t!.rows.find((x) => x.key === "201")?.role).toBe("subtotal");
    expect(t!.rows.find((x) => x.key === "2010301")?.role).toBe("item");
  });

  it("reads codes in the name cell, text numbers and reports text in amount cells", () => {
    const r = recognize(
      book(
        sheet("Sheet3", [
          [], ["附件2"], ["  2019年 部门 收入决算表 "], ["单位:万元"],
          ["科目编码及名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
          ["合  计", "４，０５１．１８", "4050.15", "-", "—", "/", null, "1.03"],
          ["201 一般公共服务支出", "'3000.00", 3000],
          ["20103 政府办公厅（室）及相关机构事务", "(12.00)", "见附表"],
          ["2010301  行政运行", 3000, 3000],
          ["其他乱七八糟", 5],
          ["注：本表按功能分类列示。"],
        ]),
      ),
    );
    const t = tableOf(r, "T2")!;
    expect(t.year).toBe(2019);
    expect(at(t, "total", "total")).toBe("B6=4051.18");
    expect(at(t, "total", "superior")).toBe("D6=blank");
    expect(at(t, "201", "total")).toBe("B7=3000");
    expect(at(t, "20103", "total")).toBe("B8=-12");
    expect(at(t, "2010301", "fiscal")).toBe("C9=3000");
    expect(t.unplacedRows).toEqual([{ label: "其他乱七八糟", sheetRow: 9 }]);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: "unreadable-cell", sheet: "Sheet3", address: "C8", text: "见附表" }));
    expect(r.issues).toContainEqual(expect.objectContaining({ code: "unplaced-row", sheet: "Sheet3", text: "其他乱七八糟" }));
  });

  it("merges side-by-side panels of 基本支出表 and reads 公用经费合计 merged across panels", () => {
    const r = recognize(
      book(
        sheet("表六", [
          ["一般公共预算财政拨款基本支出决算表"],
          [null, null, null, null, null, null, null, null, "单位：万元"],
          ["人员经费", null, null, "公用经费"],
          ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
          ["301", "工资福利支出", 2346.23, "302", "商品和服务支出", 471.22, "310", "资本性支出", 23.46],
          ["30101", "基本工资", 400, "30201", "办公费", 20, "31002", "办公设备购置", 23.46],
          ["303", "对个人和家庭的补助", 400, null, null, null, null, null, null],
          ["人员经费合计", null, 2746.23, "公用经费合计", null, null, null, null, 494.68],
        ], { merges: [merge(0, 0, 0, 8), merge(2, 0, 2, 2), merge(2, 3, 2, 8), merge(7, 0, 7, 1), merge(7, 3, 7, 7)] }),
      ),
    );
    const t = tableOf(r, "T6")!;
    expect(t.rows.map((x) => x.key).sort()).toEqual(["301", "30101", "302", "30201", "303", "310", "31002", "personnel_total", "public_total"].sort());
    expect(at(t, "302", "amount")).toBe("F5=471.22");
    expect(at(t, "31002", "amount")).toBe("I6=23.46");
    expect(at(t, "personnel_total", "amount")).toBe("C8=2746.23");
    expect(at(t, "public_total", "amount")).toBe("I8=494.68");
    expect(t.unplacedRows).toEqual([]);
  });

  it("tells 财决08 (function codes) from Sichuan's 明细表 (economic codes) by the codes", () => {
    const rows: CellValue[][] = [
      ["一般公共预算财政拨款支出决算明细表"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["合计", null, 30, 20, 10], ["2010301", "行政运行", 20, 20, null], ["2010302", "一般行政管理事务", 10, null, 10],
    ];
    const z08 = recognize(book(sheet("Z08 一般公共预算财政拨款支出决算明细表(财决08表)", rows)));
    expect(z08.tables.map((t) => `${t.kind}/${t.variant}`)).toEqual(["T5/mof-Z08"]);
    const econ = rows.map((r) => [...r]);
    econ[3][0] = "30101";
    econ[4][0] = "30201";
    const sc7 = recognize(book(sheet("附表7", econ)));
    expect(sc7.tables.map((t) => `${t.kind}/${t.variant}`)).toEqual(["SC7/sichuan"]);
  });

  it("keys rows printed by name only (indentation, no codes) through the subjects code book", () => {
    const r = recognize(
      book(
        sheet("支出", [
          ["一般公共预算财政拨款支出决算表"], ["项目", "合计", "基本支出", "项目支出"],
          ["合计", 100, 60, 40],
          ["一般公共服务支出", 100, 60, 40],
          ["  政府办公厅（室）及相关机构事务", 100, 60, 40],
          ["    行政运行", 60, 60, null],
          ["    一般行政管理事务", 40, null, 40],
          ["社会保障和就业支出", 5, 5],
          ["  行政事业单位养老支出", 5, 5],
          ["    机关事业单位基本养老保险缴费支出", 5, 5],
        ]),
      ),
      { year: 2024 },
    );
    const t = tableOf(r, "T5")!;
    expect(t.rows.map((x) => x.key)).toEqual(["total", "201", "20103", "2010301", "2010302", "208", "20805", "2080505"]);
    expect(at(t, "2010302", "project")).toBe("D7=40");
    expect(t.unplacedRows).toEqual([]);
  });

  it("uses an injected 类 look-up for two-sided tables", () => {
    const r = recognize(book(T1_SHEET), { classCodeByName: (label) => (label === "一般公共服务支出" ? "299" : undefined) });
    expect(at(tableOf(r, "T1"), "299", "amount")).toBe("D5=2106.66");
    expect(at(tableOf(r, "T1"), "208", "amount")).toBe("D12=326.71"); // built-in table as fallback
  });

  it("does not take MOF 财决02 收入支出决算表 for the 支出决算表", () => {
    const r = recognize(
      book(
        sheet("Z02 收入支出决算表(财决02表)", [
          ["收入支出决算表"], ["科目编码", "科目名称", "本年收入合计", "本年支出合计", "基本支出", "项目支出"],
          ["合计", null, 30, 30, 20, 10], ["2010301", "行政运行", 30, 30, 20, 10],
        ]),
      ),
    );
    expect(r.tables).toEqual([]);
    expect(r.ignoredSheets).toEqual([{ sheet: "Z02 收入支出决算表(财决02表)", reason: "unknown-table" }]);
  });

  it("recognises a table with no title by its header and codes, with lower confidence", () => {
    const r = recognize(
      book(
        sheet("数据", [
          ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
          ["合计", null, 30, 20, 10],
          ["2010301", "行政运行", 20, 20],
          ["2010302", "一般行政管理事务", 10, null, 10],
        ]),
      ),
    );
    expect(r.tables.map((t) => t.kind)).toEqual(["T3"]);
    expect(r.tables[0].confidence).toBeLessThan(0.9);
    expect(at(r.tables[0], "2010302", "project")).toBe("E4=10");
  });

  it("reports a missing column and still reads the others", () => {
    const r = recognize(
      book(sheet("支出决算表", [["支出决算表"], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], ["合计", null, 30, 20, 10], ["2010301", "行政运行", 30, 20, 10]])),
    );
    const t = tableOf(r, "T3")!;
    expect(t.missingColumns.sort()).toEqual(["operating_exp", "subsidy", "upper"]);
    expect(at(t, "2010301", "basic")).toBe("D4=20");
    expect(r.issues.filter((i) => i.code === "missing-column")).toHaveLength(3);
  });
});

describe("fixed-item tables", () => {
  it("reads the 三公 table with items across a merged header", () => {
    const r = recognize(
      book(
        sheet("表七", [
          ["财政拨款“三公”经费支出决算表"], [null, null, null, null, null, null, null, null, null, null, null, "单位：万元"],
          ["财政拨款“三公”经费"],
          ["合计", null, "因公出国（境）费", null, "公务用车购置及运行费", null, null, null, null, null, "公务接待费"],
          [null, null, null, null, "小计", null, "公务用车购置费", null, "公务用车运行费"],
          ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
          [53.93, 37.35, null, null, 52.4, 37.35, 25, 25, 27.4, 12.35, 1.53, 0],
        ], { merges: [merge(2, 0, 2, 11), merge(3, 0, 4, 1), merge(3, 2, 4, 3), merge(3, 4, 3, 9), merge(4, 4, 4, 5), merge(4, 6, 4, 7), merge(4, 8, 4, 9), merge(3, 10, 4, 11)] }),
      ),
    );
    const t = tableOf(r, "T7")!;
    expect(at(t, "sg_total", "budget")).toBe("A7=53.93");
    expect(at(t, "sg_total", "final")).toBe("B7=37.35");
    expect(at(t, "sg_abroad", "final")).toBe("D7=blank");
    expect(at(t, "sg_vehicle", "final")).toBe("F7=37.35");
    expect(at(t, "sg_vehicle_purchase", "budget")).toBe("G7=25");
    expect(at(t, "sg_vehicle_operation", "final")).toBe("J7=12.35");
    expect(at(t, "sg_reception", "final")).toBe("L7=0");
    expect(t.range.right).toBe(11);
  });

  it("reads a 三公 table with items across and 预算数/决算数 as rows", () => {
    const t = tableOf(
      recognize(
        book(
          sheet("三公", [
            ["财政拨款“三公”经费支出决算表"], ["单位：万元"],
            ["项目", "合计", "因公出国（境）费", "公务用车购置及运行维护费", null, null, "公务接待费"],
            [null, null, null, "小计", "公务用车购置费", "公务用车运行维护费"],
            ["预算数", 20, 0, 15, 0, 15, 5],
            ["决算数", 16, 0, 12, 0, 12, 4],
          ], { merges: [merge(2, 3, 2, 5), merge(2, 0, 3, 0), merge(2, 1, 3, 1), merge(2, 2, 3, 2), merge(2, 6, 3, 6)] }),
        ),
      ),
      "T7",
    )!;
    expect(at(t, "sg_total", "budget")).toBe("B5=20");
    expect(at(t, "sg_total", "final")).toBe("B6=16");
    expect(at(t, "sg_vehicle", "final")).toBe("D6=12");
    expect(at(t, "sg_vehicle_operation", "budget")).toBe("F5=15");
    expect(at(t, "sg_reception", "final")).toBe("G6=4");
  });

  it("reads a vertical 三公 table (items down the rows)", () => {
    const t = tableOf(
      recognize(
        book(
          sheet("三公", [
            ["2019年度一般公共预算财政拨款“三公”经费支出决算表"], ["项目", "预算数", "决算数"],
            ["合计", 20, 16], ["1.因公出国（境）费", 0, 0], ["2.公务用车购置及运行维护费", 15, 12],
            ["其中：公务用车购置费", 0, 0], ["公务用车运行维护费", 15, 12], ["3.公务接待费", 5, 4],
          ]),
        ),
      ),
      "T7",
    )!;
    expect(t.variant).toBe("sichuan");
    expect(at(t, "sg_vehicle", "budget")).toBe("B5=15");
    expect(at(t, "sg_reception", "final")).toBe("C8=4");
    expect(t.missingRows).toEqual([]);
  });

  it("reads F03 items placed in two label/value blocks", () => {
    const t = tableOf(
      recognize(
        book(
          sheet("F03 机构运行信息表(财决附03表)", [
            ["机构运行信息表"], [null, null, null, null, "金额单位：元"],
            ["项目", "行次", "金额", "项目", "行次", "数量"],
            ["机关运行经费", 1, 1846500.12, "车辆数", 20, 3],
            ["政府采购支出总额", 2, 120000, "其中：公务用车", 21, 3],
            ["  货物", 3, "100,000.00"],
          ]),
        ),
      ),
      "F03",
    )!;
    expect(t.unit).toBe("元");
    expect(at(t, "f_admin_cost", "amount")).toBe("C4=1846500.12");
    expect(at(t, "f_vehicles", "amount")).toBe("F4=3");
    expect(at(t, "f_procurement_goods", "amount")).toBe("C6=100000");
  });
});

describe("empty tables, several tables per sheet, odd input", () => {
  const stacked = sheet("部门决算公开", [
    ["政府性基金预算财政拨款收入支出决算表"], [null, null, null, null, null, "单位：万元"],
    ["项目", null, null, null, "年初结转和结余", "本年收入", "本年支出", null, null, "年末结转和结余"],
    ["支出功能分类科目编码", null, null, "科目名称", null, null, "小计", "基本支出", "项目支出"],
    ["类", "款", "项"], ["合计"],
    ["注：本单位无政府性基金预算财政拨款支出，故本表无数据。"],
    [],
    ["国有资本经营预算财政拨款收入支出决算表"], [null, null, null, null, null, "单位：万元"],
    ["项目", null, null, null, "年初结转和结余", "本年收入", "本年支出", null, null, "年末结转和结余"],
    ["支出功能分类科目编码", null, null, "科目名称", null, null, "小计", "基本支出", "项目支出"],
    ["类", "款", "项"], ["合计"],
    ["说明：本单位本年度没有国有资本经营预算财政拨款收入和支出。"],
  ], {
    merges: [merge(2, 0, 2, 3), merge(3, 0, 3, 2), merge(2, 6, 2, 8), merge(10, 0, 10, 3), merge(11, 0, 11, 2), merge(10, 6, 10, 8)],
    origin: { row: 3, col: 2 },
    visibility: "hidden",
  });

  it("finds two empty tables in one (hidden, offset) sheet", () => {
    const r = recognize(book(stacked));
    expect(r.tables.map((t) => [t.kind, t.empty, t.sheetVisibility])).toEqual([
      ["T8", true, "hidden"],
      ["T9", true, "hidden"],
    ]);
    expect(r.tables[1].range.top).toBe(11);
    expect(at(r.tables[0], "total", "exp_total")).toBe("I9=blank");
    expect(r.tables[0].missingRows).toEqual([]);
  });

  it("splits tables titled side by side in one row", () => {
    const r = recognize(
      book(
        sheet("并列", [
          ["政府性基金预算财政拨款收入支出决算表", null, null, null, null, null, null, null, null, null, null, "国有资本经营预算财政拨款收入支出决算表"],
          ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余", null, null, null, "科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余"],
          ["合计", null, 0, 5, 5, 0, 5, 0, null, null, null, "合计", null, 0, 2, 2, 0, 2, 0],
          ["2080801", "死亡抚恤", 0, 5, 5, 0, 5, 0, null, null, null, "2230199", "其他解决历史遗留问题及改革成本支出", 0, 2, 2, 0, 2, 0],
        ], { merges: [merge(0, 0, 0, 7), merge(0, 11, 0, 18)] }),
      ),
    );
    expect(r.tables.map((t) => t.kind)).toEqual(["T8", "T9"]);
    expect(at(r.tables[0], "2080801", "income")).toBe("D4=5");
    expect(at(r.tables[1], "2230199", "exp_project")).toBe("R4=2");
    expect(r.tables[1].range.left).toBe(11);
  });

  it("gives one no-tables issue for a workbook without 财决 tables", () => {
    const r = recognize(book(sheet("说明", [["部门决算情况说明"], ["2019年度收、支总计4163.20万元。"]]), sheet("空", []), sheet("1", [[5]])));
    expect(r.tables).toEqual([]);
    expect(r.issues).toEqual([{ code: "no-tables" }]);
    expect(r.ignoredSheets.map((s) => s.sheet)).toEqual(["说明", "空", "1"]);
    expect(r.ignoredSheets.find((s) => s.sheet === "空")?.reason).toBe("empty");
  });

  it("never throws on malformed snapshots", () => {
    const weird = [
      { sheets: [] },
      { sheets: [{ name: "x", visibility: "visible", origin: { row: 0, col: 0 }, values: [] }] },
      { sheets: [{ name: "x", visibility: "visible", origin: { row: 0, col: 0 }, values: [[null]] }] },
      { sheets: [{ name: "收入决算表", visibility: "visible", origin: { row: 5, col: 5 }, values: [["收入决算表"], [1, 2, 3, 4], ["a"]] }] },
      { sheets: [{ name: "y", visibility: "visible", origin: { row: 0, col: 0 }, values: [[true, false, "#REF!"], [null, 1e300, -0]], merges: [{ top: 9, left: 9, bottom: 1, right: 1 }] }] },
      { sheets: [{ name: "支出决算表", visibility: "visible", origin: { row: 0, col: 0 }, values: [["支出决算表"], ["科目编码", "科目名称", "本年支出合计"], ["合计"]] }] },
      {} as WorkbookSnapshot,
      { sheets: [{ name: "z" } as unknown as WorkbookSnapshot["sheets"][number]] },
    ] as WorkbookSnapshot[];
    for (const w of weird) expect(() => recognize(w)).not.toThrow();
  });

  it("prefers a visible table over a hidden copy and flags the duplicate", () => {
    const rows: CellValue[][] = [["支出决算表"], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], ["合计", null, 30, 20, 10]];
    const hidden = sheet("旧表", rows.map((r) => [...r]), { visibility: "hidden" });
    const visible = sheet("表三", rows);
    const r = recognize(book(hidden, visible));
    expect(tableOf(r, "T3")?.sheet).toBe("表三");
    expect(r.issues.filter((i) => i.code === "duplicate-table")).toHaveLength(1);
  });

  it("flags a stated unit that conflicts within a table's title area", () => {
    const r = recognize(book(sheet("表三", [["支出决算表"], ["单位：万元", null, "金额单位：元"], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], ["2010301", "行政运行", 30, 20, 10]])));
    expect(r.issues.some((i) => i.code === "unit-unknown")).toBe(true);
  });

  it("flags a table with no stated unit when the rest of the workbook states another unit", () => {
    const yuan = sheet("收入决算表", [["收入决算表"], ["金额单位：元"], ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], ["合计", null, 10, 10]]);
    const unstated = sheet("支出决算表", [["支出决算表"], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], ["合计", null, 10, 10]]);
    const r = recognize(book(yuan, unstated));
    expect(tableOf(r, "T2")).toMatchObject({ unit: "元", unitStated: true });
    expect(tableOf(r, "T3")).toMatchObject({ unit: "万元", unitStated: false });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: "unit-unknown", sheet: "支出决算表", kind: "T3" }));
  });

  it("prefers Sichuan variants when the rest of the workbook is Sichuan", () => {
    const sc5 = sheet("附表5", [["财政拨款支出决算明细表（政府经济分类科目）"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["合计", null, 10, 10, 0], ["50101", "工资奖金津补贴", 10, 10, 0]]);
    // 「表一」 in a sheet name is a national hint; an unnumbered copy ties between the two variants.
    const t1 = { ...T1_SHEET, name: "收支总表" };
    const r = recognize(book(t1, sc5));
    expect(r.tables.map((t) => `${t.kind}/${t.variant}`)).toEqual(["T1/sichuan", "SC5/sichuan"]);
  });
});

describe("performance", () => {
  it("recognises a coded sheet in linear-ish time (16× the rows take well under 256× the time)", () => {
    const workbookOf = (n: number) => {
      const rows: CellValue[][] = [["支出决算表"], ["单位：万元"], ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], ["合计", null, 1, 1, 0]];
      for (let i = 0; i < n; i++) rows.push([String((201 + (i % 30)) * 10000 + i), `支出${i}`, 12.34, 10, 2.34, null, null, null]);
      return book(sheet("支出决算表", rows));
    };
    const small = workbookOf(1000);
    const large = workbookOf(16000);
    expect(recognize(large).tables[0].rows).toHaveLength(16001);
    // Best of five, the two sizes alternated in one run, so load and GC pauses hit both alike.
    recognize(small); // warm-up (JIT)
    let bestSmall = Number.POSITIVE_INFINITY;
    let bestLarge = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      let t0 = performance.now();
      recognize(small);
      bestSmall = Math.min(bestSmall, performance.now() - t0);
      t0 = performance.now();
      recognize(large);
      bestLarge = Math.min(bestLarge, performance.now() - t0);
    }
    // linear is ~16, quadratic ~256: a wide gap, so a loaded machine (ratios off by 3× seen) cannot blur it
    expect(bestLarge / bestSmall).toBeLessThan(64);
  });
});
