/**
 * What every layout parser shares: the parse context, reading one cell into a CellRef, matching a row label
 * against catalogue items, and the outcome a parser hands back for scoring.
 */
import type { RowItemDef, TableDef } from "../catalog/schema";
import type { ColumnRole } from "../catalog/vocabulary";
import type { Grid } from "./grid";
import type { HeaderBlock } from "./header";
import { columnLetters, isBlankCell, RecognizedCell } from "./cell";
import type { CellRef, ColumnView, RowView } from "./types";
import { rowLabelKey } from "../text/keys";

export interface Region {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface ParseContext {
  grid: Grid;
  def: TableDef;
  region: Region;
  /** First row to look for the header in (the row after the title, or the region top). */
  from: number;
  decimals: number;
  /** 类 name → 3-digit code (subjects API or the built-in table). */
  classCode: (label: string) => string | undefined;
  /** 款/项 name → code under a parent, for tables that print names without codes. */
  subjectByName: (name: string, parent: string | undefined) => string | undefined;
  /** Code book name of a subject code for the year (completes a name a line wrap cut short). */
  nameOf?: (code: string) => string | undefined;
}

export interface ParseOutcome {
  header?: HeaderBlock;
  columns: ColumnView[];
  rows: RowView[];
  unplacedRows: { label: string; sheetRow: number }[];
  missingColumns: ColumnRole[];
  missingRows: string[];
  /** Rows and columns actually used by the body. */
  bodyTop: number;
  bodyBottom: number;
  left: number;
  right: number;
  /** 0..1: share of required columns found. */
  columnScore: number;
  /** 0..1: how well rows matched (codes of the right system, items). */
  rowScore: number;
  /** Most code rows belong to the other code system (function vs economic). */
  wrongSystem: boolean;
  /** Any non-blank amount in the body. */
  anyAmount: boolean;
  /** Code rows whose name was joined from wrapped text-only rows above/below. */
  joined?: Set<RowView>;
  /** Column of the subject names (coded tables), for messages about them. */
  nameCol?: number;
}

/**
 * Read one cell as a CellRef with the table's default decimals (its text and reading are worked out on first
 * use). Memoised per grid: several candidate tables parse the same cells, and a shared CellRef is never mutated.
 */
export function makeCell(grid: Grid, row: number, col: number, decimals: number): CellRef {
  const hit = grid.cachedCell(decimals, row, col);
  if (hit !== undefined) return hit;
  const ref = new RecognizedCell(grid.sheet.name, columnLetters(col) + (row + 1), row, col, grid.value(row, col), grid.cells.source(decimals));
  grid.keepCell(decimals, row, col, ref);
  return ref;
}

const stripParens = (s: string): string => s.replace(/\([^)]*\)/gu, "");

const itemNamesCache = new WeakMap<RowItemDef, string[]>();

/** Normalised label and aliases of a row item, cached per definition. */
export function itemNames(it: RowItemDef): string[] {
  let n = itemNamesCache.get(it);
  if (!n) {
    n = [it.label, ...it.aliases].map(rowLabelKey).filter((s) => s.length > 0);
    itemNamesCache.set(it, n);
  }
  return n;
}

const matcherCache = new WeakMap<readonly RowItemDef[], ItemMatcher>();

/** The (cached) matcher for a table's row items. */
export function itemMatcher(items: readonly RowItemDef[]): ItemMatcher {
  let m = matcherCache.get(items);
  if (!m) {
    m = new ItemMatcher(items);
    matcherCache.set(items, m);
  }
  return m;
}

/** Matches normalised labels to a table's row items. */
export class ItemMatcher {
  private readonly exact = new Map<string, RowItemDef[]>();
  private readonly loose = new Map<string, RowItemDef[]>();
  readonly names: string[] = [];

  constructor(items: readonly RowItemDef[]) {
    for (const it of items) {
      for (const n of itemNames(it)) {
        push(this.exact, n, it);
        push(this.loose, stripParens(n), it);
        this.names.push(n);
      }
    }
  }

  /** Items whose label or alias equals the normalised label (parenthesised remarks ignored as a fallback). */
  candidates(label: string, side?: "income" | "expenditure"): RowItemDef[] {
    if (!label) return [];
    const hits = this.exact.get(label) ?? this.loose.get(stripParens(label)) ?? [];
    return side ? hits.filter((h) => !h.side || h.side === side) : hits;
  }

  /** Pick the item for a label given the item keys already seen (the `under` rule of T4's fund rows). */
  pick(label: string, seen: ReadonlySet<string>, side?: "income" | "expenditure"): RowItemDef | undefined {
    const c = this.candidates(label, side).filter((d) => !seen.has(d.key));
    if (c.length === 0) return undefined;
    const under = c.filter((d) => d.under && seen.has(d.under));
    if (under.length > 0) return under[0];
    return c.find((d) => !d.under);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) {
    if (!a.includes(v)) a.push(v);
  } else m.set(k, [v]);
}

/** True when any cell of the row reads as something other than blank. */
export function hasValue(cells: Partial<Record<ColumnRole, CellRef>>): boolean {
  for (const k in cells) {
    const c = cells[k as ColumnRole];
    if (c && !isBlankCell(c)) return true;
  }
  return false;
}
