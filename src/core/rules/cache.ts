/**
 * Compile once: a program depends only on the layout of the recognised tables (which cells, which rows, which
 * labels, empty flags) and on the rule texts — not on the values. Re-validating after value edits therefore
 * reuses the compiled program when the layout fingerprint is unchanged.
 */
import type { ColumnRole } from "../catalog/vocabulary";
import { rowPlaces } from "../recognize/cell";
import type { RecognitionResult } from "../recognize/types";
import type { Program } from "./compile";
import { workbookYear } from "./compile";
import type { RuleSpec } from "./rule";

/** Two 32-bit FNV-1a-style accumulators over strings and integers (no per-cell string building). */
class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;

  int(n: number): void {
    const v = n | 0;
    this.a = Math.imul(this.a ^ v, 0x01000193);
    this.b = Math.imul(this.b ^ (v * 31 + 7), 0x01000193);
  }

  str(s: string | undefined): void {
    if (s === undefined) {
      this.int(-1);
      return;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.a = Math.imul(this.a ^ c, 0x01000193);
      this.b = Math.imul(this.b ^ (c + 0x9e37), 0x01000193);
    }
    this.int(s.length);
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}

const roleIds = new Map<string, number>();

/** Small stable integer per column role name (hashing the name per cell would dominate the fingerprint). */
function roleId(role: string): number {
  let id = roleIds.get(role);
  if (id === undefined) {
    id = 0;
    for (let i = 0; i < role.length; i++) id = Math.imul(id ^ role.charCodeAt(i), 0x01000193);
    roleIds.set(role, id);
  }
  return id;
}

/** Fingerprint of the rule set alone. */
export function rulesFingerprint(rules: readonly RuleSpec[]): string {
  const f = new Fingerprint();
  hashRules(f, rules);
  return f.hex();
}

function hashRules(f: Fingerprint, rules: readonly RuleSpec[]): void {
  for (const r of rules) {
    f.str(r.id);
    f.str(r.severity);
    f.str(r.expression);
    f.str(r.message.zh);
    f.str(r.message.en);
    f.int(r.source?.row ?? -1);
    f.str(r.source?.sheet ?? r.source?.file);
    f.str(r.years?.join(","));
  }
}

/** Fingerprint of everything compileRules() reads: equal fingerprints give the same program. */
export function layoutFingerprint(recognition: RecognitionResult, rules: readonly RuleSpec[]): string {
  const f = new Fingerprint();
  hashRules(f, rules);
  // year-keyed rules (MOF 行次) compile differently per year
  f.int(workbookYear(recognition) ?? -1);
  for (const t of recognition.tables) {
    f.str(t.kind);
    f.str(t.sheet);
    f.str(t.unit);
    f.int(t.decimals);
    f.int(t.empty ? 1 : 0);
    for (const c of t.columns) {
      f.str(c.role);
      f.str(c.header);
      f.str(c.side);
    }
    for (const r of t.rows) {
      f.str(r.key);
      f.str(r.label);
      f.str(r.kind);
      f.str(r.code);
      f.int(r.level ?? 0);
      f.str(r.side);
      f.int((r as { lineNo?: number }).lineNo ?? -1);
      // a row whose cells are not built yet: its places, without building them (same hash as the built cells)
      const places = rowPlaces(r);
      if (places) {
        const panel = places.panel;
        for (let k = 0; k < panel.roles.length; k++) {
          f.int(roleId(panel.roles[k]));
          if (panel.sheet !== t.sheet) f.str(panel.sheet);
          f.int(places.row);
          f.int(panel.cols[k]);
        }
        f.int(-2);
        continue;
      }
      for (const role in r.cells) {
        const c = r.cells[role as ColumnRole];
        if (!c) continue;
        f.int(roleId(role));
        if (c.sheet !== t.sheet) f.str(c.sheet);
        f.int(c.row);
        f.int(c.col);
      }
      f.int(-2);
    }
  }
  return f.hex();
}

/**
 * A small most-recently-used cache of compiled programs. Looked up first by the recognition object itself (results
 * are treated as immutable: the same object means the same layout) plus the rules' fingerprint, then by the
 * layout fingerprint (a fresh recognition of an unchanged layout).
 */
export class ProgramCache {
  private readonly entries = new Map<string, Program>();
  private readonly byObject = new WeakMap<RecognitionResult, { rules: string; key: string }>();

  constructor(private readonly capacity = 4) {}

  /** The cached program for this recognition and rule set, compiling with `make()` on a miss. */
  lookup(recognition: RecognitionResult, rules: readonly RuleSpec[], extra: string, make: () => Program): { program: Program; hit: boolean } {
    const rulesKey = rulesFingerprint(rules) + extra;
    const known = this.byObject.get(recognition);
    if (known && known.rules === rulesKey) {
      const p = this.entries.get(known.key);
      if (p) return { program: p, hit: true };
    }
    const key = layoutFingerprint(recognition, rules) + extra;
    this.byObject.set(recognition, { rules: rulesKey, key });
    return this.get(key, make);
  }

  /** The cached program for this fingerprint, or the one `make()` compiles (then cached). */
  get(key: string, make: () => Program): { program: Program; hit: boolean } {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return { program: found, hit: true };
    }
    const program = make();
    this.entries.set(key, program);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return { program, hit: false };
  }

  clear(): void {
    this.entries.clear();
  }
}
