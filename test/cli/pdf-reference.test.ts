// The published documents in ../shared/reference: a real 部门决算 PDF (its known defects are listed at the top of
// its .txt) and the national blank template. Skipped with a notice when ../shared is absent.
import { describe, it } from "mocha";
import { expect } from "../support/expect";
import { describeShared, readShared, sharedPath } from "../support/shared";
import { openInput } from "../../src/cli/pdf/open-input";
import { recognize } from "../../src/core/recognize/index";
import { validate } from "../../src/core/rules/index";
import { parseInputsSheet, verifyNarrative } from "../../src/core/narrative/index";

const NINE = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];

describeShared("published PDFs (../shared/reference)", () => {
  describe("上海市普陀区财政局 2024 部门决算", () => {
    const file = sharedPath("reference", "shanghai-caizhengju-2024.pdf");

    it("finds all nine tables, each on the pages it is printed on, with no 强制 finding", async () => {
      const input = await openInput(file);
      const recognition = recognize(input.snapshot);
      expect(recognition.tables.map((t) => t.kind).sort()).toEqual(NINE);
      const t3 = recognition.tables.find((t) => t.kind === "T3")!;
      expect(input.document!.sheetPages[t3.sheet]).toEqual([10, 11]);
      const vr = validate(recognition, input.snapshot, {});
      expect(vr.findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
      // the 0.01 residue between 表一 and 表三 the source notes is a 核实, not a 强制
      expect(vr.findings.some((f) => f.severity === "warning" && /326\.71/.test(f.message))).toBe(true);
    });

    it("verify reports the known narrative defects: 总计 0.3万元 and 一般公共服务支出 71.73% (both 强制)", async () => {
      const input = await openInput(file);
      const recognition = recognize(input.snapshot);
      const r = verifyNarrative(input.document!.narrative, recognition, parseInputsSheet(input.snapshot), { lang: "zh-CN" });
      const errors = r.mismatches.filter((m) => m.severity === "error");
      // 71.73% against 71.65% is more than one unit of the last digit away: an error, not a rounding question
      expect(errors.map((m) => m.claimed).sort()).toEqual([0.3, 71.73]);
      // the same defects as on the published text (pdftotext) of the narrative
      const text = readShared("reference", "shanghai-caizhengju-2024.txt");
      const part = text.slice(text.indexOf("PART B") >= 0 ? text.indexOf("PART B") : 0);
      const fromText = verifyNarrative(part, recognition, parseInputsSheet(input.snapshot), { lang: "zh-CN" });
      const key = (x: typeof r) => x.mismatches.map((m) => `${m.severity}:${m.claimed}`).sort();
      expect(key(r)).toEqual(key(fromText));
    });
  });

  it("the national template is read as nine blank tables, not as a failing unit", async () => {
    const input = await openInput(sharedPath("reference", "shanghai-2024-template.pdf"));
    const recognition = recognize(input.snapshot);
    expect(recognition.tables.map((t) => t.kind).sort()).toEqual(NINE);
    expect(input.snapshot.sheets.some((s) => s.values.some((r) => r.some((v) => typeof v === "number")))).toBe(false);
    const vr = validate(recognition, input.snapshot, {});
    expect(vr.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
