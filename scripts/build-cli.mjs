// Bundles the caijue CLI (src/cli/main.ts) and its worker into dist-cli/ as CommonJS for Node 20.
// Runs as npm `prepare` (so `npx caijue` works right after `npm ci`) and before the tests.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

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
  // ExcelJS is loaded lazily (dynamic import) so the lean reader path starts fast.
};

try {
  await Promise.all([
    build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist-cli/caijue.cjs" }),
    build({ ...common, entryPoints: ["src/cli/batch/worker.ts"], outfile: "dist-cli/worker.cjs" }),
  ]);
} catch {
  // esbuild has already printed the errors.
  process.exitCode = 1;
}
