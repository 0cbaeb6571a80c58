/**
 * Rewrite a zip package with some parts replaced or added: every untouched entry is copied as it was stored
 * (local header, compressed bytes, data descriptor and central-directory record), so its bytes — and its
 * compression — are exactly the input's. Changed and new parts are deflated with Node's zlib (native: a 70 MB
 * sheet in about a second, where a JavaScript deflate takes many).
 */
import * as zlib from "node:zlib";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { listEntries, readEntryText, ZipFormatError, type ZipEntry } from "../zip";

const LOC_SIG = 0x04034b50;
const CEN_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const DESC_SIG = 0x08074b50;

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE) of `data`, as zip entries record it. */
export function crc32(data: Uint8Array): number {
  // Node 22+ has it natively.
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip held in memory with its directory read; parts are inflated on demand. */
export class ZipPackage {
  readonly entries: Map<string, ZipEntry>;
  /** Central-directory offset of each entry's record, in directory order. */
  private readonly records: { name: string; offset: number; length: number }[] = [];

  constructor(readonly bytes: Uint8Array) {
    this.entries = listEntries(bytes);
    const view = this.view();
    let eocd = -1;
    for (let i = bytes.length - 22, stop = Math.max(0, bytes.length - 22 - 0xffff); i >= stop; i--) {
      if (view.getUint32(i, true) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    const count = view.getUint16(eocd + 10, true);
    let p = view.getUint32(eocd + 16, true);
    const decoder = new TextDecoder();
    for (let n = 0; n < count; n++) {
      const nameLen = view.getUint16(p + 28, true);
      const length = 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/^\//, "");
      this.records.push({ name, offset: p, length });
      p += length;
    }
  }

  private view(): DataView {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * A part's text (UTF-8), or undefined when the package has no such part. Inflated by Node's zlib into at most the
   * size the directory declares, so a part that inflates beyond it (a zip bomb) fails instead of filling memory.
   */
  text(name: string): string | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.method !== 8) return readEntryText(this.bytes, e);
    const view = this.view();
    const p = e.localOffset;
    if (p + 30 > this.bytes.length || view.getUint32(p, true) !== LOC_SIG) throw new ZipFormatError("bad-entry");
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    if (start + e.compressedSize > this.bytes.length) throw new ZipFormatError("bad-entry");
    let out: Buffer;
    try {
      out = inflateRawSync(this.bytes.subarray(start, start + e.compressedSize), { maxOutputLength: Math.max(1, e.size) });
    } catch {
      throw new ZipFormatError("inflate");
    }
    if (out.length !== e.size) throw new ZipFormatError("inflate");
    return new TextDecoder().decode(out);
  }

  /** Part names in directory order. */
  names(): string[] {
    return this.records.map((r) => r.name);
  }

  /**
   * The package with `changes` applied: a Uint8Array replaces (or adds) a part. Untouched entries keep their
   * stored bytes; replaced ones keep their position, time stamp and name encoding; new ones go at the end.
   */
  rewrite(changes: Map<string, Uint8Array>): Uint8Array {
    const view = this.view();
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    const push = (b: Uint8Array) => {
      chunks.push(b);
      offset += b.length;
    };
    const encoder = new TextEncoder();
    let stamp = { time: 0, date: (2020 - 1980) << 9 | 1 << 5 | 1 };
    for (const rec of this.records) {
      const entry = this.entries.get(rec.name);
      if (!entry) throw new ZipFormatError("bad-entry");
      const cen = this.bytes.subarray(rec.offset, rec.offset + rec.length);
      const cenView = new DataView(cen.buffer, cen.byteOffset, cen.byteLength);
      stamp = { time: cenView.getUint16(12, true), date: cenView.getUint16(14, true) };
      const localOffset = offset;
      const replaced = changes.get(rec.name);
      if (replaced) {
        const flags = cenView.getUint16(8, true) & 0x0800;
        const nameBytes = this.bytes.subarray(rec.offset + 46, rec.offset + 46 + cenView.getUint16(28, true));
        const { local, record } = newEntry(nameBytes, replaced, flags, stamp, localOffset);
        push(local.header);
        push(local.data);
        central.push(record);
        continue;
      }
      // Copy the stored entry as is: local header + data (+ data descriptor when flag bit 3 is set).
      const p = entry.localOffset;
      if (p + 30 > this.bytes.length || view.getUint32(p, true) !== LOC_SIG) throw new ZipFormatError("bad-entry");
      let end = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true) + entry.compressedSize;
      if (view.getUint16(p + 6, true) & 0x0008) end += end + 4 <= this.bytes.length && view.getUint32(end, true) === DESC_SIG ? 16 : 12;
      if (end > this.bytes.length) throw new ZipFormatError("bad-entry");
      push(this.bytes.subarray(p, end));
      const copy = new Uint8Array(cen);
      new DataView(copy.buffer).setUint32(42, localOffset, true);
      central.push(copy);
    }
    for (const [name, data] of changes) {
      if (this.entries.has(name)) continue;
      const { local, record } = newEntry(encoder.encode(name), data, /[^\x20-\x7e]/.test(name) ? 0x0800 : 0, stamp, offset);
      push(local.header);
      push(local.data);
      central.push(record);
    }
    const cdOffset = offset;
    let cdSize = 0;
    for (const c of central) {
      push(c);
      cdSize += c.length;
    }
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, EOCD_SIG, true);
    ev.setUint16(8, central.length, true);
    ev.setUint16(10, central.length, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, cdOffset, true);
    push(eocd);
    const out = new Uint8Array(offset);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function newEntry(name: Uint8Array, data: Uint8Array, flags: number, stamp: { time: number; date: number }, localOffset: number) {
  const compressed = new Uint8Array(deflateRawSync(data, { level: 6 }));
  const crc = crc32(data);
  const header = new Uint8Array(30 + name.length);
  const h = new DataView(header.buffer);
  h.setUint32(0, LOC_SIG, true);
  h.setUint16(4, 20, true);
  h.setUint16(6, flags, true);
  h.setUint16(8, 8, true);
  h.setUint16(10, stamp.time, true);
  h.setUint16(12, stamp.date, true);
  h.setUint32(14, crc, true);
  h.setUint32(18, compressed.length, true);
  h.setUint32(22, data.length, true);
  h.setUint16(26, name.length, true);
  header.set(name, 30);
  const record = new Uint8Array(46 + name.length);
  const r = new DataView(record.buffer);
  r.setUint32(0, CEN_SIG, true);
  r.setUint16(4, 20, true);
  r.setUint16(6, 20, true);
  r.setUint16(8, flags, true);
  r.setUint16(10, 8, true);
  r.setUint16(12, stamp.time, true);
  r.setUint16(14, stamp.date, true);
  r.setUint32(16, crc, true);
  r.setUint32(20, compressed.length, true);
  r.setUint32(24, data.length, true);
  r.setUint16(28, name.length, true);
  r.setUint32(42, localOffset, true);
  record.set(name, 46);
  return { local: { header, data: compressed }, record };
}
