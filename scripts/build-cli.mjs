// Bundles the caijue CLI (src/cli/main.ts) and its batch worker into dist-cli/ as CommonJS for Node 20, and makes a V8
// code cache for each. Runs as npm `prepare` (so `npx caijue` works right after `npm ci`) and before the tests.
//
// dist-cli/caijue.cjs and dist-cli/worker.cjs are small launchers (src/cli/launch/): they load caijue-main.cjs and
// worker-main.cjs with the code cache made here (*.cache), so a process does not parse and compile ~1 MB of
// JavaScript again (Node 20 has no module.enableCompileCache). The cache is taken after a warm-up check of the sample
// workbook, so the functions a check runs are in it, not only the top level. Without a usable cache the launchers
// compile from source: nothing is written at run time.
//
// ExcelJS (with the zip, stream and archive libraries it pulls in: ~1.5 MB of the old single bundle) goes into a
// bundle of its own, dist-cli/exceljs.cjs, required only when a command writes a copy or another reader is chosen:
// every process (and every worker of a batch) would otherwise parse it at start-up for nothing.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist-cli");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
/** Must equal BUILD_ID_PLACEHOLDER in src/cli/launch/load.ts. */
const BUILD_ID_PLACEHOLDER = "/* caijue build 0000000000000000 */";

/** `import … from "exceljs"` resolves to the separate bundle next to the requiring one. */
const exceljsApart = {
  name: "exceljs-apart",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./exceljs.cjs", external: true }));
  },
};

/** The ES-module importer stays a file of its own, compiled by Node (see src/cli/pdf/import-esm.ts). */
const importEsmApart = {
  name: "import-esm-apart",
  setup(b) {
    b.onResolve({ filter: /\/import-esm$/ }, () => ({ path: "./import-esm.cjs", external: true }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
  define: { __CAIJUE_VERSION__: JSON.stringify(version) },
  // pdf.js is an ES module with its own worker file: loaded from node_modules at run time, not bundled.
  external: ["pdfjs-dist", "pdfjs-dist/*"],
};

/** The code bundles: no dynamic import() left in them (it would fail when run from the code cache). */
const code = {
  ...common,
  sourcemap: "linked",
  banner: { js: BUILD_ID_PLACEHOLDER },
  supported: { "dynamic-import": false },
  plugins: [exceljsApart, importEsmApart],
};

/** Put a hash of the bundle into its first line: its code cache carries the same id, so a cache never meets another build. */
function stampBuildId(file) {
  const text = readFileSync(file, "utf8");
  if (!text.startsWith(BUILD_ID_PLACEHOLDER)) throw new Error(`${file}: no build id placeholder`);
  const id = createHash("sha256").update(text).digest("hex").slice(0, 16);
  writeFileSync(file, BUILD_ID_PLACEHOLDER.replace("0000000000000000", id) + text.slice(BUILD_ID_PLACEHOLDER.length));
  const rest = text.slice(BUILD_ID_PLACEHOLDER.length);
  if (/\bimport\(/.test(rest.replace(/\/\/.*$/gm, ""))) console.warn(`build-cli: ${path.basename(file)} still contains import(): it fails when run from the code cache`);
}

// esbuild writes nothing itself: the outputs (source maps computed for dist-cli/) go to a stage folder inside dist-cli/,
// get their build ids and code caches there, and are then renamed into place file by file. A CLI process (or a test)
// running meanwhile sees each file either old or new, never half written; a bundle beside a cache of another build
// carries another build id, which the launcher refuses.
mkdirSync(out, { recursive: true });
const stage = mkdtempSync(path.join(out, ".stage-"));
try {
  const at = (f) => path.join(stage, f);
  const results = await Promise.all([
    build({ ...code, entryPoints: ["src/cli/main.ts"], outfile: "dist-cli/caijue-main.cjs", write: false }),
    build({ ...code, entryPoints: ["src/cli/batch/worker.ts"], outfile: "dist-cli/worker-main.cjs", write: false }),
    build({ ...common, entryPoints: ["src/cli/launch/caijue.ts"], outfile: "dist-cli/caijue.cjs", write: false }),
    build({ ...common, entryPoints: ["src/cli/launch/worker.ts"], outfile: "dist-cli/worker.cjs", write: false }),
    build({ ...common, entryPoints: ["exceljs"], outfile: "dist-cli/exceljs.cjs", minify: true, write: false }),
  ]);
  for (const r of results) for (const f of r.outputFiles) writeFileSync(at(path.basename(f.path)), f.contents);
  writeFileSync(at("import-esm.cjs"), '"use strict";\n// import() of an ES module for the CLI bundles (src/cli/pdf/import-esm.ts).\nexports.importEsm = (specifier) => import(specifier);\n');
  const bundles = ["caijue-main.cjs", "worker-main.cjs"];
  for (const b of bundles) stampBuildId(at(b));
  const made = spawnSync(process.execPath, [path.join(root, "scripts", "cli-code-cache.cjs"), stage], { cwd: root, encoding: "utf8" });
  if (made.status !== 0) {
    // The CLI works without a cache, only starts slower.
    console.warn(`build-cli: no code cache made (the CLI works, starts slower):\n${made.stderr || made.stdout}`);
  }
  // bundles before their caches; a cache not made this time must not stay beside a new bundle
  const files = readdirSync(stage).sort((a, b) => Number(a.endsWith(".cache")) - Number(b.endsWith(".cache")));
  for (const b of bundles) if (!files.includes(`${b}.cache`)) rmSync(path.join(out, `${b}.cache`), { force: true });
  for (const f of files) renameSync(at(f), path.join(out, f));
} catch (e) {
  // esbuild has already printed its errors; anything else is said here.
  if (!(e && Array.isArray(e.errors))) console.error(e);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
