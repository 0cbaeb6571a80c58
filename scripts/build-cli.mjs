// Bundles the caijue CLI (src/cli/main.ts) and its worker into dist-cli/ as CommonJS for Node 20.
// Runs as npm `prepare` (so `npx caijue` works right after `npm ci`) and before the tests.
//
// ExcelJS (with the zip, stream and archive libraries it pulls in: ~1.5 MB of the old single bundle) goes into a
// bundle of its own, dist-cli/exceljs.cjs, required only when a command writes a copy or another reader is chosen:
// every process (and every worker of a batch) would otherwise parse it at start-up for nothing.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

/** `import … from "exceljs"` resolves to the separate bundle next to the requiring one. */
const exceljsApart = {
  name: "exceljs-apart",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./exceljs.cjs", external: true }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "linked",
  logLevel: "warning",
  define: { __CAIJUE_VERSION__: JSON.stringify(version) },
  // pdf.js is an ES module with its own worker file: loaded from node_modules at run time, not bundled.
  external: ["pdfjs-dist", "pdfjs-dist/*"],
};

try {
  await Promise.all([
    build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist-cli/caijue.cjs", plugins: [exceljsApart] }),
    build({ ...common, entryPoints: ["src/cli/batch/worker.ts"], outfile: "dist-cli/worker.cjs", plugins: [exceljsApart] }),
    build({ ...common, entryPoints: ["exceljs"], outfile: "dist-cli/exceljs.cjs", sourcemap: false, minify: true }),
  ]);
} catch {
  // esbuild has already printed the errors.
  process.exitCode = 1;
}
