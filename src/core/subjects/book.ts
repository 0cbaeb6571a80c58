/** Builds the subject code book from observed data (generated from CSVs) and domain memory. */
import type { SubjectEntry, SubjectLevel, SubjectSystem, YearName } from "./types";
import { CLASS_LEVEL_ROWS, ECONOMIC_ROWS, OBSERVED_FUNCTION_ROWS } from "./observed.generated";
import {
  CONVENTION_ITEMS,
  CONVENTION_SECTIONS,
  ECONOMIC_ALIASES,
  MEMORY_ECONOMIC_TEXT,
  MEMORY_FUNCTION_TEXT,
  RENAMES,
  SEED_2019_ITEMS,
} from "./memory";

const MEMORY = "domain memory [M]";

function levelOf(code: string): SubjectLevel {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

function parseLines(text: string): [string, string][] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const i = l.indexOf(" ");
      return [l.slice(0, i), l.slice(i + 1).trim()] as [string, string];
    });
}

/** Name valid in `year` (or the current name); falls back to the nearest span. */
export function nameFor(entry: SubjectEntry, year?: number): string {
  const names = entry.names;
  if (year === undefined) return names[names.length - 1].name;
  const hit = names.find((n) => (n.from ?? -Infinity) <= year && year <= (n.to ?? Infinity));
  if (hit) return hit.name;
  return year < (names[0].from ?? -Infinity) ? names[0].name : names[names.length - 1].name;
}

function addAlias(entry: SubjectEntry, alias: YearName): void {
  if (entry.names.some((n) => n.name === alias.name) || entry.aliases.some((a) => a.name === alias.name)) return;
  entry.aliases.push(alias);
}

function addSource(entry: SubjectEntry, source: string): void {
  if (!entry.provenance.sources.includes(source)) entry.provenance.sources.push(source);
}

/** Build a fresh book keyed by code. */
export function buildBook(): Map<string, SubjectEntry> {
  const book = new Map<string, SubjectEntry>();
  const put = (code: string, system: SubjectSystem, name: string, source: string): SubjectEntry => {
    let e = book.get(code);
    if (!e) {
      e = { code, system, level: levelOf(code), names: [{ name }], aliases: [], provenance: { status: "unverified", sources: [source] } };
      book.set(code, e);
    }
    return e;
  };

  for (const [code, name] of parseLines(MEMORY_FUNCTION_TEXT)) put(code, "function", name, MEMORY);

  // Suffix convention of domain notes §6 for common administrative 款.
  for (const section of CONVENTION_SECTIONS) {
    const parent = book.get(section);
    if (!parent) continue;
    for (const [suffix, name] of CONVENTION_ITEMS) put(section + suffix, "function", name, "suffix convention [M]");
    const pn = nameFor(parent);
    const other = pn.startsWith("其他") ? pn : pn.endsWith("支出") ? "其他" + pn : "其他" + pn + "支出";
    put(section + "99", "function", other, "suffix convention [M]");
  }

  for (const r of RENAMES) {
    const e = book.get(r.code);
    if (!e) continue;
    e.names = r.names.map((n) => ({ ...n }));
    addSource(e, "rename: " + r.note);
  }

  for (const [code, name] of SEED_2019_ITEMS) {
    const e = put(code, "function", name, MEMORY);
    addSource(e, "name in 攀枝花市政府办公室 2019 情况说明 五(三); code assigned from memory");
    if (nameFor(e, 2019) !== name) addAlias(e, { name, from: 2019, to: 2019 });
  }

  for (const row of CLASS_LEVEL_ROWS) {
    const e = put(row.code, "function", row.name, MEMORY);
    if (nameFor(e) !== row.name) {
      for (const n of e.names) addAlias(e, n);
      e.names = [{ name: row.name }];
    }
    if (row.verified) {
      e.provenance.status = "observed";
      addSource(e, "func_class_level_2024.csv (2024 template row " + row.row + ")");
    }
  }

  for (const row of OBSERVED_FUNCTION_ROWS) {
    const e = put(row.code, "function", row.name, MEMORY);
    const latest = Math.max(...row.yearsSeen);
    if (nameFor(e, latest) !== row.name) {
      // The table wins over memory: the observed name becomes the current name.
      for (const n of e.names) addAlias(e, { name: n.name });
      e.names = [{ name: row.name }];
    }
    if (row.altName) addAlias(e, { name: row.altName });
    e.provenance.status = "observed";
    e.provenance.sources = e.provenance.sources.filter((s) => s !== MEMORY);
    for (const s of row.sources) addSource(e, s);
    e.provenance.yearsSeen = [...new Set([...(e.provenance.yearsSeen ?? []), ...row.yearsSeen])].sort();
  }

  for (const row of ECONOMIC_ROWS) {
    const e = put(row.code, "economic", row.name, row.source);
    e.provenance.status = "observed";
    e.provenance.yearsSeen = [2024];
    if (row.group === "人员经费" || row.group === "公用经费") e.group = row.group;
  }
  for (const [code, name] of parseLines(MEMORY_ECONOMIC_TEXT)) {
    const e = put(code, "economic", name, MEMORY);
    if (!e.group && code.startsWith("310")) e.group = "公用经费";
  }
  for (const [code, name] of ECONOMIC_ALIASES) {
    const e = book.get(code);
    if (e) addAlias(e, { name });
  }
  return book;
}
