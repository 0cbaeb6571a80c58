/**
 * Minimal ZIP container access for .xlsx: reads the central directory and inflates one entry at a time,
 * in chunks, so a huge worksheet never has to sit decompressed in memory. Node's zlib inflates the parts
 * of ordinary size in one call (native code, faster than fflate for them: bench/RESULTS.md); fflate's
 * streaming inflater handles the large ones chunk by chunk. Every byte inflated is counted against an
 * `Expansion` budget, so a small file that inflates to gigabytes (a "zip bomb") stops early.
 */
import { inflateRawSync } from "node:zlib";
import { fflate } from "./fflate";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A problem with the container itself (truncated, not a zip, unsupported); the message is a code for i18n. */
export class ZipFormatError extends Error {
  constructor(readonly code: "no-eocd" | "bad-entry" | "zip64" | "method" | "inflate") {
    super(`zip: ${code}`);
  }
}

/** The package would expand beyond its budget (declared sizes, or bytes actually inflated). */
export class ExpansionLimitError extends Error {
  constructor(
    readonly limit: number,
    readonly declared: number,
  ) {
    super("zip: expanded size over the limit");
  }
}

/** Budget of uncompressed bytes for one package; shared by every entry read from it. */
export class Expansion {
  used = 0;
  constructor(readonly limit: number) {}
  /** Count `n` more inflated bytes; throws ExpansionLimitError past the limit. */
  add(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw new ExpansionLimitError(this.limit, this.used);
  }
}

/** No budget (tests and tools that read trusted packages). */
const UNLIMITED = new Expansion(Number.POSITIVE_INFINITY);

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
/** Entries up to this uncompressed size are inflated in one go; larger ones are streamed in chunks. */
const WHOLE_LIMIT = 8 * 1024 * 1024;

/** List the entries of a zip held in memory. Throws ZipFormatError when the structure is damaged. */
export function listEntries(buf: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no-eocd");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipFormatError("zip64");
  if (cdOffset + cdSize > buf.length) throw new ZipFormatError("bad-entry");
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== CEN_SIG) throw new ZipFormatError("bad-entry");
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen)).replace(/^\//, "");
    entries.set(name, { name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Stream an entry's bytes to `onChunk` (≤ ~64 KB pieces). `onChunk` may return false to stop early
 * (used for the row cap). Throws ZipFormatError on damaged data.
 */
export function streamEntry(
  buf: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => boolean | void,
  budget: Expansion = UNLIMITED,
): void {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const p = entry.localOffset;
  if (p + 30 > buf.length || view.getUint32(p, true) !== LOC_SIG) throw new ZipFormatError("bad-entry");
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError("bad-entry");
  const STEP = 1 << 16;
  if (entry.method === 0) {
    for (let i = start; i < end; i += STEP) {
      budget.add(Math.min(end, i + STEP) - i);
      if (onChunk(buf.subarray(i, Math.min(end, i + STEP))) === false) return;
    }
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError("method");
  if (entry.size <= WHOLE_LIMIT) {
    // Small parts (nearly all of them): one inflate into a buffer of the declared size is much cheaper
    // than streaming (no chunk copies, less garbage). The declared size bounds the output: a part that
    // inflates to more than it declares is damaged (or hostile) and stops there.
    budget.add(entry.size);
    let out: Uint8Array;
    try {
      out = inflateRawSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw new ZipFormatError("inflate");
    }
    if (out.length !== entry.size) throw new ZipFormatError("inflate");
    onChunk(out);
    return;
  }
  let stopped = false;
  let consumerError: unknown;
  let produced = 0;
  const { Inflate } = fflate();
  const inflater = new Inflate((chunk) => {
    if (stopped) return;
    try {
      // More bytes than the part declares: damaged or hostile; stop instead of inflating on.
      produced += chunk.length;
      if (produced > entry.size) throw new ZipFormatError("inflate");
      budget.add(chunk.length);
      if (onChunk(chunk) === false) stopped = true;
    } catch (e) {
      consumerError = e;
      stopped = true;
    }
  });
  try {
    for (let i = start; i < end && !stopped; i += STEP) {
      const last = i + STEP >= end;
      inflater.push(buf.subarray(i, Math.min(end, i + STEP)), last);
    }
  } catch {
    // Only fflate's own failures land here: the consumer's errors are caught above.
    throw new ZipFormatError("inflate");
  }
  if (consumerError) throw consumerError;
}

/** Whole entry as UTF-8 text (for the small parts: workbook, rels, styles, shared strings). */
export function readEntryText(buf: Uint8Array, entry: ZipEntry, budget: Expansion = UNLIMITED): string {
  const decoder = new TextDecoder();
  let out = "";
  streamEntry(buf, entry, (chunk) => {
    out += decoder.decode(chunk, { stream: true });
  }, budget);
  return out + decoder.decode();
}
