/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `async function run(): Promise<BenchResult>`),
 * prints each table, and writes bench/RESULTS.md with one section per module. Optional filter: `npm run bench -- validate`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface BenchResult {
  title: string;
  table: string[][];
  notes?: string;
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

async function main(): Promise<void> {
  const filter = process.argv[2];
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
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<BenchResult> };
      if (typeof mod.run !== "function") throw new Error("module does not export run()");
      const r = await mod.run();
      console.log(r.title);
      console.log(consoleTable(r.table));
      if (r.notes) console.log(r.notes);
      sections.push({ file, text: `## ${r.title}\n\n<!-- ${file}, ${((Date.now() - started) / 1000).toFixed(1)} s -->\n\n${markdownTable(r.table)}\n${r.notes ? `\n${r.notes}\n` : ""}` });
    } catch (e) {
      failed++;
      const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
      console.error(`✗ ${file}: ${msg}`);
      sections.push({ file, text: `## ${file}\n\n<!-- ${file} -->\n\nFailed: \`${(e instanceof Error ? e.message : String(e)).replace(/`/g, "'")}\`\n` });
    }
  }
  const cpu = cpus();
  const header =
    `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}; ` +
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "CPU"}. Other processes may share the machine, so treat ` +
    `small differences as noise.\n`;
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
  writeFileSync(resultsPath, `${header}\n${all.map((x) => x.text).join("\n")}`);
  if (failed > 0) process.exitCode = 1;
}

void main();
