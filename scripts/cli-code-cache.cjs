"use strict";
// Makes the V8 code caches of the CLI bundles (dist-cli/caijue-main.cjs.cache, dist-cli/worker-main.cjs.cache); run by
// scripts/build-cli.mjs in a process of its own. Each bundle is compiled as the launcher compiles it, then run on the
// sample workbook, so the cache holds the functions a check runs as well as the top level. Only the build writes it.
const { writeFileSync, existsSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
// the folder the build stages the bundles in (default dist-cli/)
const dist = path.resolve(process.argv[2] ?? path.join(root, "dist-cli"));
const sample = path.join(root, "examples", "seed-2019-sichuan.xlsx");
const { loadBundle, cacheFile, cacheHeader } = require(path.join(dist, "caijue.cjs"));
/** Where the bundles will live (the build stages them elsewhere first): V8 keeps this name in the cache. */
const final = (f) => path.join(root, "dist-cli", path.basename(f));

/** Output of a warm-up run goes nowhere. */
const quiet = { out() {}, err() {}, stdout: { isTTY: false }, stderr: { isTTY: false, write: () => true } };

function save(bundle, loaded) {
  const { readFileSync } = require("node:fs");
  const header = cacheHeader(readFileSync(bundle, "utf8"));
  if (!header) throw new Error(`${bundle} carries no build id`);
  writeFileSync(cacheFile(bundle), Buffer.concat([Buffer.from(header, "latin1"), loaded.script.createCachedData()]));
}

async function run() {
  const haveSample = existsSync(sample);
  const main = path.join(dist, "caijue-main.cjs");
  const cli = loadBundle(main, false, final(main));
  if (haveSample) {
    // the default text report and the JSON one, as most runs ask
    for (const format of ["text", "json"]) {
      const code = await cli.exports.main(["check", sample, "--format", format], quiet);
      if (code > 1) throw new Error(`warm-up check of ${sample} exited ${code}`);
    }
  }
  save(main, cli);

  const workerBundle = path.join(dist, "worker-main.cjs");
  const worker = loadBundle(workerBundle, false, final(workerBundle));
  if (haveSample) {
    const result = await worker.exports.warmUp(sample, {
      lang: "zh-CN",
      policy: "interval",
      reader: "lean",
      maxSize: 100 * 1024 * 1024,
      maxRows: 100_000,
      inputPaths: [sample],
      debug: false,
    });
    if (!result.readable) throw new Error(`warm-up check in the worker bundle could not read ${sample}`);
  }
  save(workerBundle, worker);
}

run().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
