/** Helpers for the CLI end-to-end tests: build once, run the bundle as a child process, temp dirs. */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist-cli", "caijue.cjs");
export const GENERATED = path.join(ROOT, "test", "fixtures", "generated");
export const SEED = path.join(ROOT, "examples", "seed-2019-sichuan.xlsx");
export const SEED_TEXT = path.join(ROOT, "examples", "seed-2019-narrative.txt");

/**
 * Build the CLI bundle, so a test file run on its own runs what the user runs. Under `npm test` the bundle was
 * built once before mocha started (CAIJUE_CLI_PREBUILT=1): rebuilding it here would rewrite dist-cli/ while a
 * test in the other parallel worker is running it.
 */
export function buildCli(): void {
  if (process.env.CAIJUE_CLI_PREBUILT === "1") {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing although npm test built the CLI`);
    return;
  }
  if (process.env.CAIJUE_CLI_PREBUILT === "failed") throw new Error("the CLI build failed, so the CLI cannot be tested");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0 || !existsSync(CLI)) throw new Error(`build-cli failed:\n${r.stderr}\n${r.stdout}`);
}

/** Generate the fixtures when a previous `npm run fixtures` has not. */
export function ensureFixtures(required: string[] = []): void {
  const has = existsSync(GENERATED) && readdirSync(GENERATED).some((f) => f.endsWith(".xlsx"));
  if (has && existsSync(SEED) && required.every((f) => existsSync(f))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "make-fixtures.ts")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`make-fixtures failed:\n${r.stderr}`);
}

/** All generated fixture workbooks. */
export function fixtureFiles(): string[] {
  if (!existsSync(GENERATED)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith(".xlsx")) out.push(p);
    }
  };
  walk(GENERATED);
  return out.sort();
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI like a user would (no TTY, so no colour and no progress bar). Asynchronous, so the
 * test worker's event loop stays free while the child runs (a blocking spawnSync would stall the test's timers and hooks).
 */
export function caijue(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

export function tempDir(prefix = "caijue-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Run the CLI's main() in this process with captured output (quicker than a child process, same code path). */
export async function runMain(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import("../../src/cli/main");
  let out = "";
  let err = "";
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s), stdout: {}, stderr: process.stderr };
  const code = await main(argv, io);
  return { code, out, err };
}
