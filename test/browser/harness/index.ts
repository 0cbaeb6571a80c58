// Shared pieces for tests that load the built add-in (dist/) in headless Chromium:
// tool discovery (skip loudly, or fail under REQUIRE_BROWSER=1 / REQUIRE_XMLLINT=1), building dist/ when missing,
// a static file server on a random port, and a page whose office.js CDN request is answered by office-stub.js.
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Browser, ConsoleMessage, Page } from "playwright-core";

export const repoRoot = resolve(__dirname, "../../..");
export const distDir = join(repoRoot, "dist");
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const officeStubSource = () => readFileSync(join(__dirname, "office-stub.js"), "utf8");

export interface ToolLookup {
  path?: string;
  reason?: string;
}

/** Chromium from CHROMIUM_PATH, then /usr/bin/chromium (Debian's package). */
export function findChromium(): ToolLookup {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => Boolean(p),
  );
  for (const p of candidates) if (existsSync(p)) return { path: p };
  return {
    reason: `Chromium not found (tried ${candidates.join(", ")}); install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
  };
}

/** xmllint from XMLLINT_PATH or PATH. */
export function findXmllint(): ToolLookup {
  const explicit = process.env.XMLLINT_PATH;
  if (explicit) return existsSync(explicit) ? { path: explicit } : { reason: `XMLLINT_PATH=${explicit} does not exist` };
  const r = spawnSync("xmllint", ["--version"], { stdio: "ignore" });
  if (!r.error) return { path: "xmllint" };
  return { reason: "xmllint not found on PATH; install it with `apt-get install -y libxml2-utils`" };
}

/**
 * Decide what to do when a system tool is missing: returns true when tests should be skipped (after a loud
 * warning); when the REQUIRE_* variable is 1 it returns false so the caller registers a failing test instead.
 */
export function shouldSkip(tool: ToolLookup, requireVar: "REQUIRE_BROWSER" | "REQUIRE_XMLLINT", what: string): boolean {
  if (tool.path) return false;
  if (process.env[requireVar] === "1") return false;
  const line = "!".repeat(78);
  console.warn(`\n${line}\n!! SKIPPED: ${what}\n!! ${tool.reason}\n!! (set ${requireVar}=1 to make this a failure)\n${line}\n`);
  return true;
}

/** Build dist/ with webpack when it is missing (npm test builds it first; this is for running one file alone). */
export function ensureDist(): void {
  const needed = ["taskpane.html", "functions.json", "functions.js", "commands.js", "taskpane.js"];
  const missing = needed.filter((f) => !existsSync(join(distDir, f)));
  // scripts/run-tests.mjs has just built dist/ (or failed to): do not build again.
  if (process.env.CAIJUE_DIST_PREBUILT === "failed") throw new Error("the webpack build failed, so dist/ cannot be tested");
  if (missing.length === 0) return;
  if (process.env.CAIJUE_DIST_PREBUILT === "1") throw new Error(`dist/ lacks ${missing.join(", ")} after the build`);
  execFileSync(process.execPath, [join(repoRoot, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serve a directory over http on 127.0.0.1 and a random port. */
export function serveDirectory(dir: string): Promise<StaticServer> {
  const rootDir = resolve(dir);
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(rootDir, urlPath === "/" ? "taskpane.html" : urlPath));
    if (!file.startsWith(rootDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolveServer({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

export interface AddinPage {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** requests that left the local server (other than the office.js CDN, which the stub answers) */
  externalRequests: string[];
}

export interface OpenOptions {
  /** path under the served origin, default /taskpane.html */
  path?: string;
  /** script evaluated before office.js (e.g. window.__officeStubConfig, or window.__excelFake = ...) */
  initScript?: string;
}

/** Open a page of the served add-in with office.js replaced by the stub; collects errors and outside requests. */
export async function openAddinPage(browser: Browser, origin: string, options: OpenOptions = {}): Promise<AddinPage> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(String(e?.stack ?? e)));
  // Functions handed to page.evaluate() are serialised from the test's compiled source; tsx (esbuild with
  // keepNames) wraps named inner functions in __name(fn, "name"), which the page must know.
  await page.addInitScript("globalThis.__name = function (fn) { return fn; };");
  if (options.initScript) await page.addInitScript(options.initScript);
  const stub = officeStubSource();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_CDN) return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
    if (url.startsWith(origin + "/")) {
      // Browsers ask for a favicon on their own; answer it so it does not show up as a console error.
      if (new URL(url).pathname === "/favicon.ico") return route.fulfill({ status: 204, body: "" });
      return route.continue();
    }
    if (url.startsWith("data:")) return route.continue();
    externalRequests.push(url);
    return route.abort();
  });
  await page.goto(origin + (options.path ?? "/taskpane.html"), { waitUntil: "load" });
  return { page, consoleErrors, pageErrors, externalRequests };
}
