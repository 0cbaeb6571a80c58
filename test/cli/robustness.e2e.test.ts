/**
 * The built CLI as a child process on hostile and unusual workbooks built on the fly: a single far cell, zip bombs
 * (true and lying sizes), formulas saved without calculated values. Memory and time must follow the cells present;
 * what cannot be read or checked is said, in Chinese, and never passes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { before, describe, it } from "mocha";
import { writeXlsx } from "../fixtures/write-xlsx";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { randomConsistentDataset } from "../fixtures/index";
import { national9 } from "../fixtures/layouts/national9";
import { expect } from "../support/expect";
import { buildCli, caijue, SEED, tempDir } from "./helpers";
import { numericCells, withFarCell, withoutCachedValues, worksheetNames, zipBomb, type FarCell } from "./support/hostile";

interface JsonFile {
  ok: boolean;
  tables: { kind: string; sheet: string }[];
  findings: { rule: string; sheet: string; cell: string }[];
  errors: { code: string; message: string }[];
  notes?: string[];
}

interface Stats {
  maxRssMb: number;
  wallMs: number;
}

async function checkJson(file: string, extra: string[] = []): Promise<{ status: number | null; file: JsonFile; stats: Stats; stderr: string }> {
  const r = await caijue(["check", file, "--format", "json", "--stats", "--jobs", "1", ...extra]);
  const line = r.stderr.split("\n").find((l) => l.startsWith('{"stats"'));
  if (!line) throw new Error(`no stats (exit ${r.status}): ${r.stderr.slice(0, 400)}`);
  const out = JSON.parse(r.stdout) as { files: JsonFile[] };
  return { status: r.status, file: out.files[0], stats: (JSON.parse(line) as { stats: Stats }).stats, stderr: r.stderr };
}

const findingKeys = (f: JsonFile) => f.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell}`).sort();

/** A consolidated workbook (the nine national tables, ~650 subject rows in each coded table). */
async function consolidated(seed: number): Promise<Uint8Array> {
  const { rounded } = randomConsistentDataset(seed, { codes: "synthetic", classes: 26, kuanPerClass: 6, xiangPerKuan: 3, govFund: true, nonFiscal: true });
  return writeXlsx(national9(rounded, `far-${seed}`).snapshot);
}

let dir: string;
let seedBytes: Uint8Array;
let seedResult: JsonFile;

before(async () => {
  buildCli();
  dir = tempDir("caijue-robust-");
  seedBytes = new Uint8Array(readFileSync(SEED));
  seedResult = (await checkJson(SEED)).file;
});

describe("a single far cell: memory and time follow the cells present", () => {
  const cases: FarCell[] = ["last-row", "last-column", "last-cell"];
  for (const where of cases) {
    it(`seed workbook with one cell at the ${where} of its first sheet: same tables and findings, no row cap`, async () => {
      const part = worksheetNames(unzipSync(seedBytes))[0];
      const file = path.join(dir, `seed-far-${where}.xlsx`);
      writeFileSync(file, withFarCell(seedBytes, part, where));
      const r = await checkJson(file);
      expect(r.status, r.stderr).toBe(seedResult.ok ? 0 : 1);
      expect(r.file.tables).toEqual(seedResult.tables);
      expect(findingKeys(r.file)).toEqual(findingKeys(seedResult));
      // rows between are empty: nothing was cut off, so nothing may say so
      expect(r.file.notes ?? []).toEqual([]);
      expect(r.stats.maxRssMb, "peak RSS MB").toBeLessThan(200);
    });
  }

  for (const [seed, sheetIndex] of [[11, 2], [12, 4]] as const) {
    it(`consolidated workbook (seed ${seed}) with one cell in column XFD below a long table: bounded memory`, async () => {
      const bytes = await consolidated(seed);
      const plain = path.join(dir, `cons-${seed}.xlsx`);
      writeFileSync(plain, bytes);
      const far = path.join(dir, `cons-${seed}-far.xlsx`);
      writeFileSync(far, withFarCell(bytes, worksheetNames(unzipSync(bytes))[sheetIndex], "last-column"));
      const [a, b] = [await checkJson(plain), await checkJson(far)];
      expect(b.status, b.stderr).toBe(a.status);
      expect(b.file.tables).toEqual(a.file.tables);
      expect(findingKeys(b.file)).toEqual(findingKeys(a.file));
      // a grid sized by coordinates would be ~700 rows × 16,384 columns × three grids (≈ 300 MB)
      expect(b.stats.maxRssMb, "peak RSS MB").toBeLessThan(200);
    });
  }
});

