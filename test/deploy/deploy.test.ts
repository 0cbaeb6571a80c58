// Follows docs/部署.md step by step on this machine: the intranet build for an https origin, a certificate issued by
// a private CA, dist/ served by scripts/serve-dist.mjs, then the manifest and every URL it names fetched over https
// with that CA trusted for these requests only (nothing is installed into a trust store). The build goes to a
// temporary folder (webpack's --output-path) so the dist/ other tests load is left alone.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "mocha";
import { expect } from "../support/expect";
import { allElements, parseXml } from "../manifest/xml";
import { repoRoot } from "../browser/harness";

type CertTool = "office-addin-dev-certs" | "openssl";

/** How to make the test certificates here: Microsoft's generator (pure JS) first, openssl otherwise. */
function findCertTool(): { tool?: CertTool; reason?: string } {
  try {
    require.resolve("office-addin-dev-certs");
    return { tool: "office-addin-dev-certs" };
  } catch {
    /* fall through to openssl */
  }
  const r = spawnSync("openssl", ["version"], { stdio: "ignore" });
  if (!r.error && r.status === 0) return { tool: "openssl" };
  return { reason: "neither office-addin-dev-certs (npm) nor openssl is available to make a test certificate" };
}

interface Certs {
  ca: Buffer;
  cert: string;
  key: string;
}

