/** End-to-end: rule N-PH in `caijue check`, and `caijue inputs` (print / write a completed copy). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { INPUT_KEYS } from "../../src/core/narrative";
import { readXlsxLean } from "../../src/cli/xlsx/read-lean";
import { writeXlsx } from "../fixtures/write-xlsx";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { buildCli, caijue, ensureFixtures, SEED, sha256, tempDir } from "./helpers";

const PH = "【请填写：上年财政拨款收入总计】";
let seed: WorkbookSnapshot;
let dir: string;

function readBack(file: string): WorkbookSnapshot {
  return readXlsxLean(new Uint8Array(readFileSync(file)), path.basename(file)).snapshot;
}

function textSheet(name: string, rows: (string | number | null)[][]): SheetSnapshot {
  return { name, visibility: "visible", origin: { row: 0, col: 0 }, values: rows };
}

async function save(name: string, snapshot: WorkbookSnapshot): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await writeXlsx(snapshot));
  return file;
}

before(async () => {
  buildCli();
  ensureFixtures();
  dir = tempDir("caijue-narrative-sheets-");
  seed = readBack(SEED);
});

describe("caijue check: placeholders left in 「情况说明」 (N-PH)", () => {
  it("lists each cell holding a placeholder as a warning in --format json", async () => {
    const file = await save("with-narrative.xlsx", {
      sheets: [...seed.sheets, textSheet("情况说明", [["一、收入支出决算总体情况"], [`与上年相比，${PH}。`], ["已填写完整的一段。"]])],
    });
    const r = await caijue(["check", file, "--format", "json"]);
    expect([0, 1]).toContain(r.status);
    const json = JSON.parse(r.stdout) as { files: { findings: { id: string; rule: string; severity: string; sheet: string; cell: string; message: string }[] }[] };
    const ph = json.files[0].findings.filter((f) => f.rule === "N-PH");
    expect(ph).toHaveLength(1);
    expect(ph[0]).toMatchObject({ severity: "warning", sheet: "情况说明", cell: "A2" });
    expect(ph[0].message).toContain(PH);
    const en = await caijue(["check", file, "--format", "json", "--lang", "en"]);
    const enPh = (JSON.parse(en.stdout) as typeof json).files[0].findings.find((f) => f.rule === "N-PH")!;
    expect(enPh.message).toContain("still holds the placeholder");
    expect(enPh.id).toBe(ph[0].id);
  });
});

describe("caijue inputs", () => {
  const withoutInputs = () => ({ sheets: seed.sheets.filter((s) => s.name !== "说明数据") });

  it("prints every key pre-filled, as tab-separated text and as JSON", async () => {
    const file = await save("no-inputs.xlsx", withoutInputs());
    const text = await caijue(["inputs", file]);
    expect(text.status).toBe(0);
    const lines = text.stdout.trimEnd().split("\n").map((l) => l.split("\t"));
    expect(lines[0]).toEqual(["项目", "内容", "说明"]);
    expect(lines.slice(1).map((l) => l[0])).toEqual(INPUT_KEYS.map((k) => k.key));
    expect(lines.find((l) => l[0] === "年度")?.[1]).toBe("2019");
    const json = await caijue(["inputs", file, "--format", "json"]);
    const j = JSON.parse(json.stdout) as { sheet: string; exists: boolean; missing: string[]; rows: { 项目: string; 内容: string | number }[] };
    expect(j).toMatchObject({ sheet: "说明数据", exists: false });
    expect(j.missing).toEqual(INPUT_KEYS.map((k) => k.key));
    expect(j.rows.find((r) => r.项目 === "年度")?.内容).toBe(2019);
  });

  it("--out writes a copy with the sheet created; the input is untouched", async () => {
    const file = await save("create.xlsx", withoutInputs());
    const before = sha256(file);
    const out = path.join(dir, "create-out.xlsx");
    const r = await caijue(["inputs", file, "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("新建「说明数据」");
    expect(sha256(file)).toBe(before);
    const copy = readBack(out);
    const sheet = copy.sheets.find((s) => s.name === "说明数据")!;
    expect(sheet.values[0].slice(0, 3)).toEqual(["项目", "内容", "说明"]);
    expect(sheet.values.slice(1).map((l) => l[0])).toEqual(INPUT_KEYS.map((k) => k.key));
    // The tables are carried over unchanged.
    for (const s of withoutInputs().sheets) expect(copy.sheets.find((c) => c.name === s.name)?.values).toEqual(s.values);
  });

  it("--out on an existing sheet appends only the missing keys and keeps the user's cells", async () => {
    const mine = textSheet("说明数据", [
      ["项目", "内容"],
      ["上年财政拨款收入总计", 1234.5],
      ["单位名称", "我的单位"],
      ["我的备注", "=不是公式"],
    ]);
    const file = await save("partial.xlsx", { sheets: [...withoutInputs().sheets, mine] });
    const out = path.join(dir, "partial-out.xlsx");
    const r = await caijue(["inputs", file, "--out", out, "--format", "json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ exists: true });
    const sheet = readBack(out).sheets.find((s) => s.name === "说明数据")!;
    expect(sheet.values.slice(0, 4).map((l) => l.slice(0, 2))).toEqual(mine.values);
    const labels = sheet.values.map((l) => l[0]);
    expect(labels.slice(4)).toEqual(INPUT_KEYS.map((k) => k.key).filter((k) => k !== "上年财政拨款收入总计" && k !== "单位名称"));
    expect(sheet.formulas?.flat().filter(Boolean) ?? []).toEqual([]);
  });

  it("refuses to overwrite the input (exit 2) and has --help", async () => {
    const file = await save("self.xlsx", withoutInputs());
    const before = sha256(file);
    const r = await caijue(["inputs", file, "--out", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--out 不能指向输入文件本身");
    expect(sha256(file)).toBe(before);
    const h = await caijue(["inputs", "--help"]);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("caijue inputs <工作簿>");
    expect((await caijue(["inputs"])).status).toBe(2);
    expect((await caijue(["inputs", path.join(dir, "missing.xlsx")])).status).toBe(2);
  });
});
