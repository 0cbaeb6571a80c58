// The task pane reads a picked .docx with the browser's DOMParser, the CLI with saxes; both go through the same
// docx-reader.ts. This runs the pane's reader in headless Chromium on every .docx fixture and on small documents with
// the XML features that could tell two parsers apart, and compares every result with the CLI's reader.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { strToU8, zipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { after, before, describe, it } from "mocha";
import { expect } from "../support/expect";
import { readDocx } from "../../src/cli/docx/read-docx";
import { WorkbookReadError } from "../../src/cli/xlsx/errors";
import { findChromium, launchChromium, repoRoot, shouldSkip } from "./harness";

const chromium = findChromium();
const skip = shouldSkip(chromium, "REQUIRE_BROWSER", "docx parser comparison (test/browser/docx-parsers.test.ts)");
const DOCS = join(repoRoot, "test/fixtures/documents");

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string) => zipSync({ "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}</w:body></w:document>`) });
const p = (runs: string, style = "") => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${runs}</w:p>`;
const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const tc = (t: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${p(r(t))}</w:tc>`;

/** Small documents with what a parser could read differently: entities, CDATA, comments, fields, nesting. */
const SYNTHETIC: Record<string, Uint8Array> = {
  entities: docx(p(r("收入 &amp; 支出 &lt;合计&gt; &#x4E00;&#20108; &quot;x&apos;")) + p(r("a\r\nb\rc"))),
  "cdata and comments": docx(p(`<w:r><w:t>前<!-- note -->后</w:t></w:r><w:r><w:t><![CDATA[不读<b>]]>读</w:t></w:r>`)),
  "tabs breaks and toc styles": docx(p(r("一") + "<w:r><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t><w:cr/></w:r>") + p(r("目录项 ……3"), "TOC1") + p(r("正文  　"))),
  "toc field": docx(
    p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("一、概况 1")}`) +
      p(`${r("二、收支 2")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`) +
      p(r("正文")),
  ),
  "toc content control": docx(`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p(r("目录"))}${p(r("第一部分 3"))}</w:sdtContent></w:sdt>${p(r("说明"))}`),
  "manual toc": docx(p(r("目 录")) + p(r("一、部门职责……1")) + p(r("二、收支\t2")) + p(r("一、部门职责"))),
  "tables nested and merged": docx(
    `<w:tbl><w:tr>${tc("项目", '<w:vMerge w:val="restart"/>')}${tc("决算数", '<w:gridSpan w:val="2"/>')}</w:tr><w:tr>${tc("", "<w:vMerge/>")}${tc("1,234.50")}<w:tc><w:tbl><w:tr>${tc("内")}${tc("嵌")}</w:tr></w:tbl>${p(r("后"))}</w:tc></w:tr></w:tbl>`,
  ),
  "empty body": docx(""),
  malformed: docx(p(r("未闭合")) + "<w:p>"),
  "mismatched tags": docx("<w:p><w:r></w:p></w:r>"),
  "no document part": zipSync({ "word/other.xml": strToU8("<x/>") }),
  "not a zip": strToU8("plain text"),
};

type Outcome = { read: unknown } | { error: string };

function cliOutcome(bytes: Uint8Array): Outcome {
  try {
    return { read: JSON.parse(JSON.stringify(readDocx(bytes, "d.docx"))) };
  } catch (e) {
    return { error: e instanceof WorkbookReadError ? e.code : `unexpected: ${String(e)}` };
  }
}

(skip ? describe.skip : describe)("the task pane's .docx reader (DOMParser) against the CLI's (saxes)", () => {
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    if (!chromium.path) throw new Error(`REQUIRE_BROWSER=1 but ${chromium.reason}`);
    const bundle = await build({
      stdin: {
        contents: `import { readDocx } from "./src/taskpane/read-docx"; import { WorkbookReadError } from "./src/cli/xlsx/errors";
          window.__read = (bytes) => { try { return { read: JSON.parse(JSON.stringify(readDocx(new Uint8Array(bytes), "d.docx"))) }; }
          catch (e) { return { error: e instanceof WorkbookReadError ? e.code : "unexpected: " + String(e) }; } };`,
        resolveDir: repoRoot,
        loader: "ts",
      },
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    browser = await launchChromium(chromium.path);
    page = await browser.newPage();
    await page.setContent("<!doctype html><title>docx</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
  });

  after(async () => {
    await browser?.close();
  });

  const paneOutcome = (bytes: Uint8Array): Promise<Outcome> =>
    page.evaluate((b) => (window as unknown as { __read: (b: number[]) => Outcome }).__read(b), Array.from(bytes));

  const fixtures = readdirSync(DOCS).filter((f) => f.endsWith(".docx"));

  it("finds the .docx fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of fixtures) {
    it(`reads ${file} as the CLI does`, async () => {
      const bytes = new Uint8Array(readFileSync(join(DOCS, file)));
      const cli = cliOutcome(bytes);
      expect("read" in cli).toBe(true);
      expect(await paneOutcome(bytes)).toEqual(cli);
    });
  }

  for (const [name, bytes] of Object.entries(SYNTHETIC)) {
    it(`reads a document with ${name} as the CLI does`, async () => {
      expect(await paneOutcome(bytes)).toEqual(cliOutcome(bytes));
    });
  }

  it("refuses malformed XML as damaged, as the CLI does", async () => {
    expect(await paneOutcome(SYNTHETIC.malformed)).toEqual({ error: "docx-damaged" });
    expect(await paneOutcome(SYNTHETIC["mismatched tags"])).toEqual({ error: "docx-damaged" });
  });
});
