/** caijue verify with the narrative alone: exit codes, JSON shape (cell null, expected = arithmetic), empty input. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { runMain, tempDir } from "./helpers";
import { generate, INJECTIONS } from "../core/narrative/self-corpus";

const run = runMain;

describe("caijue verify <narrative.txt> (no workbook)", () => {
  const dir = tempDir();
  const clean = generate({ seed: 3, style: "shanghai", unit: "万元", pctDigits: 2, year: 2024 });
  const cleanFile = path.join(dir, "clean.txt");
  writeFileSync(cleanFile, clean.text, "utf8");
  const bad = INJECTIONS.find((i) => i.check === "V-S02")!.apply(clean)!;
  const badFile = path.join(dir, "bad.txt");
  writeFileSync(badFile, bad, "utf8");

  it("checks a consistent narrative against itself: exit 0, says it used no workbook", async () => {
    const r = await run(["verify", cleanFile]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("未使用工作簿");
    expect(r.out).toContain("所有可相互核对的数字都前后一致");
  });

  it("reports an inconsistent share with exit 1; JSON has cell null and the arithmetic as expected", async () => {
    const r = await run(["verify", badFile, "--format", "json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { claims: number; mismatches: { check: string; cell: null; expected: string; severity: string; offset: number }[] };
    const m = j.mismatches.find((x) => x.check === "V-S02")!;
    expect(m).toMatchObject({ cell: null, severity: "error" });
    expect(m.expected).toMatch(/^[\d.]+ ÷ [\d.]+ × 100 = [\d.]+$/);
    expect(bad.slice(m.offset)).toMatch(/^\d/);
    expect(j.claims).toBeGreaterThan(40);
  });

  it("the text form names the check and shows the arithmetic", async () => {
    const r = await run(["verify", badFile]);
    expect(r.out).toContain("[V-S02]");
    expect(r.out).toMatch(/ ÷ .* × 100 = /);
  });

  it("an empty or blank narrative is not a pass: exit 2 and a message that nothing was checked", async () => {
    for (const content of ["", "   \n\u3000\n", "\ufeff"]) {
      const f = path.join(dir, "empty.txt");
      writeFileSync(f, content, "utf8");
      const r = await run(["verify", f]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("没有核对任何内容");
      const j = await run(["verify", f, "--format", "json"]);
      expect(j.code).toBe(2);
      expect(JSON.parse(j.out)).toMatchObject({ claims: 0, nothingChecked: true });
    }
  });

  it("a text with nothing to check (no number, no section) is not a pass either", async () => {
    const f = path.join(dir, "prose.txt");
    writeFileSync(f, "本单位认真贯彻落实各项工作。", "utf8");
    const r = await run(["verify", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有核对任何内容");
  });

  it("a workbook alone is a usage error (exit 2)", async () => {
    const r = await run(["verify", "某单位.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("缺少说明文本");
  });
});
