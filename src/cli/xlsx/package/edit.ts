/**
 * Edit an .xlsx package in place: mark cells (a new cell format cloned from each cell's own, with a fill; the
 * `s` index of exactly those cells), add notes beside the user's, and append a table sheet with internal links.
 * Every part not named in the result's `changedParts` is copied byte for byte, compressed bytes included.
 */
import { addOverrides, addRelationships, appendInto, CONTENT_TYPES, freePartName, freeRelId, parseRels, PartFormatError, relativeTarget, relsPartOf, type Relationship } from "./opc";
import { addLegacyDrawing, legacyDrawingId, parseAddress, restyleCells, type Restyle } from "./sheet";
import { MAIN_NS, minimalStyles, StylesEditor } from "./styles";
import { addToVml, canonical, maxIdmap, mergeComments, newVml, type Note } from "./comments";
import { tableSheetXml, type TableSheet } from "./report-sheet";
import { attrs, children, escapeAttr, findElement, prefixOf, rootTag } from "./xml";
import { ZipPackage } from "./zip-rewrite";
import { ZipFormatError } from "../zip";

const OFFICE_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
/** Parts larger than this (uncompressed) are not edited: a guard against packages that inflate to gigabytes. */
export const MAX_EDITED_PART = 512 * 1024 * 1024;

/** One cell to mark. */
export interface CellMarkEdit {
  sheet: string;
  address: string;
  /** ARGB of the solid fill. */
  fill: string;
  /** Note text; appended to the user's note when the cell has one. */
  note: string;
}

export interface PackageEdit {
  marks: CellMarkEdit[];
  /** Author name of the notes we add. */
  author: string;
  /** Sheet appended at the end; its name is made unique ("校验结果 (2)") when taken. */
  table?: TableSheet & { name: string };
}

export interface PackageEditResult {
  bytes: Uint8Array;
  /** "Sheet!A1" of every cell whose style index changed. */
  restyled: string[];
  notesAdded: number;
  notesAppended: number;
  /** Cells whose threaded comment was left alone (the fill and the table still show the finding). */
  notesSkipped: string[];
  /** Name the table sheet got. */
  tableSheet?: string;
  /** Marks that name no worksheet of this workbook, or no cell address. */
  unplaced: CellMarkEdit[];
  changedParts: string[];
  addedParts: string[];
}

/** Why a package could not be edited: a code and the part concerned. */
export class PackageEditError extends Error {
  constructor(
    readonly code: "not-zip" | "zip64" | "damaged" | "no-workbook" | "bad-part" | "part-too-large",
    readonly part = "",
  ) {
    super(`package: ${code}${part ? ` ${part}` : ""}`);
  }
}

interface SheetInfo {
  name: string;
  part?: string;
  worksheet: boolean;
}