async function makeCertificates(tool: CertTool, dir: string): Promise<Certs> {
  const ca = join(dir, "ca.crt");
  const cert = join(dir, "localhost.crt");
  const key = join(dir, "localhost.key");
  if (tool === "office-addin-dev-certs") {
    // generateCertificates only writes the files; installing the CA is a separate call we never make.
    const devCerts = (await import("office-addin-dev-certs")) as {
      generateCertificates(ca: string, cert: string, key: string, days: number, domains: string[]): Promise<void>;
    };
    await devCerts.generateCertificates(ca, cert, key, 1, ["localhost", "127.0.0.1"]);
  } else {
    const caKey = join(dir, "ca.key");
    const csr = join(dir, "localhost.csr");
    const ext = join(dir, "san.ext");
    writeFileSync(ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    const run = (args: string[]) => {
      const r = spawnSync("openssl", args, { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
    };
    run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", ca, "-days", "1", "-subj", "/CN=caijue test CA"]);
    run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=localhost"]);
    run(["x509", "-req", "-in", csr, "-CA", ca, "-CAkey", caKey, "-CAcreateserial", "-out", cert, "-days", "1", "-extfile", ext]);
  }
  return { ca: readFileSync(ca), cert, key };
}

/** A port that was free a moment ago (the build must know the origin before the server starts). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolvePort(port));
    });
  });
}

interface Response {
  status: number;
  type: string;
  body: Buffer;
}

/** GET over https with the given CA trusted for this request only; path is sent exactly as given. */
function get(origin: string, path: string, ca?: Buffer, method = "GET"): Promise<Response> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolveGet, reject) => {
    const req = request({ hostname, port, path, method, ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolveGet({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** The content type a file of this name must be served with (the part before any parameters). */
function expectedType(path: string): string {
  const ext = /\.(\w+)$/.exec(path)?.[1]?.toLowerCase();
  const types: Record<string, string> = {
    html: "text/html",
    js: "text/javascript",
    json: "application/json",
    png: "image/png",
    css: "text/css",
    xml: "application/xml",
  };
  if (!ext || !types[ext]) throw new Error(`no expected content type for ${path}`);
  return types[ext];
}

/** Every http(s) URL written in the manifest (attribute values and element text). */
function manifestUrls(xml: string): string[] {
  const urls = new Set<string>();
  for (const el of allElements(parseXml(xml))) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (!name.startsWith("xmlns") && /^https?:\/\//.test(value)) urls.add(value);
    }
    if (/^https?:\/\//.test(el.text.trim())) urls.add(el.text.trim());
  }
  return [...urls];
}

/** Script and stylesheet references of an HTML page (webpack emits them unquoted or quoted). */
function pageReferences(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)=("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    refs.push(m[2] ?? m[3] ?? m[4]);
  }
  return refs;
}

const certTool = findCertTool();
if (!certTool.tool) {
  const line = "!".repeat(78);
  console.warn(`\n${line}\n!! SKIPPED: deployment guide test (test/deploy/deploy.test.ts)\n!! ${certTool.reason}\n${line}\n`);
}

(certTool.tool ? describe : describe.skip)("deployment guide: intranet build served over https by scripts/serve-dist.mjs", () => {
  let work = "";
  let out = "";
  let origin = "";
  let certs: Certs;
  let server: ChildProcess | undefined;
  let manifest = "";

  before(async function () {
    // The intranet build copies office.js's ~300 files; on a busy 2-core machine it takes minutes.
    this.timeout(15 * 60_000);
    work = mkdtempSync(join(tmpdir(), "caijue-deploy-"));
    out = join(work, "dist");
    const port = await freePort();
    origin = `https://localhost:${port}`;

    // Step 1 of the guide: npm run build:intranet -- --env origin=<https origin> (here into a temporary folder).
    const build = spawnSync(
      process.execPath,
      [
        join(repoRoot, "node_modules/webpack/bin/webpack.js"),
        "--mode", "production", "--env", "intranet", "--env", `origin=${origin}`, "--output-path", out,
      ],
      { cwd: repoRoot, encoding: "utf8" },
    );
    if (build.status !== 0) throw new Error(`intranet build failed:\n${build.stdout}\n${build.stderr}`);
    manifest = readFileSync(join(out, "manifest.xml"), "utf8");

    // Step 2: a certificate for the host name, issued by a CA the clients trust (here: trusted per request).
    certs = await makeCertificates(certTool.tool!, work);

    // Step 3: serve the folder.
    const proc = spawn(
      process.execPath,
      [join(repoRoot, "scripts/serve-dist.mjs"), "--cert", certs.cert, "--key", certs.key, "--port", String(port), "--dir", out, "--host", "127.0.0.1"],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    server = proc;
    await new Promise<void>((ready, fail) => {
      let log = "";
      const onData = (d: Buffer) => {
        log += d.toString();
        if (log.includes("serving ")) ready();
      };
      proc.stdout!.on("data", onData);
      proc.stderr!.on("data", onData);
      proc.once("exit", (code) => fail(new Error(`serve-dist.mjs exited with ${code}: ${log}`)));
    });
  });

  after(() => {
    server?.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("rewrote every manifest URL to the chosen https origin", () => {
    const urls = manifestUrls(manifest);
    expect(urls.length, "URLs in dist/manifest.xml").toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith(`${origin}/`)), "URLs not on the deployment origin").toEqual([]);
  });

  it("serves the manifest itself as XML", async () => {
    const r = await get(origin, "/manifest.xml", certs.ca);
    expect(r.status).toBe(200);
    expect(r.type.split(";")[0]).toBe("application/xml");
    expect(r.body.toString("utf8")).toBe(manifest);
  });

  it("serves every URL the manifest names with status 200 and the right content type", async () => {
    const problems: string[] = [];
    for (const url of manifestUrls(manifest)) {
      const path = new URL(url).pathname; // the fragment (#CJ.PCT) never reaches the server
      const r = await get(origin, path, certs.ca);
      if (r.status !== 200) problems.push(`${url}: status ${r.status}`);
      else if (r.type.split(";")[0] !== expectedType(path)) problems.push(`${url}: ${r.type}, expected ${expectedType(path)}`);
      else if (path.endsWith(".png") && r.body.subarray(1, 4).toString("latin1") !== "PNG") problems.push(`${url}: not a PNG`);
      else if (path.endsWith(".json")) {
        try {
          JSON.parse(r.body.toString("utf8"));
        } catch {
          problems.push(`${url}: not JSON`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("serves the custom-function metadata whose help links point at the same origin", async () => {
    for (const name of ["functions.json", "functions.zh-CN.json"]) {
      const r = await get(origin, `/${name}`, certs.ca);
      expect(r.status, name).toBe(200);
      const meta = JSON.parse(r.body.toString("utf8")) as { functions: { id: string; helpUrl?: string }[] };
      expect(meta.functions.length, `${name}: functions`).toBeGreaterThan(10);
      for (const f of meta.functions) {
        expect(f.helpUrl?.startsWith(`${origin}/help/`), `${name}: helpUrl of ${f.id}`).toBe(true);
        const help = await get(origin, new URL(f.helpUrl!).pathname, certs.ca);
        expect(help.status, `${name}: ${f.helpUrl}`).toBe(200);
      }
    }
  });

  it("loads office.js and every bundle of the pages from the same server (no CDN on the intranet)", async () => {
    const pages = new Set(manifestUrls(manifest).map((u) => new URL(u).pathname).filter((p) => p.endsWith(".html")));
    pages.add("/dialog.html"); // opened by the ribbon 校验 command, not named in the manifest
    const problems: string[] = [];
    let officeJs = 0;
    for (const page of pages) {
      const html = (await get(origin, page, certs.ca)).body.toString("utf8");
      for (const ref of pageReferences(html)) {
        if (/^[a-z]+:\/\//i.test(ref) || ref.startsWith("//")) {
          problems.push(`${page} loads ${ref} from another host`);
          continue;
        }
        const path = new URL(ref, `${origin}${page}`).pathname;
        if (path.endsWith("/office-js/office.js")) officeJs++;
        const r = await get(origin, path, certs.ca);
        if (r.status !== 200) problems.push(`${page} → ${path}: status ${r.status}`);
        else if (r.type.split(";")[0] !== expectedType(path)) problems.push(`${page} → ${path}: ${r.type}`);
      }
    }
    expect(problems).toEqual([]);
    expect(officeJs, "pages that load office-js/office.js").toBeGreaterThanOrEqual(2);
    // office.js fetches its host- and locale-specific parts next to itself.
    const parts = await get(origin, "/office-js/zh-cn/office_strings.js", certs.ca);
    expect(parts.status, "office-js/zh-cn/office_strings.js").toBe(200);
  });

  it("is refused by a client that does not trust the CA", async () => {
    await expect(get(origin, "/manifest.xml")).rejects.toThrow(/certificate/i);
  });

  it("refuses paths that leave the folder, directory listings and other methods", async () => {
    symlinkSync(join(work, "localhost.key"), join(out, "leak.key"));
    const refused = [
      "/../localhost.key",
      "/assets/../../localhost.key",
      "/%2e%2e/localhost.key",
      "/assets/..%2f..%2flocalhost.key",
      "/..%5clocalhost.key",
      "/manifest.xml%00.png",
      "/leak.key",
      "/assets/",
      "/%E0%A4%A",
    ];
    for (const path of refused) {
      const r = await get(origin, path, certs.ca);
      expect(r.status, path).toBe(404);
      expect(r.body.toString("utf8"), path).not.toContain("PRIVATE KEY");
    }
    expect((await get(origin, "/manifest.xml", certs.ca, "POST")).status).toBe(405);
    expect((await get(origin, "/manifest.xml", certs.ca, "HEAD")).status).toBe(200);
  });
});
