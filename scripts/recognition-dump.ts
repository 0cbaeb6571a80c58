/**
 * Dump the JSON of recognize() (every table, row and cell) and of validate()'s findings for every fixture, one file
 * per case, so two builds of the recognizer can be compared byte for byte: `npx tsx scripts/recognition-dump.ts DIR`,
 * then `diff -r BEFORE AFTER`.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { recognize } from "../src/core/recognize/index";
import { validate } from "../src/core/rules/index";
import type { WorkbookSnapshot } from "../src/core/workbook/snapshot";
import { openInput } from "../src/cli/pdf/open-input";
import { FIXTURE_NAMES, fixture, largeWorkbook, randomConsistentWorkbook } from "../test/fixtures/index";
import { PUBLISHED } from "../test/fixtures/published/index";
import { UNSEEN } from "../test/fixtures/unseen/index";
import { UNSEEN2 } from "../test/fixtures/unseen2/index";

const out = process.argv[2];
if (!out) throw new Error("usage: recognition-dump.ts OUT_DIR");

async function dump(name: string, snapshot: WorkbookSnapshot): Promise<void> {
  const rec = recognize(snapshot);
  // validate first: the rules engine then meets the recognition as recognize() left it (cells not built yet)
  const res = validate(rec, snapshot, { cache: false });
  const findings = JSON.stringify(res.findings, null, 1);
  const json = JSON.stringify(rec, null, 1);
  // a second recognition of the same snapshot must read the same (memoised cells, masks)
  const again = JSON.stringify(recognize(snapshot), null, 1);
  if (again !== json) throw new Error(`${name}: a second recognition differs`);
  await fs.writeFile(path.join(out, `${name}.json`), `${json}\n${findings}\n`);
}

async function main(): Promise<void> {
  await fs.mkdir(out, { recursive: true });
  for (const n of FIXTURE_NAMES) await dump(`fixture-${n}`, fixture(n).snapshot);
  for (const [n, f] of Object.entries(PUBLISHED)) await dump(`published-${n}`, f().snapshot);
  for (const [n, f] of Object.entries(UNSEEN)) await dump(n, f().snapshot);
  for (const [n, f] of Object.entries(UNSEEN2)) await dump(n, f().snapshot);
  for (const layout of ["national", "sichuan", "mof"] as const) {
    for (let seed = 1; seed <= 8; seed++) await dump(`random-${layout}-${seed}`, randomConsistentWorkbook(seed, layout).snapshot);
  }
  await dump("large", largeWorkbook().snapshot);
  const docs = path.join(__dirname, "../test/fixtures/documents");
  for (const f of (await fs.readdir(docs)).sort()) {
    if (!/\.(pdf|docx)$/.test(f)) continue;
    try {
      const input = await openInput(path.join(docs, f));
      await dump(`document-${f}`, input.snapshot);
    } catch (e) {
      await fs.writeFile(path.join(out, `document-${f}.json`), `unreadable: ${(e as Error).message}\n`);
    }
  }
}

void main();
