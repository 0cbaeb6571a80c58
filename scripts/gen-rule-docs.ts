/**
 * Write docs/规则列表.md from the check catalogue (src/core/rules/registry.ts). Run after adding or changing a
 * check: `npx tsx scripts/gen-rule-docs.ts`. A test fails while the committed file differs from this output.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderRuleList } from "../src/core/rules/docs";
import { checkCatalogue } from "../src/core/rules/registry";

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "规则列表.md");
writeFileSync(out, renderRuleList(checkCatalogue()), "utf8");
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
