/**
 * Legacy notes (comments part + VML drawing). New notes are added beside the user's; when a cell already has a
 * note, our text is appended to theirs as a new run, so their words are never replaced.
 */
import { PartFormatError } from "./opc";
import { MAIN_NS } from "./styles";
import { attrs, children, escapeAttr, escapeText, findElement, prefixOf, rootTag, splice, tags, unescapeXml } from "./xml";
import { parseAddress } from "./sheet";

export interface Note {
  /** A1 address, canonical (upper case, no $). */
  ref: string;
  text: string;
}

/**
 * A comments part with `notes` merged in. `added` got a new comment (they need a VML shape), `appended` were added
 * to the user's note, `skipped` sit on a threaded comment and were left alone.
 */
export function mergeComments(xml: string | undefined, notes: Note[], author: string, ns: string = MAIN_NS): { xml: string; added: Note[]; appended: Note[]; skipped: Note[] } {
  const base = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${ns}"><authors></authors><commentList></commentList></comments>`;
  const root = rootTag(base);
  if (!root || root.local !== "comments") throw new PartFormatError();
  const p = prefixOf(root.name);
  const authorsEl = findElement(base, "authors");
  const listEl = findElement(base, "commentList");
  if (!authorsEl || !listEl) throw new PartFormatError();
  const authorNames = authorsEl.close ? children(base, authorsEl.open.end, authorsEl.close.start).map((c) => unescapeXml(base.slice(c.tag.end, c.end).replace(/<\/[^>]+>$/, ""))) : [];
  const edits: { start: number; end: number; text: string }[] = [];
  const known = authorNames.indexOf(author);
  const authorId = known >= 0 ? known : authorNames.length;
  const existing = new Map<string, { start: number; end: number }>();
  if (listEl.close) {
    for (const c of children(base, listEl.open.end, listEl.close.start)) {
      if (c.tag.local !== "comment") continue;
      const ref = attrs(c.tag.rawAttrs).get("ref") ?? "";
      const at = parseAddress(ref.split(":")[0]);
      if (at) existing.set(canonical(ref.split(":")[0]), { start: c.tag.start, end: c.end });
    }
  }
  const added: Note[] = [];
  const appended: Note[] = [];
  const skipped: Note[] = [];
  const newOnes: string[] = [];
  for (const n of notes) {
    const run = `<${p}r><${p}t xml:space="preserve">${escapeText(n.text)}</${p}t></${p}r>`;
    const theirs = existing.get(n.ref);
    if (theirs) {
      const body = base.slice(theirs.start, theirs.end);
      // A threaded comment (Excel 365) keeps a legacy stand-in that Excel regenerates from the thread: text added
      // there would be lost or flagged, so the cell keeps only its fill and the report row.
      if (/\[Threaded comment\]/.test(body)) {
        skipped.push(n);
        continue;
      }
      // Append after the user's text: before phonetic runs/properties or </text>, whichever comes first.
      const text = findElement(body, "text");
      if (!text?.close) throw new PartFormatError();
      let at = text.close.start;
      for (const t of tags(body, text.open.end, text.close.start)) {
        if (!t.closing && (t.local === "rPh" || t.local === "phoneticPr")) {
          at = t.start;
          break;
        }
      }
      const sep = `<${p}r><${p}t xml:space="preserve">\n\n</${p}t></${p}r>`;
      edits.push({ start: theirs.start + at, end: theirs.start + at, text: sep + run });
      appended.push(n);
      continue;
    }
    newOnes.push(`<${p}comment ref="${escapeAttr(n.ref)}" authorId="${authorId}"><${p}text>${run}</${p}text></${p}comment>`);
    added.push(n);
  }
  if (newOnes.length && known < 0) {
    // Our author goes after theirs, only when one of our comments needs it.
    const rec = `<${p}author>${escapeText(author)}</${p}author>`;
    if (authorsEl.close) edits.push({ start: authorsEl.close.start, end: authorsEl.close.start, text: rec });
    else edits.push({ start: authorsEl.open.start, end: authorsEl.open.end, text: `<${authorsEl.open.name}>${rec}</${authorsEl.open.name}>` });
  }
  if (newOnes.length) {
    if (listEl.close) edits.push({ start: listEl.close.start, end: listEl.close.start, text: newOnes.join("") });
    else edits.push({ start: listEl.open.start, end: listEl.open.end, text: `<${listEl.open.name}>${newOnes.join("")}</${listEl.open.name}>` });
  }
  return { xml: splice(base, edits), added, appended, skipped };
}

export function canonical(ref: string): string {
  return ref.replace(/\$/g, "").toUpperCase();
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, row: number, col: number, lines: number, z: number): string {
  // Anchor: one column right of the cell, a box about 3 columns wide and tall enough for the text (capped).
  const height = Math.min(12, Math.max(4, lines + 1));
  const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${Math.max(0, row - 1) + height}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:${height * 15}pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Highest `o:idmap` block used by any VML part, so a new drawing gets its own shape id range. */
export function maxIdmap(vmlParts: string[]): number {
  let max = 0;
  for (const v of vmlParts) {
    for (const m of v.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) for (const n of m[1].split(/[,\s]+/)) if (Number(n) > max) max = Number(n);
  }
  return max;
}

/** A new VML drawing holding one hidden note shape per note, in shape-id block `block`. */
export function newVml(notes: Note[], block: number): string {
  const shapes = notes.map((n, i) => {
    const at = parseAddress(n.ref)!;
    return noteShape(block * 1024 + 1 + i, at.row, at.col, n.text.split("\n").length, i + 1);
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}${shapes.join("")}</xml>`
  );
}

/**
 * An existing VML drawing (the user's notes, or form controls) with note shapes added. VML written by Excel is
 * not always well-formed XML, so it is edited as text: shapes go just before the closing </xml>.
 */
export function addToVml(vml: string, notes: Note[]): string {
  const close = vml.lastIndexOf("</xml>");
  if (close < 0) throw new PartFormatError();
  let maxId = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) maxId = Math.max(maxId, Number(m[1]));
  const blockMatch = /<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml);
  maxId = Math.max(maxId, (blockMatch ? Number(blockMatch[1]) : 1) * 1024);
  let z = 0;
  for (const m of vml.matchAll(/z-index:(\d+)/g)) z = Math.max(z, Number(m[1]));
  const shapes = notes.map((n, i) => {
    const at = parseAddress(n.ref)!;
    return noteShape(maxId + 1 + i, at.row, at.col, n.text.split("\n").length, z + 1 + i);
  });
  const needsType = !/<v:shapetype\b[^>]*\bid="_x0000_t202"/.test(vml);
  // The namespaces the shapes use must be declared on the root; Excel's own VML declares all three.
  let out = vml.slice(0, close) + (needsType ? SHAPE_TYPE : "") + shapes.join("") + vml.slice(close);
  const rootEnd = out.indexOf(">", out.indexOf("<xml"));
  for (const [pfx, uri] of [["v", "urn:schemas-microsoft-com:vml"], ["o", "urn:schemas-microsoft-com:office:office"], ["x", "urn:schemas-microsoft-com:office:excel"]]) {
    if (!new RegExp(`xmlns:${pfx}=`).test(out.slice(0, rootEnd))) out = out.slice(0, rootEnd) + ` xmlns:${pfx}="${uri}"` + out.slice(rootEnd);
  }
  return out;
}