/** Apply `edit` to the package `bytes`. Throws PackageEditError. */
export function editPackage(bytes: Uint8Array, edit: PackageEdit): PackageEditResult {
  let pkg: ZipPackage;
  try {
    pkg = new ZipPackage(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new PackageEditError(e.code === "zip64" ? "zip64" : e.code === "no-eocd" ? "not-zip" : "damaged");
    throw e;
  }
  const texts = new Map<string, string>();
  const read = (part: string): string | undefined => {
    if (texts.has(part)) return texts.get(part);
    const e = pkg.entries.get(part);
    if (!e) return undefined;
    if (e.size > MAX_EDITED_PART) throw new PackageEditError("part-too-large", part);
    let t: string;
    try {
      t = pkg.text(part)!;
    } catch {
      throw new PackageEditError("damaged", part);
    }
    texts.set(part, t);
    return t;
  };
  const changed = new Map<string, string>();
  const current = (part: string) => changed.get(part) ?? read(part);
  const taken = new Set(pkg.names());
  const guard = <T>(part: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      // Whatever goes wrong while editing a part is reported against that part, never as a bare library error.
      if (e instanceof PackageEditError) throw e;
      throw new PackageEditError("bad-part", part);
    }
  };

  if (!pkg.has(CONTENT_TYPES)) throw new PackageEditError("no-workbook", CONTENT_TYPES);
  const officeDoc = parseRels(read("_rels/.rels"), "").find((r) => r.type.endsWith("/officeDocument") && !r.external);
  const wbPart = officeDoc?.target ?? "xl/workbook.xml";
  const wbXml = read(wbPart);
  if (!wbXml) throw new PackageEditError("no-workbook", wbPart);
  const wbRoot = rootTag(wbXml);
  if (!wbRoot || wbRoot.local !== "workbook") throw new PackageEditError("bad-part", wbPart);
  const mainNs = attrs(wbRoot.rawAttrs).get(wbRoot.name.includes(":") ? `xmlns:${wbRoot.name.split(":")[0]}` : "xmlns") ?? MAIN_NS;
  const relNs = mainNs === STRICT_MAIN_NS ? STRICT_REL_NS : OFFICE_REL_NS;
  const wbRelsPart = relsPartOf(wbPart);
  const wbRels = parseRels(read(wbRelsPart), wbPart);
  const relType = (kind: string) => {
    const ws = wbRels.find((r) => /\/worksheet$/.test(r.type));
    return ws ? ws.type.replace(/worksheet$/, kind) : `${relNs}/${kind}`;
  };
  const sheets = guard(wbPart, () => listSheets(wbXml, wbRels));

  const overrides: { part: string; type: string }[] = [];
  const wbRelAdds: { id: string; type: string; target: string }[] = [];
  const wbRelTaken = new Set<string>();

  // Styles: the workbook's part, or a new one.
  let stylesPart = wbRels.find((r) => /\/styles$/.test(r.type) && !r.external)?.target;
  let stylesXml = stylesPart ? read(stylesPart) : undefined;
  if (!stylesPart || stylesXml === undefined) {
    stylesPart = freePartName(taken, (n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    stylesXml = minimalStyles(mainNs);
    const id = freeRelId(wbRels, wbRelTaken);
    wbRelTaken.add(id);
    wbRelAdds.push({ id, type: relType("styles"), target: relativeTarget(wbPart, stylesPart) });
    overrides.push({ part: stylesPart, type: CT.styles });
  }
  const styles = guard(stylesPart, () => new StylesEditor(stylesXml!));

  // Marks, grouped by sheet part.
  const unplaced: CellMarkEdit[] = [];
  const bySheet = new Map<SheetInfo, CellMarkEdit[]>();
  for (const m of edit.marks) {
    const sheet = sheets.find((s) => s.name === m.sheet);
    if (!sheet?.worksheet || !sheet.part || !pkg.has(sheet.part) || !parseAddress(m.address)) {
      unplaced.push(m);
      continue;
    }
    if (!bySheet.has(sheet)) bySheet.set(sheet, []);
    bySheet.get(sheet)!.push(m);
  }
  const restyled: string[] = [];
  let notesAdded = 0;
  let notesAppended = 0;
  const notesSkipped: string[] = [];
  const vmlParts = [...taken].filter((n) => /\.vml$/i.test(n));
  let nextBlock = maxIdmap(vmlParts.map((n) => read(n) ?? "")) + 1;

  for (const [sheet, marks] of bySheet) {
    const part = sheet.part!;
    // One mark per cell: the first mark's fill wins (callers order 强制 first) and notes are joined.
    const byCell = new Map<string, CellMarkEdit>();
    for (const m of marks) {
      const at = parseAddress(m.address)!;
      const k = `${at.row},${at.col}`;
      const prev = byCell.get(k);
      if (!prev) byCell.set(k, { ...m, address: canonical(m.address) });
      else if (m.note && !prev.note.includes(m.note)) prev.note = `${prev.note}\n${m.note}`;
    }
    const targets = new Map<string, Restyle>();
    for (const [k, m] of byCell) targets.set(k, (old) => styles.withFill(old, m.fill));
    const sheetXml = read(part)!;
    const r = guard(part, () => restyleCells(sheetXml, targets));
    restyled.push(...r.changed.map((c) => `${sheet.name}!${c}`));
    let xml = r.xml;

    const notes: Note[] = [...byCell.values()].filter((m) => m.note).map((m) => ({ ref: m.address, text: m.note }));
    if (notes.length) {
      const relsPart = relsPartOf(part);
      const rels = parseRels(current(relsPart), part);
      const relAdds: { id: string; type: string; target: string }[] = [];
      const relTaken = new Set<string>();
      const newRelId = () => {
        const id = freeRelId(rels, relTaken);
        relTaken.add(id);
        return id;
      };
      let commentsPart = rels.find((x) => /\/comments$/.test(x.type) && !x.external)?.target;
      if (commentsPart && !pkg.has(commentsPart)) commentsPart = undefined;
      if (!commentsPart) {
        commentsPart = freePartName(taken, (n) => `xl/comments${n}.xml`);
        relAdds.push({ id: newRelId(), type: relType("comments"), target: relativeTarget(part, commentsPart) });
        overrides.push({ part: commentsPart, type: CT.comments });
      }
      const merged = guard(commentsPart, () => mergeComments(current(commentsPart!), notes, edit.author, mainNs));
      if (merged.xml !== current(commentsPart)) changed.set(commentsPart, merged.xml);
      notesAdded += merged.added.length;
      notesAppended += merged.appended.length;
      notesSkipped.push(...merged.skipped.map((n) => `${sheet.name}!${n.ref}`));

      if (merged.added.length) {
        const legacyId = legacyDrawingId(xml);
        const legacy = legacyId ? rels.find((x) => x.id === legacyId && !x.external) : undefined;
        if (legacy && pkg.has(legacy.target)) {
          const vml = current(legacy.target)!;
          changed.set(legacy.target, guard(legacy.target, () => addToVml(vml, merged.added)));
        } else {
          if (legacyId) throw new PackageEditError("bad-part", part);
          const vmlPart = freePartName(taken, (n) => `xl/drawings/vmlDrawing${n}.vml`);
          changed.set(vmlPart, newVml(merged.added, nextBlock++));
          const id = newRelId();
          relAdds.push({ id, type: relType("vmlDrawing"), target: relativeTarget(part, vmlPart) });
          overrides.push({ part: vmlPart, type: CT.vml });
          xml = guard(part, () => addLegacyDrawing(xml, id));
        }
      }
      if (relAdds.length) changed.set(relsPart, guard(relsPart, () => addRelationships(current(relsPart), relAdds)));
    }
    changed.set(part, xml);
  }

  // The table sheet.
  let tableSheet: string | undefined;
  if (edit.table) {
    tableSheet = uniqueSheetName(edit.table.name, sheets.map((s) => s.name));
    const part = freePartName(taken, (n) => `xl/worksheets/sheet${n}.xml`);
    const red = new Map<string, number>();
    const tableStyles = {
      title: styles.reportFormat(49, { bold: true }),
      header: styles.reportFormat(49, { bold: true }),
      text: styles.reportFormat(49),
      number: styles.reportFormat(2),
      filled: (argb: string) => {
        if (!red.has(argb)) red.set(argb, styles.reportFormat(49, { fill: argb }));
        return red.get(argb)!;
      },
    };
    for (const row of edit.table.rows) if (row.fill) tableStyles.filled(row.fill);
    changed.set(part, tableSheetXml(edit.table, tableStyles, mainNs, relNs));
    const id = freeRelId(wbRels, wbRelTaken);
    wbRelTaken.add(id);
    wbRelAdds.push({ id, type: relType("worksheet"), target: relativeTarget(wbPart, part) });
    overrides.push({ part, type: CT.worksheet });
    changed.set(wbPart, guard(wbPart, () => addSheet(wbXml, tableSheet!, id, relNs)));
  }

  const stylesOut = styles.result();
  if (stylesOut !== stylesXml || !pkg.has(stylesPart)) changed.set(stylesPart, stylesOut);
  if (wbRelAdds.length) changed.set(wbRelsPart, guard(wbRelsPart, () => addRelationships(current(wbRelsPart), wbRelAdds)));
  if (overrides.length) changed.set(CONTENT_TYPES, guard(CONTENT_TYPES, () => addOverrides(read(CONTENT_TYPES)!, overrides)));

  const encoder = new TextEncoder();
  const out = new Map<string, Uint8Array>();
  for (const [k, v] of changed) out.set(k, encoder.encode(v));
  return {
    bytes: pkg.rewrite(out),
    restyled,
    notesAdded,
    notesAppended,
    notesSkipped,
    tableSheet,
    unplaced,
    changedParts: [...changed.keys()].filter((k) => pkg.has(k)),
    addedParts: [...changed.keys()].filter((k) => !pkg.has(k)),
  };
}

function listSheets(wbXml: string, rels: Relationship[]): SheetInfo[] {
  const el = findElement(wbXml, "sheets");
  if (!el) throw new PartFormatError();
  if (!el.close) return [];
  return children(wbXml, el.open.end, el.close.start)
    .filter((c) => c.tag.local === "sheet")
    .map((c) => {
      const a = attrs(c.tag.rawAttrs);
      const idAttr = [...a.keys()].find((k) => /^[^:]+:id$/.test(k));
      const rel = idAttr ? rels.find((r) => r.id === a.get(idAttr)) : undefined;
      return { name: a.get("name") ?? "", part: rel && !rel.external ? rel.target : undefined, worksheet: !!rel && /\/worksheet$/.test(rel.type) };
    });
}

/** `wanted`, or "wanted (2)", "wanted (3)"… — sheet names compare case-insensitively in Excel. */
export function uniqueSheetName(wanted: string, existing: string[]): string {
  const lower = new Set(existing.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const name = `${wanted} (${n})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** workbook.xml with one more <sheet> at the end of <sheets>. */
function addSheet(wbXml: string, name: string, relId: string, relNs: string): string {
  const root = rootTag(wbXml)!;
  const sheetsEl = findElement(wbXml, "sheets");
  if (!sheetsEl) throw new PartFormatError();
  const p = prefixOf(sheetsEl.open.name);
  let maxId = 0;
  let idAttr: string | undefined;
  if (sheetsEl.close) {
    for (const c of children(wbXml, sheetsEl.open.end, sheetsEl.close.start)) {
      const a = attrs(c.tag.rawAttrs);
      maxId = Math.max(maxId, Number(a.get("sheetId")) || 0);
      idAttr ??= [...a.keys()].find((k) => /^[^:]+:id$/.test(k));
    }
  }
  let prefix = idAttr ? idAttr.slice(0, -3) : undefined;
  let xml = wbXml;
  if (!prefix) {
    const declared = [...attrs(root.rawAttrs)].find(([k, v]) => k.startsWith("xmlns:") && v === relNs);
    if (declared) prefix = declared[0].slice(6);
    else {
      // Declare the relationships namespace on the new element itself: the root stays as written.
      prefix = "r";
      const rec = `<${p}sheet name="${escapeAttr(name)}" sheetId="${maxId + 1}" xmlns:r="${relNs}" r:id="${relId}"/>`;
      return appendInto(xml, "sheets", rec);
    }
  }
  xml = appendInto(xml, "sheets", `<${p}sheet name="${escapeAttr(name)}" sheetId="${maxId + 1}" ${prefix}:id="${relId}"/>`);
  return xml;
}

