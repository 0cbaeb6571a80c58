/** Rule N-PH: placeholders left in a 「情况说明」 sheet are listed by validate() as 核实 findings on their cells. */
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { fixture } from "../../fixtures";
import { placeholderFindings, withPlaceholderFindings, findPlaceholders, verifyNarrative } from "../../../src/core/narrative";
import { recognize } from "../../../src/core/recognize";
import { validate } from "../../../src/core/rules";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/workbook/snapshot";

function narrativeSheet(name: string, rows: (string | number | null)[][], origin = { row: 0, col: 0 }): SheetSnapshot {
  return { name, visibility: "visible", origin, values: rows };
}

const PH = "【请填写：上年财政拨款收入总计】";

describe("findPlaceholders", () => {
  it("finds 【请填写…】, XXX, ××, 某某 and template alternatives, in text order", () => {
    const hits = findPlaceholders(`与上年相比${PH}，增加（减少）XXX万元，××单位某某同志`);
    expect(hits.map((h) => [h.kind, h.text])).toEqual([
      ["placeholder", PH],
      ["template-remnant", "增加（减少）"],
      ["placeholder", "XXX"],
      ["placeholder", "××"],
      ["placeholder", "某某"],
    ]);
    expect(findPlaceholders("收入合计4163.20万元，占100%。")).toEqual([]);
  });

  it("is what 核对 reports as placeholders (one detection, two users)", () => {
    const seed = fixture("seed-sichuan");
    const text = `本年收入合计4163.20万元。${PH}增加（减少）`;
    const v = verifyNarrative(text, recognize(seed.snapshot));
    expect(v.mismatches.filter((m) => m.code === "placeholder").map((m) => m.excerpt.includes(PH))).toEqual([true]);
    expect(v.mismatches.some((m) => m.code === "template-remnant")).toBe(true);
  });
});

describe("placeholderFindings", () => {
  const snap: WorkbookSnapshot = {
    sheets: [
      narrativeSheet(
        "情况说明",
        [
          ["一、收入支出决算总体情况"],
          [`2019年度收入、支出总计4163.20万元。与上年相比，${PH}`],
          [null],
          ["收入增加（减少）的主要原因是……"],
          [12.5],
        ],
        { row: 0, col: 0 },
      ),
      narrativeSheet("2019年情况说明（草稿）", [[null, "XX 单位 X X X 万元，某某"]], { row: 3, col: 1 }),
      // Another sheet with the same words is not narrative text: not scanned.
      narrativeSheet("说明数据", [["项目", "内容"], ["单位名称", "XXX"]]),
      narrativeSheet("校验结果", [[`留有占位符「${PH}」`]]),
    ],
  };

  it("one 核实 finding per cell holding a placeholder, targeting that cell, with both languages", () => {
    const zh = placeholderFindings(snap, "zh-CN");
    expect(zh.map((f) => `${f.target.sheet}!${f.target.address}`)).toEqual(["情况说明!A2", "情况说明!A4", "2019年情况说明（草稿）!C4"]);
    for (const f of zh) {
      expect(f).toMatchObject({ rule: "N-PH", code: "placeholder", severity: "warning" });
      expect(f.id).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(zh[0].target).toMatchObject({ row: 1, col: 0 });
    expect(zh[0].message).toBe(`「情况说明」A2 留有占位符「${PH}」，请填写后再报送`);
    expect(zh[1].message).toContain("模板备选字样「增加（减少）」");
    // Several placeholders in one cell: named together; whitespace inside XXX does not hide it.
    expect(zh[2].params.text).toBe("XX」「XXX」「某某");
    const en = placeholderFindings(snap, "en-US");
    expect(en[0].message).toBe(`'情况说明'!A2 still holds the placeholder "${PH}"; fill it in before submission`);
    expect(en.map((f) => f.id)).toEqual(zh.map((f) => f.id));
  });

  it("ids are stable across runs and change when the placeholder changes", () => {
    const a = placeholderFindings(snap)[0].id;
    expect(placeholderFindings(snap)[0].id).toBe(a);
    const edited: WorkbookSnapshot = { sheets: [narrativeSheet("情况说明", [["一"], ["与上年相比，【请填写：上年财政拨款支出总计】"]])] };
    expect(placeholderFindings(edited)[0].id).not.toBe(a);
  });

  it("a filled-in narrative gives no finding", () => {
    const clean: WorkbookSnapshot = { sheets: [narrativeSheet("情况说明", [["2019年度收入、支出总计4163.20万元。"]])] };
    expect(placeholderFindings(clean)).toEqual([]);
  });

  it("withPlaceholderFindings adds them to the counts and honours suppression", () => {
    const base = { findings: [], skipped: [], ruleErrors: [], checks: 0, counts: { error: 1, warning: 2 } };
    const all = withPlaceholderFindings(base, snap);
    expect(all.counts).toEqual({ error: 1, warning: 5 });
    const suppressed = new Set([all.findings[0].id]);
    const rest = withPlaceholderFindings(base, snap, { suppressed });
    expect(rest.findings.map((f) => f.target.address)).toEqual(["A4", "C4"]);
    expect(rest.counts.warning).toBe(4);
  });
});

describe("validate() lists N-PH findings", () => {
  it("on the seed workbook with a 「情况说明」 sheet left unfinished", () => {
    const seed = fixture("seed-sichuan");
    const before = validate(recognize(seed.snapshot), seed.snapshot, { cache: false });
    expect(before.findings.some((f) => f.rule === "N-PH")).toBe(false);
    const snap: WorkbookSnapshot = { ...seed.snapshot, sheets: [...seed.snapshot.sheets, narrativeSheet("情况说明", [["一、收入支出决算总体情况"], [`与上年相比，${PH}。`]])] };
    const result = validate(recognize(snap), snap, { cache: false });
    const ph = result.findings.filter((f) => f.rule === "N-PH");
    expect(ph).toHaveLength(1);
    expect(ph[0].target).toMatchObject({ sheet: "情况说明", address: "A2" });
    expect(result.counts.warning).toBe(before.counts.warning + 1);
    expect(result.counts.error).toBe(before.counts.error);
    const again = validate(recognize(snap), snap, { suppressed: new Set([ph[0].id]) });
    expect(again.findings.some((f) => f.rule === "N-PH")).toBe(false);
  });
});
