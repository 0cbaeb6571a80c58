/**
 * Loads a bundled CommonJS file of the CLI with the V8 code cache the build made for it (dist-cli/*.cache), so a
 * process neither parses the bundle nor compiles its functions again: Node 20 has no module.enableCompileCache. The
 * cache is only ever read here; it is written by the build (scripts/build-cli.mjs), never at run time. A cache that
 * is missing, was made from another build of the bundle, or that V8 rejects (another Node or V8 version, other V8
 * flags) is ignored and the bundle compiled from its source, as a plain require would.
 *
 * Code run from a code cache cannot start a dynamic import() (V8 keeps no host options for it), so the bundles hold
 * none: the build turns import() into require(), and pdf.js (an ES module) is imported by dist-cli/import-esm.cjs,
 * which Node loads itself.
 */
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";

/** How the code cache served a load: used, rejected by V8, made from another build, or not there. */
export type CodeCacheStatus = "accepted" | "rejected" | "stale" | "absent" | "off";

/** Start of a bundle: the build replaces the zeros with a hash of the bundle, and writes the same id into its cache. */
export const BUILD_ID_PLACEHOLDER = "/* caijue build 0000000000000000 */";
const BUILD_ID = /^\/\* caijue build ([0-9a-f]{16}) \*\//;
const CACHE_MAGIC = "caijue-v8-cache 1 ";
/** Cache file header: magic, the bundle's build id, a newline (fixed length, latin1). */
const HEADER_BYTES = CACHE_MAGIC.length + 16 + 1;

/** The code cache file of a bundle. */
export function cacheFile(bundle: string): string {
  return `${bundle}.cache`;
}

/** The header a cache made for this bundle source starts with (undefined: the source carries no build id). */
export function cacheHeader(source: string): string | undefined {
  const id = BUILD_ID.exec(source)?.[1];
  return id ? `${CACHE_MAGIC}${id}\n` : undefined;
}

export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** The compiled script: the build calls createCachedData() on it after a warm-up run. */
  script: Script;
  codeCache: CodeCacheStatus;
}

/**
 * Compile and run `bundle` as a CommonJS module. `useCache` false compiles from source (the build does, with
 * `scriptName` the bundle's final path: V8 keeps the name a cache was made under, and stack traces show it).
 */
export function loadBundle(bundle: string, useCache = true, scriptName = bundle): LoadedBundle {
  const source = readFileSync(bundle, "utf8");
  let cachedData: Buffer | undefined;
  let codeCache: CodeCacheStatus = useCache ? "absent" : "off";
  if (useCache) {
    let raw: Buffer | undefined;
    try {
      raw = readFileSync(cacheFile(bundle));
    } catch {
      // no cache next to the bundle: compile from source
    }
    if (raw) {
      const header = cacheHeader(source);
      if (header !== undefined && raw.length > HEADER_BYTES && raw.toString("latin1", 0, HEADER_BYTES) === header) cachedData = raw.subarray(HEADER_BYTES);
      else codeCache = "stale";
    }
  }
  // Module.wrap keeps the bundle's line numbers (only the first line gets the wrapper's prefix).
  const script = new Script(Module.wrap(source), { filename: scriptName, cachedData });
  if (cachedData) codeCache = script.cachedDataRejected ? "rejected" : "accepted";
  const mod = { exports: {} as Record<string, unknown>, filename: bundle, id: bundle, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return { exports: mod.exports, script, codeCache };
}
