import { expect } from "../../support/expect";
import { describe, it } from "mocha";

import { codeLevel, codeSystemOf, joinSplitCode, leadingCode, twoDigitPart, type SplitCodeContext } from "../../../src/core/recognize/codes";
import { headerColumns, isLineNumberRow, matchColumn } from "../../../src/core/recognize/header";
import { Grid } from "../../../src/core/recognize/grid";
import { saysEmpty, sheetHintDefs, titleUnitYear, unitIn, unitNameIn, yearIn } from "../../../src/core/recognize/meta";
import { TABLE_DEFS, defOf } from "../../../src/core/catalog";
import { merge, sheet } from "./build";
import { matchText, rowLabelKey, stripNumbering } from "../../../src/core/text/keys";

describe("label normalisation", () => {
  it("maps full-width to half-width and strips spaces and quotes", () => {
    expect(matchText("因公出国（境）费")).toBe("因公出国(境)费");
    expect(matchText(" 本年 收入\n合计 ")).toBe("本年收入合计");
    expect(matchText("财政拨款“三公”经费")).toBe("财政拨款三公经费");
    expect(matchText("Ｚ０３")).toBe("z03");
  });
  it("strips numbering prefixes and 其中", () => {
    expect(rowLabelKey("一、一般公共预算财政拨款收入")).toBe("一般公共预算财政拨款收入");
    expect(rowLabelKey("十九、住房保障支出")).toBe("住房保障支出");
    expect(rowLabelKey("1.基本工资")).toBe("基本工资");
    expect(rowLabelKey("2、办公费")).toBe("办公费");
    expect(rowLabelKey("（一）一般公共服务")).toBe("一般公共服务");
    expect(rowLabelKey("①公务用车购置费")).toBe("公务用车购置费");
    expect(rowLabelKey("  其中：授予小微企业合同金额")).toBe("授予小微企业合同金额");
    expect(rowLabelKey("本年收入合计：")).toBe("本年收入合计");
  });
  it("keeps numbers that are not numbering", () => {
    expect(stripNumbering("2010301行政运行")).toBe("2010301行政运行");
    expect(stripNumbering("1.5")).toBe("1.5");
  });
});

describe("subject codes", () => {
  it("tells code systems and levels apart", () => {
    expect(codeSystemOf("2010301")).toBe("function");
    expect(codeSystemOf("30101")).toBe("economic");
    expect(codeSystemOf("50101")).toBe("economic");
    expect(codeSystemOf("1030101")).toBeUndefined();
    expect(codeLevel("201")).toBe(1);
    expect(codeLevel("20103")).toBe(2);
    expect(codeLevel("2010301")).toBe(3);
    expect(codeLevel("2010")).toBeUndefined();
  });
  it("reads a code at the start of a name cell", () => {
    expect(leadingCode("2010301行政运行")).toEqual({ code: "2010301", rest: "行政运行" });
    expect(leadingCode("201-一般公共服务支出")).toEqual({ code: "201", rest: "一般公共服务支出" });
    expect(leadingCode("20103")).toEqual({ code: "20103", rest: "" });
    expect(leadingCode("2019年度")).toBeUndefined();
    expect(leadingCode("[2010301]行政运行")).toEqual({ code: "2010301", rest: "行政运行" });
    expect(leadingCode("【201】一般公共服务支出")).toEqual({ code: "201", rest: "一般公共服务支出" });
    expect(leadingCode("201-03-01行政运行")).toEqual({ code: "2010301", rest: "行政运行" });
    expect(leadingCode("201.03政府办公厅(室)及相关机构事务")).toEqual({ code: "20103", rest: "政府办公厅(室)及相关机构事务" });
    expect(leadingCode("12.50")).toBeUndefined();
    expect(leadingCode("123.45")).toBeUndefined();
    expect(leadingCode("201.03")).toBeUndefined(); // an amount as text, not 20103 without a name
  });
  it("pads 款/项 parts stored as numbers", () => {
    expect(twoDigitPart(3)).toBe("03");
    expect(twoDigitPart("05")).toBe("05");
    expect(twoDigitPart("123")).toBeUndefined();
  });
  it("joins 类|款|项 with blank parents as MOF exports print them", () => {
    const ctx: SplitCodeContext = {};
    expect(joinSplitCode(201, null, null, ctx)).toBe("201");
    expect(joinSplitCode(null, "03", null, ctx)).toBe("20103");
    expect(joinSplitCode(null, null, 1, ctx)).toBe("2010301");
    expect(joinSplitCode(null, null, "02", ctx)).toBe("2010302");
    expect(joinSplitCode("208", "05", "05", ctx)).toBe("2080505");
    expect(joinSplitCode(null, "11", null, ctx)).toBe("20811");
    expect(joinSplitCode("2210201", null, null, ctx)).toBe("2210201");
    expect(joinSplitCode(null, null, null, ctx)).toBeUndefined();
  });
});

