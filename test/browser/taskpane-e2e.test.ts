// End-to-end: the built task pane (dist/) in headless Chromium over the fake Excel host (test/fakes, bundled here
// with esbuild and installed as `Excel` by the office.js stub). Clicks 校验 and checks the list, the marks and the
// report sheet; the ribbon command; 清除标记; and that hostile workbook text neither executes nor breaks the layout.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { expect } from "../support/expect";
import { after, before, describe, it } from "mocha";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { fixture, mutate } from "../fixtures";
import { distDir, ensureDist, findChromium, launchChromium, openAddinPage, repoRoot, serveDirectory, shouldSkip, type AddinPage, type StaticServer } from "./harness";

const chromium = findChromium();
const skip = shouldSkip(chromium, "REQUIRE_BROWSER", "task pane end-to-end tests (test/browser/taskpane-e2e.test.ts)");

const HOSTILE_SHEET = "<img src=x onerror=__pwn()>";
const HOSTILE_TEXTS = [
  '<img src=x onerror="window.__pwn()">',
  "javascript:window.__pwn()",
  "\u202E12.00 مرحبا \u202B<b>bold</b>",
  "长".repeat(10_000),
];

/** The seed workbook (Sichuan layout) with one injected error in 本年收入合计. */
function sampleWorkbook(): WorkbookSnapshot {
  const f = fixture("seed-sichuan");
  const total = f.expected.find((c) => c.kind === "T1" && c.rowKey === "inc_total_year")!;
  return mutate(f.snapshot, total.address, total.sheet, total.value + 100);
}

/** The seed workbook (Sichuan layout) with one real error and hostile text in table cells and a sheet name. */
function hostileWorkbook(): { snapshot: WorkbookSnapshot; errorCell: { sheet: string; address: string; original: number } } {
  const f = fixture("seed-sichuan");
  let snapshot = f.snapshot;
  const total = f.expected.find((c) => c.kind === "T1" && c.rowKey === "inc_total_year")!;
  snapshot = mutate(snapshot, total.address, total.sheet, total.value + 100);
  // Hostile text in amount cells of a recognised table, so it reaches finding messages.
  const targets = f.expected.filter((c) => c.kind === "T3" && !c.blank).slice(0, HOSTILE_TEXTS.length);
  targets.forEach((c, i) => (snapshot = mutate(snapshot, c.address, c.sheet, HOSTILE_TEXTS[i])));
  snapshot.sheets.push({
    name: HOSTILE_SHEET,
    visibility: "visible",
    origin: { row: 0, col: 0 },
    values: [[HOSTILE_TEXTS[0], HOSTILE_TEXTS[1]], [HOSTILE_TEXTS[2], HOSTILE_TEXTS[3]]],
  });
  return { snapshot, errorCell: { sheet: total.sheet, address: total.address, original: total.value } };
}

