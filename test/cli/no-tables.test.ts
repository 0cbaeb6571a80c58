// A workbook without any 财决 table is never reported as passed: one clear message, exit code 2.
import path from "node:path";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { buildCli, caijue, ensureFixtures, GENERATED, SEED } from "./helpers";

const NO_TABLES = path.join(GENERATED, "bad-no-tables.xlsx");

describe("caijue check on a workbook with no 财决 table", () => {
  before(() => {
    ensureFixtures();
    buildCli();
  });

  it("says so in zh-CN, does not count it as passed, and exits 2", async () => {
    const r = await caijue(["check", NO_TABLES]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("未校验");
    expect(r.stdout).toContain("没有找到任何决算表");
    expect(r.stdout).not.toMatch(/bad-no-tables\.xlsx\s+通过/);
  });

  it("reports ok=false with a no-tables error in JSON, while other files in the batch are still checked", async () => {
    const r = await caijue(["check", NO_TABLES, SEED, "--format", "json"]);
    expect(r.status).toBe(2);
    const json = JSON.parse(r.stdout) as { files: { file: string; ok: boolean; tables: unknown[]; errors: { code: string }[] }[] };
    const none = json.files.find((f) => f.file.endsWith("bad-no-tables.xlsx"))!;
    expect(none.ok).toBe(false);
    expect(none.tables).toEqual([]);
    expect(none.errors.map((e) => e.code)).toContain("no-tables");
    const seed = json.files.find((f) => f.file.endsWith("seed-2019-sichuan.xlsx"))!;
    expect(seed.tables.length).toBe(13);
  });
});