describe("header blocks", () => {
  const g = new Grid(
    sheet("h", [
      ["项目", null, null, null, "本年支出", null, null],
      ["支出功能分类科目编码", null, null, "科目名称", "小计", "基本支出", "项目支出"],
      ["类", "款", "项"],
      ["栏次", null, null, null, 1, 2, 3],
    ], { merges: [merge(0, 0, 0, 3), merge(1, 0, 1, 2), merge(1, 3, 2, 3), merge(0, 4, 0, 6), merge(1, 4, 2, 4), merge(1, 5, 2, 5), merge(1, 6, 2, 6)] }),
  );
  const cols = headerColumns(g, 0, 2, undefined, 0, 6);
  it("joins parent and child header texts, carrying merged cells", () => {
    expect(cols.map((c) => c.joined)).toEqual([
      "项目支出功能分类科目编码类", "项目支出功能分类科目编码款", "项目支出功能分类科目编码项", "项目科目名称",
      "本年支出小计", "本年支出基本支出", "本年支出项目支出",
    ]);
    expect(cols.map((c) => c.structural)).toEqual(["class", "kuan", "xiang", "name", undefined, undefined, undefined]);
  });
  it("matches joined headers to column roles, preferring the most specific alias", () => {
    const t8 = defOf("T8", "national")!;
    expect(cols.slice(4).map((c) => matchColumn(c, t8.columns)?.role)).toEqual(["exp_total", "exp_basic", "exp_project"]);
  });
  it("recognises 栏次 rows", () => {
    expect(isLineNumberRow(g, 3, 0, 6)).toBe(true);
    expect(isLineNumberRow(g, 1, 0, 6)).toBe(false);
    const g2 = new Grid(sheet("n", [["甲", "乙", 1, 2, 3, 4], [null, null, 1, 5, 3]]));
    expect(isLineNumberRow(g2, 0, 0, 5)).toBe(true);
    expect(isLineNumberRow(g2, 1, 0, 5)).toBe(false);
  });
});

describe("text around tables", () => {
  it("reads units", () => {
    expect(unitIn(matchText("单位：万元"))).toBe("万元");
    expect(unitIn(matchText("金额单位：元"))).toBe("元");
    expect(unitIn(matchText("单位:元"))).toBe("元");
    expect(unitIn(matchText("决算数（万元）"))).toBe("万元");
    expect(unitIn(matchText("编制单位：某某局"))).toBeUndefined();
  });
  it("reads years and unit names", () => {
    expect(yearIn(matchText("2019年度攀枝花市人民政府办公室部门决算"))).toBe(2019);
    expect(yearIn(matchText("2025 年度"))).toBe(2025);
    expect(yearIn("收入决算表")).toBeUndefined();
    expect(unitNameIn("编制单位：上海市普陀区财政局")).toBe("上海市普陀区财政局");
    expect(unitNameIn("编制单位：攀枝花市人民政府办公室    单位：万元")).toBe("攀枝花市人民政府办公室");
  });
  it("recognises no-data sentences", () => {
    expect(saysEmpty(matchText("注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"))).toBe(true);
    expect(saysEmpty(matchText("说明：本单位本年度没有国有资本经营预算财政拨款收入和支出。"))).toBe(true);
    expect(saysEmpty(matchText("（此表无数据）"))).toBe(true);
    expect(saysEmpty(matchText("单位：万元"))).toBe(false);
    expect(saysEmpty(matchText("本单位无政府性基金预算财政拨款收支。"))).toBe(true);
    expect(saysEmpty(matchText("本单位2024年度未发生财政拨款“三公”经费支出。"))).toBe(true);
    expect(saysEmpty(matchText("本部门不涉及国有资本经营预算财政拨款支出"))).toBe(true);
    expect(saysEmpty(matchText("说明：本年度未安排国有资本经营预算资金。"))).toBe(true);
    // subject names are not notes
    expect(saysEmpty(matchText("无偿援助支出"))).toBe(false);
    expect(saysEmpty(matchText("其他无形资产购置"))).toBe(false);
  });
  it("reads sheet-name hints as whole tokens", () => {
    const ids = (name: string) => sheetHintDefs(name, TABLE_DEFS).map((d) => `${d.kind}/${d.variant}`);
    expect(ids("Z01 收入支出决算总表(财决01表)")).toContain("Z01/mof-Z01");
    expect(ids("Z01_1 财政拨款收入支出决算总表(财决01-1表)")).toEqual(["T4/mof-Z01_1"]);
    expect(ids("附表1")).not.toContain("T8/sichuan");
    expect(ids("附表11")).toContain("T8/sichuan");
    expect(ids("附表11")).not.toContain("T1/sichuan");
  });
});

describe("unit name and year from a document title", () => {
  it("reads 「××局2024年度部门决算」 in its forms, without a part heading a PDF runs into it", () => {
    expect(titleUnitYear("上海市普陀区财政局2024年度部门决算")).toEqual({ unitName: "上海市普陀区财政局", year: 2024 });
    expect(titleUnitYear("2024年度上海市普陀区财政局部门决算")).toEqual({ unitName: "上海市普陀区财政局", year: 2024 });
    expect(titleUnitYear("第二部分上海市普陀区财政局2024年度部门决算")).toEqual({ unitName: "上海市普陀区财政局", year: 2024 });
    expect(titleUnitYear("第一部分 上海市普陀区财政局2024年度部门决算表")).toMatchObject({ unitName: "上海市普陀区财政局" });
  });
});
