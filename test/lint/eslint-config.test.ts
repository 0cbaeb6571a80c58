// The lint rules that guard security and architecture must keep firing: lint small probe sources as if they sat
// at real paths of the repo, and check which rules report.
import { ESLint } from "eslint";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { repoRoot } from "../browser/harness";

const eslint = new ESLint({ cwd: repoRoot });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe("eslint.config.mjs", () => {
  it("keeps src/core free of outside imports and host globals", async () => {
    const hits = await rulesHit(
      [
        'import { z } from "zod";',
        'import { parseAmount } from "../workbook/amount";',
        'import { readSnapshot } from "../../excel/readSnapshot";',
        'import fs from "node:fs";',
        "export const all = [z, parseAmount, readSnapshot, fs, window.location, process.env, Office.context];",
      ].join("\n"),
      "src/core/metrics/probe.ts",
    );
    expect(hits.filter((r) => r === "caijue/core-boundary")).toHaveLength(1);
    expect(hits.filter((r) => r === "no-restricted-imports")).toHaveLength(1);
    expect(hits.filter((r) => r === "no-restricted-globals")).toHaveLength(3);
  });

  it("allows the same imports outside src/core", async () => {
    const hits = await rulesHit(
      'import { readSnapshot } from "../excel/readSnapshot";\nexport const x = [readSnapshot, window.location];\n',
      "src/taskpane/probe.ts",
    );
    expect(hits).toEqual([]);
  });

  it("bans eval, new Function and HTML sinks everywhere", async () => {
    const hits = await rulesHit(
      [
        "export function f(text: string, el: HTMLElement) {",
        "  eval(text);",
        '  const g = new Function("return 1");',
        "  el.innerHTML = text;",
        '  el.insertAdjacentHTML("beforeend", text);',
        "  return g;",
        "}",
      ].join("\n"),
      "src/taskpane/probe.ts",
    );
    expect(hits).toEqual(["no-eval", "no-new-func", "no-restricted-syntax", "no-restricted-syntax"]);
  });

  it("bans dangerouslySetInnerHTML in React components", async () => {
    const hits = await rulesHit(
      "export const C = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n",
      "src/taskpane/probe.tsx",
    );
    expect(hits).toEqual(["no-restricted-syntax"]);
  });

  it("applies the Office add-in rules to Office.js code", async () => {
    const hits = await rulesHit(
      [
        "export async function f() {",
        "  await Excel.run(async (context) => {",
        "    const range = context.workbook.getSelectedRange();",
        "    console.log(range.values);",
        "  });",
        "}",
      ].join("\n"),
      "src/excel/probe.ts",
    );
    expect(hits.some((r) => r.startsWith("office-addins/"))).toBe(true);
  });
});
