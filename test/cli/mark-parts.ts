/**
 * Oracles for the marked-copy tests: compare two packages part by part and undo, by pattern, exactly the edits a
 * marked copy may make — if what remains differs from the input by a single byte, something else was touched.
 */
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export type Parts = Record<string, Uint8Array>;

export function unzip(bytes: Uint8Array): Parts {
  const parts = unzipSync(bytes);
  // Folder entries (ExcelJS writes some) hold no data.
  for (const k of Object.keys(parts)) if (k.endsWith("/")) delete parts[k];
  return parts;
}

export const text = (parts: Parts, name: string): string => strFromU8(parts[name]);

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** Raw stored bytes (local header + compressed data) of each entry: untouched parts must be copied as stored. */
export function storedEntries(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString("utf8");
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    // Skip the version/flags/time fields' offset-independent check: compare name + compressed bytes.
    out.set(name, Buffer.concat([buf.subarray(local + 8, local + 10), buf.subarray(local + 14, local + 26), buf.subarray(start, start + csize)]));
    p += 46 + nlen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

export function wellFormed(xml: string): boolean {
  const p = new SaxesParser();
  let ok = true;
  p.on("error", () => (ok = false));
  try {
    p.write(xml).close();
  } catch {
    ok = false;
  }
  return ok;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** `s` of every <c> by reference, in a worksheet part. */
export function cellStyles(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\s[^>]*?\/?>/g)) {
    const r = attr(m[0], "r");
    if (r) out.set(r, attr(m[0], "s") ?? "0");
  }
  return out;
}

/** A worksheet with our cell styles put back and our <legacyDrawing> and inserted empty cells removed. */
export function undoSheet(before: string, after: string): string {
  const old = cellStyles(before);
  let out = after.replace(/<(\w+:)?c r="([A-Z]+\d+)" s="\d+"\/>/g, (whole, _p, r: string) => (old.has(r) ? whole : ""));
  out = out.replace(/<(?:\w+:)?c\s[^>]*?\/?>/g, (tag) => {
    const r = attr(tag, "r");
    if (!r || !old.has(r)) return tag;
    const was = /\ss="[^"]*"/.exec(before.match(new RegExp(`<(?:\\w+:)?c\\s[^>]*?r="${r}"[^>]*?\\/?>`))![0])?.[0];
    return was ? tag.replace(/\ss="[^"]*"/, was) : tag.replace(/\ss="[^"]*"/, "");
  });
  if (!/<(\w+:)?legacyDrawing\b/.test(before)) out = out.replace(/<(\w+:)?legacyDrawing [^>]*\/>/, "");
  // Rows: the ones we added (now empty) go, the others get their start tag back (spans, self-closing form).
  const rowTags = new Map<string, string>();
  for (const m of before.matchAll(/<(?:\w+:)?row\s[^>]*?\/?>/g)) {
    const r = attr(m[0], "r");
    if (r) rowTags.set(r, m[0]);
  }
  out = out.replace(/<((?:\w+:)?row)\s[^>]*?>(<\/\1>)?/g, (tag, _n: string, emptyClose?: string) => {
    const r = attr(tag, "r");
    if (!r) return tag;
    const was = rowTags.get(r);
    if (!was) return emptyClose ? "" : tag;
    if (emptyClose && was.endsWith("/>")) return was;
    return emptyClose ? was + emptyClose : was;
  });
  out = out.replace(/<((?:\w+:)?sheetData)><\/\1>/, (whole) => (/<(?:\w+:)?sheetData\/>/.exec(before)?.[0] ?? whole));
  return out;
}

/** styles.xml with the records we appended removed and the counts put back. */
export function undoStyles(before: string, after: string): string {
  let out = after;
  for (const list of ["fonts", "fills", "cellXfs"]) {
    const re = new RegExp(`(<(?:\\w+:)?${list}\\b[^>]*>)([\\s\\S]*?)(</(?:\\w+:)?${list}>)`);
    const b = re.exec(before);
    const a = re.exec(out);
    if (!a || !b) continue;
    if (!a[2].startsWith(b[2])) return out; // an existing record changed: leave the difference visible
    out = out.replace(re, () => b[0]);
  }
  return out;
}

/** Records of a styles list (fonts, fills, cellXfs), raw. */
export function styleRecords(styles: string, list: "fonts" | "fills" | "cellXfs"): string[] {
  const inner = new RegExp(`<(?:\\w+:)?${list}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${list}>`).exec(styles)?.[1] ?? "";
  const item = list === "fonts" ? "font" : list === "fills" ? "fill" : "xf";
  return [...inner.matchAll(new RegExp(`<(?:\\w+:)?${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${item}>)`, "g"))].map((m) => m[0]);
}

/** A comments part with our author, our comments and the text we appended removed. */
export function undoComments(after: string): string {
  return after
    .replace(/<(\w+:)?author>财决助手<\/(\w+:)?author>/, "")
    .replace(/<(\w+:)?comment ref="[^"]*" authorId="\d+"><(\w+:)?text><(\w+:)?r><(\w+:)?t xml:space="preserve">【财决助手】[\s\S]*?<\/(\w+:)?comment>/g, "")
    .replace(/<(\w+:)?r><(\w+:)?t xml:space="preserve">\n\n<\/(\w+:)?t><\/(\w+:)?r><(\w+:)?r><(\w+:)?t xml:space="preserve">【财决助手】[\s\S]*?<\/(\w+:)?r>/g, "");
}

/** A VML drawing with the note shapes (and shape type) we added removed. */
export function undoVml(before: string, after: string): string {
  const had = new Set([...before.matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1]));
  let out = after.replace(/<v:shape id="(_x0000_s\d+)"[\s\S]*?<\/v:shape>/g, (whole, id: string) => (had.has(id) ? whole : ""));
  if (!before.includes('id="_x0000_t202"')) out = out.replace(/<v:shapetype id="_x0000_t202"[\s\S]*?<\/v:shapetype>/, "");
  return out;
}

/** Package-level XML with the entries for `added` parts (and the report sheet) removed. */
export function undoPackageXml(after: string, added: string[], reportSheet?: string): string {
  let out = after;
  for (const part of added) {
    out = out.replace(new RegExp(`<Override PartName="/${part.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`), "");
    const file = part.split("/").pop()!.replace(/[.[\]]/g, "\\$&");
    out = out.replace(new RegExp(`<Relationship Id="[^"]*" Type="[^"]*" Target="[^"]*${file}"/>`), "");
  }
  if (reportSheet) out = out.replace(new RegExp(`<(\\w+:)?sheet name="${reportSheet.replace(/[()]/g, "\\$&")}" sheetId="\\d+"[^>]*/>`), "");
  return out;
}
