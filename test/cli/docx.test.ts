// Word .docx: the body's paragraphs in order (目录 field, header and footer parts left out), tables as sheets.
import { readFileSync } from "node:fs";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { describe, it } from "mocha";
import { expect } from "../support/expect";
import { readDocx } from "../../src/cli/docx/read-docx";
import { WorkbookReadError } from "../../src/cli/xlsx/errors";
import { recognize } from "../../src/core/recognize/index";

const DOCS = path.resolve(__dirname, "../fixtures/documents");

function codeOf(f: () => unknown): string {
  try {
    f();
    return "read";
  } catch (e) {
    return e instanceof WorkbookReadError ? e.code : String(e);
  }
}

describe("reading a .docx", () => {
  it("gives the narrative without the 目录 field, the running header or the page-number footer", () => {
    const d = readDocx(new Uint8Array(readFileSync(path.join(DOCS, "shiquanlu-narrative-defect.docx"))));
    const text = readFileSync(path.join(DOCS, "shiquanlu-narrative-defect.txt"), "utf8");
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(d.narrative)).toBe(squash(text));
    expect(d.narrative).not.toContain("页眉");
    expect(d.narrative).not.toMatch(/^目录/u);
  });

  it("reads a table typed into Word as a sheet the recognizer finds, merged title cell included", () => {
    const d = readDocx(new Uint8Array(readFileSync(path.join(DOCS, "shiquanlu-with-table.docx"))));
    expect(d.snapshot.sheets.length).toBe(1);
    const sheet = d.snapshot.sheets[0];
    expect(sheet.merges?.some((m) => m.top === 0 && m.left === 0 && m.right > 0)).toBe(true);
    const recognition = recognize(d.snapshot);
    expect(recognition.tables.map((t) => t.kind)).toContain("T1");
    // figures are numbers, not text
    expect(sheet.values.some((r) => r.some((v) => typeof v === "number"))).toBe(true);
  });

  it("says why a file cannot be read: old or encrypted Word, damaged zip, missing document part", () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(codeOf(() => readDocx(cfb))).toBe("doc-binary");
    const good = new Uint8Array(readFileSync(path.join(DOCS, "shiquanlu-with-table.docx")));
    expect(codeOf(() => readDocx(good.subarray(0, 200)))).toBe("docx-damaged");
    expect(codeOf(() => readDocx(zipSync({ "word/other.xml": strToU8("<x/>") })))).toBe("docx-damaged");
    expect(codeOf(() => readDocx(strToU8("plain text, not a zip")))).toBe("docx-damaged");
    // the XML parser is strict: a document part that is not well-formed is refused, not read in part
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    expect(codeOf(() => readDocx(zipSync({ "word/document.xml": strToU8(`<w:document ${ns}><w:body><w:p><w:r><w:t>一</w:t></w:r></w:body></w:document>`) })))).toBe("docx-damaged");
  });

  it("keeps vertical merges and spans of a table as merged ranges", () => {
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const tc = (t: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}<w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const xml = `<w:document ${ns}><w:body><w:tbl>
      <w:tr>${tc("项目", '<w:vMerge w:val="restart"/>')}${tc("决算数", '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc("", "<w:vMerge/>")}${tc("基本支出")}${tc("项目支出")}</w:tr>
      <w:tr>${tc("合计")}${tc("1,234.50")}${tc("66.00")}</w:tr>
    </w:tbl></w:body></w:document>`;
    const d = readDocx(zipSync({ "word/document.xml": strToU8(xml) }));
    const s = d.snapshot.sheets[0];
    expect(s.values).toEqual([
      ["项目", "决算数", null],
      [null, "基本支出", "项目支出"],
      ["合计", 1234.5, 66],
    ]);
    expect(s.merges).toContainEqual({ top: 0, left: 1, bottom: 0, right: 2 });
    expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 1, right: 0 });
  });
});
