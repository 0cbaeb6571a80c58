import { strToU8, zipSync } from "fflate";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { WorkbookReadError } from "../../src/cli/xlsx/errors";
import { shiftFormula } from "../../src/cli/xlsx/formula-shift";
import { readXlsxLean } from "../../src/cli/xlsx/read-lean";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A hand-written minimal .xlsx, so each XML feature is exercised exactly as Excel writes it. */
function makeXlsx(sheets: { name: string; state?: string; xml: string }[], sst: string[] = [], styles = ""): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><workbook ${NS}><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`)
        .join("")}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(`<?xml version="1.0"?><sst ${NS}>${sst.map((s) => `<si>${s}</si>`).join("")}</sst>`),
    "xl/styles.xml": strToU8(`<?xml version="1.0"?><styleSheet ${NS}>${styles}</styleSheet>`),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>`)));
  return zipSync(files);
}

describe("lean .xlsx reader", () => {
  it("reads every cell type, formats, shared formulas, merges, hidden rows and sheet state", () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00_ "/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>';
    const sst = ["<t>项目</t>", "<r><t>收入</t></r><r><t>合计</t></r><rPh><t>ふりがな</t></rPh>", "<t>=SUM(A1)</t>"];
    const xml = `<sheetData>
      <row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>
      <row r="3" hidden="1"><c r="B3" s="1"><v>1234.5</v></c><c r="C3" s="2"><f>B3*2</f><v>2469</v></c></row>
      <row r="4"><c r="B4"><f t="shared" ref="B4:C4" si="0">B3+$B$3</f><v>2469</v></c><c r="C4"><f t="shared" si="0"/><v>4938</v></c></row>
      <row r="5"><c r="B5" t="b"><v>1</v></c><c r="C5" t="e"><v>#REF!</v></c><c r="D5" t="inlineStr"><is><t>行内</t></is></c></row>
      <row r="6"><c r="B6" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="C6" t="s"><v>2</v></c><c r="D6" s="1"/></row>
      </sheetData><mergeCells count="1"><mergeCell ref="B8:D8"/></mergeCells>`;
    const buf = makeXlsx([{ name: "表一", xml }, { name: "藏", state: "veryHidden", xml: '<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>' }], sst, styles);
    const { snapshot, notes } = readXlsxLean(buf, "t.xlsx");
    expect(notes).toEqual([]);
    const s = snapshot.sheets[0];
    expect(s.name).toBe("表一");
    expect(s.visibility).toBe("visible");
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values).toEqual([
      ["项目", "收入合计", null],
      [1234.5, 2469, null],
      [2469, 4938, null],
      [true, "#REF!", "行内"],
      ["xy", "=SUM(A1)", null],
    ]);
    expect(s.numberFormats?.[1]).toEqual(["#,##0.00_ ", "#,##0.00", null]);
    expect(s.formulas?.[1][1]).toBe("=B3*2");
    expect(s.formulas?.[2]).toEqual(["=B3+$B$3", "=C3+$B$3", null]);
    expect(s.formulas?.[4][0]).toBe('="x"&"y"');
    expect(s.formulas?.[4][1]).toBeNull(); // a string that looks like a formula stays a value
    expect(s.merges).toEqual([{ top: 7, left: 1, bottom: 7, right: 3 }]);
    expect(s.hiddenRows).toEqual([2]);
    expect(snapshot.sheets[1].visibility).toBe("veryHidden");
  });

  it("caps very long sheets at maxRows and says so", () => {
    const rows: string[] = [];
    for (let r = 1; r <= 20_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>行${r}</t></is></c></row>`);
    const buf = makeXlsx([{ name: "长表", xml: `<sheetData>${rows.join("")}</sheetData>` }]);
    const { snapshot, notes } = readXlsxLean(buf, "long.xlsx", { maxRows: 500 });
    expect(snapshot.sheets[0].values.length).toBe(500);
    expect(notes).toEqual([{ code: "rows-capped", sheet: "长表", rows: 500 }]);
  });

  it("rejects truncated and non-workbook zips with a reason code", () => {
    const buf = makeXlsx([{ name: "a", xml: "<sheetData/>" }]);
    expect(() => readXlsxLean(buf.subarray(0, buf.length - 40), "t.xlsx")).toThrow(WorkbookReadError);
    try {
      readXlsxLean(buf.subarray(0, Math.floor(buf.length / 2)), "t.xlsx");
    } catch (e) {
      expect((e as WorkbookReadError).code).toBe("truncated");
    }
    const notWorkbook = zipSync({ "hello.txt": strToU8("hi") });
    expect(() => readXlsxLean(notWorkbook, "z.xlsx")).toThrow(expect.objectContaining({ code: "not-workbook" }));
  });

  it("shifts relative references of shared formulas only", () => {
    expect(shiftFormula("SUM(B3:B9)+$C$1+C$2+'表 1'!D4", 2, 1)).toBe("SUM(C5:C11)+$C$1+D$2+'表 1'!E6");
    expect(shiftFormula('IF(A1>0,"A1",LOG10(A1))', 1, 0)).toBe('IF(A2>0,"A1",LOG10(A2))');
  });
});
