/**
 * Test helper: compare the numbers of two narratives clause by clause. A clause is text between 。；， — each
 * clause's numbers (amounts in 万元 and percentages, with their unit) must appear in the other text's clauses.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));

/** A reference document from ../shared/reference (relative to the repository). */
export function reference(name: string): string {
  return readFileSync(resolve(here, "../../../../shared/reference", name), "utf8");
}

/** Narrative part of a reference file. */
export function referenceNarrative(name: "panzhihua" | "shiquanlu" | "caizhengju"): string {
  if (name === "panzhihua") return reference("panzhihua-2019-final-accounts.txt").split("第二部分")[1].split("第三部分")[0];
  const file = name === "shiquanlu" ? "shanghai-shiquanlu-2025.txt" : "shanghai-caizhengju-2024.txt";
  return reference(file).split("==================== PART B")[1];
}

/** Numbers of a clause as 「value unit」 strings, e.g. ["4163.2万元", "40%"]. */
export function clauseNumbers(clause: string): string[] {
  const t = clause.replace(/\s+/g, "");
  const out: string[] = [];
  const re = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|万|%)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const v = Number(m[0].replace(/,/g, "").replace(/(万元|万|%)$/, ""));
    out.push(`${v}${m[3] === "%" ? "%" : "万元"}`);
  }
  return out;
}

/** Clauses of a text that carry numbers, each as its joined number list (「4163.2万元|40%」). */
export function numericClauses(text: string): string[] {
  return text
    .replace(/\s+/g, "")
    .split(/[。；，;]|,(?!\d{3})/)
    .map(clauseNumbers)
    .filter((x) => x.length)
    .map((x) => x.join("|"));
}

/** Multiset difference a − b. */
export function missingFrom(a: string[], b: string[]): string[] {
  const pool = [...b];
  const out: string[] = [];
  for (const x of a) {
    const i = pool.indexOf(x);
    if (i >= 0) pool.splice(i, 1);
    else out.push(x);
  }
  return out;
}

/** Lines of `text` that start (after trimming spaces and bookmarks) with one of the prefixes, joined. */
export function pickLines(text: string, prefixes: string[]): string {
  const lines = text.split("\n").map((l) => l.replace(/\[[^\]]*\]/g, "").replace(/^[\s\u3000]+/, ""));
  return prefixes
    .map((p) => {
      const hit = lines.find((l) => l.startsWith(p));
      if (!hit) throw new Error(`reference line not found: ${p}`);
      return hit;
    })
    .join("\n");
}

/** The part of `text` from the first heading to the next one (or the end). */
export function between(text: string, from: string, to?: string): string {
  const norm = text.replace(/[ \t]+/g, " ");
  const a = norm.indexOf(from);
  if (a < 0) throw new Error(`heading not found: ${from}`);
  const b = to ? norm.indexOf(to, a + from.length) : -1;
  return norm.slice(a + from.length, b < 0 ? undefined : b);
}
