/**
 * The marked copy of workbooks written by different programs: every part not needed for marking is byte for byte
 * the input's, the changed parts differ only by our elements, exactly the finding cells get a new style (cloned
 * from their own, with the red/amber fill), the user's note stays word for word, and the copy still opens.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { checkFile } from "../../src/cli/check/check-file";
import type { CheckJobOptions, FileResult } from "../../src/cli/check/result";
import { MARK_FILL } from "../../src/cli/mark/report";
import { readXlsxLean } from "../../src/cli/xlsx/read-lean";
import {
  CONSTANT_NAMES,
  CUSTOM_PROPERTY,
  excelJsFeatureWorkbook,
  findSoffice,
  fodsDocument,
  libreOfficeToXlsx,
  seedWithErrors,
  USER_NOTE,
  USER_NOTE_ELSEWHERE,
  writeInput,
} from "../fixtures/producers";
import { cellStyles, sameBytes, storedEntries, styleRecords, text, undoComments, undoPackageXml, undoSheet, undoStyles, undoVml, unzip, wellFormed } from "./mark-parts";

const SOFFICE = findSoffice();
const NEEDS_LO = "(needs LibreOffice: apt-get install libreoffice-calc-nogui)";

function options(markDir: string, inputs: string[]): CheckJobOptions {
  return { lang: "zh-CN", policy: "interval", reader: "lean", maxSize: 100 * 1048576, maxRows: 100_000, markDir, inputPaths: inputs, debug: true };
}

interface Marked {
  input: string;
  result: FileResult;
  before: ReturnType<typeof unzip>;
  after: ReturnType<typeof unzip>;
  copy: Uint8Array;
}

async function mark(input: string): Promise<Marked> {
  const out = mkdtempSync(path.join(os.tmpdir(), "caijue-mark-prod-"));
  const original = new Uint8Array(readFileSync(input));
  const result = await checkFile(input, options(out, [input]));
  expect(result.errors).toEqual([]);
  expect(result.markedCopy).toBeTruthy();
  expect(sameBytes(new Uint8Array(readFileSync(input)), original)).toBe(true);
  const copy = new Uint8Array(readFileSync(result.markedCopy!));
  return { input, result, before: unzip(original), after: unzip(copy), copy };
}

/** Workbook part of each sheet name, from workbook.xml and its rels (test-side reading, independent of the editor). */
function sheetParts(parts: ReturnType<typeof unzip>): Map<string, string> {
  const wb = text(parts, "xl/workbook.xml");
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])![1].replace(/&amp;/g, "&").replace(/&quot;/g, '"');
    const id = /:id="([^"]*)"/.exec(m[0])![1];
    const rel = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)![0];
    const target = /Target="([^"]*)"/.exec(rel)![1];
    out.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

