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
import { readFileSync, rmSync, writeFileSync } from "node:fs";
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

try {
  const bundles = [path.join(out, "caijue-main.cjs"), path.join(out, "worker-main.cjs")];
  // An old cache must not sit next to a new bundle while this build runs (the build id would refuse it anyway).
  for (const b of bundles) rmSync(`${b}.cache`, { force: true });
  await Promise.all([
    build({ ...code, entryPoints: ["src/cli/main.ts"], outfile: bundles[0] }),
    build({ ...code, entryPoints: ["src/cli/batch/worker.ts"], outfile: bundles[1] }),
    build({ ...common, entryPoints: ["src/cli/launch/caijue.ts"], outfile: "dist-cli/caijue.cjs" }),
    build({ ...common, entryPoints: ["src/cli/launch/worker.ts"], outfile: "dist-cli/worker.cjs" }),
    build({ ...common, entryPoints: ["exceljs"], outfile: "dist-cli/exceljs.cjs", minify: true }),
  ]);
  writeFileSync(path.join(out, "import-esm.cjs"), '"use strict";\n// import() of an ES module for the CLI bundles (src/cli/pdf/import-esm.ts).\nexports.importEsm = (specifier) => import(specifier);\n');
  for (const b of bundles) stampBuildId(b);
  const made = spawnSync(process.execPath, [path.join(root, "scripts", "cli-code-cache.cjs")], { cwd: root, encoding: "utf8" });
  if (made.status !== 0) {
    // The CLI works without a cache, only starts slower.
    console.warn(`build-cli: no code cache made (the CLI works, starts slower):\n${made.stderr || made.stdout}`);
  }
} catch {
  // esbuild has already printed the errors.
  process.exitCode = 1;
}
