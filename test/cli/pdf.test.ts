// Published PDFs: positioned text → snapshot sheets → the same recognition, rules and 核对 as for workbooks.
// The documents under test/fixtures/documents are drawn from the fixture workbooks by make-documents.ts, so every
// amount read back from a PDF can be compared with the value the workbook holds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "mocha";
import { expect } from "../support/expect";
import { buildLines } from "../../src/core/document/lines";
import { readDocumentPages } from "../../src/core/document/pages";
import { buildTableSheet } from "../../src/core/document/table-grid";
import type { TextRun } from "../../src/core/document/types";
import { recognize } from "../../src/core/recognize/index";
import { cellOf } from "../../src/core/recognize/types";
import { validate } from "../../src/core/rules/index";
import { verifyNarrative, parseInputsSheet } from "../../src/core/narrative/index";
import { openInput } from "../../src/cli/pdf/open-input";
import { readPdfText } from "../../src/cli/pdf/read-pdf";
import { WorkbookReadError } from "../../src/cli/xlsx/errors";
import { fixture, type FixtureName } from "../fixtures/index";

const DOCS = path.resolve(__dirname, "../fixtures/documents");
const doc = (name: string) => path.join(DOCS, name);

/** A run of text as pdf.js would report it (display space: y downwards). */
function run(text: string, x: number, y: number, h = 10): TextRun {
  return { text, x, y, width: text.length * h * (/^[\x20-\x7e]+$/.test(text) ? 0.55 : 1), height: h };
}

function rowsOf(values: unknown[][]): string[] {
  return values.map((r) => r.map((v) => (v === null ? "" : String(v))).join("|"));
}

describe("document grid: positioned text → sheet", () => {
  it("joins a label wrapped around its vertically centred figures into one row, figures as numbers", () => {
    const runs = [
      run("支出决算表", 200, 40, 14),
      run("项目", 40, 80),
      run("本年支出合计", 200, 80),
      run("基本支出", 300, 80),
      run("合计", 40, 100),
      run("1,234.50", 200, 100),
      run("1,000.00", 300, 100),
      run("机关事业单位基本养老", 40, 116),
      run("160.75", 210, 122),
      run("保险缴费支出", 40, 128),
      run("208", 40, 144),
      run("住房保障支出", 60, 144),
      run("73.75", 210, 144),
    ];
    const sheet = buildTableSheet("第1页", buildLines(runs, 1)).sheet;
    const rows = rowsOf(sheet.values);
    expect(rows).toContain("机关事业单位基本养老保险缴费支出|160.75|");
    expect(rows.some((r) => r.startsWith("合计|1234.5|1000"))).toBe(true);
    // 1,234.50 is a number with its two decimals kept in the format
    const r = sheet.values.findIndex((v) => v[0] === "合计");
    expect(sheet.values[r][1]).toBe(1234.5);
    expect(sheet.numberFormats?.[r][1]).toBe("#,##0.00");
  });

  it("puts a header centred over two columns above both (a merge), and makes empty columns from their headers", () => {
    // 合计 is narrower than its two columns and touches only one of them, as in published 三公 tables.
    const runs = [
      run("项目", 40, 60),
      run("合计", 144, 60),
      run("预算数", 120, 80),
      run("决算数", 180, 80),
      run("事业收入", 260, 70),
      run("一、财政拨款", 40, 100),
      run("10.00", 130, 100),
      run("9.50", 190, 100),
    ];
    const sheet = buildTableSheet("第2页", buildLines(runs, 2)).sheet;
    const header = sheet.values.findIndex((v) => v.includes("合计"));
    const col = sheet.values[header].indexOf("合计");
    expect(sheet.merges).toContainEqual({ top: header, left: col, bottom: header, right: col + 1 });
    expect(sheet.values.some((v) => v.includes("事业收入"))).toBe(true);
    // the 事业收入 column exists although no row has a figure in it
    expect(sheet.values[0].length).toBeGreaterThanOrEqual(4);
  });

  it("drops page numbers and a running header, joins a table continued on the next page, and keeps prose apart", () => {
    const page = (n: number, body: TextRun[]) => ({ page: n, width: 600, height: 800, runs: [run("某单位2025年度部门决算", 40, 30, 9), ...body, run(`- ${n} -`, 290, 780, 9)] });
    const pages = [
      page(1, [run("一、收入支出决算总体情况说明", 40, 100), run("本年收入合计100.00万元。", 60, 120)]),
      page(2, [
        run("收入决算表", 250, 60, 14),
        run("单位：万元", 480, 80),
        run("科目编码", 40, 100),
        run("科目名称", 120, 100),
        run("本年收入合计", 300, 100),
        run("201", 40, 120),
        run("一般公共服务支出", 120, 120),
        run("60.00", 310, 120),
      ]),
      page(3, [run("208", 40, 100), run("社会保障和就业支出", 120, 100), run("40.00", 310, 100)]),
      page(4, [run("其他说明", 40, 100), run("无。", 60, 120)]),
    ];
    const d = readDocumentPages(pages, "t.pdf");
    expect(d.snapshot.sheets.map((s) => s.name)).toEqual(["第2-3页"]);
    const rows = rowsOf(d.snapshot.sheets[0].values);
    expect(rows).toContain("208|社会保障和就业支出|40");
    expect(rows.join("\n")).not.toContain("- 3 -");
    expect(d.narrative).toContain("本年收入合计100.00万元。");
    expect(d.narrative).not.toContain("部门决算");
    expect(d.narrative).not.toMatch(/- \d -/);
    expect(d.sheetPages["第2-3页"]).toEqual([2, 3]);
    // every figure keeps the place it was read from
    const place = Object.values(d.places["第2-3页"]).find((p) => p.page === 3);
    expect(place).toBeDefined();
  });
});

