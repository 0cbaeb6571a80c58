// Browser smoke test: the built dist/ loaded in headless Chromium with office.js replaced by a stub.
// Checks that the shared-runtime page registers every custom function and every ribbon action, that the task pane
// renders without console or page errors, and that the page talks to no server but its own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { expect } from "../support/expect";
import { after, before, describe, it } from "mocha";
import { parseXml, findAll } from "../manifest/xml";
import {
  distDir,
  ensureDist,
  findChromium,
  launchChromium,
  openAddinPage,
  repoRoot,
  serveDirectory,
  shouldSkip,
  type AddinPage,
  type StaticServer,
} from "./harness";

interface StubRecord {
  actions: Record<string, unknown>;
  functions: Record<string, unknown>;
}

const chromium = findChromium();
const skip = shouldSkip(chromium, "REQUIRE_BROWSER", "browser smoke tests (test/browser/smoke.test.ts)");

(skip ? describe.skip : describe)("browser smoke: dist/ in headless Chromium", () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  let taskpane: AddinPage;

  before(async () => {
    if (!chromium.path) throw new Error(`REQUIRE_BROWSER=1 but ${chromium.reason}`);
    ensureDist();
    server = await serveDirectory(distDir);
    browser = await launchChromium(chromium.path);
    taskpane = await openAddinPage(browser, server.origin);
    // Registration happens at load; the UI mounts after Office.onReady. Wait for both to settle.
    await taskpane.page.waitForFunction(() => {
      const c = document.getElementById("container");
      return Boolean(c && c.innerText.trim().length > 0);
    }, undefined, { timeout: 20_000 }).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const stubRecord = () =>
    taskpane.page.evaluate(() => {
      const r = (window as unknown as { __officeStub: StubRecord }).__officeStub;
      return { actions: Object.keys(r.actions), functions: Object.keys(r.functions) };
    });

  it("registers every custom function listed in dist/functions.json", async () => {
    const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as { functions: { id: string }[] };
    const ids = metadata.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    const { functions } = await stubRecord();
    expect(ids.filter((id) => !functions.includes(id))).toEqual([]);
  });

  it("ships zh-CN metadata with the same function ids as functions.json", () => {
    const read = (f: string) => JSON.parse(readFileSync(join(distDir, f), "utf8")) as { functions: { id: string; name: string }[] };
    const en = read("functions.json").functions;
    const zh = read("functions.zh-CN.json").functions;
    expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
    expect(zh.every((f, i) => f.name !== en[i].name)).toBe(true);
  });

  it("registers every ribbon ExecuteFunction of manifest.xml", async () => {
    const manifest = parseXml(readFileSync(join(repoRoot, "manifest.xml"), "utf8"));
    const names = findAll(manifest, "FunctionName").map((f) => f.text.trim());
    expect(names.length).toBeGreaterThan(0);
    const { actions } = await stubRecord();
    expect(names.filter((n) => !actions.includes(n))).toEqual([]);
  });

  it("renders the task pane without console errors or page errors", async () => {
    const text = await taskpane.page.evaluate(() => document.getElementById("container")?.innerText ?? "");
    expect(text).toMatch(/财决/);
    expect(taskpane.pageErrors).toEqual([]);
    expect(taskpane.consoleErrors).toEqual([]);
  });

  it("serves every file manifest.xml names from dist/", async () => {
    const manifest = parseXml(readFileSync(join(repoRoot, "manifest.xml"), "utf8"));
    const urls = new Set<string>();
    const visit = (el: ReturnType<typeof parseXml>) => {
      for (const v of Object.values(el.attrs)) if (/^https:\/\/[^/]+\/.+/.test(v)) urls.add(v);
      el.children.forEach(visit);
    };
    visit(manifest);
    expect(urls.size).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const url of urls) {
      const res = await fetch(server!.origin + new URL(url).pathname);
      if (res.status !== 200) missing.push(`${url} → HTTP ${res.status}`);
    }
    expect(missing).toEqual([]);
  });

  it("every page carries a Content-Security-Policy without eval, and the pane renders under it", () => {
    for (const page of ["taskpane.html", "dialog.html", "help/index.html", "help/functions.html"]) {
      const html = readFileSync(join(distDir, page), "utf8");
      const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1]; // minified or not
      expect(csp, page).toBeDefined();
      expect(csp, page).toContain("object-src 'none'");
      expect(csp, page).not.toContain("unsafe-eval");
      expect(csp, page).toMatch(/default-src 'self'/);
    }
    // a script the policy blocked would show as a console error (checked above) and leave the pane empty
    expect(taskpane.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it("loads nothing from outside its own origin except office.js", () => {
    expect(taskpane.externalRequests).toEqual([]);
  });

  it("each ribbon action completes its event, even with no workbook behind it", async () => {
    // A fresh page so whatever the handlers log does not mix with the render checks above.
    const fresh = await openAddinPage(browser!, server!.origin);
    const manifest = parseXml(readFileSync(join(repoRoot, "manifest.xml"), "utf8"));
    const names = findAll(manifest, "FunctionName").map((f) => f.text.trim());
    for (const name of names) {
      // Rejects (failing the test with the action's name) when event.completed() is not called within 10 s.
      await fresh.page.evaluate(
        (id) =>
          (window as unknown as { __officeStub: { invokeAction(id: string, ms: number): Promise<unknown> } }).__officeStub.invokeAction(
            id,
            10_000,
          ),
        name,
      );
    }
    const completed = await fresh.page.evaluate(() => (window as unknown as { __officeStub: { completedEvents: string[] } }).__officeStub.completedEvents);
    expect(completed).toEqual(names);
    expect(fresh.pageErrors).toEqual([]);
    await fresh.page.close();
  });

  it("help page lists every custom function from functions.json", async () => {
    const help = await openAddinPage(browser!, server!.origin, { path: "/help/functions.html" });
    const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as { functions: { name: string }[] };
    await help.page.waitForFunction(() => !/读取|Loading/.test(document.getElementById("function-list-status")?.textContent ?? ""));
    const headings = await help.page.$$eval("#function-list .fn h3", (hs) => hs.map((h) => h.textContent ?? ""));
    expect(headings.length).toBe(metadata.functions.length);
    for (const fn of metadata.functions) expect(headings.some((h) => h.startsWith(`CJ.${fn.name}(`)), fn.name).toBe(true);
    // Each function's @helpurl points at an element of this page (its guide block), on the manifest's origin; ids are unique.
    const manifestOrigin = new URL(findAll(parseXml(readFileSync(join(repoRoot, "manifest.xml"), "utf8")), "SourceLocation")[0].attrs.DefaultValue).origin;
    const ids = await help.page.$$eval("[id]", (els) => els.map((e) => e.id));
    const full = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as { functions: { name: string; helpUrl?: string }[] };
    expect(new Set(ids).size).toBe(ids.length);
    for (const fn of full.functions) {
      if (!fn.helpUrl) continue;
      const url = new URL(fn.helpUrl);
      expect(`${url.origin}${url.pathname}`, fn.name).toBe(`${manifestOrigin}/help/functions.html`);
      expect(ids, fn.helpUrl).toContain(decodeURIComponent(url.hash.slice(1)));
    }
    expect(help.pageErrors).toEqual([]);
    expect(help.consoleErrors).toEqual([]);
    await help.page.close();
  });
});
