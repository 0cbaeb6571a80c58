/**
 * Marked copies in a batch: one name per input (two inputs of the same name never overwrite each other's copy),
 * never an input's name, written atomically, nothing half-done left behind when interrupted, and every failure
 * said in Chinese naming the file and what could not be read.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8 } from "fflate";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { checkFile } from "../../src/cli/check/check-file";
import type { CheckJobOptions } from "../../src/cli/check/result";
import { markedPath, MarkError, removeLeftovers, writeAtomically, writeMarkedCopy } from "../../src/cli/mark/mark";
import { writeXlsx } from "../fixtures/write-xlsx";
import { fixture } from "../fixtures";
import { excelJsFeatureWorkbook, seedWithErrors } from "../fixtures/producers";
import { buildCli, caijue, CLI, tempDir } from "./helpers";
import { text, unzip } from "./mark-parts";
import { zipSync } from "fflate";

const opts = (markDir: string, inputs: string[]): CheckJobOptions => ({
  lang: "zh-CN",
  policy: "interval",
  reader: "lean",
  maxSize: 100 * 1048576,
  maxRows: 100_000,
  markDir,
  inputPaths: inputs,
  debug: false,
});

/** Every file under `dir`, recursively. */
function listAll(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(p + "/", ...listAll(p));
    else out.push(p);
  }
  return out;
}

describe("marked copy names", () => {
  it("gives same-named inputs of one batch distinct copies, in input order", () => {
    const inputs = ["/d/a/决算.xlsx", "/d/b/决算.xlsx", "/d/c/决算.xlsx", "/d/c/其他.xlsx"];
    const names = inputs.map((f) => markedPath(f, "/out", inputs));
    expect(names.map((n) => path.basename(n.path))).toEqual(["决算-校验.xlsx", "决算 (2)-校验.xlsx", "决算 (3)-校验.xlsx", "其他-校验.xlsx"]);
    expect(names.map((n) => n.renamed)).toEqual([false, true, true, false]);
  });

  it("never names a copy like an input, compares names case-insensitively and keeps .xlsm", () => {
    const inputs = ["/d/单位.xlsx", "/d/单位-校验.xlsx", "/e/Report.xlsx", "/f/REPORT.XLSX", "/g/宏.xlsm"];
    expect(inputs.map((f) => path.basename(markedPath(f, "/d", inputs).path))).toEqual(["单位 (2)-校验.xlsx", "单位-校验-校验.xlsx", "Report-校验.xlsx", "REPORT (2)-校验.xlsx", "宏-校验.xlsm"]);
  });

  it("names a batch of thousands of 决算.xlsx in time linear in the batch, all distinct", () => {
    const inputs = Array.from({ length: 5000 }, (_, i) => `/收件/单位${i}/决算.xlsx`);
    const t0 = performance.now();
    // Every file of the batch asks, each with its own copy of the list (as worker messages deliver it).
    const names = inputs.map((f) => markedPath(f, "/out", [...inputs]).path);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(new Set(names).size).toBe(5000);
    expect(path.basename(names[4999])).toBe("决算 (5000)-校验.xlsx");
  });

  it("writes both copies of two inputs with the same name, each with its own findings, and says which was renamed", async () => {
    const dir = tempDir("caijue-mark-same-");
    const a = path.join(dir, "a", "决算.xlsx");
    const b = path.join(dir, "b", "决算.xlsx");
    mkdirSync(path.dirname(a));
    mkdirSync(path.dirname(b));
    writeFileSync(a, await writeXlsx(seedWithErrors()));
    writeFileSync(b, await writeXlsx(fixture("seed-sichuan").snapshot));
    const out = path.join(dir, "out");
    const ra = await checkFile(a, opts(out, [a, b]));
    const rb = await checkFile(b, opts(out, [a, b]));
    expect(ra.markedCopy).toBe(path.join(out, "决算-校验.xlsx"));
    expect(rb.markedCopy).toBe(path.join(out, "决算 (2)-校验.xlsx"));
    expect(rb.notes.join("\n")).toContain("另有同名输入文件，标记副本改名为「决算 (2)-校验.xlsx」");
    const reportOf = (f: string) => {
      const parts = unzip(new Uint8Array(readFileSync(f)));
      const sheet = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((x, y) => Number(/\d+/.exec(x)![0]) - Number(/\d+/.exec(y)![0])).pop()!;
      return text(parts, sheet);
    };
    expect(ra.counts.error).toBeGreaterThan(0);
    expect(reportOf(ra.markedCopy!)).toContain("校验未通过");
    expect(rb.counts.error).toBe(0);
    expect(reportOf(rb.markedCopy!)).toContain("校验通过");
  });
});

