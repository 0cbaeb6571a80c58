// On an Excel that lacks a requirement set the add-in needs (ExcelApi 1.10, SharedRuntime 1.1), the task pane shows
// one sentence saying what is missing and what to do — never a blank pane or a stack trace. Runs the built dist/ in
// headless Chromium with the office.js stub told to report an older host.
import type { Browser } from "playwright-core";
import { expect } from "../support/expect";
import { after, before, describe, it } from "mocha";
import { missingRequirements, unsupportedHostText } from "../../src/excel/requirements";
import { distDir, ensureDist, findChromium, launchChromium, openAddinPage, serveDirectory, shouldSkip, type StaticServer } from "./harness";

describe("requirement sets (pure)", () => {
  it("lists exactly the sets a host lacks, and treats a missing requirements object as lacking all", () => {
    const excel2019 = (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= 8;
    expect(missingRequirements(excel2019).map((s) => `${s.name} ${s.version}`)).toEqual(["ExcelApi 1.10", "SharedRuntime 1.1"]);
    expect(missingRequirements(() => true)).toEqual([]);
    expect(missingRequirements(undefined)).toHaveLength(2);
    expect(missingRequirements(() => { throw new Error("host refused"); })).toHaveLength(2);
  });

  it("says nothing on a capable Excel, what is missing on an old one, and to open Excel outside it", () => {
    expect(unsupportedHostText("Excel", [], "zh-CN")).toBeUndefined();
    const old = unsupportedHostText("Excel", [{ name: "ExcelApi", version: "1.10" }], "zh-CN")!;
    expect(old).toContain("缺少 ExcelApi 1.10");
    expect(old).toContain("Excel 网页版");
    expect(unsupportedHostText(null, [], "zh-CN")).toContain("请在 Excel 中打开");
    expect(unsupportedHostText("Excel", [{ name: "SharedRuntime", version: "1.1" }], "en-US")).toContain("lacks SharedRuntime 1.1");
  });
});

const chromium = findChromium();
const skip = shouldSkip(chromium, "REQUIRE_BROWSER", "task pane on an unsupported host (test/browser/unsupported-host.test.ts)");

(skip ? describe.skip : describe)("task pane on an Excel without the required API sets", () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  before(async () => {
    if (!chromium.path) throw new Error(`REQUIRE_BROWSER=1 but ${chromium.reason}`);
    ensureDist();
    server = await serveDirectory(distDir);
    browser = await launchChromium(chromium.path);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows one Chinese sentence naming the missing sets (Excel 2019: ExcelApi 1.8, no shared runtime)", async () => {
    const pane = await openAddinPage(browser!, server!.origin, {
      initScript: "window.__officeStubConfig = { sets: { ExcelApi: '1.8', SharedRuntime: '0' } };",
    });
    const note = await pane.page.waitForSelector('[data-testid="unsupported-host"]', { timeout: 20_000 });
    const text = (await note.textContent()) ?? "";
    expect(text).toContain("此版本的 Excel 不支持财决助手");
    expect(text).toContain("ExcelApi 1.10");
    expect(text).toContain("SharedRuntime 1.1");
    // nothing else is rendered: no half-working UI under the sentence, and no error on the page
    expect(await pane.page.locator('[data-testid="btn-validate"]').count()).toBe(0);
    expect(pane.pageErrors).toEqual([]);
  });

  it("renders the normal pane on a capable Excel", async () => {
    const pane = await openAddinPage(browser!, server!.origin);
    await pane.page.waitForSelector('[data-testid="btn-validate"]', { timeout: 20_000 });
    expect(await pane.page.locator('[data-testid="unsupported-host"]').count()).toBe(0);
  });
});
