/**
 * `npx tsx bench/make-sample.ts <dir> [files]`: write the benchmark's consolidated workbook (~2,000 subject rows) and,
 * with a file count, the batch of that size, for profiling the CLI by hand with the same inputs the bench uses.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeXlsx } from "../test/fixtures/write-xlsx";
import { consolidatedSnapshot, generate } from "./cli.bench";

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: tsx bench/make-sample.ts <dir> [files]");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "consolidated.xlsx"), await writeXlsx(consolidatedSnapshot(0)));
  const files = Number(process.argv[3] ?? 0);
  if (files > 0) {
    mkdirSync(path.join(dir, "batch"), { recursive: true });
    await generate(path.join(dir, "batch"), files, Math.max(1, Math.round(files / 20)));
  }
}

void main();
