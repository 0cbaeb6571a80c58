/**
 * The add-in's state part (custom XML, namespace urn:caijue:state:v1, see src/app/state.ts) in an .xlsx
 * package: read it for `caijue check` (已说明 explanations travel with the workbook), and write a copy carrying a
 * new one for `caijue explain`. The part is written exactly as Office.js customXmlParts.add() stores it:
 * customXml/itemN.xml (our XML), customXml/itemPropsN.xml (its schema reference), the item's relationship to
 * its properties, a workbook relationship of type customXml, and a content-type override for the properties.
 * Every other part keeps its content; nothing is parsed into a workbook model.
 */
import type { Zippable } from "fflate";
import { fflate } from "./fflate";
import { STATE_NAMESPACE } from "../../app/state";
import { listEntries, readEntryText } from "./zip";

const ITEM = /^customXml\/item(\d+)\.xml$/;
const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
/** Refuse to rewrite packages that inflate beyond this (a zip bomb must not take the machine down). */
const MAX_EXPANDED = 1024 * 1024 * 1024;

/** Is this XML our state part (root element in our namespace)? */
function isOurs(xml: string): boolean {
  return new RegExp(`^\\s*(<\\?xml[^>]*\\?>)?\\s*<([A-Za-z_][\\w.-]*:)?caijue\\b[^>]*xmlns(:[\\w.-]+)?="${STATE_NAMESPACE.replace(/[.:]/g, "\\$&")}"`).test(xml);
}

/** Our state part's XML in an .xlsx held in memory, or null when it has none (or is not a zip). */
export function readStateXml(buf: Uint8Array): string | null {
  let entries;
  try {
    entries = listEntries(buf);
  } catch {
    return null;
  }
  const items = [...entries.values()].filter((e) => ITEM.test(e.name)).sort((a, b) => Number(ITEM.exec(a.name)![1]) - Number(ITEM.exec(b.name)![1]));
  for (const e of items) {
    if (e.size > 16 * 1024 * 1024) continue; // ours is small; a huge foreign part is not read
    try {
      const xml = readEntryText(buf, e);
      if (isOurs(xml)) return xml;
    } catch {
      /* a damaged foreign part: not ours */
    }
  }
  return null;
}

function guid(): string {
  const h = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The workbook part's path, from the package relationships. */
function workbookPart(files: Record<string, Uint8Array>): string {
  const { strFromU8 } = fflate();
  const rels = files["_rels/.rels"] ? strFromU8(files["_rels/.rels"]) : "";
  const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels) ?? /<Relationship\b[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  return m ? m[1] : "xl/workbook.xml";
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Target of `toPart` relative to the folder of `fromPart`. */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/**
 * A copy of the package with our state part holding `xml`: an existing part of ours is replaced in place (its
 * properties and relationships stay), otherwise a new part is added the way Excel adds one. Throws on a
 * package that is not a readable zip.
 */
export function withStateXml(buf: Uint8Array, xml: string): Uint8Array {
  const { strFromU8, strToU8, unzipSync, zipSync } = fflate();
  const entries = listEntries(buf);
  let expanded = 0;
  for (const e of entries.values()) expanded += e.size;
  if (expanded > MAX_EXPANDED) throw new Error("package too large to rewrite");
  const files = unzipSync(buf);
  const names = Object.keys(files);
  const existing = names.filter((n) => ITEM.test(n)).find((n) => isOurs(strFromU8(files[n])));
  const out: Zippable = {};
  for (const n of names) out[n] = files[n];
  if (existing) {
    out[existing] = strToU8(xml);
    return zipSync(out, { level: 6 });
  }
  let n = 1;
  while (files[`customXml/item${n}.xml`] || files[`customXml/itemProps${n}.xml`]) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  out[item] = strToU8(xml);
  out[props] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ds:datastoreItem ds:itemID="${guid()}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${escapeAttr(STATE_NAMESPACE)}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  out[`customXml/_rels/item${n}.xml.rels`] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`,
  );
  // The workbook part points at the item (as Excel does).
  const wb = workbookPart(files);
  const relsPath = relsPathOf(wb);
  const rels = files[relsPath] ? strFromU8(files[relsPath]) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const taken = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let r = 1;
  while (taken.has(`rId${r}`)) r++;
  const rel = `<Relationship Id="rId${r}" Type="${CUSTOM_XML_REL}" Target="${relativeTarget(wb, item)}"/>`;
  out[relsPath] = strToU8(rels.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`));
  // Content types: the properties part needs an override; the item is covered by the xml default if present.
  const ct = strFromU8(files["[Content_Types].xml"]);
  let add = `<Override PartName="/${props}" ContentType="${PROPS_TYPE}"/>`;
  if (!/<Default\b[^>]*Extension="xml"/i.test(ct)) add += `<Override PartName="/${item}" ContentType="application/xml"/>`;
  out["[Content_Types].xml"] = strToU8(ct.replace(/<\/Types>\s*$/, `${add}</Types>`));
  return zipSync(out, { level: 6 });
}
