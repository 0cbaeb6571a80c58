// Material from ../shared (reference documents, manifest schemas, code lists) sits beside the repository on the
// team's machines and in CI, but not in a plain clone. Tests that need it go through here: without it they are
// skipped with a visible notice ("needs ../shared" in the title, counted by scripts/run-tests.mjs), and with
// REQUIRE_SHARED=1 (set by .ci/run) a missing ../shared is a failure instead.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "mocha";

/** ../shared as seen from the repository root. */
export const sharedDir = resolve(__dirname, "../../../shared");

/** True when ../shared is present. */
export const hasShared = existsSync(join(sharedDir, "reference"));

const required = process.env.REQUIRE_SHARED === "1";

/** Absolute path of a file under ../shared. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

/** Text of a file under ../shared (only call it inside a suite registered with describeShared / itShared, or behind hasShared). */
export function readShared(...parts: string[]): string {
  return readFileSync(sharedPath(...parts), "utf8");
}

let warned = false;
function notice(): void {
  if (warned) return;
  warned = true;
  const line = "!".repeat(78);
  console.warn(`\n${line}\n!! SKIPPED: tests that read ${sharedDir} (it is not there)\n!! (set REQUIRE_SHARED=1 to make this a failure)\n${line}\n`);
}

/** describe() for a suite that needs ../shared: skipped with a notice when absent, a failure under REQUIRE_SHARED=1. */
export function describeShared(title: string, body: () => void): void {
  if (hasShared) return void describe(title, body);
  if (required) {
    return void describe(title, () => {
      it("has ../shared beside the repository (REQUIRE_SHARED=1)", () => {
        throw new Error(`REQUIRE_SHARED=1 but ${sharedDir} does not exist`);
      });
    });
  }
  notice();
  // The body is not run: it may read ../shared while registering its tests.
  describe(`${title} (needs ../shared)`, () => {
    it.skip("every test of this suite (needs ../shared)");
  });
}

/** it() for a single test that needs ../shared (same rules as describeShared). */
export function itShared(title: string, body: () => void | Promise<void>): void {
  if (hasShared) return void it(title, body);
  if (required) {
    return void it(title, () => {
      throw new Error(`REQUIRE_SHARED=1 but ${sharedDir} does not exist`);
    });
  }
  notice();
  it.skip(`${title} (needs ../shared)`, body);
}
