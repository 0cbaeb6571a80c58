/**
 * The worksheet tag scanner against saxes (the general parser it replaces for sheets): same elements, attributes and
 * text, however the input is cut into chunks; and the zip reader's expansion budget.
 */
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { describe, it } from "mocha";
import { SaxesParser } from "saxes";
import { attrValue, decodeEntities, parseAttributes, XmlScanError, XmlScanner } from "../../src/cli/xlsx/xml-scan";
import { Expansion, ExpansionLimitError, streamEntry, ZipFormatError, type ZipEntry } from "../../src/cli/xlsx/zip";
import { expect } from "../support/expect";

type Event = string;

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Events from saxes: open with attributes (local names), text, close; adjacent text merged. */
function saxesEvents(xml: string): Event[] {
  const out: Event[] = [];
  const p = new SaxesParser();
  p.on("opentag", (t) => {
    const attrs = Object.entries(t.attributes as Record<string, string>)
      .filter(([k]) => !k.startsWith("xmlns"))
      .map(([k, v]) => `${local(k)}=${v}`)
      .sort();
    out.push(`<${local(t.name)} ${attrs.join(" ")}`);
  });
  const text = (s: string) => {
    if (out.length && out[out.length - 1].startsWith("#")) out[out.length - 1] += s;
    else out.push(`#${s}`);
  };
  p.on("text", text);
  p.on("cdata", text);
  p.on("closetag", (t) => out.push(`</${local(t.name)}`));
  p.write(xml).close();
  return out.filter((e) => e !== "#");
}

function scanEvents(pieces: string[]): Event[] {
  const out: Event[] = [];
  const s = new XmlScanner({
    wantText: () => true,
    open: (name, raw) => {
      const attrs = Object.entries(parseAttributes(raw))
        .map(([k, v]) => `${k}=${v}`)
        .sort();
      out.push(`<${name} ${attrs.join(" ")}`);
    },
    text: (t) => {
      if (out.length && out[out.length - 1].startsWith("#")) out[out.length - 1] += t;
      else out.push(`#${t}`);
    },
    close: (name) => out.push(`</${name}`),
  });
  for (const p of pieces) s.write(p);
  s.end();
  return out.filter((e) => e !== "#");
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<!-- written by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r">' +
  '<x:sheetData><x:row r="1" spans="1:3" hidden="1"><x:c r="A1" t="inlineStr"><x:is><x:t>收入 &amp; 支出 &lt;合计&gt; &#x4E00;&#20108;</x:t></x:is></x:c>' +
  "<x:c r='B1' s=\"3\"><x:v>12.5</x:v></x:c><x:c r=\"C1\"><x:f>SUM(A1:B1)&gt;0</x:f><x:v>1</x:v></x:c></x:row>" +
  '<x:row r="2"><x:c r="A2" t="str"><x:v><![CDATA[a<b>c]]></x:v></x:c><x:c r="B2" s="0"/></x:row></x:sheetData>' +
  '<x:dataValidations><x:dataValidation sqref="A1" prompt="a &gt; b, c>d"/></x:dataValidations>' +
  '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';

describe("worksheet tag scanner", () => {
  it("gives saxes' elements, attributes and text on a sheet with prefixes, entities, CDATA, comments and '>' in attributes", () => {
    expect(scanEvents([SHEET])).toEqual(saxesEvents(SHEET));
  });

  it("gives the same events however the text is cut into chunks (entities and tags cut in half)", () => {
    const whole = saxesEvents(SHEET);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: SHEET.length - 1 }), { maxLength: 40 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), SHEET.length];
        const pieces = at.slice(1).map((end, i) => SHEET.slice(at[i], end));
        expect(scanEvents(pieces)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("hands over a long text run in pieces without losing an entity cut at a chunk boundary", () => {
    const long = "甲&amp;乙".repeat(3000);
    const xml = `<r><t>${long}</t></r>`;
    const pieces: string[] = [];
    for (let i = 0; i < xml.length; i += 997) pieces.push(xml.slice(i, i + 997));
    expect(scanEvents(pieces)).toEqual(saxesEvents(xml));
  });

  it("reads single attributes without building objects, only where the name stands alone", () => {
    const raw = ' r="B7" spans="1:5" s="3" t="s" x14ac:dyDescent="0.25"';
    expect(attrValue(raw, "r")).toBe("B7");
    expect(attrValue(raw, "s")).toBe("3");
    expect(attrValue(raw, "t")).toBe("s");
    expect(attrValue(raw, "dyDescent")).toBe("0.25");
    expect(attrValue(raw, "hidden")).toBeUndefined();
    expect(attrValue(" ref = 'A1:B2'", "ref")).toBe("A1:B2");
    expect(decodeEntities("&lt;&#65;&#x42;&unknown;&gt;")).toBe("<AB&unknown;>");
  });

  it("stops on a tag that never ends instead of re-scanning it forever", () => {
    const s = new XmlScanner({ wantText: () => false, open: () => {}, text: () => {}, close: () => {} });
    s.write('<c r="A1" x="');
    const chunk = "y".repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 8; i++) s.write(chunk);
    }).toThrow(XmlScanError);
  });
});

describe("zip entry inflation budget", () => {
  const entryOf = (raw: Uint8Array, size: number): { buf: Uint8Array; entry: ZipEntry } => {
    // a local header (30 bytes, no name or extra field) followed by the data
    const buf = new Uint8Array(30 + raw.length);
    new DataView(buf.buffer).setUint32(0, 0x04034b50, true);
    buf.set(raw, 30);
    return { buf, entry: { name: "x.xml", method: 8, compressedSize: raw.length, size, localOffset: 0 } };
  };

  it("inflates a part of its declared size, counting the bytes", () => {
    const data = new TextEncoder().encode("<a>".repeat(1000));
    const { buf, entry } = entryOf(deflateRawSync(data), data.length);
    const budget = new Expansion(1 << 20);
    let got = 0;
    streamEntry(buf, entry, (c) => void (got += c.length), budget);
    expect(got).toBe(data.length);
    expect(budget.used).toBe(data.length);
  });

  it("stops a part that inflates past its declared size (a lying header), small or streamed", () => {
    for (const [declared, actual] of [[1000, 200_000], [9 * 1048576, 12 * 1048576]]) {
      const data = new Uint8Array(actual).fill(65);
      const { buf, entry } = entryOf(deflateRawSync(data), declared);
      expect(() => streamEntry(buf, entry, () => {}, new Expansion(1 << 30))).toThrow(ZipFormatError);
    }
  });

  it("stops when the package's budget is spent", () => {
    const data = new Uint8Array(10 * 1048576).fill(66);
    const { buf, entry } = entryOf(deflateRawSync(data), data.length);
    expect(() => streamEntry(buf, entry, () => {}, new Expansion(4 * 1048576))).toThrow(ExpansionLimitError);
  });
});
