/**
 * Hostile and unusual workbooks, built on the fly from a real one: a single far cell (row 1,048,576 or column XFD),
 * a zip bomb (a few MB that inflate to gigabytes), formulas saved without their calculated values.
 */
import { deflateRawSync, constants as z } from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** The worksheet parts of a package, in name order. */
export function worksheetNames(parts: Record<string, Uint8Array>): string[] {
  return Object.keys(parts)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
}

/** Re-zip a package after editing one part's XML. */
function editPart(xlsx: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(xlsx);
  parts[part] = strToU8(edit(strFromU8(parts[part])));
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) out[name] = [data, { level: 6 }];
  return zipSync(out);
}

/** Where the far cell goes: the last row, the last column (just below the data), or the last cell of the sheet. */
export type FarCell = "last-row" | "last-column" | "last-cell";

/** A copy with one far cell added to the worksheet `part` (nothing between it and the data). */
export function withFarCell(xlsx: Uint8Array, part: string, where: FarCell): Uint8Array {
  return editPart(xlsx, part, (xml) => {
    const rows = [...xml.matchAll(/<row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1]));
    const below = Math.max(0, ...rows) + 1;
    const [r, ref] = where === "last-row" ? [1048576, "A1048576"] : where === "last-column" ? [below, `XFD${below}`] : [1048576, "XFD1048576"];
    const row = `<row r="${r}"><c r="${ref}" t="inlineStr"><is><t>远处的单元格</t></is></c></row>`;
    // an empty <sheetData/> cannot hold a table; every worksheet used here has rows
    return xml.replace("</sheetData>", `${row}</sheetData>`);
  });
}

/** A copy where the numeric cells listed become formulas with no cached value (as scripts write them). */
export function withoutCachedValues(xlsx: Uint8Array, part: string, cells: string[], style: "no-v" | "empty-v"): Uint8Array {
  return editPart(xlsx, part, (xml) => {
    let out = xml;
    for (const ref of cells) {
      const re = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
      if (!re.test(out)) throw new Error(`no cell ${ref} in ${part}`);
      out = out.replace(re, (_m, attrs: string) => {
        const keep = attrs.replace(/\s+t="[^"]*"/, "");
        return `<c r="${ref}"${keep}><f>1+1</f>${style === "empty-v" ? "<v></v>" : ""}</c>`;
      });
    }
    return out;
  });
}

/** The first `n` numeric cells (with a <v> and no type, i.e. numbers) of a worksheet part, by address. */
export function numericCells(xlsx: Uint8Array, part: string, n: number): string[] {
  const xml = strFromU8(unzipSync(xlsx)[part]);
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"(?![^>]*\bt=")[^>]*>(?:<f>[^<]*<\/f>)?<v>[^<]+<\/v><\/c>/g)].slice(0, n).map((m) => m[1]);
}

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

interface RawEntry {
  name: string;
  /** deflate-compressed bytes (method 8) */
  data: Uint8Array;
  /** uncompressed size to declare */
  size: number;
  crc: number;
}

/** A zip from already-compressed entries (sizes declared as given; a bomb may declare a lie). */
function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cen = new Uint8Array(46 + name.length);
    const cv = new DataView(cen.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cen.set(name, 46);
    chunks.push(local, e.data);
    central.push(cen);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

const deflated = (text: string): RawEntry => {
  const data = strToU8(text);
  return { name: "", data: deflateRawSync(data), size: data.length, crc: crc32(data) };
};

/**
 * An .xlsx whose one worksheet inflates to about `expandedMb` MB of rows. The sheet is deflated once per 1 MB
 * piece with a full flush, so the same compressed piece can be repeated: the file stays a few MB however large the
 * expansion. With `declare: "small"` the central directory claims 1 MB (a lying header).
 */
export function zipBomb(expandedMb: number, declare: "true" | "small" = "true"): Uint8Array {
  const head = strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const unit = "<row><c><v>1</v></c></row>";
  const body = strToU8(unit.repeat(Math.floor(1048576 / unit.length)));
  const tail = strToU8("</sheetData></worksheet>");
  const flush = { finishFlush: z.Z_FULL_FLUSH };
  const pieces: Uint8Array[] = [deflateRawSync(head, flush)];
  const bodyPiece = deflateRawSync(body, flush);
  for (let i = 0; i < expandedMb; i++) pieces.push(bodyPiece);
  pieces.push(deflateRawSync(tail));
  const data = new Uint8Array(pieces.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of pieces) {
    data.set(c, p);
    p += c.length;
  }
  const size = head.length + body.length * expandedMb + tail.length;
  const part = (name: string, e: RawEntry): RawEntry => ({ ...e, name });
  return rawZip([
    part("[Content_Types].xml", deflated('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')),
    part("_rels/.rels", deflated('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')),
    part("xl/workbook.xml", deflated('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="收入支出决算总表" sheetId="1" r:id="rId1"/></sheets></workbook>')),
    part("xl/_rels/workbook.xml.rels", deflated('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')),
    // the CRC is not checked by readers that stop early; a plausible value keeps the header well-formed
    { name: "xl/worksheets/sheet1.xml", data, size: declare === "true" ? size : 1048576, crc: 0 },
  ]);
}
