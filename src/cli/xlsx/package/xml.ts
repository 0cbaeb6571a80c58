/**
 * Just enough XML handling to edit OOXML parts in place: find tags with their offsets, read and set attributes,
 * escape text. Parts are edited as text so that everything not edited stays byte for byte as it was.
 */

/** One start, end or empty tag found in a part. */
export interface Tag {
  /** Offset of "<" and just past ">". */
  start: number;
  end: number;
  /** Qualified name as written (may carry a prefix, e.g. "x:c"). */
  name: string;
  local: string;
  closing: boolean;
  selfClosing: boolean;
  /** The raw text between the name and ">" (attributes). */
  rawAttrs: string;
}

// Attribute values may contain ">" (XML allows it unescaped), so quoted strings are matched whole.
const TAG_RE = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Every tag in `xml[from, to)`, in order; tags inside comments and CDATA sections are skipped. */
export function* tags(whole: string, from = 0, to = whole.length): Generator<Tag> {
  // Searches stop at `to` (a slice shares the string's memory in V8: no copy).
  const xml = to < whole.length ? whole.slice(0, to) : whole;
  const re = new RegExp(TAG_RE.source, "g");
  re.lastIndex = from;
  let special = nextSpecial(xml, from);
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    while (special && special.end <= m.index) special = nextSpecial(xml, special.end);
    if (special && m.index >= special.start) {
      re.lastIndex = special.end;
      continue;
    }
    const name = m[2];
    yield {
      start: m.index,
      end: m.index + m[0].length,
      name,
      local: localName(name),
      closing: m[1] === "/",
      selfClosing: m[4] === "/",
      rawAttrs: m[3],
    };
  }
}

/** The next comment, processing instruction or CDATA section at or after `from` (one forward scan each). */
function nextSpecial(xml: string, from: number): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const [open, close] of [["<!--", "-->"], ["<![CDATA[", "]]>"], ["<?", "?>"]]) {
    const start = xml.indexOf(open, from);
    if (start < 0 || (best && start > best.start)) continue;
    const c = xml.indexOf(close, start + open.length);
    best = { start, end: c < 0 ? xml.length : c + close.length };
  }
  return best;
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix (with its colon) of a qualified name: "x:c" → "x:", "c" → "". */
export function prefixOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i + 1);
}

const ATTR_RE = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes of a tag, values unescaped. */
export function attrs(rawAttrs: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of rawAttrs.matchAll(ATTR_RE)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** A tag's text with attribute `name` set to `value` (replaced in place when present, else appended). */
export function withAttr(tagText: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${escapeAttr(value)}"`;
  if (re.test(tagText)) return tagText.replace(re, (_, lead: string) => `${lead}${v}`);
  const close = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close).replace(/\s+$/, "")} ${name}=${v}${tagText.slice(close)}`;
}

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab, CR, LF; lone surrogates). */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML cannot hold
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** The first element named `local` (any prefix) after `from`: its start tag and, unless empty, its end tag. */
export function findElement(xml: string, local: string, from = 0, to = xml.length): { open: Tag; close?: Tag } | undefined {
  let depth = 0;
  let open: Tag | undefined;
  for (const t of tags(xml, from, to)) {
    if (!open) {
      if (t.local !== local || t.closing) continue;
      if (t.selfClosing) return { open: t };
      open = t;
      depth = 1;
      continue;
    }
    if (t.local !== local) continue;
    if (t.closing) {
      if (--depth === 0) return { open, close: t };
    } else if (!t.selfClosing) depth++;
  }
  return undefined;
}

/** Direct children of an element (start..end of each), given the offsets just inside it. */
export function children(xml: string, from: number, to: number): { tag: Tag; end: number }[] {
  const out: { tag: Tag; end: number }[] = [];
  let depth = 0;
  let current: Tag | undefined;
  for (const t of tags(xml, from, to)) {
    if (depth === 0) {
      if (t.closing) break;
      if (t.selfClosing) out.push({ tag: t, end: t.end });
      else {
        current = t;
        depth = 1;
      }
      continue;
    }
    if (t.closing) {
      depth--;
      if (depth === 0 && current) out.push({ tag: current, end: t.end });
    } else if (!t.selfClosing) depth++;
  }
  return out;
}

/** Namespace prefix (with colon, "" for the default) bound to `uri` on the root element, if any. */
export function prefixFor(rootTag: Tag, uri: string): string | undefined {
  for (const [k, v] of attrs(rootTag.rawAttrs)) {
    if (v !== uri) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6) + ":";
  }
  return undefined;
}

/** Apply non-overlapping splices (offsets into `xml`) and return the new text. */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping edits");
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** The document's root element start tag (after the declaration and any comments). */
export function rootTag(xml: string): Tag | undefined {
  // Only the prolog is read: declaration, comments, doctype, whitespace.
  let i = 0;
  for (;;) {
    i = xml.indexOf("<", i);
    if (i < 0) return undefined;
    if (xml.startsWith("<?", i)) i = xml.indexOf("?>", i) + 2;
    else if (xml.startsWith("<!--", i)) i = xml.indexOf("-->", i) + 3;
    else if (xml.startsWith("<!", i)) i = xml.indexOf(">", i) + 1;
    else break;
    if (i < 2) return undefined;
  }
  const re = new RegExp(TAG_RE.source, "y");
  re.lastIndex = i;
  const m = re.exec(xml);
  if (!m || m[1] === "/") return undefined;
  return { start: i, end: i + m[0].length, name: m[2], local: localName(m[2]), closing: false, selfClosing: m[4] === "/", rawAttrs: m[3] };
}
