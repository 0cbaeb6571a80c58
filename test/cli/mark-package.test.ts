/**
 * The in-place package editor on hand-written packages, one XML feature each: prefixed namespaces, cells and rows
 * without r=, marked cells not written yet, empty sheetData, no styles part, a VML drawing holding form controls,
 * an existing sheet named 校验结果, sheet names needing quotes, text that looks like a formula, damaged parts.
 */
import { strToU8, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { findSoffice, libreOfficeToCsv, writeInput } from "../fixtures/producers";
import { editPackage, PackageEditError, type PackageEdit } from "../../src/cli/xlsx/package/edit";
import { readXlsxLean } from "../../src/cli/xlsx/read-lean";
import { cellStyles, sameBytes, styleRecords, text, undoComments, undoPackageXml, undoSheet, undoStyles, undoVml, unzip, wellFormed } from "./mark-parts";

const SOFFICE = findSoffice();
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RED = "FFFFC7CE";
const AMBER = "FFFFEB9C";

interface SheetSpec {
  name: string;
  /** Inner XML of <worksheet> (sheetData and friends), with `p` as the element prefix. */
  body: string;
  rels?: string;
  extra?: Record<string, string>;
}

const STYLES = (p: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="${MAIN}">` +
  `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts>` +
  `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
  `<${p}borders count="1"><${p}border/></${p}borders>` +
  `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
  `<${p}cellXfs count="3"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<${p}xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><${p}alignment horizontal="right"/></${p}xf></${p}cellXfs>` +
  `</${p}styleSheet>`;

/** A package as a minimal writer (or a .NET one, with `x:` prefixes) would store it. */
function makePackage(sheets: SheetSpec[], opts: { prefix?: string; styles?: boolean } = {}): Uint8Array {
  const p = opts.prefix ?? "";
  const decl = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const files: Record<string, Uint8Array> = {};
  const ct: string[] = [];
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${decl} xmlns:r="${R}">${s.body}</${p}worksheet>`);
    ct.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    if (s.rels) files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(s.rels);
    for (const [k, v] of Object.entries(s.extra ?? {})) files[k] = strToU8(v);
  });
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.styles !== false) {
    files["xl/styles.xml"] = strToU8(STYLES(p));
    rels.push(`<Relationship Id="rId99" Type="${R}/styles" Target="styles.xml"/>`);
    ct.push(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  }
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ct.join("")}</Types>`,
  );
  files["_rels/.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${decl} xmlns:r="${R}"><${p}sheets>${sheets
      .map((s, i) => `<${p}sheet name="${s.name.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</${p}sheets></${p}workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2020, 0, 1)) });
}

const table = { name: "校验结果", title: "校验未通过：强制 1 项，核实 1 项", headers: ["级别", "单元格", "说明"], widths: [8, 20, 60] };

function edit(bytes: Uint8Array, marks: PackageEdit["marks"], rows: PackageEdit["table"] extends infer T ? (T extends { rows: infer X } ? X : never) : never = []) {
  return editPackage(bytes, { marks, author: "财决助手", table: { ...table, rows } });
}

/** Shared checks: other parts untouched, changed parts differ only by our edits, XML well-formed, values unchanged. */
async function checkEdit(before: Uint8Array, after: Uint8Array, sheetParts: string[], report = "校验结果", excelJs = true): Promise<void> {
  const a = unzip(before);
  const b = unzip(after);
  const added = Object.keys(b).filter((n) => !a[n]);
  for (const name of Object.keys(a)) {
    expect(b[name], name).toBeDefined();
    if (sameBytes(a[name], b[name])) continue;
    const x = text(a, name);
    const y = text(b, name);
    if (!name.endsWith(".vml")) expect(wellFormed(y), `${name} well-formed`).toBe(true);
    const undone =
      name.endsWith("styles.xml") ? undoStyles(x, y) : sheetParts.includes(name) ? undoSheet(x, y) : /comments/.test(name) ? undoComments(y) : name.endsWith(".vml") ? undoVml(x, y) : undoPackageXml(y, added, report);
    expect(undone, `${name}: only our edits`).toBe(x);
  }
  for (const n of added) if (!n.endsWith(".vml")) expect(wellFormed(text(b, n)), `${n} well-formed`).toBe(true);
  const s0 = readXlsxLean(before, "a.xlsx").snapshot;
  const s1 = readXlsxLean(after, "b.xlsx").snapshot;
  expect(s1.sheets.slice(0, s0.sheets.length).map((s) => s.values)).toEqual(s0.sheets.map((s) => s.values));
  if (excelJs) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(after) as never);
    expect(wb.worksheets.map((w) => w.name)).toContain(report);
  }
  copies.push({ bytes: after, report });
}

