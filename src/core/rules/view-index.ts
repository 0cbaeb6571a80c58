/** Lookups over one recognised table view (rows by key and label, cells by row position and column slot). */
import type { ColumnRole } from "../catalog/vocabulary";
import { rowRoles } from "../recognize/cell";
import type { RowView, TableView } from "../recognize/types";
import { ruleNameKey } from "../text/keys";

/** Lookups over one table view, built once per compile. Rows are addressed by their position in view.rows. */
export class ViewIndex {
  /** Row key (and MOF 行次 "L27") → position of the first row with it. */
  readonly byKey = new Map<string, number>();
  /** byKey.get(rows[p].key) for every position p (what a FOREACH ROW over this table binds `row` to). */
  readonly firstPos: Int32Array;
  readonly rows: RowView[];
  /** Rows / columns the catalogue expects but recognition could not find: a gap, not a zero. */
  readonly missingRows: Set<string>;
  readonly missingColumns: Set<string>;
  private labels?: Map<string, number>;
  private allRows?: number[];
  readonly numericRoles: ColumnRole[];
  /** Lengths of the subject codes the table prints (a table printed only to 类 level has just 3). */
  readonly codeLengths = new Set<number>();
  /** numericRoles → slot. */
  readonly slotOf = new Map<string, number>();
  /** Program cell index of (row position, role slot) at pos·numericRoles.length + slot; −1 when the row has none. */
  readonly cellIdx: Int32Array;
  // Last key looked up: a FOREACH ROW body refers to the same row of a table several times in a row.
  private lastKey?: string;
  private lastPos: number | undefined;

  /** Position of the first row with this key. */
  rowOf(key: string): number | undefined {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastPos = this.byKey.get(key);
    }
    return this.lastPos;
  }

  /** Row positions by normalised printed label (built on first use: most rules address rows by key). */
  get byLabel(): Map<string, number> {
    if (!this.labels) {
      this.labels = new Map();
      for (let p = 0; p < this.rows.length; p++) {
        const n = ruleNameKey(this.rows[p].label);
        if (n && !this.labels.has(n)) this.labels.set(n, p);
      }
    }
    return this.labels;
  }

  /** Positions of every row (shared; do not modify). */
  get all(): number[] {
    if (!this.allRows) {
      this.allRows = new Array<number>(this.rows.length);
      for (let p = 0; p < this.rows.length; p++) this.allRows[p] = p;
    }
    return this.allRows;
  }

  constructor(readonly view: TableView) {
    const rows = view.rows;
    this.rows = rows;
    this.missingRows = new Set(view.missingRows);
    this.missingColumns = new Set(view.missingColumns);
    this.firstPos = new Int32Array(rows.length);
    for (let p = 0; p < rows.length; p++) {
      const q = this.byKey.get(rows[p].key);
      if (q === undefined) {
        this.byKey.set(rows[p].key, p);
        this.firstPos[p] = p;
      } else this.firstPos[p] = q;
      if (rows[p].kind === "code") this.codeLengths.add((rows[p].code ?? rows[p].key).length);
    }
    // MOF sheets: rows also answer to their 行次 ("L27") when recognition kept it, even if keyed by an item.
    for (let p = 0; p < rows.length; p++) {
      const line = (rows[p] as { lineNo?: number }).lineNo;
      if (typeof line === "number" && !this.byKey.has(`L${line}`)) this.byKey.set(`L${line}`, p);
    }
    const roles: ColumnRole[] = [];
    for (const c of view.columns) if (!roles.includes(c.role)) roles.push(c.role);
    // Recognition lists every column it placed; scan the rows only when it did not (hand-built views).
    if (roles.length === 0) for (const r of rows) for (const role of rowRoles(r)) if (!roles.includes(role)) roles.push(role);
    this.numericRoles = roles;
    roles.forEach((r, k) => this.slotOf.set(r, k));
    this.cellIdx = new Int32Array(rows.length * roles.length).fill(-1);
  }
}

/** Parent code in the subject hierarchy: 7→5→3 digits (economic 5→3). */
export function parentCode(code: string): string | undefined {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return undefined;
}

/** Level of a subject-code row: 1 类 (3 digits), 2 款 (5), 3 项 (7); undefined for an item row. */
export function rowLevel(r: RowView): number | undefined {
  if (r.kind !== "code") return undefined;
  if (r.level) return r.level;
  const c = r.code ?? r.key;
  return c.length === 3 ? 1 : c.length === 5 ? 2 : c.length === 7 ? 3 : undefined;
}