function checkPackage(m: Marked): void {
  const { before, after, result } = m;
  const findingCells = new Map<string, boolean>(); // "sheet!A1" → has a 强制 finding
  for (const f of result.findings) findingCells.set(`${f.sheet}!${f.cell}`, (findingCells.get(`${f.sheet}!${f.cell}`) ?? false) || f.severity === "error");
  expect(result.counts.error).toBeGreaterThan(0);
  expect(result.counts.warning).toBeGreaterThan(0);

  // 1. Nothing removed; only these parts added: the report sheet, and notes (comments, VML, rels) of marked sheets.
  for (const name of Object.keys(before)) expect(after[name], `part ${name} kept`).toBeDefined();
  const added = Object.keys(after).filter((n) => !before[n]);
  for (const n of added) expect(n).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/);

  // 2. Parts we had no reason to touch are identical, as stored (compressed bytes too).
  const partsBefore = sheetParts(before);
  const markedSheets = new Set([...findingCells.keys()].map((k) => k.slice(0, k.lastIndexOf("!"))));
  const markedParts = new Set([...markedSheets].map((s) => partsBefore.get(s)!));
  const allowed = (n: string): boolean => {
    if (["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"].includes(n)) return true;
    if (markedParts.has(n)) return true;
    for (const p of markedParts) {
      const rels = p.replace("worksheets/", "worksheets/_rels/") + ".rels";
      if (n === rels) return true;
      // The marked sheet's comments and VML drawing, found through its rels.
      const relsText = before[rels] ? text(before, rels) : "";
      for (const t of relsText.matchAll(/Target="([^"]*)"/g)) if (path.posix.join(path.posix.dirname(p), t[1]) === n && /(comments|vmlDrawing)/.test(n)) return true;
    }
    return false;
  };
  const storedBefore = storedEntries(readFileSync(m.input));
  const storedAfter = storedEntries(m.copy);
  const changed: string[] = [];
  for (const name of Object.keys(before)) {
    if (sameBytes(before[name], after[name])) {
      if (!allowed(name)) expect(storedAfter.get(name)?.equals(storedBefore.get(name)!), `${name} copied as stored`).toBe(true);
      continue;
    }
    changed.push(name);
    expect(allowed(name), `${name} may change`).toBe(true);
  }

  // 3. In the changed parts, only our elements differ.
  const reportName = result.markedCopy ? "校验结果" : undefined;
  for (const name of changed) {
    const b = text(before, name);
    const a = text(after, name);
    if (!name.endsWith(".vml")) expect(wellFormed(a), `${name} well-formed`).toBe(true);
    let undone: string;
    if (name === "xl/styles.xml") undone = undoStyles(b, a);
    else if (markedParts.has(name)) undone = undoSheet(b, a);
    else if (/comments\d+\.xml$/.test(name)) undone = undoComments(a);
    else if (name.endsWith(".vml")) undone = undoVml(b, a);
    else undone = undoPackageXml(a, added, reportName);
    expect(undone, `${name}: only our edits`).toBe(b);
  }
  for (const n of added) if (!n.endsWith(".vml")) expect(wellFormed(text(after, n)), `${n} well-formed`).toBe(true);

  // 4. Exactly the finding cells got a new style: their own format with the mark's fill.
  const stylesBefore = text(before, "xl/styles.xml");
  const stylesAfter = text(after, "xl/styles.xml");
  const xfsBefore = styleRecords(stylesBefore, "cellXfs");
  const xfsAfter = styleRecords(stylesAfter, "cellXfs");
  const fillsAfter = styleRecords(stylesAfter, "fills");
  const partsAfter = sheetParts(after);
  const restyled: string[] = [];
  for (const [sheet, part] of partsBefore) {
    const sb = cellStyles(text(before, part));
    const sa = cellStyles(text(after, partsAfter.get(sheet)!));
    for (const [ref, s] of sa) {
      if (sb.get(ref) === s) continue;
      restyled.push(`${sheet}!${ref}`);
      const error = findingCells.get(`${sheet}!${ref}`);
      expect(error, `${sheet}!${ref} is a finding cell`).toBeDefined();
      const strip = (xf: string) => xf.replace(/\s(fillId|applyFill)="[^"]*"/g, "");
      expect(strip(xfsAfter[Number(s)])).toBe(strip(xfsBefore[Number(sb.get(ref) ?? 0)]));
      const fillId = Number(/fillId="(\d+)"/.exec(xfsAfter[Number(s)])![1]);
      expect(fillsAfter[fillId]).toContain(`rgb="${error ? MARK_FILL.error : MARK_FILL.warning}"`);
    }
  }
  expect(restyled.sort()).toEqual([...findingCells.keys()].sort());

  // 5. The report sheet: inline text (never a formula), one internal link per finding to its cell.
  const reportPart = partsAfter.get("校验结果")!;
  const report = text(after, reportPart);
  expect(report).not.toMatch(/<f[ >]/);
  const links = [...report.matchAll(/<hyperlink [^>]*location="([^"]*)"/g)].map((x) => x[1].replace(/&apos;/g, "'"));
  expect(links.sort()).toEqual(result.findings.map((f) => `'${f.sheet.replace(/'/g, "''")}'!${f.cell}`).sort());
  expect(report).not.toMatch(/r:id=/);
}

/** The user's note on the marked cell 附表1 D34 keeps its words, and ours follows it. */
function checkNotes(after: ReturnType<typeof unzip>, elsewhere: boolean): void {
  const comments = Object.keys(after).filter((n) => /^xl\/comments\d+\.xml$/.test(n)).map((n) => text(after, n));
  const withUser = comments.find((c) => c.includes(USER_NOTE.slice(0, 10)))!;
  expect(withUser).toBeDefined();
  const d34 = /<(?:\w+:)?comment ref="D34"[\s\S]*?<\/(?:\w+:)?comment>/.exec(withUser)![0];
  const plain = d34.replace(/<[^>]+>/g, "");
  expect(plain.startsWith(USER_NOTE.replace(/<[^>]+>/g, "")) || plain.includes(USER_NOTE.slice(0, 10))).toBe(true);
  expect(plain.indexOf("【财决助手】")).toBeGreaterThan(plain.indexOf(USER_NOTE.slice(0, 10)));
  // Programs split a note into runs (LibreOffice does, per script): compare the text without tags.
  if (elsewhere) expect(comments.some((c) => c.replace(/<[^>]+>/g, "").includes(USER_NOTE_ELSEWHERE))).toBe(true);
}

