#!/usr/bin/env node
// `npm test`: generate fixtures, build the CLI and the add-in (browser tests load dist/), lint, typecheck, run mocha, and end with
// one line `N passed, N failed`. Skipped tests (e.g. no Chromium or xmllint on this machine) are listed loudly.
// Exit status is non-zero when any build step or test fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const failedSteps = [];

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}: ${[command, ...args].map((a) => relative(root, a) || a).join(" ")}`);
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (${r.error ? r.error.message : `exit ${r.status}`})`);
    failedSteps.push(title);
    return false;
  }
  return true;
}

// 1. fixtures, 2. CLI bundle: only once those areas exist.
if (existsSync(join(root, "scripts/make-fixtures.ts"))) step("fixtures", "npm", ["run", "--silent", "fixtures"]);
if (existsSync(join(root, "scripts/build-cli.mjs"))) step("build CLI", process.execPath, [join(root, "scripts/build-cli.mjs")]);
// 3. the add-in bundle; browser tests serve dist/ and must not rebuild it behind our back.
step("build add-in", process.execPath, [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production"]);

// 4. lint and the full typecheck (webpack builds with transpileOnly, so type errors would otherwise land).
step("lint", process.execPath, [join(root, "node_modules/eslint/bin/eslint.js"), "."]);
step("typecheck", process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"]);
step("typecheck src/core (no DOM, Node or Office typings)", process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.core.json"]);

// 5. mocha (settings in .mocharc.cjs) with the spec output on screen and the counts written for this script.
const reportDir = mkdtempSync(join(tmpdir(), "caijue-mocha-"));
const reportFile = join(reportDir, "counts.json");
console.log("\n▶ mocha");
const mocha = spawnSync(
  process.execPath,
  [join(root, "node_modules/mocha/bin/mocha.js"), "test/**/*.test.ts", "--reporter", join(root, "test/support/count-reporter.cjs")],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      CAIJUE_TEST_COUNTS: reportFile,
      CAIJUE_DIST_PREBUILT: failedSteps.includes("build add-in") ? "failed" : "1",
      // the CLI bundle is built once above; tests must not rebuild it while another worker runs it
      CAIJUE_CLI_PREBUILT: failedSteps.includes("build CLI") ? "failed" : "1",
    },
  },
);

let passed = 0;
let failed = 0;
let skipped = [];
let report;
try {
  report = JSON.parse(readFileSync(reportFile, "utf8"));
} catch {
  report = undefined;
}
rmSync(reportDir, { recursive: true, force: true });

if (report) {
  passed = report.passed;
  failed = report.failed;
  skipped = report.skipped;
  if (report.failures.length > 0) {
    console.error("\nfailed:");
    for (const f of report.failures) console.error(`  ✖ ${f}`);
  }
} else {
  console.error("✖ mocha produced no counts");
  failed++;
}
if (mocha.status !== 0 && failed === 0) {
  // mocha failed for a reason the counts do not show (e.g. an error outside any test).
  console.error(`✖ mocha exited with ${mocha.status} (${mocha.error?.message ?? "see output above"})`);
  failed++;
}

console.log("");
if (skipped.length > 0) {
  const isSharedSkip = (s) => /\(needs \.\.\/shared\)/.test(s);
  const needsTool = skipped.filter((s) => /test\/browser\/|xmllint/i.test(s) && !isSharedSkip(s));
  const needsShared = skipped.filter(isSharedSkip);
  const bar = "!".repeat(78);
  if (needsTool.length > 0) {
    console.log(bar);
    console.log(`!! ${needsTool.length} test(s) SKIPPED because a system tool is missing (Chromium / xmllint).`);
    console.log("!! Install them (apt-get install -y chromium libxml2-utils) or run .ci/run; REQUIRE_BROWSER=1 /");
    console.log("!! REQUIRE_XMLLINT=1 turn these skips into failures.");
    console.log(bar);
  }
  if (needsShared.length > 0) {
    console.log(bar);
    console.log(`!! ${needsShared.length} test(s) SKIPPED because ../shared (reference documents, schemas, code lists) is not`);
    console.log("!! beside the repository. REQUIRE_SHARED=1 (set by .ci/run) turns these skips into failures.");
    console.log(bar);
  }
  console.log(`${skipped.length} skipped:`);
  for (const s of skipped) console.log(`  - ${s}`);
}
if (failedSteps.length > 0) console.log(`failed build steps (counted as failures): ${failedSteps.join(", ")}`);
failed += failedSteps.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
