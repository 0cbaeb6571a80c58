/**
 * fflate, loaded on first use. Loading it builds its Huffman tables and loads worker_threads: a cost every process (and
 * every batch worker) would pay at start-up, while a check needs it only for a part too large to inflate at once (the
 * ordinary parts go through node:zlib), and writing a state part or reading a .docx are other commands.
 */
type Fflate = typeof import("fflate");

let loaded: Fflate | undefined;

/** The fflate module (required on the first call). */
export function fflate(): Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
  loaded ??= require("fflate") as Fflate;
  return loaded;
}
