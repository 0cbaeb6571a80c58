/** caijue narrate with style options from the command line and from a style file; --help lists the options. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { SEED, runMain, tempDir } from "./helpers";
import { STYLE_OPTIONS } from "../../src/core/narrative/style-options";

const run = runMain;

describe("caijue narrate style options", () => {
  const dir = tempDir();

  it("--style-option (repeatable) changes the text: 「下降39.52%」 and 100.00%", async () => {
    const plain = await run(["narrate", SEED]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain("下降40%");
    const r = await run(["narrate", SEED, "--style", "sichuan", "--style-option", "percentDigits.yoy=2", "--style-option=percentDropZeroDecimals=false"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("下降39.52%");
    expect(r.out).toContain("完成预算100.00%");
  });

  it("--style-file reads the preset and nested options; --style-option wins over it", async () => {
    const f = path.join(dir, "style.json");
    writeFileSync(f, JSON.stringify({ preset: "shanghai", percentDigits: { yoy: 0 }, thousands: false }), "utf8");
    const r = await run(["narrate", SEED, "--style-file", f, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { style: string; text: string };
    expect(j.style).toBe("shanghai");
    expect(j.text).toContain("4163.20 万元");
    const over = await run(["narrate", SEED, "--style-file", f, "--style-option", "thousands=true"]);
    expect(over.out).toContain("4,163.20 万元");
  });

  it("an unknown option, a bad value or an unreadable style file: exit 2 with the reason", async () => {
    const bad = await run(["narrate", SEED, "--style-option", "percentDigits.yoy=5"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("percentDigits.yoy");
    expect(bad.err).toContain("0|1|2");
    const unknown = await run(["narrate", SEED, "--style-option", "colour=red"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("未知的文风选项：colour");
    const f = path.join(dir, "broken.json");
    writeFileSync(f, "{ not json", "utf8");
    const broken = await run(["narrate", SEED, "--style-file", f]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain("broken.json");
  });

  it("narrate --help lists every style option with its values", async () => {
    const r = await run(["narrate", "--help"]);
    expect(r.code).toBe(0);
    for (const o of STYLE_OPTIONS) expect(r.out).toContain(o.name);
    expect(r.out).toContain("true|false");
  });
});
