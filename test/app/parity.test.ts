// One answer everywhere: the add-in path (ValidationSession over the fake Excel host) and the CLI (a child
// process: --format json and the --mark report) on the same workbook files give the same findings, words and
// counts — with and without an explanation stored in the workbook, in zh-CN and en-US.
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { STATE_NAMESPACE } from "../../src/app/state";
import { REPORT_SHEET } from "../../src/excel/host";
import { OfficeHost } from "../../src/excel/officeHost";
import { ValidationSession } from "../../src/excel/session";
import type { Lang } from "../../src/core/i18n/lang";
import { openWorkbook } from "../../src/cli/xlsx/open";
import { fakeRun, fakeWorkbookFromSnapshot } from "../fakes/fakeExcel";
import { buildCli, caijue, ensureFixtures, GENERATED, SEED, tempDir } from "../cli/helpers";

interface JsonFinding {
  id: string;
  rule: string;
  severity: "error" | "warning";
  sheet: string;
  cell: string;
  message: string;
  explained?: { reason: string };
}
interface JsonFile {
  file: string;
  status: string;
  counts: { error: number; warning: number; explained: number };
  findings: JsonFinding[];
}

/** The add-in's run on the file: read with the CLI's reader into the fake host (state part included). */
async function addinRun(file: string, lang: Lang) {
  const opened = await openWorkbook(file);
  const model = fakeWorkbookFromSnapshot(opened.snapshot);
  if (opened.stateXml) model.xmlParts.push({ id: "{state}", namespace: STATE_NAMESPACE, xml: opened.stateXml });
  const session = new ValidationSession(new OfficeHost({ run: fakeRun(model), capabilities: { notes: true, fillPattern: true } }), lang, 10);
  const outcome = await session.validate({ trigger: "taskpane", activateReport: false });
  const report = model.sheet(REPORT_SHEET)!;
  const box = report.usedBox(true)!;
  const rows: string[][] = [];
  for (let r = 0; r <= box.bottom; r++) rows.push([...Array(9).keys()].map((c) => cellText(report.cell(r, c)?.value)));
  return { outcome, rows };
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : typeof v === "number" ? v.toFixed(2) : String(v);
}

/** The CLI's marked copy's 「校验结果」 sheet as text rows (read back with the CLI's own reader). */
async function markReport(copy: string): Promise<string[][]> {
  const { snapshot } = await openWorkbook(copy);
  const s = snapshot.sheets.find((x) => x.name === REPORT_SHEET)!;
  return s.values.map((line) => [...Array(9).keys()].map((c) => cellText(line[c])));
}

const FILES = ["seed-sichuan.xlsx", "seed-national-gaps.xlsx", "seed-mof-messy.xlsx", "shiquanlu-national.xlsx", "unseen-stacked.xlsx", "random-2-mof.xlsx"];

describe("parity: add-in and CLI on the same files", () => {
  before(() => {
    buildCli();
    ensureFixtures();
  });

  for (const lang of ["zh-CN", "en-US"] as const) {
    it(`same findings, words, counts and report rows (${lang})`, async () => {
      const dir = tempDir("caijue-parity-");
      const inputs = FILES.map((f) => path.join(GENERATED, f));
      const marks = path.join(dir, "marked");
      mkdirSync(marks);
      const r = await caijue(["check", ...inputs, "--format", "json", "--mark", marks, "--lang", lang === "en-US" ? "en" : "zh"]);
      expect(r.status === 0 || r.status === 1).toBe(true);
      const files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
      for (const input of inputs) {
        const cli = files.find((f) => f.file === input)!;
        const { outcome, rows } = await addinRun(input, lang);
        const addinFindings = [...outcome.active, ...outcome.explained.map((e) => e.finding)];
        expect(cli.findings.map((f) => [f.id, f.rule, f.severity, f.sheet, f.cell, f.message])).toEqual(
          addinFindings.map((f) => [f.id, f.rule, f.severity, f.target.sheet, f.target.address, f.message]),
        );
        expect(cli.counts).toEqual({ error: outcome.counts.error, warning: outcome.counts.warning, explained: outcome.counts.explained });
        expect(cli.status).toBe(outcome.status);
        // The marked copy's report sheet and the add-in's 「校验结果」: same summary, headers and rows.
        const copy = path.join(marks, `${path.basename(input, ".xlsx")}-校验.xlsx`);
        expect(await markReport(copy)).toEqual(rows);
        expect(rows[0][0]).toBe(outcome.summary);
        if (lang === "en-US") expect(rows[0][0]).not.toMatch(/[\u4e00-\u9fff]/);
      }
    });
  }

  it("an explanation written by `caijue explain` reads back identically in the add-in and the CLI", async () => {
    const dir = tempDir("caijue-parity-explain-");
    const first = JSON.parse((await caijue(["check", SEED, "--format", "json"])).stdout) as { files: JsonFile[] };
    const warning = first.files[0].findings.find((f) => f.severity === "warning")!;
    const copy = path.join(dir, "explained.xlsx");
    const ex = await caijue(["explain", SEED, warning.id, "--reason", "尾差，已与财政局核实", "--by", "张会计", "--out", copy]);
    expect(ex.status).toBe(0);
    const marks = path.join(dir, "marked");
    mkdirSync(marks);
    const cli = (JSON.parse((await caijue(["check", copy, "--format", "json", "--mark", marks])).stdout) as { files: JsonFile[] }).files[0];
    const { outcome, rows } = await addinRun(copy, "zh-CN");
    expect(outcome.explained.map((e) => [e.finding.id, e.explanation.reason, e.explanation.by])).toEqual([[warning.id, "尾差，已与财政局核实", "张会计"]]);
    expect(cli.findings.filter((f) => f.explained).map((f) => [f.id, f.explained!.reason])).toEqual([[warning.id, "尾差，已与财政局核实"]]);
    expect(cli.counts).toEqual({ error: outcome.counts.error, warning: outcome.counts.warning, explained: 1 });
    expect(cli.counts.warning).toBe(first.files[0].counts.warning - 1);
    const report = await markReport(path.join(marks, "explained-校验.xlsx"));
    expect(report).toEqual(rows);
    expect(report.at(-1)![8]).toBe("是：尾差，已与财政局核实");
    expect(report[0][0]).toMatch(/1 项已说明/);
  });
});
