/**
 * dist-cli/caijue.cjs: starts the CLI bundle (dist-cli/caijue-main.cjs) through its code cache. bin/caijue.cjs
 * requires this and calls cli(); `node dist-cli/caijue.cjs …` runs it directly.
 */
import path from "node:path";
import { loadBundle } from "./load";

export { cacheFile, cacheHeader, loadBundle } from "./load";

/** The CLI bundle next to this file. */
export const MAIN_BUNDLE = path.join(__dirname, "caijue-main.cjs");

/** Load the bundle and run the CLI with the process's arguments. */
export function cli(): void {
  const { exports, codeCache } = loadBundle(MAIN_BUNDLE);
  (exports.cli as (launch: { codeCache: string }) => void)({ codeCache });
}

if (require.main === module) cli();