/** The copy opens in ExcelJS and reads to the same values as the input (plus the report sheet). */
async function checkOpens(m: Marked): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(m.copy) as never);
  expect(wb.getWorksheet("校验结果")).toBeDefined();
  const a = readXlsxLean(new Uint8Array(readFileSync(m.input)), "in.xlsx").snapshot;
  const b = readXlsxLean(m.copy, "out.xlsx").snapshot;
  expect(b.sheets.slice(0, a.sheets.length)).toEqual(a.sheets);
  expect(b.sheets.map((s) => s.name)).toEqual([...a.sheets.map((s) => s.name), "校验结果"]);
}

describe("marked copy of an ExcelJS workbook with a chart, image, table, protection, print titles, names, custom properties and notes", () => {
  let m: Marked;
  before(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caijue-prod-exceljs-"));
    m = await mark(writeInput(dir, "决算.xlsx", await excelJsFeatureWorkbook()));
  });

  it("changes only the parts and elements marking needs", () => checkPackage(m));

  it("keeps every feature of the input", () => {
    const { after } = m;
    expect(after["xl/charts/chart1.xml"]).toBeDefined();
    expect(after["xl/tables/table1.xml"]).toBeDefined();
    expect(after["xl/media/image1.png"]).toBeDefined();
    expect(text(after, "docProps/custom.xml")).toContain(CUSTOM_PROPERTY);
    const wb = text(after, "xl/workbook.xml");
    for (const k of Object.keys(CONSTANT_NAMES)) expect(wb).toContain(`<definedName name="${k}">`);
    expect(wb).toContain("_xlnm.Print_Titles");
    const t3 = sheetParts(after).get("附表3 支出总表")!;
    expect(text(after, t3)).toContain("<sheetProtection");
    expect(text(after, t3)).toContain("<conditionalFormatting");
  });

  it("keeps the user's notes and appends ours to the one on a marked cell", () => checkNotes(m.after, true));

  it("opens and reads to the same values", () => checkOpens(m));
});

describe("marked copy of workbooks written by LibreOffice", () => {
  const lo: { resaved?: Marked; fods?: Marked } = {};
  before(async () => {
    if (!SOFFICE) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "caijue-prod-lo-"));
    const src = writeInput(path.join(dir, "src"), "决算.xlsx", await excelJsFeatureWorkbook());
    lo.resaved = await mark(libreOfficeToXlsx(src, path.join(dir, "resaved")));
    const fods = writeInput(path.join(dir, "src"), "单位.fods", fodsDocument(seedWithErrors()));
    lo.fods = await mark(libreOfficeToXlsx(fods, path.join(dir, "fods")));
  });

  (!SOFFICE ? it.skip : it)(`re-saved by LibreOffice: only the parts and elements marking needs change ${NEEDS_LO}`, () => {
    checkPackage(lo.resaved!);
    expect(Object.keys(lo.resaved!.after).some((n) => n.startsWith("xl/charts/"))).toBe(true);
    checkNotes(lo.resaved!.after, true);
  });

  (!SOFFICE ? it.skip : it)(`re-saved by LibreOffice: opens and reads to the same values ${NEEDS_LO}`, () => checkOpens(lo.resaved!));

  (!SOFFICE ? it.skip : it)(`converted by LibreOffice from its own document: protection, names, properties and the note kept ${NEEDS_LO}`, async () => {
    const m = lo.fods!;
    checkPackage(m);
    checkNotes(m.after, false);
    expect(text(m.after, "docProps/custom.xml")).toContain(CUSTOM_PROPERTY);
    expect(text(m.after, "xl/workbook.xml")).toContain("增值税率");
    expect(text(m.after, sheetParts(m.after).get("附表3 支出总表")!)).toContain("<sheetProtection");
    await checkOpens(m);
  });
});
