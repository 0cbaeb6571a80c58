// The built CLI on PDFs and Word files, as a user runs it: places named by page, exit codes, bad inputs.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { before, describe, it } from "mocha";
import { expect } from "../support/expect";
import { buildCli, caijue, ensureFixtures, GENERATED } from "./helpers";
import { describeShared, sharedPath } from "../support/shared";

const DOCS = path.resolve(__dirname, "../fixtures/documents");
const doc = (name: string) => path.join(DOCS, name);

describe("caijue on PDF and .docx inputs", () => {
  before(() => {
    ensureFixtures();
    buildCli();
  });

  it("check on drawn tables: all nine tables named by their pages, passed", async () => {
    const r = await caijue(["check", doc("shiquanlu-tables.pdf")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("识别到 9 张表");
    expect(r.stdout).toMatch(/T2「第\d+-\d+页」/u);
  });

  it("recognize --format json lists the pages each table was read from", async () => {
    const r = await caijue(["recognize", doc("seed-tables-rotated.pdf"), "--format", "json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { tables: { kind: string; pages?: number[] }[] };
    expect(json.tables.length).toBe(9);
    expect(json.tables.every((t) => Array.isArray(t.pages) && t.pages.length >= 1)).toBe(true);
  });

  it("verify on one published PDF checks its narrative against its own tables and names the page", async () => {
    const r = await caijue(["verify", doc("shiquanlu-disclosure-defect.pdf")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/强制 第 \d+ 页/u);
    expect(r.stdout).toContain("19,044.20");
    const j = await caijue(["verify", doc("shiquanlu-disclosure-defect.pdf"), "--format", "json"]);
    const json = JSON.parse(j.stdout) as { claims: number; mismatches: { page?: number }[] };
    expect(json.claims).toBeGreaterThan(50);
    expect(json.mismatches[0].page).toBeGreaterThan(0);
  });

  it("verify <tables.pdf> <说明.docx|说明.pdf> reads the narrative from Word or PDF", async () => {
    const bad = await caijue(["verify", doc("shiquanlu-tables.pdf"), doc("shiquanlu-narrative-defect.docx")]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("19,044.20");
    const good = await caijue(["verify", doc("shiquanlu-tables.pdf"), doc("shiquanlu-narrative-2col.pdf")]);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("其中强制 0 处");
    expect(good.stdout).not.toContain("19,044.20");
  });

  it("never passes with nothing checked: a narrative without numbers, or no narrative at all, exits 2", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caijue-pdf-"));
    const txt = path.join(dir, "说明.txt");
    writeFileSync(txt, "本单位情况说明：无。\n");
    const none = await caijue(["verify", doc("shiquanlu-tables.pdf"), txt]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("没有核对任何内容");
    const tablesOnly = await caijue(["verify", doc("shiquanlu-tables.pdf")]);
    expect(tablesOnly.status).toBe(2);
    expect(tablesOnly.stderr).toContain("没有找到情况说明文字");
  });

  it("bad inputs: a scan, a damaged PDF, a renamed text file, an old .doc — one zh-CN line naming the file, exit 2", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caijue-pdf-"));
    const scan = await caijue(["check", doc("scanned.pdf")]);
    expect(scan.status).toBe(2);
    expect(scan.stdout).toContain("该 PDF 为扫描件，没有可读取的文字");
    const damaged = path.join(dir, "坏.pdf");
    writeFileSync(damaged, readFileSync(doc("shiquanlu-tables.pdf")).subarray(0, 1500));
    const d = await caijue(["recognize", damaged]);
    expect(d.status).toBe(2);
    expect(d.stderr).toContain("坏.pdf");
    expect(d.stderr).toContain("PDF 文件已损坏");
    const renamed = path.join(dir, "说明.pdf");
    writeFileSync(renamed, "not a pdf at all");
    const n = await caijue(["verify", renamed]);
    expect(n.status).toBe(2);
    expect(n.stderr).toContain("说明.pdf");
    const old = path.join(dir, "旧.docx");
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const o = await caijue(["verify", doc("shiquanlu-tables.pdf"), old]);
    expect(o.status).toBe(2);
    expect(o.stderr).toContain("另存为 .docx");
    expect(`${scan.stderr}${d.stderr}${n.stderr}${o.stderr}`).not.toMatch(/\n\s+at /);
  });

  it("--mark on a PDF says no marked copy is made and writes nothing, instead of failing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caijue-mark-"));
    const r = await caijue(["check", doc("seed-tables-sideways.pdf"), "--mark", dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("不生成标注副本");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a folder with workbooks and PDFs is checked as one batch", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caijue-mixed-"));
    copyFileSync(doc("seed-tables-sideways.pdf"), path.join(dir, "攀枝花.pdf"));
    copyFileSync(path.join(GENERATED, "seed-national.xlsx"), path.join(dir, "攀枝花.xlsx"));
    const r = await caijue(["check", dir, "--format", "json"]);
    const json = JSON.parse(r.stdout) as { files: { file: string; ok: boolean; tables: unknown[] }[] };
    expect(json.files.map((f) => path.basename(f.file)).sort()).toEqual(["攀枝花.pdf", "攀枝花.xlsx"]);
    expect(json.files.every((f) => f.tables.length === 9)).toBe(true);
  });
});

describeShared("caijue check on the published Shanghai PDF (../shared)", () => {
  before(() => buildCli());
  it("names the place of a finding as page, table, row and column; JSON carries page and box", async () => {
    const r = await caijue(["check", sharedPath("reference", "shanghai-caizhengju-2024.pdf")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("强制 0 项");
    expect(r.stdout).toContain("「第 6 页 收入支出决算总表 行「八、社会保障和就业支出」 列「决算数」」");
    const j = await caijue(["check", sharedPath("reference", "shanghai-caizhengju-2024.pdf"), "--format", "json"]);
    const json = JSON.parse(j.stdout) as { files: { findings: { page?: number; box?: { x: number; y: number } }[] }[] };
    const f = json.files[0].findings[0];
    expect(f.page).toBe(6);
    expect(f.box!.x).toBeGreaterThan(0);
  });
});
