import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { recognize } from "../../../src/core/recognize";
import { renderRecognitionIssue, renderRecognitionReport } from "../../../src/core/i18n/recognition";
import type { RecognitionIssue } from "../../../src/core/recognize/types";
import { book, sheet } from "./build";

const wb = book(
  sheet("表三", [
    ["2019年度支出决算表"], ["编制单位：某某局", null, null, "单位：万元"],
    ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
    ["合计", null, 30, 20, 10], ["2010301", "行政运行", 30, "见附表", 10], ["其他", null, 5],
  ]),
  sheet("说明", [["情况说明"]], { visibility: "hidden" }),
);

describe("recognition report", () => {
  const r = recognize(wb);
  it("lists matched tables with sheet, range, unit and confidence in zh-CN", () => {
    const lines = renderRecognitionReport(r, "zh-CN");
    expect(lines[0]).toBe("共识别 1 张表，年度 2019（取自表名或文档标题），编制单位：某某局（取自表头的编制单位行）。");
    expect(lines[1]).toMatch(/^- 支出决算表「2019年度支出决算表」（T3，全国统一格式）：工作表「表三」 A1:E6，单位 万元，\d+ 行，可信度 \d+%$/);
    expect(lines).toContain("  缺少列：上缴上级支出、经营支出、对附属单位补助支出");
    expect(lines).toContain("  未能归位的行：第6行“其他”");
    expect(lines).toContain("- 「说明」：未找到财决报表（隐藏工作表）");
    expect(lines).toContain("- 「表三」D5 的内容“见附表”不是金额（支出决算表）");
  });
  it("renders the same report in en-US", () => {
    const lines = renderRecognitionReport(r, "en-US");
    expect(lines[0]).toBe("Recognised 1 table(s), year 2019 (from a table or document title), reporting entity: 某某局 (from the 编制单位 line above a table).");
    expect(lines[1]).toContain(`Expenditure table "2019年度支出决算表" [T3, national layout]: sheet '表三' A1:E6, unit 10k yuan (万元)`);
    expect(lines).toContain("  missing columns: remittances to superior, operating expenditure, subsidies to affiliates");
    expect(lines).toContain("- '说明': no final-accounts table found (hidden sheet)");
  });
  it("says clearly when a workbook has no tables", () => {
    const none = recognize(book(sheet("a", [["x"]])));
    expect(renderRecognitionReport(none, "zh-CN")).toContain("- 未在本工作簿中找到任何财决报表。请确认工作表中有带表名（如「收入支出决算总表」）的决算表。");
  });
  it("renders every issue code in both languages", () => {
    const codes: RecognitionIssue["code"][] = ["unreadable-cell", "missing-column", "missing-row", "unplaced-row", "ambiguous-table", "no-tables", "duplicate-table", "unit-unknown"];
    for (const code of codes) {
      const i: RecognitionIssue = { code, sheet: "S", address: "B2", text: "x", kind: "T2", detail: code === "missing-row" ? "total" : "T3" };
      const zh = renderRecognitionIssue(i, "zh-CN");
      const en = renderRecognitionIssue(i, "en-US");
      expect(zh.length).toBeGreaterThan(5);
      expect(en.length).toBeGreaterThan(5);
      expect(zh).not.toEqual(en);
    }
  });
});