/** Every copy made in this file, opened by LibreOffice at the end (one start of soffice for all). */
const copies: { bytes: Uint8Array; report: string }[] = [];

describe("package editor: cells", () => {
  it("restyles exactly the marked cells, cloning each cell's own format (two cells sharing a format stay apart)", async () => {
    const body = `<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"><v>3</v></c></row><row r="2"><c r="A2" s="1"><v>4</v></c></row></sheetData>`;
    const before = makePackage([{ name: "T1", body }]);
    const r = edit(before, [
      { sheet: "T1", address: "B1", fill: RED, note: "" },
      { sheet: "T1", address: "C1", fill: AMBER, note: "" },
    ]);
    expect(r.restyled.sort()).toEqual(["T1!B1", "T1!C1"]);
    const after = unzip(r.bytes);
    const s = cellStyles(text(after, "xl/worksheets/sheet1.xml"));
    expect([s.get("A1"), s.get("A2")]).toEqual(["1", "1"]); // same format as B1, not recoloured
    const xfs = styleRecords(text(after, "xl/styles.xml"), "cellXfs");
    const fills = styleRecords(text(after, "xl/styles.xml"), "fills");
    const b1 = xfs[Number(s.get("B1"))];
    const c1 = xfs[Number(s.get("C1"))];
    expect(b1).toMatch(/numFmtId="4"/);
    expect(c1).toContain('<alignment horizontal="right"/>');
    expect(fills[Number(/fillId="(\d+)"/.exec(b1)![1])]).toContain(RED);
    expect(fills[Number(/fillId="(\d+)"/.exec(c1)![1])]).toContain(AMBER);
    await checkEdit(before, r.bytes, ["xl/worksheets/sheet1.xml"]);
  });

  it("inserts marked cells that are not written yet, in column and row order, and keeps rows without r=", async () => {
    // Rows and cells without r= are allowed (positions follow on); row 2 is self-closing; row 4 does not exist.
    const body = `<sheetData><row><c><v>1</v></c><c r="D1"><v>2</v></c></row><row r="2" spans="1:2"/><row r="3" spans="1:2"><c r="A3"><v>5</v></c><c r="C3"><v>6</v></c></row><row r="6"><c r="A6"><v>7</v></c></row></sheetData>`;
    const before = makePackage([{ name: "T1", body }]);
    const r = edit(before, ["B1", "E1", "A2", "B3", "F3", "C4", "A9"].map((address) => ({ sheet: "T1", address, fill: RED, note: "" })));
    expect(r.restyled.sort()).toEqual(["T1!A2", "T1!A9", "T1!B1", "T1!B3", "T1!C4", "T1!E1", "T1!F3"]);
    const xml = text(unzip(r.bytes), "xl/worksheets/sheet1.xml");
    const order = [...xml.matchAll(/<c r="([A-Z]+\d+)"|<c>/g)].map((m) => m[1] ?? "?");
    expect(order).toEqual(["?", "B1", "D1", "E1", "A2", "A3", "B3", "C3", "F3", "C4", "A6", "A9"]);
    expect(xml).toContain('<row r="3" spans="1:6">');
    expect([...xml.matchAll(/<row r="(\d+)"/g)].map((m) => m[1])).toEqual(["2", "3", "4", "6", "9"]);
    // ExcelJS cannot read rows without r= (the input included); the lean reader and LibreOffice can.
    await checkEdit(before, r.bytes, ["xl/worksheets/sheet1.xml"], "校验结果", false);
  });

  it("works on an empty <sheetData/>, with x: prefixed elements and without a styles part", async () => {
    const before = makePackage([{ name: "空表", body: "<x:sheetData/>" }], { prefix: "x:", styles: false });
    const r = edit(before, [{ sheet: "空表", address: "B2", fill: AMBER, note: "【财决助手】核实" }]);
    expect(r.restyled).toEqual(["空表!B2"]);
    const parts = unzip(r.bytes);
    expect(text(parts, "xl/worksheets/sheet1.xml")).toContain('<x:sheetData><x:row r="2"><x:c r="B2" s="1"/></x:row></x:sheetData>');
    expect(text(parts, "xl/worksheets/sheet1.xml")).toMatch(/<x:legacyDrawing r:id="rId\d+"\/><\/x:worksheet>$/);
    expect(parts["xl/styles.xml"]).toBeDefined();
    expect(text(parts, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
    // ExcelJS cannot read prefixed packages at all (input included): the lean reader and LibreOffice can.
    await checkEdit(before, r.bytes, ["xl/worksheets/sheet1.xml"], "校验结果", false);
  });

  it("gives the report sheet a free name, quotes sheet names in links and keeps formula-like text as text", async () => {
    const before = makePackage([
      { name: "It's 表", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` },
      { name: "校验结果", body: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>用户自己的表</t></is></c></row></sheetData>` },
    ]);
    const rows = [{ cells: ["强制", "It's 表!A1", "=HYPERLINK(\"http://x\")"], link: { col: 1, sheet: "It's 表", address: "A1" }, fill: RED }];
    const r = edit(before, [{ sheet: "It's 表", address: "A1", fill: RED, note: "@SUM(A1)" }], rows);
    expect(r.tableSheet).toBe("校验结果 (2)");
    const parts = unzip(r.bytes);
    const report = text(parts, r.addedParts.find((n) => n.startsWith("xl/worksheets/sheet"))!);
    expect(report).toContain(`location="'It''s 表'!A1"`);
    expect(report).not.toMatch(/<f[ >]/);
    expect(report).toContain('t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;)</t>'.replace("&quot;", '"').replace("&quot;", '"'));
    await checkEdit(before, r.bytes, ["xl/worksheets/sheet1.xml"], "校验结果 (2)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as never);
    const cell = wb.getWorksheet("校验结果 (2)")!.getCell("C3");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
    expect(wb.getWorksheet("校验结果")!.getCell("A1").value).toBe("用户自己的表");
  });
});

describe("package editor: notes", () => {
  const VML_CONTROLS =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/></v:shapetype>' +
    '<v:shape id="_x0000_s1025" type="#_x0000_t201" style="position:absolute;z-index:1"><x:ClientData ObjectType="Button"><x:Anchor>1, 0, 1, 0, 3, 0, 3, 0</x:Anchor><x:FmlaMacro>[0]!Macro1</x:FmlaMacro></x:ClientData></v:shape></xml>';

  it("adds our notes into a sheet whose VML drawing holds form controls (no comments part yet)", async () => {
    const before = makePackage([
      {
        name: "T1",
        body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><legacyDrawing r:id="rId5"/>`,
        rels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
        extra: { "xl/drawings/vmlDrawing1.vml": VML_CONTROLS },
      },
    ]);
    const r = edit(before, [{ sheet: "T1", address: "A1", fill: RED, note: "【财决助手】强制 T1-a：不平" }]);
    expect(r.notesAdded).toBe(1);
    const parts = unzip(r.bytes);
    const vml = text(parts, "xl/drawings/vmlDrawing1.vml");
    expect(vml).toContain("[0]!Macro1");
    expect(vml).toContain('id="_x0000_s1026"');
    expect(vml).toContain('<v:shapetype id="_x0000_t202"');
    expect(text(parts, "xl/worksheets/sheet1.xml").match(/legacyDrawing/g)).toHaveLength(1);
    await checkEdit(before, r.bytes, ["xl/worksheets/sheet1.xml"]);
  });

  it("appends to the user's note (rich runs, phonetic properties) and adds a new comment beside theirs", async () => {
    const comments =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>张会计</author></authors><commentList>` +
      `<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>张会计:</t></r><r><t xml:space="preserve">\n已核对</t></r><phoneticPr fontId="1"/></text></comment></commentList></comments>`;
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="3"/></o:shapelayout>' +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      '<v:shape id="_x0000_s3073" type="#_x0000_t202" style="position:absolute;visibility:hidden"><v:textbox/><x:ClientData ObjectType="Note"><x:Anchor>2, 15, 0, 10, 4, 15, 4, 4</x:Anchor><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';
    const before = makePackage([
      {
        name: "T1",
        body: `<sheetData><row r="2"><c r="B2" s="1"><v>10</v></c><c r="C2" s="1"><v>11</v></c></row></sheetData><legacyDrawing r:id="rId2"/>`,
        rels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
        extra: { "xl/comments1.xml": comments, "xl/drawings/vmlDrawing1.vml": vml },
      },
    ]);
    const r = edit(before, [
      { sheet: "T1", address: "B2", fill: RED, note: "【财决助手】强制 T1-a：B2 不平" },
      { sheet: "T1", address: "C2", fill: AMBER, note: "【财决助手】核实 X6：C2 请核实" },
    ]);
    expect([r.notesAdded, r.notesAppended]).toEqual([1, 1]);
    const parts = unzip(r.bytes);
    const c = text(parts, "xl/comments1.xml");
    expect(c).toContain('<r><rPr><b/></rPr><t>张会计:</t></r><r><t xml:space="preserve">\n已核对</t></r><r><t xml:space="preserve">\n\n</t></r><r><t xml:space="preserve">【财决助手】强制 T1-a：B2 不平</t></r><phoneticPr fontId="1"/>');
    expect(c).toContain('<comment ref="C2" authorId="1">');
    expect(text(parts, "xl/drawings/vmlDrawing1.vml")).toContain('id="_x0000_s3074"');
    await checkEdit(before, r.bytes, ["xl/worksheets/sheet1.xml"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as never);
    const note = wb.getWorksheet("T1")!.getCell("B2").note as { texts: { text: string }[] };
    expect(note.texts.map((t) => t.text).join("")).toBe("张会计:\n已核对\n\n【财决助手】强制 T1-a：B2 不平");
  });

  it("leaves an Excel 365 threaded comment alone and says so", async () => {
    const comments =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>tc={1A2B}</author></authors><commentList>` +
      `<comment ref="A1" authorId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.\n\nComment:\n    请财务科确认</t></text></comment></commentList></comments>`;
    const before = makePackage([
      {
        name: "T1",
        body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
        rels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/></Relationships>`,
        extra: { "xl/comments1.xml": comments },
      },
    ]);
    const r = edit(before, [{ sheet: "T1", address: "A1", fill: RED, note: "【财决助手】强制" }]);
    expect(r.notesSkipped).toEqual(["T1!A1"]);
    expect(r.restyled).toEqual(["T1!A1"]);
    expect(sameBytes(unzip(r.bytes)["xl/comments1.xml"], unzip(before)["xl/comments1.xml"])).toBe(true);
  });

  it("places <legacyDrawing> before tableParts and extLst, as the schema orders them", () => {
    const before = makePackage([{ name: "T1", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/><tableParts count="0"/><extLst/>` }]);
    const r = edit(before, [{ sheet: "T1", address: "A1", fill: RED, note: "x" }]);
    expect(text(unzip(r.bytes), "xl/worksheets/sheet1.xml")).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId\d+"\/><tableParts count="0"\/><extLst\/>/);
  });
});

describe("package editor: what cannot be read is said, naming the part", () => {
  it("a damaged styles part", () => {
    const good = unzip(makePackage([{ name: "T1", body: `<sheetData/>` }]));
    good["xl/styles.xml"] = strToU8("<notStyles/>");
    const bytes = zipSync(good);
    const e = (() => {
      try {
        edit(bytes, [{ sheet: "T1", address: "A1", fill: RED, note: "" }]);
      } catch (x) {
        return x as PackageEditError;
      }
    })();
    expect(e).toBeInstanceOf(PackageEditError);
    expect([e!.code, e!.part]).toEqual(["bad-part", "xl/styles.xml"]);
  });

  it("a truncated package and a workbook part that is missing", () => {
    const bytes = makePackage([{ name: "T1", body: `<sheetData/>` }]);
    expect(() => edit(bytes.subarray(0, bytes.length - 30), [])).toThrow(PackageEditError);
    const parts = unzip(bytes);
    delete parts["xl/workbook.xml"];
    let err: PackageEditError | undefined;
    try {
      edit(zipSync(parts), []);
    } catch (x) {
      err = x as PackageEditError;
    }
    expect([err?.code, err?.part]).toEqual(["no-workbook", "xl/workbook.xml"]);
  });

  it("a part declaring a size past the limit, or inflating past its declared size, is refused by name", () => {
    const bytes = makePackage([{ name: "T1", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` }]);
    const setDeclaredSize = (size: number): Uint8Array => {
      const copy = new Uint8Array(bytes);
      const buf = Buffer.from(copy.buffer);
      const name = Buffer.from("xl/worksheets/sheet1.xml");
      const cen = buf.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), buf.lastIndexOf(name) - 46);
      buf.writeUInt32LE(size, cen + 24);
      return copy;
    };
    const codeOf = (b: Uint8Array) => {
      try {
        edit(b, [{ sheet: "T1", address: "A1", fill: RED, note: "" }]);
      } catch (e) {
        return [(e as PackageEditError).code, (e as PackageEditError).part];
      }
      return undefined;
    };
    expect(codeOf(setDeclaredSize(600 * 1024 * 1024))).toEqual(["part-too-large", "xl/worksheets/sheet1.xml"]);
    expect(codeOf(setDeclaredSize(10))).toEqual(["damaged", "xl/worksheets/sheet1.xml"]);
  });

  it("time and memory follow the cells present: a lone cell at XFD1048576 is marked at once", () => {
    const before = makePackage([{ name: "T1", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData>` }]);
    const t0 = performance.now();
    const r = edit(before, ["A1", "XFD1048576", "XFD1048575"].map((address) => ({ sheet: "T1", address, fill: AMBER, note: "" })));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.restyled.sort()).toEqual(["T1!A1", "T1!XFD1048575", "T1!XFD1048576"]);
    expect(r.bytes.length).toBeLessThan(before.length + 4000);
  });

  it("a mark on a sheet the workbook does not have is returned, not dropped silently", () => {
    const r = edit(makePackage([{ name: "T1", body: `<sheetData/>` }]), [{ sheet: "T9", address: "A1", fill: RED, note: "" }]);
    expect(r.unplaced.map((m) => m.sheet)).toEqual(["T9"]);
    expect(r.restyled).toEqual([]);
  });
});

describe("package editor: the copies open in LibreOffice", () => {
  (!SOFFICE ? it.skip : it)("every copy made above converts, report sheet included (needs LibreOffice: apt-get install libreoffice-calc-nogui)", () => {
    expect(copies.length).toBeGreaterThan(5);
    const dir = mkdtempSync(path.join(os.tmpdir(), "caijue-lo-open-"));
    const files = copies.map((c, i) => writeInput(dir, `copy${i}.xlsx`, c.bytes));
    const csvs = libreOfficeToCsv(files, path.join(dir, "csv"));
    copies.forEach((c, i) => {
      const csv = csvs.find((f) => path.basename(f) === `copy${i}-${c.report}.csv`);
      expect(csv, `copy${i} report sheet`).toBeDefined();
      expect(readFileSync(csv!, "utf8")).toContain("级别");
    });
  });
});
