/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `async function run(): Promise<BenchResult>`),
 * prints each table, and writes bench/RESULTS.md with one section per module plus a summary of the issue targets.
 * Optional filter: `npm run bench -- validate` (the other modules' sections are kept from the last run).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One target of an issue, as measured by a bench module. */
export interface BenchTarget {
  /** The issue(s) that set the target, e.g. 16 or "4, 16". */
  issue: number | string;
  target: string;
  measured: string;
  met: "yes" | "no" | "not measured";
}

export interface BenchResult {
  title: string;
  table: string[][];
  notes?: string;
  targets?: BenchTarget[];
}

const TARGETS_MARK = "<!-- targets -->";

function targetsTable(targets: BenchTarget[]): string {
  return `${TARGETS_MARK}\n\n${markdownTable([["issue", "target", "measured", "met"], ...targets.map((t) => [`#${t.issue}`, t.target, t.measured, t.met])])}\n`;
}

/** The target rows of a written section (its table after the marker). */
function targetRows(section: string): string[] {
  const at = section.indexOf(TARGETS_MARK);
  if (at < 0) return [];
  const rows = section.slice(at).split("\n").filter((l) => l.startsWith("| #"));
  return rows;
}

function loads(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
}

const here = dirname(fileURLToPath(import.meta.url));

function markdownTable(rows: string[][]): string {
  if (rows.length === 0) return "";
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const [head, ...body] = rows;
  return [`| ${head.map(esc).join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...body.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

function consoleTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ")).join("\n");
}

/**
 * Each module runs in a fresh Node process (this file with --module): a module's figures must not depend on the
 * heap, JIT state and caches the modules before it left behind (the engine measured after the batch benches ran
 * ~25 % slower in-process than on its own).
 */
function runInOwnProcess(file: string): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), "caijue-bench-"));
  const out = join(dir, "result.json");
  try {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--module", file, "--out", out], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (child.status !== 0 || !existsSync(out)) throw new Error(`${file} exited with ${child.status ?? child.signal}`);
    return JSON.parse(readFileSync(out, "utf8")) as BenchResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Child side of runInOwnProcess: run one module and write its result as JSON. */
async function runModule(file: string, out: string): Promise<void> {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<BenchResult> };
  if (typeof mod.run !== "function") throw new Error("module does not export run()");
  writeFileSync(out, JSON.stringify(await mod.run()));
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--module");
  if (at >= 0) return runModule(process.argv[at + 1], process.argv[process.argv.indexOf("--out") + 1]);
  const filter = process.argv[2];
  const loadAtStart = loads();
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  const sections: { file: string; text: string }[] = [];
  let failed = 0;
  for (const file of files) {
    const started = Date.now();
    console.log(`\n▶ ${file}`);
    try {
      const r = runInOwnProcess(file);
      console.log(r.title);
      console.log(consoleTable(r.table));
      if (r.notes) console.log(r.notes);
      const targets = r.targets?.length ? `\nTargets:\n\n${targetsTable(r.targets)}` : "";
      if (r.targets?.length) for (const t of r.targets) console.log(`target #${t.issue}: ${t.target} — ${t.measured} — ${t.met}`);
      sections.push({
        file,
        text: `## ${r.title}\n\n<!-- ${file}, ${((Date.now() - started) / 1000).toFixed(1)} s, load average at end ${loads()} -->\n\n${markdownTable(r.table)}\n${r.notes ? `\n${r.notes}\n` : ""}${targets}`,
      });
    } catch (e) {
      failed++;
      const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
      console.error(`✗ ${file}: ${msg}`);
      sections.push({ file, text: `## ${file}\n\n<!-- ${file} -->\n\nFailed: \`${(e instanceof Error ? e.message : String(e)).replace(/`/g, "'")}\`\n` });
    }
  }
  const cpu = cpus();
  const header =
    `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}${filter ? ` (only modules matching "${filter}"; the other sections are from an earlier run, see their comments)` : ""}; ` +
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "CPU"}.\n\n` +
    `**Machine load caveat:** this machine is shared with other jobs (load average 1 / 5 / 15 min: ${loadAtStart} at the start, ${loads()} at the end, on ${cpu.length} cores). ` +
    `With a load average L on C cores one thread gets roughly C / L of a core, so wall-clock times scale with the load and vary between runs ` +
    `(compare them with an idle run only as ratios); the ratios that matter are measured alternated within this one run. ` +
    `CPU-time figures are given where they help. Treat small differences as noise.\n`;
  // A filtered run replaces only its own modules' sections and keeps the others from the last full run.
  const resultsPath = join(here, "RESULTS.md");
  const kept: { file: string; text: string }[] = [];
  if (filter && existsSync(resultsPath)) {
    const old = readFileSync(resultsPath, "utf8");
    for (const part of old.split(/\n(?=## )/).slice(1)) {
      const m = /<!-- ([^,>]+?\.bench\.ts)/.exec(part);
      if (m && !sections.some((x) => x.file === m[1]) && existsSync(join(here, m[1]))) kept.push({ file: m[1], text: part.trimEnd() + "\n" });
    }
  }
  const all = [...kept, ...sections].sort((a, b) => a.file.localeCompare(b.file));
  // by issue number; each module's own order within an issue (Array.prototype.sort is stable)
  const issueOf = (row: string) => Number(/^\| #(\d+)/.exec(row)?.[1] ?? 0);
  const rows = all.flatMap((x) => targetRows(x.text)).sort((a, b) => issueOf(a) - issueOf(b));
  const summary = rows.length
    ? `## Targets\n\nCollected from the sections below (each module measured in a fresh Node process, all in the run named in the header). "met" compares the figure with the target as the issue words it.\n\n| issue | target | measured | met |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n\n`
    : "";
  writeFileSync(resultsPath, `${header}\n${summary}${all.map((x) => x.text).join("\n")}`);
  if (failed > 0) process.exitCode = 1;
}

void main();
