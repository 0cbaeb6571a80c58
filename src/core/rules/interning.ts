/**
 * Interning of the cells a program reads: each recognised cell gets one index, with its view, row position, role,
 * sheet and coordinates kept in the typed arrays of a CellLayout (no object per cell).
 */
import type { ColumnRole } from "../catalog/vocabulary";
import type { CellRef, TableView } from "../recognize/types";
import type { CellLayout } from "./program";

/**
 * Program cell index by (sheet, row, column): open addressing over typed arrays, so interning 55k cells allocates
 * no object per row or cell.
 */
class CellGrid {
  private sheetOf!: Int32Array;
  private rowOf!: Int32Array;
  private colOf!: Int32Array;
  /** Cell index + 1 (0 = empty slot). */
  private value!: Int32Array;
  private mask = 0;
  private size = 0;

  constructor(expected: number) {
    let n = 1024;
    while (n < expected * 2) n *= 2;
    this.alloc(n);
  }

  private alloc(n: number): void {
    this.sheetOf = new Int32Array(n);
    this.rowOf = new Int32Array(n);
    this.colOf = new Int32Array(n);
    this.value = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The index stored for the cell, or −1 after storing `index` for it. */
  getOrAdd(s: number, row: number, col: number, index: number): number {
    // neighbouring cells get neighbouring slots (cells are interned row by row): cache-friendly probing
    let h = (Math.imul(s, 0x9e3779b1) + Math.imul(row, 17) + col) & this.mask;
    for (;;) {
      const v = this.value[h];
      if (v === 0) break;
      if (this.rowOf[h] === row && this.colOf[h] === col && this.sheetOf[h] === s) return v - 1;
      h = (h + 1) & this.mask;
    }
    this.sheetOf[h] = s;
    this.rowOf[h] = row;
    this.colOf[h] = col;
    this.value[h] = index + 1;
    if (++this.size * 2 > this.mask) this.rehash();
    return -1;
  }

  private rehash(): void {
    const { sheetOf, rowOf, colOf, value } = this;
    this.alloc(value.length * 2);
    this.size = 0;
    for (let i = 0; i < value.length; i++) if (value[i] !== 0) this.getOrAdd(sheetOf[i], rowOf[i], colOf[i], value[i] - 1);
  }
}

/** Gives every cell a program index and fills the layout's arrays (grown as cells come). */
export class CellInterner {
  readonly layout: CellLayout = {
    count: 0,
    views: [],
    roleNames: [],
    sheetNames: [],
    viewOf: new Uint16Array(0),
    rowPos: new Int32Array(0),
    roleOf: new Uint16Array(0),
    sheetOf: new Uint16Array(0),
    rowOf: new Int32Array(0),
    colOf: new Int32Array(0),
    clip: new Uint8Array(0),
    entries: [],
  };
  private readonly sheetIds = new Map<string, number>();
  private lastSheet?: string;
  private lastSheetId = 0;
  private readonly viewIds = new Map<TableView, number>();
  private readonly roleIds = new Map<string, number>();
  private readonly grid: CellGrid;

  /** Sized for `capacity` cells (grown if more come). */
  constructor(capacity: number) {
    this.grow(capacity);
    this.grid = new CellGrid(capacity);
  }

  viewId(view: TableView): number {
    let id = this.viewIds.get(view);
    if (id === undefined) {
      id = this.layout.views.length;
      this.layout.views.push(view);
      this.viewIds.set(view, id);
    }
    return id;
  }

  private grow(capacity: number): void {
    const L = this.layout;
    const more = <T extends Uint8Array | Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    L.viewOf = more(L.viewOf, (n) => new Uint16Array(n));
    L.rowPos = more(L.rowPos, (n) => new Int32Array(n));
    L.roleOf = more(L.roleOf, (n) => new Uint16Array(n));
    L.sheetOf = more(L.sheetOf, (n) => new Uint16Array(n));
    L.rowOf = more(L.rowOf, (n) => new Int32Array(n));
    L.colOf = more(L.colOf, (n) => new Int32Array(n));
    L.clip = more(L.clip, (n) => new Uint8Array(n));
  }

  private sheetId(sheet: string): number {
    if (sheet !== this.lastSheet) {
      let id = this.sheetIds.get(sheet);
      if (id === undefined) {
        id = this.layout.sheetNames.length;
        this.layout.sheetNames.push(sheet);
        this.sheetIds.set(sheet, id);
      }
      this.lastSheet = sheet;
      this.lastSheetId = id;
    }
    return this.lastSheetId;
  }

  roleId(role: ColumnRole): number {
    let id = this.roleIds.get(role);
    if (id === undefined) {
      id = this.layout.roleNames.length;
      this.layout.roleNames.push(role);
      this.roleIds.set(role, id);
    }
    return id;
  }

  /** Index of the cell (row `pos` of view `viewId`, role `roleId`), adding it on first sight. */
  intern(cell: CellRef, viewId: number, pos: number, roleId: number): number {
    return this.internAt(cell.sheet, cell.row, cell.col, viewId, pos, roleId);
  }

  /** intern() by the cell's place: sheet name, zero-based row and column. */
  internAt(sheetName: string, row: number, col: number, viewId: number, pos: number, roleId: number): number {
    const sheet = this.sheetId(sheetName);
    const known = this.grid.getOrAdd(sheet, row, col, this.layout.count);
    if (known >= 0) return known;
    const L = this.layout;
    const idx = L.count++;
    if (idx >= L.clip.length) this.grow(2 * idx + 16);
    L.viewOf[idx] = viewId;
    L.rowPos[idx] = pos;
    L.roleOf[idx] = roleId;
    L.sheetOf[idx] = sheet;
    L.rowOf[idx] = row;
    L.colOf[idx] = col;
    return idx;
  }
}
