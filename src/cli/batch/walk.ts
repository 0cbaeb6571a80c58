/** Expand the command-line inputs into workbook files; folders are walked recursively. */
import { promises as fs } from "node:fs";
import path from "node:path";

export const WORKBOOK_EXTS = new Set([".xlsx", ".xlsm", ".xls", ".et"]);
/** Published disclosures found in folders too; a Word file is checked only when named (folders hold 说明 drafts). */
export const FOLDER_DOCUMENT_EXTS = new Set([".pdf"]);

/** An input that yields no file: a missing path, or a folder without workbooks. */
export interface InputProblem {
  path: string;
  code: "not-found" | "no-workbooks";
}

export interface Inputs {
  files: string[];
  problems: InputProblem[];
}

function isWorkbookName(name: string): boolean {
  // Excel's lock files (~$name.xlsx) are not workbooks.
  const ext = path.extname(name).toLowerCase();
  return (WORKBOOK_EXTS.has(ext) || FOLDER_DOCUMENT_EXTS.has(ext)) && !name.startsWith("~$");
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      await walk(p, out);
    } else if (e.isFile() && isWorkbookName(e.name)) out.push(p);
  }
}

/** Resolve inputs in order; duplicates removed. A file named explicitly is checked whatever its extension says. */
export async function collectInputs(inputs: string[]): Promise<Inputs> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let st: import("node:fs").Stats;
    try {
      st = await fs.stat(input);
    } catch {
      problems.push({ path: input, code: "not-found" });
      continue;
    }
    const found: string[] = [];
    if (st.isDirectory()) {
      await walk(input, found);
      if (found.length === 0) problems.push({ path: input, code: "no-workbooks" });
    } else found.push(input);
    for (const f of found) {
      const key = path.resolve(f);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(f);
    }
  }
  return { files, problems };
}