describe("marked copy writes", () => {
  it("a copy that cannot be written says where and why, in Chinese, and leaves no temp file", async () => {
    const dir = tempDir("caijue-mark-nodir-");
    const blocker = path.join(dir, "不是文件夹");
    writeFileSync(blocker, "x");
    const err = await writeAtomically(path.join(blocker, "决算-校验.xlsx"), new Uint8Array([1, 2, 3]), "zh-CN").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MarkError);
    expect((err as Error).message).toContain(`无法在「${blocker}」中写入标记副本`);
    expect((err as Error).message).not.toMatch(/ENOTDIR|ENOENT|EEXIST|Error/);
    expect(readdirSync(dir)).toEqual(["不是文件夹"]);
  });

  it("writes through a temp file and rename: the copy appears whole, nothing else is left", async () => {
    const dir = tempDir("caijue-mark-atomic-");
    const out = path.join(dir, "x-校验.xlsx");
    await writeAtomically(out, new Uint8Array(1000).fill(7), "zh-CN");
    expect(readdirSync(dir)).toEqual(["x-校验.xlsx"]);
    expect(statSync(out).size).toBe(1000);
  });

  it("removes this process's temp copies and conversion folders, and nothing of another process", () => {
    const dir = tempDir("caijue-mark-leftovers-");
    const mine = path.join(dir, `.决算-校验.xlsx.caijue-tmp-${process.pid}-abc`);
    const other = path.join(dir, `.决算-校验.xlsx.caijue-tmp-999999999-abc`);
    const keep = path.join(dir, "决算-校验.xlsx");
    for (const f of [mine, other, keep]) writeFileSync(f, "x");
    const conv = path.join(os.tmpdir(), `caijue-xls-${process.pid}-test`);
    mkdirSync(path.join(conv, "profile"), { recursive: true });
    removeLeftovers([dir]);
    expect(readdirSync(dir).sort()).toEqual([path.basename(other), path.basename(keep)].sort());
    expect(existsSync(conv)).toBe(false);
  });

  it("an .xls input gets a Chinese reason, not a copy", async () => {
    const dir = tempDir("caijue-mark-xls-");
    const f = path.join(dir, "旧表.xls");
    writeFileSync(f, "x");
    const err = await writeMarkedCopy(f, [], path.join(dir, "out"), [f], "zh-CN").catch((e: unknown) => e);
    expect((err as Error).message).toContain("「旧表.xls」是旧版 .xls/.et 文件");
  });

  it("a part that cannot be read is named in the reason; the input is checked, reported and left alone", async () => {
    const dir = tempDir("caijue-mark-bad-");
    const parts = unzip(await excelJsFeatureWorkbook());
    // The comments part of the sheet that gets marked, damaged: readers skip it, the copy cannot merge into it.
    parts["xl/comments1.xml"] = strToU8("<comments><commentList>");
    const f = path.join(dir, "决算.xlsx");
    writeFileSync(f, zipSync(parts));
    const before = readFileSync(f);
    const out = path.join(dir, "out");
    const r = await checkFile(f, opts(out, [f]));
    expect(r.readable).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
    const e = r.errors.find((x) => x.code === "mark-failed")!;
    expect(e.message).toBe("写标记副本失败：「决算.xlsx」中的 xl/comments1.xml 内容无法按 Excel 格式读取，未写标记副本（原文件未改动）");
    expect(readFileSync(f).equals(before)).toBe(true);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe("caijue check --mark, a batch", () => {
  before(() => buildCli());

  it("two inputs named 决算.xlsx in different folders: two copies, the renamed one said in the output", async () => {
    const dir = tempDir("caijue-mark-cli-");
    for (const sub of ["甲", "乙"]) {
      mkdirSync(path.join(dir, sub));
      writeFileSync(path.join(dir, sub, "决算.xlsx"), await writeXlsx(seedWithErrors()));
    }
    const out = path.join(dir, "标记");
    const r = await caijue(["check", path.join(dir, "甲"), path.join(dir, "乙"), "--mark", out, "--jobs", "2"]);
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["决算 (2)-校验.xlsx", "决算-校验.xlsx"]);
    expect(r.stdout).toContain("标记副本改名为「决算 (2)-校验.xlsx」");
    expect(r.stdout).toContain(path.join(out, "决算 (2)-校验.xlsx"));
  });

  it("interrupted with Ctrl-C: no 0-byte copy, no temp file, exit 130", async () => {
    const dir = tempDir("caijue-mark-int-");
    const bytes = await excelJsFeatureWorkbook();
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `单位${i}.xlsx`), bytes);
    const out = path.join(dir, "标记");
    const child = spawn(process.execPath, [CLI, "check", dir, "--mark", out, "--jobs", "2"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let sent = false;
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      // Interrupt as soon as the first copy is reported: the others are being read, checked or written.
      // Users press Ctrl-C more than once: send it twice; the second must not cut the clean-up short.
      if (!sent && stdout.includes("已写出标记副本")) {
        sent = true;
        child.kill("SIGINT");
        setTimeout(() => child.kill("SIGINT"), 5);
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(status).toBe(130);
    const left = existsSync(out) ? listAll(out) : [];
    expect(left.filter((f) => f.includes(".caijue-tmp-"))).toEqual([]);
    for (const f of left) expect(statSync(f).size, f).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(40);
    expect(readdirSync(os.tmpdir()).filter((n) => n.startsWith(`caijue-xls-${child.pid}-`))).toEqual([]);
  });
});