const TABLE_DOCS: { file: string; fixture: FixtureName; what: string }[] = [
  { file: "shiquanlu-tables.pdf", fixture: "shiquanlu-national", what: "landscape and portrait pages, tables over several pages, wrapped labels" },
  { file: "seed-tables-rotated.pdf", fixture: "seed-national", what: "landscape tables stored as portrait pages with /Rotate 90, header repeated on each page" },
  { file: "seed-tables-sideways.pdf", fixture: "seed-national", what: "landscape tables drawn sideways on portrait pages (text running up)" },
  { file: "shiquanlu-disclosure-defect.pdf", fixture: "shiquanlu-national", what: "a whole disclosure: 目录, narrative, then the tables" },
];

describe("PDFs drawn from the fixture workbooks", () => {
  for (const t of TABLE_DOCS) {
    it(`${t.file} (${t.what}): every table found, every amount equal to the workbook's, no 强制 finding`, async () => {
      const f = fixture(t.fixture);
      const input = await openInput(doc(t.file));
      expect(input.kind).toBe("pdf");
      const recognition = recognize(input.snapshot);
      const kinds = new Set(recognition.tables.map((v) => v.kind));
      for (const table of f.tables) expect({ file: t.file, kind: table.kind, found: kinds.has(table.kind) }).toEqual({ file: t.file, kind: table.kind, found: true });
      // Amounts: each expected cell of the workbook is read back from the PDF with the same value.
      let compared = 0;
      const wrong: string[] = [];
      for (const e of f.expected) {
        const view = recognition.tables.find((v) => v.kind === e.kind);
        if (!view) continue;
        const cell = cellOf(view, e.rowKey, e.role);
        const value = cell?.reading.kind === "amount" ? cell.reading.value : cell?.reading.kind === "blank" ? 0 : undefined;
        compared++;
        // A blank cell (a zero printed as nothing) may have no cell of its own in a row of a drawn table.
        if (value === undefined && e.value === 0) continue;
        if (value === undefined || Math.abs(value - e.value) > 0.005) wrong.push(`${e.kind} ${e.rowKey}/${e.role}: ${value} ≠ ${e.value}`);
      }
      expect(compared).toBeGreaterThan(100);
      expect(wrong.slice(0, 10)).toEqual([]);
      const vr = validate(recognition, input.snapshot, {});
      expect(vr.findings.filter((x) => x.severity === "error").map((x) => `${x.rule} ${x.message}`)).toEqual([]);
    });
  }

  it("reads the narrative of a two-column page layout in reading order, numbers unbroken", async () => {
    const input = await openInput(doc("shiquanlu-narrative-2col.pdf"));
    const text = readFileSync(doc("shiquanlu-narrative.txt"), "utf8");
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(input.document!.narrative)).toBe(squash(text));
  });

  it("verify on the whole disclosure finds the mis-stated figure, the same as on the text, and names the page", async () => {
    const input = await openInput(doc("shiquanlu-disclosure-defect.pdf"));
    const recognition = recognize(input.snapshot);
    const fromPdf = verifyNarrative(input.document!.narrative, recognition, parseInputsSheet(input.snapshot), { lang: "zh-CN" });
    const fromText = verifyNarrative(readFileSync(doc("shiquanlu-narrative-defect.txt"), "utf8"), recognition, parseInputsSheet(input.snapshot), { lang: "zh-CN" });
    const summary = (r: typeof fromPdf) => r.mismatches.map((m) => `${m.severity} ${m.claimed} ${m.expected}`);
    expect(summary(fromPdf)).toEqual(summary(fromText));
    expect(fromPdf.mismatches.filter((m) => m.severity === "error").length).toBe(1);
    expect(fromPdf.claims.length).toBe(fromText.claims.length);
  });
});

describe("PDFs that cannot be read", () => {
  const code = async (bytes: Uint8Array) => {
    try {
      await readPdfText(bytes);
      return "read";
    } catch (e) {
      return e instanceof WorkbookReadError ? e.code : String(e);
    }
  };

  it("a PDF without a text layer is a scan", async () => {
    expect(await code(new Uint8Array(readFileSync(doc("scanned.pdf"))))).toBe("pdf-scanned");
  });

  it("a truncated PDF is damaged", async () => {
    const bytes = readFileSync(doc("shiquanlu-narrative-2col.pdf"));
    expect(await code(new Uint8Array(bytes.subarray(0, 900)))).toBe("pdf-damaged");
  });

  it("a PDF with an open password is encrypted", async () => {
    // Standard security handler with a user password: the empty password does not open it.
    const src = readFileSync(doc("scanned.pdf"), "latin1");
    const hex = "0123456789abcdef".repeat(4);
    const enc = src.replace(/trailer\s*<</, `trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex}> /U <${hex}> >>`);
    expect(enc).not.toBe(src);
    expect(await code(new Uint8Array(Buffer.from(enc, "latin1")))).toBe("pdf-encrypted");
  });
});