async function fakeHostScript(snapshot: WorkbookSnapshot): Promise<string> {
  const bundle = await build({
    entryPoints: [join(repoRoot, "test/fakes/browserHost.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2017",
    write: false,
    logLevel: "silent",
  });
  return [
    "window.__pwned = false;",
    "window.__pwn = function () { window.__pwned = true; };",
    `window.__officeStubConfig = { displayLanguage: "zh-CN", sets: { ExcelApi: "1.18" } };`,
    `window.__caijueFakeSnapshot = ${JSON.stringify(snapshot)};`,
    bundle.outputFiles[0].text,
  ].join("\n");
}

interface PageModel {
  sheets: string[];
  report: (string | number | null)[][];
  fills: Record<string, string | null>;
  notes: Record<string, string>;
  selection: { sheet: string; address: string } | null;
  content: string;
  active: { sheet: string; address: string; severity: string }[];
}

/** Read the fake workbook and the session state out of the page. */
function readModel(page: Page): Promise<PageModel> {
  return page.evaluate((reportSheet) => {
    type Cell = { value: unknown; fill: string | null };
    type Sheet = { name: string; cells: Map<string, Cell>; notes: Map<string, string> };
    const w = window as unknown as {
      __fakeModel: { sheets: Sheet[]; selection: PageModel["selection"]; contentDump(except: string[]): unknown };
      __caijueSession__?: { outcome: { active: { severity: string; target: { sheet: string; address: string } }[] } | null };
    };
    const m = w.__fakeModel;
    const colName = (c: number) => {
      let s = "";
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const fills: Record<string, string | null> = {};
    const notes: Record<string, string> = {};
    let report: (string | number | null)[][] = [];
    for (const s of m.sheets) {
      for (const [k, c] of s.cells) {
        const [r, col] = k.split(",").map(Number);
        if (c.fill) fills[`${s.name}!${colName(col)}${r + 1}`] = c.fill;
      }
      for (const [a, n] of s.notes) notes[`${s.name}!${a}`] = n;
      if (s.name === reportSheet) {
        const rows: (string | number | null)[][] = [];
        for (const [k, c] of s.cells) {
          const [r, col] = k.split(",").map(Number);
          (rows[r] ??= [])[col] = c.value as string | number | null;
        }
        report = rows;
      }
    }
    return {
      sheets: m.sheets.map((s) => s.name),
      report,
      fills,
      notes,
      selection: m.selection,
      content: JSON.stringify(m.contentDump([reportSheet])),
      active: (w.__caijueSession__?.outcome?.active ?? []).map((f) => ({ ...f.target, severity: f.severity })),
    };
  }, "校验结果");
}

(skip ? describe.skip : describe)("task pane on the sample workbook (README screenshot)", () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("validates the sample and saves the screenshot for review and the README", async () => {
    if (!chromium.path) throw new Error(`REQUIRE_BROWSER=1 but ${chromium.reason}`);
    ensureDist();
    server = await serveDirectory(distDir);
    browser = await launchChromium(chromium.path);
    const pane = await openAddinPage(browser, server.origin, { initScript: await fakeHostScript(sampleWorkbook()) });
    await pane.page.setViewportSize({ width: 380, height: 820 });
    await pane.page.click('[data-testid="btn-validate"]', { timeout: 20_000 });
    await pane.page.waitForSelector('[data-testid="finding"]', { timeout: 30_000 });
    const model = await readModel(pane.page);
    expect(await pane.page.$$eval('[data-testid="finding"]', (els) => els.length)).toBe(model.active.length);
    expect(pane.consoleErrors).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
    mkdirSync(join(repoRoot, "test/artifacts"), { recursive: true });
    const shot = join(repoRoot, "test/artifacts/taskpane.png");
    await pane.page.screenshot({ path: shot, fullPage: false });
    // The README's screenshot is a tracked file: refresh it only on request, so a test run leaves the checkout clean.
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(join(repoRoot, "docs"), { recursive: true });
      copyFileSync(shot, join(repoRoot, "docs/taskpane.png"));
    }
  });
});

(skip ? describe.skip : describe)("task pane end-to-end over the fake Excel host", () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let pane: AddinPage;
  const { snapshot, errorCell } = hostileWorkbook();
  let contentBefore = "";

  before(async () => {
    if (!chromium.path) throw new Error(`REQUIRE_BROWSER=1 but ${chromium.reason}`);
    ensureDist();
    server = await serveDirectory(distDir);
    browser = await launchChromium(chromium.path);
    pane = await openAddinPage(browser, server.origin, { initScript: await fakeHostScript(snapshot) });
    await pane.page.setViewportSize({ width: 360, height: 900 });
    await pane.page.waitForSelector('[data-testid="btn-validate"]', { timeout: 20_000 });
    contentBefore = (await readModel(pane.page)).content;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("clicking 校验 lists findings grouped by table, marks their cells and writes the report sheet", async () => {
    const { page } = pane;
    await page.click('[data-testid="btn-validate"]');
    await page.waitForSelector('[data-testid="summary"]', { timeout: 30_000 });
    const summary = await page.textContent('[data-testid="summary"]');
    expect(summary).toMatch(/校验未通过：强制 \d+ 项，核实 \d+ 项/);

    const model = await readModel(page);
    expect(model.active.length).toBeGreaterThan(0);
    // the injected error is found, listed and marked red with a note
    expect(model.active.some((a) => a.sheet === errorCell.sheet && a.address === errorCell.address && a.severity === "error")).toBe(true);
    expect(model.fills[`${errorCell.sheet}!${errorCell.address}`]).toBe("#FFC7CE");
    expect(model.notes[`${errorCell.sheet}!${errorCell.address}`]).toMatch(/^【财决助手】/);
    for (const a of model.active) expect(model.fills[`${a.sheet}!${a.address}`]).toBe(a.severity === "error" ? "#FFC7CE" : "#FFEB9C");

    const listed = await page.$$eval('[data-testid="finding"]', (els) => els.length);
    expect(listed).toBe(model.active.length);
    const groups = await page.$$eval('[data-testid="finding-group"]', (els) => els.map((e) => e.getAttribute("data-table")));
    expect(groups.length).toBeGreaterThan(0);
    expect(new Set(groups).size).toBe(groups.length);

    // report sheet: summary, headers, one row per finding, nothing else changed
    expect(model.sheets).toContain("校验结果");
    expect(model.report[0][0]).toBe(summary?.replace(/\s*$/, "").trim());
    expect(model.report[1]).toEqual(["级别", "规则", "表", "单元格", "期望", "实际", "差额", "说明", "已说明"]);
    expect(model.report.length).toBe(model.active.length + 2);
    expect(model.content).toBe(contentBefore);

    // the recognition report names the tables found and the hostile sheet (ignored) as text
    const recognition = await page.$$eval('[data-testid="recognition-line"]', (els) => els.map((e) => e.textContent ?? ""));
    expect(recognition[0]).toMatch(/^共识别 \d+ 张表/);
    expect(recognition.some((l) => l.includes(HOSTILE_SHEET))).toBe(true);

    mkdirSync(join(repoRoot, "test/artifacts"), { recursive: true });
    await page.screenshot({ path: join(repoRoot, "test/artifacts/taskpane-hostile.png"), fullPage: false });
  });

  it("renders hostile cell text and sheet names as inert text and keeps the layout", async () => {
    const { page } = pane;
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned: boolean }).__pwned,
      imgs: document.querySelectorAll("#container img").length,
      bolds: document.querySelectorAll("#container b").length,
      links: [...document.querySelectorAll("#container a[href]")].map((a) => a.getAttribute("href")),
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      text: document.getElementById("container")!.innerText,
    }));
    expect(state.pwned).toBe(false);
    expect(state.imgs).toBe(0);
    expect(state.bolds).toBe(0);
    expect(state.links.filter((h) => h && /^javascript:/i.test(h))).toEqual([]);
    expect(state.scrollWidth).toBeLessThanOrEqual(state.width);
    expect(state.text).toContain("<img src=x onerror");
    // bidi overrides from cells are shown as code points, so they cannot reorder the message around them
    expect(state.text).toContain("[U+202E]");
    expect(state.text).not.toContain("\u202E");
    // the 10,000-character text is cut in the pane (the report sheet keeps it whole)
    expect(state.text).not.toContain("长".repeat(700));
    expect(pane.pageErrors).toEqual([]);
    expect(pane.externalRequests).toEqual([]);
  });

  it("a click on a finding selects its cell", async () => {
    const { page } = pane;
    const first = await page.$eval('[data-testid="finding"]', (el) => el.getAttribute("data-finding-id"));
    await page.click(`[data-finding-id="${first}"] [data-testid="finding-cell"]`);
    await page.waitForFunction(() => (window as unknown as { __fakeModel: { selection: unknown } }).__fakeModel.selection !== null);
    const model = await readModel(page);
    expect(model.selection).not.toBeNull();
    // 定位 selects every cell of the check on the target's sheet, the target first.
    const target = model.selection!.address.split(",")[0];
    expect(model.active.some((a) => a.sheet === model.selection!.sheet && a.address === target)).toBe(true);
  });

  it("标记为已说明 stores the reason in the workbook, unmarks the cell and keeps the finding listed", async () => {
    const { page } = pane;
    const before = await readModel(page);
    // A 强制 finding offers no 标记为已说明: the pane says it must be fixed.
    const errorId = await page.$eval('[data-testid="finding"][data-severity="error"]', (el) => el.getAttribute("data-finding-id"));
    expect(await page.$(`[data-finding-id="${errorId}"] [data-testid="explain"]`)).toBeNull();
    expect(await page.textContent(`[data-finding-id="${errorId}"] [data-testid="must-fix"]`)).toContain("强制项必须修改");
    const id = await page.$eval('[data-testid="finding"][data-severity="warning"]', (el) => el.getAttribute("data-finding-id"));
    await page.click(`[data-finding-id="${id}"] [data-testid="explain"]`);
    await page.fill('[data-testid="reason-input"]', "已与财政局核实<script>");
    await page.click('[data-testid="reason-confirm"]');
    await page.waitForSelector(`[data-finding-id="${id}"] [data-testid="finding-reason"]`);
    const after = await readModel(page);
    expect(after.active.length).toBe(before.active.length - 1);
    const xml = await page.evaluate(() => (window as unknown as { __fakeModel: { xmlParts: { xml: string }[] } }).__fakeModel.xmlParts.map((p) => p.xml).join(""));
    expect(xml).toContain("已与财政局核实&lt;script&gt;");
    expect(after.report.some((r) => r[8] === "是：已与财政局核实<script>")).toBe(true);
  });

  it("the ribbon command validates, reports through a dialog and always completes its event", async () => {
    const { page } = pane;
    const result = await page.evaluate(async () => {
      const stub = (window as unknown as { __officeStub: { invokeAction(id: string, ms: number): Promise<unknown>; dialogs: string[]; completedEvents: string[] } }).__officeStub;
      await stub.invokeAction("validateWorkbook", 30_000);
      return { dialogs: stub.dialogs, completed: stub.completedEvents };
    });
    expect(result.completed).toContain("validateWorkbook");
    const url = new URL(result.dialogs[result.dialogs.length - 1]);
    expect(url.pathname).toMatch(/dialog\.html$/);
    expect(url.searchParams.get("kind")).toBe("fail");
    expect(url.searchParams.get("msg")).toMatch(/^校验未通过/);
    expect(await page.textContent('[data-testid="summary"]')).toContain("功能区");
  });

  it("清除标记 restores every fill and note and leaves values and formulas as they were", async () => {
    const { page } = pane;
    await page.click('[data-testid="btn-clear"]');
    await page.waitForSelector('[data-testid="validate-notice"]');
    const model = await readModel(page);
    expect(Object.keys(model.fills)).toEqual([]);
    expect(Object.keys(model.notes)).toEqual([]);
    expect(model.content).toBe(contentBefore);
  });

  it("说明: generates the narrative with provenance, writes it as text, and checks a pasted narrative", async () => {
    const { page } = pane;
    await page.click('[data-testid="tab-narrative"]');
    await page.click('[data-testid="narrative-generate"]');
    await page.waitForSelector('[data-testid="narrative-preview"]', { timeout: 20_000 });
    expect(await page.$$eval('[data-testid="narrative-span"]', (els) => els.length)).toBeGreaterThan(10);
    // provenance: each number carries its source as a title, and a click shows it and selects the source cell
    const firstWithSource = await page.$$eval('[data-testid="narrative-span"]', (els) => els.findIndex((e) => /!/.test(e.getAttribute("title") ?? "")));
    expect(firstWithSource).toBeGreaterThanOrEqual(0);
    await page.evaluate(() => ((window as unknown as { __fakeModel: { selection: unknown } }).__fakeModel.selection = null));
    await page.click(`[data-testid="narrative-span"] >> nth=${firstWithSource}`);
    await page.waitForSelector('[data-testid="provenance"]');
    expect(await page.textContent('[data-testid="provenance"]')).toMatch(/来源|Source/);
    await page.waitForFunction(() => (window as unknown as { __fakeModel: { selection: unknown } }).__fakeModel.selection !== null);
    const sel = await readModel(page);
    const title = await page.getAttribute(`[data-testid="narrative-span"] >> nth=${firstWithSource}`, "title");
    expect(title).toContain(`${sel.selection!.sheet}!${sel.selection!.address}`);
    await page.click('[data-testid="narrative-write"]');
    await page.waitForFunction(() =>
      (window as unknown as { __fakeModel: { sheets: { name: string }[] } }).__fakeModel.sheets.some((s) => s.name === "情况说明"),
    );
    const written = await page.evaluate(() => {
      type Cell = { value: unknown; formula: string | null };
      const m = (window as unknown as { __fakeModel: { sheets: { name: string; cells: Map<string, Cell> }[] } }).__fakeModel;
      const sheet = m.sheets.find((s) => s.name === "情况说明")!;
      return [...sheet.cells.values()].map((c) => ({ value: c.value, formula: c.formula }));
    });
    expect(written.length).toBeGreaterThan(10);
    expect(written.every((c) => c.formula === null && typeof c.value === "string")).toBe(true);

    await page.fill('[data-testid="narrative-check-input"]', readFileSync(join(repoRoot, "test/fixtures/data/seed-2019-narrative.txt"), "utf8"));
    await page.click('[data-testid="narrative-check-run"]');
    await page.waitForSelector('[data-testid="narrative-check-result"]');
    // 本年收入合计 was changed by +100 in this workbook, so the seed's own text no longer agrees everywhere
    expect(await page.$$eval('[data-testid="narrative-mismatch"]', (els) => els.length)).toBeGreaterThan(0);
    await page.screenshot({ path: join(repoRoot, "test/artifacts/taskpane-narrative.png"), fullPage: false });
    expect(await page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned)).toBe(false);
  });

  it("说明: 核对工作表中的说明 reads the 「情况说明」 sheet; 创建/补全说明数据表 appends only missing keys", async () => {
    const { page } = pane;
    type Cell = { value: unknown; formula: string | null };
    type M = { __fakeModel: { sheets: { name: string; cells: Map<string, Cell> }[] } };
    const cellsOf = (name: string) =>
      page.evaluate((n) => {
        const sheet = (window as unknown as M).__fakeModel.sheets.find((s) => s.name === n);
        return sheet ? [...sheet.cells.entries()].map(([k, c]) => [k, c.value, c.formula] as [string, unknown, string | null]) : null;
      }, name);
    // The narrative written by the previous test is in 「情况说明」: the button reads it in row order.
    const narrativeCells = (await cellsOf("情况说明"))!
      .filter(([, v]) => typeof v === "string" && v.trim() !== "")
      .sort(([a], [b]) => Number(a.split(",")[0]) - Number(b.split(",")[0]) || Number(a.split(",")[1]) - Number(b.split(",")[1]));
    // The box still holds the narrative pasted by the previous test: the pane asks before replacing it.
    const pasted = await page.inputValue('[data-testid="narrative-check-input"]');
    expect(pasted).not.toBe("");
    await page.click('[data-testid="narrative-check-sheet"]');
    await page.waitForSelector('[data-testid="narrative-replace-ask"]');
    expect(await page.inputValue('[data-testid="narrative-check-input"]')).toBe(pasted);
    await page.click('[data-testid="narrative-replace-yes"]');
    await page.waitForFunction((old) => ((document.querySelector('[data-testid="narrative-check-input"]') as HTMLTextAreaElement | null)?.value ?? "") !== old, pasted);
    expect(await page.inputValue('[data-testid="narrative-check-input"]')).toBe(narrativeCells.map(([, v]) => v).join("\n"));
    await page.waitForSelector('[data-testid="narrative-check-result"]');
    // Generated from this very workbook, so every number agrees; what is left are the placeholders for inputs
    // the workbook lacks (budget figures, 车辆数 …), which 核对 lists as left-over placeholders.
    const problems = await page.$$eval('[data-testid="narrative-mismatch"]', (els) => els.map((e) => e.textContent ?? ""));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/占位符「【请填写：[^】]+】」/);

    const before = (await cellsOf("说明数据"))!;
    await page.click('[data-testid="inputs-complete"]');
    await page.waitForFunction((n) => {
      const sheet = (window as unknown as M).__fakeModel.sheets.find((s) => s.name === "说明数据");
      return !!sheet && sheet.cells.size > n;
    }, before.length);
    const after = new Map((await cellsOf("说明数据"))!.map(([k, v, f]) => [k, [v, f]]));
    for (const [k, v, f] of before) expect(after.get(k)).toEqual([v, f]);
    for (const [, f] of after.values()) expect(f).toBeNull();
    expect(await page.textContent("body")).toMatch(/补充 \d+ 个缺少的项目|已包含全部项目/);
  });

  it("说明: a Word file picked by the user is read in the pane (nothing uploaded) and 核对-ed; a PDF gets a clear sentence", async () => {
    const { page } = pane;
    const docs = join(repoRoot, "test/fixtures/documents");
    const requestsBefore = pane.externalRequests.length;
    // the box holds the sheet's narrative from the previous test: picking a file asks before replacing it
    const before = await page.inputValue('[data-testid="narrative-check-input"]');
    await page.fill('[data-testid="narrative-check-input"]', before + "（本人补充）");
    await page.setInputFiles('[data-testid="narrative-file-input"]', join(docs, "shiquanlu-narrative-defect.docx"));
    await page.waitForSelector('[data-testid="narrative-replace-ask"]');
    await page.click('[data-testid="narrative-replace-yes"]');
    await page.waitForFunction(() => ((document.querySelector('[data-testid="narrative-check-input"]') as HTMLTextAreaElement | null)?.value ?? "").includes("收入"));
    const boxText = await page.inputValue('[data-testid="narrative-check-input"]');
    // the narrative of the document's body (its own text file is the reference), not the 目录 or page furniture
    const reference = readFileSync(join(docs, "shiquanlu-narrative-defect.txt"), "utf8");
    const firstLine = reference.split("\n").find((l) => l.trim().length > 10)!.trim();
    expect(boxText.replace(/\s+/g, "")).toContain(firstLine.replace(/\s+/g, "").slice(0, 20));
    await page.waitForSelector('[data-testid="narrative-check-result"]');
    expect(pane.externalRequests.length).toBe(requestsBefore);

    await page.setInputFiles('[data-testid="narrative-file-input"]', join(docs, "scanned.pdf"));
    await page.waitForFunction(() => /PDF/.test(document.querySelector('[data-testid="narrative-check"]')?.textContent ?? ""));
    expect(await page.textContent('[data-testid="narrative-check"]')).toContain("任务窗格暂不读取 PDF");
  });

  it("修改后自动复核: a user edit updates the list and the marks by itself", async () => {
    const { page } = pane;
    type W = { __caijueSession__: { live: boolean; busy: boolean; outcome: { trigger: string; at: number } | null }; __fakeModel: { userEdit(s: string, a: string, v: unknown): void } };
    await page.click('[data-testid="tab-validate"]');
    const at = await page.evaluate(() => (window as unknown as W).__caijueSession__.outcome?.at ?? 0);
    await page.click('[data-testid="btn-validate"]');
    await page.waitForFunction((t) => {
      const s = (window as unknown as W).__caijueSession__;
      return !s.busy && (s.outcome?.at ?? 0) > t;
    }, at);
    expect((await readModel(page)).fills[`${errorCell.sheet}!${errorCell.address}`]).toBe("#FFC7CE");
    await page.click('[data-testid="live-switch"]');
    await page.waitForFunction(() => (window as unknown as W).__caijueSession__.live);
    // the user types the right total back into the cell
    await page.evaluate(([sheet, address, value]) => (window as unknown as W).__fakeModel.userEdit(sheet as string, address as string, value), [errorCell.sheet, errorCell.address, errorCell.original]);
    const updated = await page
      .waitForFunction(() => (window as unknown as W).__caijueSession__.outcome?.trigger === "live", undefined, { timeout: 10_000 })
      .then(() => true, () => false);
    const diagnosis = await page.evaluate(() => {
      const s = (window as unknown as { __caijueSession__: { error: Error | null; live: boolean; lastLiveMode: string | null } }).__caijueSession__;
      return { error: s.error ? String(s.error.stack ?? s.error) : null, live: s.live, mode: s.lastLiveMode };
    });
    expect({ updated, ...diagnosis }).toMatchObject({ updated: true, error: null, live: true });
    await page.waitForSelector('[data-testid="summary"]:has-text("修改后自动复核")');
    const model = await readModel(page);
    expect(model.active.some((a) => a.sheet === errorCell.sheet && a.address === errorCell.address)).toBe(false);
    expect(model.fills[`${errorCell.sheet}!${errorCell.address}`]).toBeUndefined();
    const listed = await page.evaluate(() => {
      const o = (window as unknown as { __caijueSession__: { outcome: { active: unknown[]; explained: unknown[] } } }).__caijueSession__.outcome;
      return o.active.length + o.explained.length;
    });
    expect(await page.$$eval('[data-testid="finding"]', (els) => els.length)).toBe(listed);
  });

  it("the result dialog shows the message as text only", async () => {
    const msg = `校验未通过：强制 1 项 ${HOSTILE_TEXTS[0]}`;
    const dialog = await openAddinPage(browser!, server!.origin, {
      path: `/dialog.html?${new URLSearchParams({ kind: "fail", lang: "zh-CN", msg }).toString()}`,
      initScript: "window.__pwned = false; window.__pwn = function () { window.__pwned = true; };",
    });
    await dialog.page.waitForFunction(() => (document.getElementById("message")?.textContent ?? "") !== "");
    const shown = await dialog.page.evaluate(() => ({
      title: document.getElementById("title")!.textContent,
      message: document.getElementById("message")!.textContent,
      imgs: document.querySelectorAll("img").length,
      pwned: (window as unknown as { __pwned: boolean }).__pwned,
    }));
    expect(shown).toEqual({ title: "校验发现问题", message: msg, imgs: 0, pwned: false });
    await dialog.page.close();
  });
});
