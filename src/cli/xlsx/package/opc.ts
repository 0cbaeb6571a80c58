/** Package plumbing: relationships parts, [Content_Types].xml and part names. */
import { attrs, escapeAttr, findElement, rootTag, splice, tags } from "./xml";

export const CONTENT_TYPES = "[Content_Types].xml";
export const PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash), or the raw target for external ones. */
  target: string;
  external: boolean;
}

/** Part name of the relationships part for `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against the part that owns it. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = decodeURIComponentSafe(target.split("#")[0]);
  if (clean.startsWith("/")) return clean.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A target for `part` relative to `sourcePart`'s folder. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function parseRels(xml: string | undefined, sourcePart: string): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const t of tags(xml)) {
    if (t.local !== "Relationship" || t.closing) continue;
    const a = attrs(t.rawAttrs);
    const external = a.get("TargetMode") === "External";
    const raw = a.get("Target") ?? "";
    out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: external ? raw : resolveTarget(sourcePart, raw), external });
  }
  return out;
}

/** An unused relationship id in a rels part ("rId7"). */
export function freeRelId(rels: Relationship[], taken: Set<string> = new Set()): string {
  const used = new Set([...rels.map((r) => r.id), ...taken]);
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** The rels part text with relationships added (a new part when `xml` is undefined). */
export function addRelationships(xml: string | undefined, add: { id: string; type: string; target: string }[]): string {
  const lines = add.map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join("");
  if (!xml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS_NS}">${lines}</Relationships>`;
  return appendInto(xml, "Relationships", lines);
}

/** Insert `inner` at the end of the first `local` element (expanding an empty element `<x/>`). */
export function appendInto(xml: string, local: string, inner: string): string {
  const el = findElement(xml, local);
  if (!el) throw new PartFormatError();
  if (el.close) return splice(xml, [{ start: el.close.start, end: el.close.start, text: inner }]);
  const open = xml.slice(el.open.start, el.open.end).replace(/\s*\/>$/, ">");
  return splice(xml, [{ start: el.open.start, end: el.open.end, text: `${open}${inner}</${el.open.name}>` }]);
}

/** A part whose XML does not have the structure its type requires. */
export class PartFormatError extends Error {
  constructor() {
    super("part format");
  }
}

/** [Content_Types].xml with an Override for each new part (and nothing else changed). */
export function addOverrides(xml: string, parts: { part: string; type: string }[]): string {
  if (parts.length === 0) return xml;
  const root = rootTag(xml);
  if (!root || root.local !== "Types") throw new PartFormatError();
  const lines = parts.map((p) => `<Override PartName="/${escapeAttr(p.part)}" ContentType="${escapeAttr(p.type)}"/>`).join("");
  return appendInto(xml, "Types", lines);
}

/** Every part name the package will hold, for choosing free names. */
export function freePartName(taken: Set<string>, pattern: (n: number) => string): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  let n = 1;
  while (lower.has(pattern(n).toLowerCase())) n++;
  const name = pattern(n);
  taken.add(name);
  return name;
}
