/**
 * A small streaming XML tag scanner for worksheet parts: the reader needs only a few elements (row, c, v, f,
 * is/t, mergeCell) and their attributes, and a general XML parser spends most of its time on everything else
 * (names, attribute objects, namespace bookkeeping for tens of thousands of cells). Tags are found with quotes
 * respected; entities are decoded in text and attribute values; comments, processing instructions and DOCTYPE are
 * skipped; CDATA is text. Well-formedness is not checked — the parts that need a real parser keep saxes.
 */

export interface ScanHandlers {
  /** An opening (or self-closing) tag: local name, the raw attribute text, whether it closes itself. */
  open(name: string, rawAttributes: string, selfClosing: boolean): void;
  /** Character data between tags, entities decoded. Called only while `wantText()` is true. */
  text(t: string): void;
  /** A closing tag (also called right after `open` for a self-closing tag). */
  close(name: string): void;
  /** Whether text is wanted now (skipping the decoding of text nobody reads). */
  wantText(): boolean;
}

/** Longest unfinished tag the scanner waits for (characters). */
const MAX_PENDING = 4 * 1024 * 1024;

/** The part is not XML the scanner can follow (a tag without end). */
export class XmlScanError extends Error {
  constructor() {
    super("xml: unterminated tag");
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decode XML character and entity references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref] ?? m;
  });
}

/** Attributes of a tag's raw attribute text, by local name (prefixes dropped, as the worksheet reader wants). */
export function parseAttributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null) {
    const name = m[1];
    const i = name.indexOf(":");
    // r:id keeps its prefix-free form "id"; xmlns declarations are of no use here
    if (name.startsWith("xmlns")) continue;
    out[i < 0 ? name : name.slice(i + 1)] = decodeEntities(m[2] ?? m[3] ?? "");
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * One attribute's value from a tag's raw attribute text (by local name), without building an object: the reader asks
 * for two or three attributes of each of tens of thousands of cells.
 */
export function attrValue(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = raw.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + 1;
    const before = raw.charCodeAt(i - 1);
    if (!(isSpace(before) || before === 58 /* : */)) continue;
    let j = i + name.length;
    while (isSpace(raw.charCodeAt(j))) j++;
    if (raw.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (isSpace(raw.charCodeAt(j))) j++;
    const q = raw.charCodeAt(j);
    if (q !== 34 && q !== 39) continue;
    const end = raw.indexOf(q === 34 ? '"' : "'", j + 1);
    if (end < 0) return undefined;
    const v = raw.slice(j + 1, end);
    return v.indexOf("&") < 0 ? v : decodeEntities(v);
  }
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Streaming scanner: `write` text pieces as they are decoded, then `end`. */
export class XmlScanner {
  private rest = "";
  constructor(private readonly h: ScanHandlers) {}

  /** Scan as much of `chunk` (appended to what is left over) as forms complete tags. */
  write(chunk: string): void {
    const s = this.rest.length ? this.rest + chunk : chunk;
    const h = this.h;
    let p = 0;
    const n = s.length;
    while (p < n) {
      const lt = s.indexOf("<", p);
      if (lt < 0) {
        // Text runs to the end of the buffer. Short runs wait for the next chunk whole; a long one is handed over
        // except for its last few characters, which may be a cut entity reference ("&am" + "p;").
        if (n - p <= 4096) return this.keep(s, p);
        let cut = n - 16;
        const amp = s.lastIndexOf("&", n - 1);
        if (amp >= cut) cut = amp;
        if (h.wantText()) h.text(decodeEntities(s.slice(p, cut)));
        return this.keep(s, cut);
      }
      if (lt > p && h.wantText()) h.text(decodeEntities(s.slice(p, lt)));
      const c1 = s.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) {
        this.rest = s.slice(lt);
        return;
      }
      if (c1 === 33 /* ! */) {
        if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) return this.keep(s, lt);
          if (h.wantText()) h.text(s.slice(lt + 9, end));
          p = end + 3;
        } else if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) return this.keep(s, lt);
          p = end + 3;
        } else {
          if (lt + 9 > n) return this.keep(s, lt);
          const end = s.indexOf(">", lt);
          if (end < 0) return this.keep(s, lt);
          p = end + 1;
        }
        continue;
      }
      if (c1 === 63 /* ? */) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) return this.keep(s, lt);
        p = end + 2;
        continue;
      }
      // find the tag's end, skipping quoted attribute values (they may hold ">")
      let q = lt + 1;
      let quote = 0;
      for (; q < n; q++) {
        const c = s.charCodeAt(q);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62 /* > */) break;
      }
      if (q >= n) return this.keep(s, lt);
      if (c1 === 47 /* / */) {
        h.close(localName(s.slice(lt + 2, q).trim()));
      } else {
        const selfClosing = s.charCodeAt(q - 1) === 47;
        const bodyEnd = selfClosing ? q - 1 : q;
        let e = lt + 1;
        while (e < bodyEnd) {
          const c = s.charCodeAt(e);
          if (c === 32 || c === 9 || c === 10 || c === 13) break;
          e++;
        }
        const name = localName(s.slice(lt + 1, e));
        h.open(name, s.slice(e, bodyEnd), selfClosing);
        if (selfClosing) h.close(name);
      }
      p = q + 1;
    }
    this.rest = "";
  }

  /** Text left over at the end of the part (after the root element) is of no interest. */
  end(): void {
    this.rest = "";
  }

  private keep(s: string, from: number): void {
    // A tag, comment or CDATA section megabytes long is no worksheet anyone wrote; stop instead of re-scanning it.
    if (s.length - from > MAX_PENDING) throw new XmlScanError();
    this.rest = s.slice(from);
  }

}
