/**
 * styles.xml edits: a new cell format (xf) cloned from a cell's own format with a solid fill, and the few formats
 * the report sheet needs. Existing records are never changed; new ones are appended and the counts updated.
 */
import { PartFormatError } from "./opc";
import { attrs, children, escapeAttr, findElement, prefixOf, rootTag, splice, withAttr } from "./xml";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A styleSheet for a package that has none: the records Excel itself writes for an empty workbook. */
export function minimalStyles(ns: string = MAIN_NS): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}

// Order of the styleSheet children (CT_Stylesheet), to place a missing list where the schema wants it.
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface List {
  local: string;
  /** Existing records (raw text) in order. */
  items: string[];
  added: string[];
  /** The part has no such list: it is created, starting with the records Excel expects first. */
  missing: boolean;
}

/** Collects additions to styles.xml and writes them in one pass. */
export class StylesEditor {
  private readonly p: string;
  private readonly lists = new Map<string, List>();
  private readonly cloned = new Map<string, number>();

  constructor(private readonly xml: string) {
    const root = rootTag(xml);
    if (!root || root.local !== "styleSheet") throw new PartFormatError();
    this.p = prefixOf(root.name);
    const p = this.p;
    const defaults: Record<string, string[]> = {
      fonts: [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`],
      fills: [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
      cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
      cellStyleXfs: [],
    };
    for (const local of ["fonts", "fills", "cellXfs", "cellStyleXfs"]) {
      const el = findElement(xml, local);
      if (!el) {
        this.lists.set(local, { local, items: defaults[local], added: [], missing: true });
        continue;
      }
      const items = el.close ? children(xml, el.open.end, el.close.start).map((c) => xml.slice(c.tag.start, c.end)) : [];
      this.lists.set(local, { local, items, added: [], missing: false });
    }
  }

  private list(local: string): List {
    return this.lists.get(local)!;
  }

  private add(local: string, record: string): number {
    const l = this.list(local);
    l.added.push(record);
    return l.items.length + l.added.length - 1;
  }

  get cellXfCount(): number {
    return this.list("cellXfs").items.length;
  }

  /** Index of a solid fill in `argb` (added once). */
  solidFill(argb: string): number {
    const key = `fill:${argb}`;
    const known = this.cloned.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    const id = this.add("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    this.cloned.set(key, id);
    return id;
  }

  /** A new cell format: cell format `xfIndex` (0 when out of range) with a solid `argb` fill. */
  withFill(xfIndex: number, argb: string): number {
    const key = `xf:${xfIndex}:${argb}`;
    const known = this.cloned.get(key);
    if (known !== undefined) return known;
    const fillId = this.solidFill(argb);
    const xfs = this.list("cellXfs");
    const base = xfs.items[xfIndex] ?? xfs.items[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${this.list("cellStyleXfs").items.length ? ' xfId="0"' : ""}/>`;
    const startEnd = base.indexOf(">") + 1;
    let start = base.slice(0, startEnd);
    start = withAttr(start, "fillId", String(fillId));
    start = withAttr(start, "applyFill", "1");
    const id = this.add("cellXfs", start + base.slice(startEnd));
    this.cloned.set(key, id);
    return id;
  }

  /** A cell format for the report: number format id, optional bold font, optional fill. */
  reportFormat(numFmtId: number, opts: { bold?: boolean; fill?: string } = {}): number {
    const key = `report:${numFmtId}:${opts.bold ? 1 : 0}:${opts.fill ?? ""}`;
    const known = this.cloned.get(key);
    if (known !== undefined) return known;
    const fontId = opts.bold ? this.boldFont() : 0;
    const fillId = opts.fill ? this.solidFill(opts.fill) : 0;
    const xfId = this.list("cellStyleXfs").items.length ? ' xfId="0"' : "";
    const id = this.add(
      "cellXfs",
      `<${this.p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0"${xfId} applyNumberFormat="1"${opts.bold ? ' applyFont="1"' : ""}${opts.fill ? ' applyFill="1"' : ""}/>`,
    );
    this.cloned.set(key, id);
    return id;
  }

  /** The workbook's default font (font 0) in bold. */
  private boldFont(): number {
    const known = this.cloned.get("font:bold");
    if (known !== undefined) return known;
    const p = this.p;
    const base = this.list("fonts").items[0];
    let record: string;
    if (!base || base.endsWith("/>")) record = `<${p}font><${p}b/></${p}font>`;
    else {
      // <b/> is the first child of CT_Font; drop an existing <b .../> so it is not repeated.
      const open = base.indexOf(">") + 1;
      const inner = base.slice(open).replace(/<(\w+:)?b(\s[^>]*)?\/>/, "");
      record = `${base.slice(0, open)}<${p}b/>${inner}`;
    }
    const id = this.add("fonts", record);
    this.cloned.set("font:bold", id);
    return id;
  }

  /** The edited styles.xml (the input text itself when nothing was added). */
  result(): string {
    let xml = this.xml;
    for (const l of [...this.lists.values()].sort((a, b) => ORDER.indexOf(b.local) - ORDER.indexOf(a.local))) {
      if (l.added.length === 0) continue;
      const count = l.items.length + l.added.length;
      const p = this.p;
      if (!l.missing) {
        const el = findElement(xml, l.local)!;
        const open = withAttr(xml.slice(el.open.start, el.open.end).replace(/\s*\/>$/, ">"), "count", String(count));
        if (el.close) xml = splice(xml, [{ start: el.open.start, end: el.open.end, text: open }, { start: el.close.start, end: el.close.start, text: l.added.join("") }]);
        else xml = splice(xml, [{ start: el.open.start, end: el.open.end, text: `${open}${l.added.join("")}</${el.open.name}>` }]);
        continue;
      }
      const text = `<${p}${l.local} count="${count}">${[...l.items, ...l.added].join("")}</${p}${l.local}>`;
      xml = insertChild(xml, l.local, text);
    }
    return xml;
  }
}

function insertChild(xml: string, local: string, text: string): string {
  const root = rootTag(xml)!;
  const rootEl = findElement(xml, root.local)!;
  const later = ORDER.slice(ORDER.indexOf(local) + 1);
  const kids = rootEl.close ? children(xml, root.end, rootEl.close.start) : [];
  const before = kids.find((k) => later.includes(k.tag.local));
  const at = before ? before.tag.start : rootEl.close!.start;
  return splice(xml, [{ start: at, end: at, text }]);
}

/** The `s` attribute of a cell tag, as a number (0 when absent). */
export function styleIndexOf(rawAttrs: string): number {
  const s = attrs(rawAttrs).get("s");
  const n = s === undefined ? 0 : Number(s);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
