/** caijue check --rules: a bad formula in a rules file is reported at its line, in the reader's language. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { SEED, runMain, tempDir } from "./helpers";

describe("caijue check --rules with a bad formula", () => {
  const dir = tempDir();
  const rules = path.join(dir, "规则.csv");
  // line 2: a rule that parses; line 3: an unknown column; line 4: FOREACH ROW nested (a compile error)
  writeFileSync(
    rules,
    [
      "编号,级别,公式,说明",
      'U-1,核实,"T1[本年收入合计] >= 0",收入合计非负',
      'U-2,强制,"T1[本年收入合计, 不存在的列] = 0",错列',
      'U-3,强制,"FOREACH ROW(T3): FOREACH ROW(T3): T3[row, total] = 0",嵌套',
    ].join("\n"),
  );

  it("names the file, line and character in Chinese by default", async () => {
    const r = await runMain(["check", SEED, "--rules", rules, "--format", "json"]);
    const errors = (JSON.parse(r.out) as { files: { errors: { code: string; message: string }[] }[] }).files[0].errors;
    const texts = errors.filter((e) => e.code === "rules-file-error").map((e) => e.message);
    expect(texts.some((t) => t.includes("第 3 行") && t.includes("未知的列"))).toBe(true);
    expect(texts.some((t) => t.includes("第 4 行") && t.includes("FOREACH ROW 不能嵌套"))).toBe(true);
  });

  it("is English throughout with --lang en", async () => {
    const r = await runMain(["check", SEED, "--rules", rules, "--format", "json", "--lang", "en"]);
    const errors = (JSON.parse(r.out) as { files: { errors: { code: string; message: string }[] }[] }).files[0].errors;
    const texts = errors.filter((e) => e.code === "rules-file-error").map((e) => e.message);
    expect(texts.length).toBe(2);
    expect(texts.some((t) => t.includes("line 3") && t.includes("unknown column"))).toBe(true);
    expect(texts.some((t) => t.includes("line 4") && t.includes("FOREACH ROW cannot be nested"))).toBe(true);
    // no Chinese left but the file's name and the user's own text quoted back ('不存在的列')
    for (const t of texts) expect({ t, cjk: /[\u4e00-\u9fff]/.test(t.replace(/规则\.csv/, "").replace(/'[^']*'/g, "")) }).toEqual({ t, cjk: false });
  });
});
