/** Guard for files the CLI writes: never onto one of its inputs (same path, or the same file via a link). */
import { promises as fs } from "node:fs";
import path from "node:path";

/** True when `target` is (or links to) one of `inputs`. */
export async function isSameFileAsAny(target: string, inputs: string[]): Promise<boolean> {
  const t = path.resolve(target);
  let tStat: import("node:fs").Stats | undefined;
  try {
    tStat = await fs.stat(t);
  } catch {
    tStat = undefined;
  }
  for (const input of inputs) {
    if (path.resolve(input) === t) return true;
    if (tStat) {
      try {
        const s = await fs.stat(input);
        if (s.ino === tStat.ino && s.dev === tStat.dev) return true;
      } catch {
        /* a missing input cannot be overwritten */
      }
    }
  }
  return false;
}
