// The reviewer's batch and 已说明 in the CLI, as a child process: --summary lines, --summary-out (.csv/.xlsx),
// JSON per file (unitName, year, status, skipped with reasons), JUnit errors for files that were not checked,
// and `caijue explain` refusing a 强制 finding or an unknown id without writing anything.
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/cli/xlsx/open";
import { wrapLine } from "../../src/cli/output/check-format";
import { buildCli, caijue, ensureFixtures, GENERATED, SEED, sha256, tempDir } from "./helpers";

const CLEAN = path.join(GENERATED, "shiquanlu-national.xlsx");
const NO_TABLES = path.join(GENERATED, "bad-no-tables.xlsx");
const TRUNCATED = path.join(GENERATED, "bad-truncated.xlsx");

interface JsonFile {
  file: string;
  unitName: string | null;
  year: number | null;
  status: string;
  counts: { error: number; warning: number; explained: number };
  findings: { id: string; severity: string; explained?: { reason: string } }[];
  skipped: { rule: string; reason: string; tables: string[]; message: string }[];
}

describe("caijue check for reviewers", () => {
  before(() => {
    buildCli();
    ensureFixtures();
  });

  it("JSON per file: unitName, year, status and every rule not run with its reason", async () => {
    const r = await caijue(["check", SEED, CLEAN, NO_TABLES, TRUNCATED, "--format", "json"]);
    expect(r.status).toBe(2);
    const files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
    const by = new Map(files.map((f) => [path.basename(f.file), f]));
    const seed = by.get(path.basename(SEED))!;
    expect(seed).toMatchObject({ unitName: "攀枝花市人民政府办公室", year: 2019, status: "passed" });
    expect(seed.skipped.length).toBeGreaterThan(0);
    for (const s of seed.skipped) {
      expect(["tables-absent", "cells-absent", "disabled"]).toContain(s.reason);
      expect(s.message).toContain(s.rule);
    }
    expect(by.get("bad-no-tables.xlsx")!.status).toBe("unchecked");
    expect(by.get("bad-truncated.xlsx")!.status).toBe("unreadable");
  });

  it("--summary prints one line per file and a summary that does not count unchecked files as failed", async () => {
    const r = await caijue(["check", SEED, CLEAN, NO_TABLES, TRUNCATED, "--summary"]);
    expect(r.status).toBe(2);
    const lines = r.stdout.split("\n");
    const line = (f: string) => lines.find((l) => l.startsWith(f))!;
    const seedJson = (JSON.parse((await caijue(["check", SEED, "--format", "json"])).stdout) as { files: JsonFile[] }).files[0];
    expect(line(SEED)).toBe(`${SEED}\u3000攀枝花市人民政府办公室\u30002019\u3000通过\u3000强制 0\u3000核实 ${seedJson.counts.warning}\u3000已说明 0`);
    expect(line(NO_TABLES)).toMatch(/\u3000未校验\u3000/);
    expect(line(TRUNCATED)).toMatch(/\u3000无法读取\u3000/);
    expect(r.stdout).toMatch(/通过 2 {3}未通过 0 {3}未校验 1 {3}无法读取 1/);
    const en = await caijue(["check", SEED, NO_TABLES, "--summary", "--lang", "en"]);
    expect(en.stdout.split("\n").find((l) => l.startsWith(NO_TABLES))).toMatch(/not checked {2}errors 0/);
  });

  it("--summary-out writes one row per file as .csv and .xlsx, never over an input", async () => {
    const dir = tempDir("caijue-summary-");
    const csv = path.join(dir, "汇总.csv");
    const r = await caijue(["check", SEED, NO_TABLES, TRUNCATED, "--summary-out", csv, "--format", "json"]);
    expect(r.status).toBe(2);
    const rows = readFileSync(csv, "utf8").replace(/^\ufeff/, "").trim().split("\r\n");
    expect(rows[0]).toBe("文件,编制单位,年度,状态,强制数,核实数,已说明数,未执行规则数,未通过的规则");
    expect(rows).toHaveLength(4);
    const seedJson = (JSON.parse(r.stdout) as { files: JsonFile[] }).files.find((f) => f.file === SEED)!;
    const failed = [...new Set(seedJson.findings.map((f) => (f as { rule?: string }).rule))].join(" ");
    expect(rows.find((x) => x.startsWith(SEED))).toBe(`${SEED},攀枝花市人民政府办公室,2019,通过,0,${seedJson.counts.warning},0,${seedJson.skipped.length},${failed}`);
    expect(rows.find((x) => x.startsWith(NO_TABLES))).toMatch(/,,,未校验,0,0,0,\d+,$/);
    expect(rows.find((x) => x.startsWith(TRUNCATED))).toMatch(/,,,无法读取,/);

    const xlsx = path.join(dir, "summary.xlsx");
    expect((await caijue(["check", SEED, CLEAN, "--summary-out", xlsx, "--lang", "en", "--format", "json"])).status).toBe(0);
    const { snapshot } = await openWorkbook(xlsx);
    const v = snapshot.sheets[0].values;
    expect(v[0]).toEqual(["File", "Unit", "Year", "Status", "Errors", "Warnings", "Explained", "Rules not run", "Failed rules"]);
    expect(v.slice(1).map((row) => row[3])).toEqual(["passed", "passed"]);

    // Only .csv or .xlsx, and never one of the inputs.
    const before = sha256(SEED);
    const wrongExt = await caijue(["check", SEED, "--summary-out", path.join(dir, "x.txt")]);
    expect(wrongExt.status).toBe(2);
    expect(wrongExt.stderr).toContain("--summary-out 需要 .xlsx 或 .csv 文件");
    const onInput = await caijue(["check", SEED, "--summary-out", SEED]);
    expect(onInput.status).toBe(2);
    expect(onInput.stderr).toContain("--summary-out 不能指向输入文件");
    expect(sha256(SEED)).toBe(before);
  });

  it("JUnit: a file not checked or not readable is an <error> test case; classname is the unit", async () => {
    const r = await caijue(["check", SEED, NO_TABLES, TRUNCATED, "--format", "junit"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/<testsuites name="caijue check" tests="\d+" failures="0" errors="2">/);
    expect(r.stdout).toContain('classname="攀枝花市人民政府办公室"');
    expect(r.stdout).toMatch(/<testcase classname="bad-no-tables" name="未校验">\s*<error type="unchecked" message="未校验：/);
    expect(r.stdout).toMatch(/<testcase classname="bad-truncated" name="读取">\s*<error type="unreadable"/);
    expect(r.stdout).not.toContain('classname="bad-no-tables.xlsx"');
  });
});

describe("caijue explain", () => {
  before(() => {
    buildCli();
    ensureFixtures();
  });

  it("refuses a 强制 finding and an unknown id with exit 2, writing nothing", async () => {
    const dir = tempDir("caijue-explain-");
    const json = JSON.parse((await caijue(["check", SEED, "--format", "json"])).stdout) as { files: JsonFile[] };
    const warning = json.files[0].findings.find((f) => f.severity === "warning")!;
    const out = path.join(dir, "copy.xlsx");
    const unknown = await caijue(["explain", SEED, "0000000000000000", "--reason", "x", "--out", out]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/找不到问题编号 0000000000000000/);
    expect(existsSync(out)).toBe(false);
    const noReason = await caijue(["explain", SEED, warning.id, "--out", out]);
    expect(noReason.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    const onInput = await caijue(["explain", SEED, warning.id, "--reason", "x", "--out", SEED]);
    expect(onInput.status).toBe(2);
  });

  it("a 强制 finding cannot be explained (exit 2, nothing written)", async () => {
    const dir = tempDir("caijue-explain-err-");
    const { mutateXlsxCell } = await import("./xlsx-edit");
    const broken = path.join(dir, "broken.xlsx");
    await mutateXlsxCell(SEED, broken, "附表1 收入支出决算总表", "B31", 9999);
    const json = JSON.parse((await caijue(["check", broken, "--format", "json"])).stdout) as { files: JsonFile[] };
    const error = json.files[0].findings.find((f) => f.severity === "error")!;
    const out = path.join(dir, "copy.xlsx");
    const r = await caijue(["explain", broken, error.id, "--reason", "不想改", "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/是强制项.*必须修改，不能标记为已说明；未写出任何文件/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("text output on a terminal", () => {
  it("wraps long lines between words, never inside a number", () => {
    const line = "  核实 T1-d  附表1 收入支出决算总表!D34  支出总计 4163.20 ≠ 4163.21 + 0.00 + 12,345.67 = 16508.88（容差 ±0.02）比上年增长 39.52%";
    for (let width = 20; width <= 90; width += 7) {
      const wrapped = wrapLine(line, width);
      for (const l of wrapped.split("\n")) expect(l.length).toBeGreaterThan(0);
      for (const n of ["4163.20", "4163.21", "12,345.67", "16508.88", "39.52%", "±0.02"]) expect(wrapped.replace(/\n {4}/g, "").replace(/\n/g, "")).toContain(n.replace("±", "±"));
      for (const n of ["4163.20", "12,345.67", "16508.88", "39.52%"]) expect(wrapped.split("\n").some((l) => l.includes(n))).toBe(true);
    }
    expect(wrapLine(line, undefined)).toBe(line);
  });
});
