// The launchers (dist-cli/caijue.cjs, dist-cli/worker.cjs) load the bundles through the V8 code cache the build made.
// A cache from another build or refused by V8 must fall back to compiling the source with the same output, and the
// CLI must never write a cache at run time.
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { buildCli, caijue, ROOT, SEED, tempDir, type RunResult } from "./helpers";

const DIST = path.join(ROOT, "dist-cli");

function run(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

function codeCacheOf(stderr: string): string {
  const line = stderr.split("\n").find((l) => l.startsWith('{"stats"'));
  if (!line) throw new Error(`no --stats line in: ${stderr.slice(0, 300)}`);
  return (JSON.parse(line) as { stats: { codeCache: string } }).stats.codeCache;
}

/** A copy of the built CLI (without pdf.js, which a workbook check does not load). */
function copyDist(withCaches: boolean): string {
  const dir = tempDir("caijue-dist-");
  for (const f of readdirSync(DIST)) {
    // the bundles, launchers and caches (not source maps, nor the stage folder of a build running meanwhile)
    if (!(f.endsWith(".cjs") || (withCaches && f.endsWith(".cache")))) continue;
    copyFileSync(path.join(DIST, f), path.join(dir, f));
  }
  return dir;
}

describe("CLI code cache", () => {
  let reference = "";
  before(async () => {
    buildCli();
    const r = await caijue(["check", SEED, "--format", "json"]);
    expect(r.status).toBe(0);
    reference = r.stdout;
  });

  it("the build makes a cache for both bundles and the launchers use it (bin and dist-cli)", async () => {
    expect(existsSync(path.join(DIST, "caijue-main.cjs.cache"))).toBe(true);
    expect(existsSync(path.join(DIST, "worker-main.cjs.cache"))).toBe(true);
    for (const entry of [path.join(DIST, "caijue.cjs"), path.join(ROOT, "bin", "caijue.cjs")]) {
      const r = await run([entry, "check", SEED, "--format", "json", "--stats"]);
      expect(r.status, entry).toBe(0);
      expect(codeCacheOf(r.stderr), entry).toBe("accepted");
      expect(r.stdout, entry).toBe(reference);
    }
  });

  it("stack traces from the cached bundle name the bundle where it lies (not where the build made the cache)", async () => {
    // An output that throws makes the check fail inside the bundle; --debug prints the stack.
    const script = `
      const L = require(${JSON.stringify(path.join(DIST, "caijue.cjs"))});
      const b = L.loadBundle(L.MAIN_BUNDLE);
      let err = "";
      const io = { out() { throw new Error("output closed"); }, err(s) { err += s; }, stdout: {}, stderr: process.stderr };
      b.exports.main(["check", ${JSON.stringify(SEED)}, "--debug"], io).then(() => process.stdout.write(JSON.stringify({ cache: b.codeCache, err })));`;
    const r = await run(["-e", script]);
    const { cache, err } = JSON.parse(r.stdout) as { cache: string; err: string };
    expect(cache).toBe("accepted");
    expect(err).toContain("output closed");
    expect(err).toContain(path.join(DIST, "caijue-main.cjs:"));
    expect(err).not.toContain(".stage-");
  });

  it("a cache refused by V8 (other flags) or made from another build falls back to the source, same output", async () => {
    const rejected = await run(["--stack-size=2000", path.join(DIST, "caijue.cjs"), "check", SEED, "--format", "json", "--stats"]);
    expect(codeCacheOf(rejected.stderr)).toBe("rejected");
    expect(rejected.stdout).toBe(reference);

    // Another build of the same length: only the build id differs, which V8's own check (the length) would miss.
    const dir = copyDist(true);
    const bundle = path.join(dir, "caijue-main.cjs");
    const text = readFileSync(bundle, "utf8");
    const id = /^\/\* caijue build ([0-9a-f]{16}) \*\//.exec(text)![1];
    const other = (id[0] === "a" ? "b" : "a") + id.slice(1);
    writeFileSync(bundle, text.replace(id, other));
    const stale = await run([path.join(dir, "caijue.cjs"), "check", SEED, "--format", "json", "--stats"]);
    rmSync(dir, { recursive: true, force: true });
    expect(codeCacheOf(stale.stderr)).toBe("stale");
    expect(stale.stdout).toBe(reference);
  });

  it("without a cache the CLI compiles from source and writes no cache anywhere", async () => {
    const dir = copyDist(false);
    const before = readdirSync(dir).sort();
    const r = await run([path.join(dir, "caijue.cjs"), "check", SEED, "--format", "json", "--stats"]);
    const after = readdirSync(dir).sort();
    rmSync(dir, { recursive: true, force: true });
    expect(codeCacheOf(r.stderr)).toBe("absent");
    expect(r.stdout).toBe(reference);
    expect(after).toEqual(before);
  });

  it("a worker thread (with the pool's heap limit) loads the worker bundle from its cache", async () => {
    const launcher = path.join(DIST, "caijue.cjs");
    const bundle = path.join(DIST, "worker-main.cjs");
    const status = await new Promise<string>((resolve, reject) => {
      const w = new Worker(
        `const { parentPort } = require("node:worker_threads");
         parentPort.postMessage(require(${JSON.stringify(launcher)}).loadBundle(${JSON.stringify(bundle)}).codeCache);`,
        { eval: true, resourceLimits: { maxOldGenerationSizeMb: 2048 } },
      );
      w.once("message", (m: string) => {
        resolve(m);
        void w.terminate();
      });
      w.once("error", reject);
    });
    expect(status).toBe("accepted");
  });

  it("the bundles hold no dynamic import() (it cannot run from a code cache)", () => {
    for (const f of ["caijue-main.cjs", "worker-main.cjs"]) {
      const code = readFileSync(path.join(DIST, f), "utf8").replace(/\/\/.*$/gm, "");
      expect(/\bimport\(/.test(code), f).toBe(false);
    }
  });
});
