/** End-to-end: the built CLI as a child process on the generated fixtures and on bad inputs. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { readXlsxLean } from "../../src/cli/xlsx/read-lean";
import { writeXlsx } from "../fixtures/write-xlsx";
import { fromA1 } from "../../src/core/workbook/snapshot";
import { buildCli, caijue, ensureFixtures, fixtureFiles, ROOT, SEED, SEED_TEXT, sha256, tempDir } from "./helpers";

interface JsonFile {
  file: string;
  ok: boolean;
  tables: { kind: string; sheet: string }[];
  findings: { id: string; rule: string; severity: string; sheet: string; cell: string; expected: number | null; actual: number | null; difference: number | null; message: string }[];
  errors: { code: string; message: string }[];
}

let bad: Record<string, string>;
let badDir: string;
/** The seed with its 支出总计 (T1 D34) raised by 100 万元: an unmistakable 强制 error. */
let broken: string;

before(async () => {
  buildCli();
  ensureFixtures();
  badDir = tempDir();
  bad = {
    empty: path.join(badDir, "empty.xlsx"),
    csv: path.join(badDir, "renamed-csv.xlsx"),
    cfb: path.join(badDir, "password.xlsx"),
    truncated: path.join(badDir, "truncated.xlsx"),
    big: path.join(badDir, "big.xlsx"),
  };
  writeFileSync(bad.empty, "");
  writeFileSync(bad.csv, "项目,金额\n收入合计,100\n");
  // A CFB (OLE2) header with an EncryptionInfo stream name: what Excel writes for a password-protected workbook.
  const cfb = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
  writeFileSync(bad.cfb, cfb);
  const good = readFileSync(SEED);
  writeFileSync(bad.truncated, good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(bad.big, Buffer.alloc(2 * 1024 * 1024 + 10, 0x50));
  const snap = readXlsxLean(new Uint8Array(good), "seed.xlsx").snapshot;
  const t1 = snap.sheets[0];
  const cell = fromA1("D34")!;
  const line = t1.values[cell.row - t1.origin.row];
  line[cell.col - t1.origin.col] = (line[cell.col - t1.origin.col] as number) + 100;
  broken = path.join(tempDir("caijue-broken-"), "broken.xlsx");
  writeFileSync(broken, await writeXlsx(snap));
});

describe("caijue basics", () => {
  it("prints help and version", async () => {
    const h = await caijue(["--help"]);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("caijue check");
    expect(h.stdout).toContain("退出码");
    const en = await caijue(["check", "--help", "--lang", "en"]);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain("--format text|json|junit");
    for (const cmd of ["check", "narrate", "verify", "recognize"]) {
      const r = await caijue([cmd, "-h"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`caijue ${cmd}`);
    }
    const v = await caijue(["--version"]);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("rejects usage errors with exit 2 and a zh-CN line, no stack trace", async () => {
    for (const args of [["frobnicate"], ["check"], ["check", SEED, "--format", "xml"], ["check", SEED, "--jobs", "0"], ["check", SEED, "--bogus"], ["verify", SEED]]) {
      const r = await caijue(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("caijue check on bad inputs", () => {
  it("reports each bad file on one line and keeps checking the others (exit 2)", async () => {
    const missing = path.join(badDir, "nope.xlsx");
    const emptyDir = path.join(badDir, "nothing-here");
    mkdirSync(emptyDir, { recursive: true });
    const r = await caijue(["check", missing, emptyDir, ...Object.values(bad), SEED, "--format", "json", "--max-size", "1", "--jobs", "2"]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const out = JSON.parse(r.stdout) as { files: JsonFile[] };
    const byFile = new Map(out.files.map((f) => [f.file, f]));
    const code = (f: string) => byFile.get(f)?.errors[0]?.code;
    expect(code(missing)).toBe("not-found");
    expect(code(emptyDir)).toBe("no-workbooks");
    expect(code(bad.empty)).toBe("empty");
    expect(code(bad.csv)).toBe("not-zip");
    expect(code(bad.cfb)).toBe("encrypted");
    expect(code(bad.truncated)).toBe("truncated");
    expect(code(bad.big)).toBe("too-large");
    for (const f of out.files.filter((x) => x.file !== SEED)) {
      expect(f.ok).toBe(false);
      expect(f.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.errors[0].message).not.toContain("\n");
    }
    const seed = byFile.get(SEED)!;
    expect(seed.errors).toEqual([]);
    expect(seed.tables.length).toBeGreaterThan(0);
  });

  it("old .xls/.et files need LibreOffice; an .xls renamed to .xlsx is named as such", async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    const xls = path.join(badDir, "旧表.xls");
    const renamed = path.join(badDir, "old-renamed.xlsx");
    writeFileSync(xls, cfb);
    writeFileSync(renamed, cfb);
    // CAIJUE_SOFFICE="" says there is no LibreOffice, whatever this machine has installed.
    const r = await caijue(["check", xls, renamed, "--format", "json"], { CAIJUE_SOFFICE: "" });
    expect(r.status).toBe(2);
    const files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
    // With no LibreOffice the .xls cannot be converted; the message says what to do.
    expect(files[0].errors[0].code).toBe("xls-no-converter");
    expect(files[0].errors[0].message).toContain("LibreOffice");
    expect(files[1].errors[0].code).toBe("old-xls");
  });

  it("text output gives one zh-CN reason per bad file and an English one with --lang en", async () => {
    const r = await caijue(["check", bad.csv, bad.cfb]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("改了扩展名的 CSV");
    expect(r.stdout).toContain("打开密码");
    const en = await caijue(["check", bad.csv, "--lang", "en"]);
    expect(en.stdout).toContain("renamed CSV");
    // eslint-disable-next-line no-control-regex
    expect(en.stdout).not.toMatch(/\u001b\[/); // no colour when not a TTY
  });
});

describe("caijue check on fixtures", () => {
  it("checks every generated fixture in one batch with the contract's JSON shape", async () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(0);
    const r = await caijue(["check", path.join(ROOT, "test", "fixtures", "generated"), "--format", "json"]);
    const out = JSON.parse(r.stdout) as { files: JsonFile[] };
    expect(out.files.length).toBe(files.length);
    // the deliberately broken fixtures (bad-*.xlsx, test/fixtures/bad-inputs.ts) are reported, and make the batch exit 2.
    const broken = out.files.filter((f) => f.errors.length > 0);
    expect(broken.map((f) => path.basename(f.file)).every((n) => n.startsWith("bad-"))).toBe(true);
    let errors = 0;
    for (const f of out.files) {
      expect(typeof f.ok).toBe("boolean");
      if (f.errors.length > 0) {
        expect(f.ok).toBe(false);
        continue;
      }
      for (const t of f.tables) expect(Object.keys(t).sort()).toEqual(["kind", "sheet"]);
      for (const x of f.findings) {
        // built-in rules also say what they rest on (basis) and the version of their meaning
        expect(Object.keys(x).sort()).toEqual(["actual", "basis", "cell", "difference", "expected", "id", "message", "rule", "ruleVersion", "severity", "sheet"]);
        expect(["mof", "template", "convention"]).toContain((x as unknown as { basis: string }).basis);
        expect(["error", "warning"]).toContain(x.severity);
        expect(x.cell).toMatch(/^[A-Z]+\d+$/);
        if (x.severity === "error") errors++;
      }
      expect(f.ok).toBe(!f.findings.some((x) => x.severity === "error"));
    }
    expect(r.status).toBe(broken.length > 0 ? 2 : errors > 0 ? 1 : 0);
    expect(out.files.some((f) => f.findings.length > 0)).toBe(true); // the seed fixtures carry the seed's inconsistency
    const good = out.files.filter((f) => f.errors.length === 0).map((f) => f.file);
    const g = await caijue(["check", ...good, "--format", "json"]);
    expect(g.status).toBe(errors > 0 ? 1 : 0);
  });

  it("reports the seed's own inconsistency (总计 4163.20 against 4163.21) with a consistent exit code", async () => {
    const j = await caijue(["check", SEED, "--format", "json"]);
    const seed = (JSON.parse(j.stdout) as { files: JsonFile[] }).files[0];
    const t1d = seed.findings.find((f) => f.rule === "T1-d");
    expect(t1d?.cell).toBe("D34");
    expect(t1d?.actual).toBe(4163.2);
    const hasError = seed.findings.some((f) => f.severity === "error");
    expect(seed.ok).toBe(!hasError);
    expect(j.status).toBe(hasError ? 1 : 0);
  });

  it("flags a real error (exit 1) in text, JSON and JUnit", async () => {
    const t = await caijue(["check", broken]);
    expect(t.status).toBe(1);
    expect(t.stdout).toContain("强制");
    const j = await caijue(["check", broken, "--format", "json"]);
    const res = (JSON.parse(j.stdout) as { files: JsonFile[] }).files[0];
    expect(res.ok).toBe(false);
    expect(res.findings.some((f) => f.severity === "error" && f.cell === "D34")).toBe(true);
    const x = await caijue(["check", broken, "--format", "junit"]);
    expect(x.status).toBe(1);
    const parser = new SaxesParser();
    const tags: string[] = [];
    parser.on("opentag", (n) => tags.push(n.name));
    parser.write(x.stdout).close(); // throws when the XML is not well-formed
    expect(tags[0]).toBe("testsuites");
    expect(tags).toContain("failure");
  });

  it("--mark writes a marked copy with the report sheet and leaves the input untouched", async () => {
    const out = tempDir("caijue-mark-");
    const before = sha256(SEED);
    const r = await caijue(["check", SEED, "--mark", out]);
    expect([0, 1]).toContain(r.status);
    expect(sha256(SEED)).toBe(before);
    const copy = path.join(out, "seed-2019-sichuan-校验.xlsx");
    expect(existsSync(copy)).toBe(true);
    const zip = unzipSync(new Uint8Array(readFileSync(copy)));
    const wbXml = strFromU8(zip["xl/workbook.xml"]);
    expect(wbXml).toContain("校验结果");
    // Report cells are text: no <f> anywhere in the report sheet (it is the last sheet).
    const sheetNames = Object.keys(zip).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const last = sheetNames.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])).pop()!;
    const reportXml = strFromU8(zip[last]);
    expect(reportXml).not.toContain("<f>");
    expect(reportXml).toContain("<hyperlink");
    // Report text is written as inline strings: text by construction, whatever it starts with.
    for (const h of ["级别", "规则", "单元格", "期望", "实际", "差额", "说明", "已说明"]) expect(reportXml).toContain(`<t xml:space="preserve">${h}</t>`);
    // Running again into the input's own folder must never overwrite an input.
    const again = await caijue(["check", copy, "--mark", out]);
    expect(existsSync(copy)).toBe(true);
    expect(again.stdout + again.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("caijue check: guards", () => {
  it("--mark never writes a copy over another input file: the copy takes a free name", async () => {
    const dir = tempDir("caijue-mark-self-");
    const a = path.join(dir, "单位.xlsx");
    const b = path.join(dir, "单位-校验.xlsx");
    writeFileSync(a, readFileSync(SEED));
    writeFileSync(b, readFileSync(SEED));
    const before = sha256(b);
    const r = await caijue(["check", dir, "--mark", dir, "--format", "json"]);
    expect(r.status).toBe(0);
    expect(sha256(b)).toBe(before);
    const out = JSON.parse(r.stdout) as { files: (JsonFile & { marked?: string; notes?: string[] })[] };
    const renamed = out.files.find((f) => f.file === a)!;
    expect(renamed.marked).toBe(path.join(dir, "单位 (2)-校验.xlsx"));
    expect(renamed.notes?.join("\n")).toContain("标记副本改名为");
    expect(renamed.findings.length).toBeGreaterThan(0); // still checked and reported
  });

  it("reads only the first --max-rows rows of a million-row sheet and says so", async () => {
    const dir = tempDir("caijue-long-");
    const file = path.join(dir, "long.xlsx");
    const rows: string[] = [];
    // Rows and cells without r= attributes (allowed, and short): 1,000,000 rows in about 30 MB of XML.
    for (let r = 1; r <= 1_000_000; r++) rows.push(`<row><c><v>${r}</v></c></row>`);
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    writeFileSync(
      file,
      zipSync({
        "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
        "xl/workbook.xml": strToU8(`<workbook ${NS}><sheets><sheet name="长表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
        "xl/_rels/workbook.xml.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
        "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`),
      }, { level: 1 }),
    );
    const r = await caijue(["check", file, "--max-rows", "5000"]);
    // Read fine (capped, with a note); it holds no 财决 table, so it is reported as not checked (exit 2), not unreadable.
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("只读取了前 5000 行");
    expect(r.stdout).toContain("没有找到任何决算表");
    expect(r.stdout).not.toContain("无法读取");
  });
});

describe("caijue check --mark with hostile names", () => {
  it("keeps report text that looks like a formula as text", async () => {
    const base = readXlsxLean(new Uint8Array(readFileSync(SEED)), "seed.xlsx").snapshot;
    const t1 = base.sheets[0];
    t1.name = "=1+1";
    const dir = tempDir("caijue-hostile-");
    const file = path.join(dir, "hostile.xlsx");
    writeFileSync(file, await writeXlsx(base));
    const out = path.join(dir, "out");
    const r = await caijue(["check", file, "--mark", out, "--format", "json"]);
    expect([0, 1]).toContain(r.status);
    const res = (JSON.parse(r.stdout) as { files: JsonFile[] }).files[0];
    expect(res.findings.some((f) => f.sheet === "=1+1")).toBe(true);
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(out, "hostile-校验.xlsx"))));
    const sheets = Object.keys(zip).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const report = sheets.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])).pop()!;
    expect(strFromU8(zip[report])).not.toContain("<f>");
    expect(strFromU8(zip[report])).toContain('t="inlineStr"><is><t xml:space="preserve">=1+1!D34</t>');
  });
});

describe("caijue narrate / verify / recognize", () => {
  it("narrates the seed in the sichuan style, as text and JSON with provenance", async () => {
    const t = await caijue(["narrate", SEED, "--style", "sichuan"]);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain("万元");
    const j = await caijue(["narrate", SEED, "--format", "json"]);
    const n = JSON.parse(j.stdout) as { text: string; sections: { paragraphs: { spans: { sources: unknown[] }[] }[] }[] };
    expect(n.text.length).toBeGreaterThan(100);
    const spans = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.spans));
    expect(spans.some((s) => s.sources.length > 0)).toBe(true);
  });

  it("--out writes UTF-8 and never overwrites the input", async () => {
    const dir = tempDir();
    const out = path.join(dir, "说明.txt");
    expect((await caijue(["narrate", SEED, "--out", out])).status).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("万元");
    const before = sha256(SEED);
    const r = await caijue(["narrate", SEED, "--out", SEED]);
    expect(r.status).toBe(2);
    expect(sha256(SEED)).toBe(before);
  });

  it("verifies the seed's own narrative with the contract's JSON shape", async () => {
    const r = await caijue(["verify", SEED, SEED_TEXT, "--format", "json"]);
    expect([0, 1]).toContain(r.status);
    const v = JSON.parse(r.stdout) as { claims: number; mismatches: { excerpt: string; offset: number; severity: string }[]; unverified: { excerpt: string; offset: number }[] };
    expect(v.claims).toBeGreaterThan(10);
    for (const m of v.mismatches) {
      expect(typeof m.excerpt).toBe("string");
      expect(typeof m.offset).toBe("number");
    }
    expect(r.status).toBe(v.mismatches.some((m) => m.severity === "error") ? 1 : 0);
  });

  it("recognize reports the tables as JSON", async () => {
    const r = await caijue(["recognize", SEED, "--format", "json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { tables: { kind: string; sheet: string; range: string }[] };
    expect(j.tables.map((t) => t.kind)).toContain("T1");
    const t = await caijue(["recognize", SEED]);
    expect(t.status).toBe(0);
  });
});