describe("zip bombs: the expanded size is capped with a clear message", () => {
  for (const [mb, declare] of [[2048, "true"], [1024, "true"], [2048, "small"]] as const) {
    it(`a ${mb} MB expansion declared ${declare === "true" ? "truthfully" : "as 1 MB"} is refused quickly, exit 2`, async () => {
      const file = path.join(dir, `bomb-${mb}-${declare}.xlsx`);
      const bytes = zipBomb(mb, declare);
      expect(bytes.length, "file size").toBeLessThan(6 * 1048576);
      writeFileSync(file, bytes);
      const r = await caijue(["check", file, "--stats"]);
      expect(r.status).toBe(2);
      const stats = JSON.parse(r.stderr.split("\n").find((l) => l.startsWith('{"stats"'))!) as { stats: Stats };
      expect(stats.stats.maxRssMb, "peak RSS MB").toBeLessThan(200);
      expect(r.stdout).toContain(path.basename(file));
      if (declare === "true") expect(r.stdout).toMatch(/文件解压后过大（至少 \d+ MB，上限 512 MB）/);
      else expect(r.stdout).toContain("文件已损坏或不完整");
      expect(r.stdout + r.stderr).not.toMatch(/内部错误|Error|at .*\.cjs/);
    });
  }
});

describe("zip bombs under the other readers", () => {
  it("--reader exceljs refuses the same package before ExcelJS inflates it", async () => {
    const file = path.join(dir, "bomb-exceljs.xlsx");
    writeFileSync(file, zipBomb(2048));
    const r = await caijue(["check", file, "--reader", "exceljs", "--stats"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/文件解压后过大（至少 \d+ MB，上限 512 MB）/);
  });
});

describe("formulas without cached values are never checked as zeros", () => {
  it("cells turned into formulas without <v> (as openpyxl writes them): not checked, per sheet, exit 2", async () => {
    const part = worksheetNames(unzipSync(seedBytes))[1];
    const cells = numericCells(seedBytes, part, 3);
    expect(cells.length).toBe(3);
    const file = path.join(dir, "uncalculated-no-v.xlsx");
    writeFileSync(file, withoutCachedValues(seedBytes, part, cells, "no-v"));
    const r = await checkJson(file);
    expect(r.status).toBe(2);
    expect(r.file.ok).toBe(false);
    const errors = r.file.errors.filter((e) => e.code === "uncalculated");
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain("公式没有计算结果，请在 Excel 中打开并保存后再校验");
    expect(errors[0].message).toContain("3 个单元格");
    expect(errors[0].message).toContain(cells[0]);
    expect(r.file.findings).toEqual([]);
  });

  it("formulas with an empty <v/> where a number belongs: the same", async () => {
    const parts = worksheetNames(unzipSync(seedBytes));
    let bytes = seedBytes;
    for (const part of [parts[0], parts[2]]) bytes = withoutCachedValues(bytes, part, numericCells(bytes, part, 2), "empty-v");
    const file = path.join(dir, "uncalculated-empty-v.xlsx");
    writeFileSync(file, bytes);
    const r = await checkJson(file);
    expect(r.status).toBe(2);
    // one message per sheet, each naming its sheet
    const errors = r.file.errors.filter((e) => e.code === "uncalculated");
    expect(errors).toHaveLength(2);
    const sheets = new Set(r.file.tables.map((t) => t.sheet));
    for (const e of errors) expect([...sheets].some((s) => e.message.includes(`「${s}」`))).toBe(true);
  });

  it("a workbook written by ExcelJS with SUM formulas and no results: text output says 未校验 and why", async () => {
    const { rounded } = randomConsistentDataset(21);
    const snap: WorkbookSnapshot = national9(rounded, "uncalculated").snapshot;
    // the first table's numeric cells of one row become a formula each, with no value (what a script writes)
    const sheet = snap.sheets[0];
    let changed = 0;
    sheet.formulas = sheet.values.map((line) => line.map(() => null));
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (changed < 4 && typeof v === "number" && v > 0) {
          sheet.formulas![r][c] = `=${v}+0`;
          line[c] = null;
          changed++;
        }
      }),
    );
    expect(changed).toBe(4);
    const file = path.join(dir, "uncalculated-exceljs.xlsx");
    writeFileSync(file, await writeXlsx(snap));
    const r = await caijue(["check", file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("未校验（公式没有计算结果）");
    expect(r.stdout).toContain(`工作表「${sheet.name}」中 4 个单元格`);
    expect(r.stdout).not.toContain("通过");
  });

  it("formulas with their cached values (as Excel saves them) are checked as usual", async () => {
    const { rounded } = randomConsistentDataset(22);
    const snap = national9(rounded, "calculated").snapshot;
    const sheet = snap.sheets[0];
    sheet.formulas = sheet.values.map((line) => line.map((v) => (typeof v === "number" ? `=${v}+0` : null)));
    const file = path.join(dir, "calculated.xlsx");
    writeFileSync(file, await writeXlsx(snap));
    const r = await checkJson(file);
    expect(r.file.errors.filter((e) => e.code === "uncalculated")).toEqual([]);
    expect(r.file.tables.length).toBeGreaterThan(0);
  });
});
