// The core must stay pure: no Office.js, no DOM, no Node built-ins, no imports from outside src/core.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { execFileSync } from "node:child_process";
import { expect } from "../support/expect";
import { describe, it } from "mocha";

const root = resolve(__dirname, "../..");
const coreDir = join(root, "src/core");
const ALLOWED_PACKAGES = new Set(["zod"]);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
  for (const m of source.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return specs;
}

describe("src/core boundary", () => {
  const files = walk(coreDir);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it("imports only itself and allowed pure packages", () => {
    const offences: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, "utf8"))) {
        if (spec.startsWith(".")) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(coreDir)) offences.push(`${relative(root, file)} → ${spec} (outside src/core)`);
        } else if (!ALLOWED_PACKAGES.has(spec.split("/")[0])) {
          offences.push(`${relative(root, file)} → ${spec} (package not allowed in core)`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("uses no host globals (Office, Excel, document, window, process, require)", () => {
    const offences: string[] = [];
    const re = /\b(Office|Excel|CustomFunctions|document|window|process|globalThis\.require|require)\s*[.(]/;
    for (const file of files) {
      readFileSync(file, "utf8").split("\n").forEach((line, i) => {
        if (/^\s*(\*|\/\*|\/\/)/.test(line)) return; // comment lines
        const code = line.replace(/\/\/.*$/, "").replace(/(["'`]).*?\1/g, "");
        if (re.test(code)) offences.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offences).toEqual([]);
  });

  it("type-checks without DOM, Node or Office typings", () => {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.core.json")], {
      cwd: root,
      stdio: "pipe",
    });
  });
});
