// The unseen layouts of test/fixtures/unseen and unseen2 and the published layouts of test/fixtures/published, read as .xlsx files by the built CLI (lean reader → recognition →
// validation): every expected table is found on its sheet and no file has a 强制 finding.
import path from "node:path";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { UNSEEN } from "../fixtures/unseen/index";
import { UNSEEN2 } from "../fixtures/unseen2/index";
import { PUBLISHED } from "../fixtures/published/index";

const ALL = { ...UNSEEN, ...UNSEEN2, ...Object.fromEntries(Object.entries(PUBLISHED).map(([k, v]) => [`published-${k}`, v])) };
/** The file a fixture is written to (its workbook name: a published layout may carry the unit and year in it). */
const fileOf = (f: { name: string; snapshot: { name?: string } }): string => f.snapshot.name ?? `${f.name}.xlsx`;
import { buildCli, caijue, ensureFixtures, GENERATED } from "./helpers";

interface JsonFile {
  file: string;
  ok: boolean;
  tables: { kind: string; sheet: string }[];
  findings: { rule: string; severity: string; sheet: string; cell: string }[];
  errors: { code: string }[];
}

describe("caijue check on unseen layouts (.xlsx)", () => {
  const fixtures = Object.values(ALL).map((build) => build());
  let files: JsonFile[] = [];

  before(async () => {
    const paths = fixtures.map((f) => path.join(GENERATED, fileOf(f)));
    ensureFixtures(paths);
    buildCli();
    const r = await caijue(["check", ...paths, "--format", "json", "--jobs", "2"]);
    expect(r.stderr).toBe("");
    files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
  });

  it("checks every file", () => {
    expect(files.length).toBe(fixtures.length);
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const key of Object.keys(ALL)) it(`${key}: all tables found, no error finding`, () => {
    const f = ALL[key as keyof typeof ALL]();
    const got = files.find((x) => path.basename(x.file) === fileOf(f))!;
    expect(got.errors).toEqual([]);
    expect(got.tables.map((t) => `${t.kind}@${t.sheet}`).sort()).toEqual(f.tables.map((t) => `${t.kind}@${t.sheet}`).sort());
    expect(got.findings.filter((x) => x.severity === "error")).toEqual([]);
    expect(got.ok).toBe(true);
  });
});
