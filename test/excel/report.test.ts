import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { asCellText, looksLikeFormula } from "../../src/excel/cellText";
import { REPORT_SHEET, type ReportRow } from "../../src/excel/host";
import { OfficeHost } from "../../src/excel/officeHost";
import { emptyState } from "../../src/app/state";
import { appMessages } from "../../src/app/i18n";

const reportHeaders = (lang: "zh-CN" | "en-US") => appMessages(lang).reportHeaders;
import { FakeWorkbookModel, fakeRun } from "../fakes/fakeExcel";

const hostile = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2", "@SUM(A1)", "'quoted", "＝1+1", "\t=1", "123", "<img src=x onerror=alert(1)>"];

function row(message: string, i: number): ReportRow {
  return { severity: "强制", level: "error", rule: `T1-${i}`, table: "收入支出决算总表", sheet: "It's 表", address: `B${i + 2}`, expected: 1.5, actual: 2, difference: -0.5, message, explained: "否", id: `id${i}` };
}

function workbook() {
  const wb = new FakeWorkbookModel();
  const s = wb.addSheet("It's 表");
  s.ensure(0, 0).value = "项目";
  s.ensure(1, 1).value = 3172.05;
  wb.addSheet("Other").ensure(4, 4).value = "keep";
  return wb;
}

describe("cell text safety", () => {
  it("prefixes exactly the texts Excel could read as formulas", () => {
    expect(hostile.filter(looksLikeFormula)).toEqual(["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2", "@SUM(A1)", "＝1+1", "\t=1"]);
    expect(asCellText("'quoted")).toBe("''quoted");
    expect(asCellText("普通文字")).toBe("普通文字");
  });
});

describe("report sheet 校验结果", () => {
  it("writes one row per finding as text that never becomes a formula, with a hyperlink to the cell", async () => {
    const wb = workbook();
    const before = JSON.stringify(wb.contentDump([REPORT_SHEET]));
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } });
    await host.writeReport({ headers: reportHeaders("zh-CN"), summary: "校验未通过：9 个错误，0 个提示", rows: hostile.map(row) }, true);

    const r = wb.sheet(REPORT_SHEET)!;
    expect(r.cell(0, 0)!.value).toBe("校验未通过：9 个错误，0 个提示");
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((c) => r.cell(1, c)!.value)).toEqual(["级别", "规则", "表", "单元格", "期望", "实际", "差额", "说明", "已说明"]);
    hostile.forEach((text, i) => {
      const message = r.cell(i + 2, 7)!;
      expect(message.value).toBe(text);
      expect(message.formula).toBeNull();
      expect(r.cell(i + 2, 3)!.value).toBe(`It's 表!B${i + 2}`);
      expect(r.cell(i + 2, 3)!.hyperlink?.documentReference).toBe(`'It''s 表'!B${i + 2}`);
      expect(r.cell(i + 2, 4)!.value).toBe(1.5);
      expect(r.cell(i + 2, 6)!.value).toBe(-0.5);
    });
    // "123" stays text in a text column, numbers stay numbers
    expect(r.cell(9, 7)!.value).toBe("123");
    expect(wb.activeSheet).toBe(REPORT_SHEET);
    expect(r.frozenRows).toBe(2);
    expect(JSON.stringify(wb.contentDump([REPORT_SHEET]))).toBe(before);
  });

  it("replaces the previous report on each run, leaving no stale rows", async () => {
    const wb = workbook();
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } });
    await host.writeReport({ headers: reportHeaders("zh-CN"), summary: "a", rows: hostile.map(row) }, false);
    await host.writeReport({ headers: reportHeaders("en-US"), summary: "Validation passed: 0 errors, 1 warnings", rows: [row("only", 0)] }, false);
    const r = wb.sheet(REPORT_SHEET)!;
    expect(r.cell(1, 0)!.value).toBe("Severity");
    expect(r.cell(2, 7)!.value).toBe("only");
    expect(r.usedBox(true)!.bottom).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(["It's 表", "Other", REPORT_SHEET]);
  });

  it("writes the narrative one paragraph per row, as text", async () => {
    const wb = workbook();
    const host = new OfficeHost({ run: fakeRun(wb), capabilities: { notes: true, fillPattern: true } });
    await host.writeNarrative({ sheet: "情况说明", replace: false, paragraphs: ["一、收入支出决算总体情况", "=1+2", "-3"], state: emptyState() });
    const s = wb.sheet("情况说明")!;
    expect([0, 1, 2].map((r) => [s.cell(r, 0)!.value, s.cell(r, 0)!.formula])).toEqual([
      ["一、收入支出决算总体情况", null],
      ["=1+2", null],
      ["-3", null],
    ]);
  });
});
