#!/usr/bin/env node
// `npm test`: generate fixtures, build the CLI and the add-in (browser tests load dist/), run vitest, and end with
// one line `N passed, N failed`. Skipped tests (e.g. no Chromium or xmllint on this machine) are listed loudly.
// Exit status is non-zero when any build step or test fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
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

// 4. vitest with the default reporter on screen and a JSON report for counting.
const reportDir = mkdtempSync(join(tmpdir(), "caijue-vitest-"));
const reportFile = join(reportDir, "report.json");
console.log("\n▶ vitest run");
const vitest = spawnSync(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`],
  { cwd: root, stdio: "inherit", env: { ...process.env, CAIJUE_DIST_PREBUILT: failedSteps.includes("build add-in") ? "failed" : "1" } },
);

let passed = 0;
let failed = 0;
const skipped = [];
let report;
try {
  report = JSON.parse(readFileSync(reportFile, "utf8"));
} catch {
  report = undefined;
}
rmSync(reportDir, { recursive: true, force: true });

if (report) {
  for (const file of report.testResults ?? []) {
    const rel = relative(root, file.name);
    for (const t of file.assertionResults ?? []) {
      if (t.status === "passed") passed++;
      else if (t.status === "failed") failed++;
      else skipped.push(`${rel} › ${t.fullName ?? t.title}`);
    }
    // A file that failed to load has no assertions but still failed.
    if (file.status === "failed" && (file.assertionResults ?? []).length === 0) {
      failed++;
      console.error(`✖ ${rel}: ${String(file.message ?? "failed to run").split("\n")[0]}`);
    }
  }
} else {
  console.error("✖ vitest produced no JSON report");
  failed++;
}
if (vitest.status !== 0 && failed === 0 && failedSteps.length === 0) {
  // vitest failed for a reason the report does not show (e.g. unhandled error between tests).
  console.error(`✖ vitest exited with ${vitest.status} (${vitest.error?.message ?? "see output above"})`);
  failed++;
}

console.log("");
if (skipped.length > 0) {
  const needsTool = skipped.filter((s) => /test\/browser\/|xmllint/i.test(s));
  const bar = "!".repeat(78);
  if (needsTool.length > 0) {
    console.log(bar);
    console.log(`!! ${needsTool.length} test(s) SKIPPED because a system tool is missing (Chromium / xmllint).`);
    console.log("!! Install them (apt-get install -y chromium libxml2-utils) or run .ci/run; REQUIRE_BROWSER=1 /");
    console.log("!! REQUIRE_XMLLINT=1 turn these skips into failures.");
    console.log(bar);
  }
  console.log(`${skipped.length} skipped:`);
  for (const s of skipped) console.log(`  - ${s}`);
}
if (failedSteps.length > 0) console.log(`failed build steps (counted as failures): ${failedSteps.join(", ")}`);
failed += failedSteps.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
