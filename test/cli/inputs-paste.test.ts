/** `caijue inputs` text is pasted into Excel: cell text Excel would read as a formula must arrive as text. */
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { inputsText } from "../../src/cli/commands/inputs";

const row = (项目: string, 内容: string | number, 说明: string) => ({ 项目, 内容, 说明 });

describe("caijue inputs text for pasting", () => {
  it("prefixes = + - @ (and full-width forms) with the apostrophe Excel reads as 'text'; numbers and plain text stay", () => {
    const out = inputsText({
      template: [
        row("项目", "内容", "说明"),
        row("=HYPERLINK(\"http://evil\",\"点我\")", "+1", "-2 万元"),
        row("@SUM(A1)", 12.5, "＝全角"),
        row("'已带引号", -3, "普通说明"),
      ] as never,
    });
    const cells = out.trimEnd().split("\n").map((l) => l.split("\t"));
    expect(cells[0]).toEqual(["项目", "内容", "说明"]);
    expect(cells[1]).toEqual(["'=HYPERLINK(\"http://evil\",\"点我\")", "'+1", "'-2 万元"]);
    expect(cells[2]).toEqual(["'@SUM(A1)", "12.5", "'＝全角"]);
    expect(cells[3]).toEqual(["''已带引号", "-3", "普通说明"]);
  });

  it("keeps one row per line and one cell per tab whatever the text holds", () => {
    const out = inputsText({ template: [row("a\tb", "c\nd", "=e\r\nf")] as never });
    expect(out).toBe("a b\tc d\t'=e f\n");
  });
});
