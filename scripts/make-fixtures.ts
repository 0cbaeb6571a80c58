/**
 * Writes the fixture workbooks as .xlsx files (npm run fixtures): every named fixture and messy variant to
 * test/fixtures/generated/ (gitignored), the unseen layouts of test/fixtures/unseen and unseen2, the published
 * layouts of test/fixtures/published, bad inputs for the CLI tests, and the committed sample workbook
 * examples/seed-2019-sichuan.xlsx with examples/seed-2019-narrative.txt. Deterministic: same bytes every run.
 * `--large` also writes the benchmark workbook (about 55,000 amount cells; a few seconds more).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeXlsx } from "../test/fixtures/write-xlsx";
import { FIXTURE_NAMES, fixture, largeWorkbook, randomConsistentWorkbook } from "../test/fixtures/index";
import { BAD_INPUTS } from "../test/fixtures/bad-inputs";
import { UNSEEN } from "../test/fixtures/unseen/index";
import { UNSEEN2 } from "../test/fixtures/unseen2/index";
import { PUBLISHED } from "../test/fixtures/published/index";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "test/fixtures/generated");
const examplesDir = join(root, "examples");

async function main(): Promise<void> {
  const t0 = Date.now();
  await mkdir(outDir, { recursive: true });
  await mkdir(examplesDir, { recursive: true });
  let count = 0;
  for (const name of FIXTURE_NAMES) {
    const f = fixture(name);
    await writeFile(join(outDir, `${name}.xlsx`), await writeXlsx(f.snapshot, { columnWidths: f.columnWidths }));
    count++;
  }
  // layouts none of the main fixtures use, so the CLI tests read them through the .xlsx path too
  for (const build of [...Object.values(UNSEEN), ...Object.values(UNSEEN2), ...Object.values(PUBLISHED)]) {
    const f = build();
    // The workbook's own name (a published layout may carry the unit and year only in its file name).
    const file = f.snapshot.name ?? `${f.name}.xlsx`;
    await writeFile(join(outDir, file), await writeXlsx(f.snapshot, { columnWidths: f.columnWidths }));
    count++;
  }
  // a few random consistent workbooks, one per layout (property tests build theirs in memory)
  for (const seed of [1, 2, 3]) {
    const f = randomConsistentWorkbook(seed);
    await writeFile(join(outDir, `${f.name}.xlsx`), await writeXlsx(f.snapshot, { columnWidths: f.columnWidths }));
    count++;
  }
  if (process.argv.includes("--large")) {
    const f = largeWorkbook();
    await writeFile(join(outDir, "large-national.xlsx"), await writeXlsx(f.snapshot));
    count++;
  }
  for (const bad of await BAD_INPUTS()) {
    await writeFile(join(outDir, bad.file), bad.bytes);
    count++;
  }
  // The sample carries 调整预算数 in 附表六 so the demo can state 完成预算 % (narrative 五(三)).
  const seed = fixture("seed-sichuan-budget");
  await writeFile(join(examplesDir, "seed-2019-sichuan.xlsx"), await writeXlsx(seed.snapshot, { columnWidths: seed.columnWidths }));
  await writeFile(join(examplesDir, "seed-2019-narrative.txt"), await seedNarrative());
  console.log(`fixtures: ${count} files in ${outDir}, sample in ${examplesDir} (${Date.now() - t0} ms)`);
}

/** The seed's own narrative 第二部分 一 … 十(二), as test input for 核对 (copied from the reference file). */
async function seedNarrative(): Promise<string> {
  return readFile(join(root, "test/fixtures/data/seed-2019-narrative.txt"), "utf8");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
