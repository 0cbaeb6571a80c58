/**
 * import() of an ES module (pdf.js) from the CommonJS CLI. The build replaces this module by dist-cli/import-esm.cjs,
 * which Node compiles itself: code run from the bundle's V8 code cache cannot start a dynamic import.
 */
export function importEsm<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
