/**
 * A fake Excel host: the subset of the Excel JavaScript API the add-in uses, over an in-memory workbook.
 * Not shipped. It keeps the parts of Office.js semantics that catch real bugs:
 *  - proxy objects: loaded properties and isNullObject can only be read after context.sync(); reading an
 *    unloaded property throws like Office.js ("PropertyNotLoaded");
 *  - every context.sync() is counted (per context and per workbook) for the sync budget tests;
 *  - an error inside a batch (getItem of a missing sheet/note…) surfaces at the next sync and stops the rest
 *    of that batch;
 *  - optional response payload limit, raising ResponsePayloadSizeLimitExceeded like Excel on the web;
 *  - writing a string that starts with "=" makes a formula, a leading apostrophe makes text, a numeric
 *    string becomes a number unless the cell's format is Text ("@");
 *  - change events fire (asynchronously) for user edits and for API value writes, as in Excel.
 * Operations are applied to the model when queued (in queue order), which is observably the same as Office
 * applying the queue in order at sync time, except for the error/stop semantics modelled above.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { fromA1, toA1 } from "../../src/core/workbook/snapshot";

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** Fill colour or null for no fill. */
  fill: string | null;
  hyperlink?: { documentReference?: string; address?: string; screenTip?: string; textToDisplay?: string };
  bold?: boolean;
}

export class FakeSheetModel {
  cells = new Map<string, FakeCell>();
  notes = new Map<string, string>();
  /** Merged areas, zero-based inclusive (Office.js: Range.getMergedAreasOrNullObject). */
  merges: { top: number; left: number; bottom: number; right: number }[] = [];
  frozenRows = 0;
  constructor(
    public id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensure(row: number, col: number): FakeCell {
    let c = this.cells.get(`${row},${col}`);
    if (!c) {
      c = { value: null, formula: null, numberFormat: "General", fill: null };
      this.cells.set(`${row},${col}`, c);
    }
    return c;
  }

  /** Bounding box of non-empty cells (valuesOnly) or of any cell with content or fill. */
  usedBox(valuesOnly: boolean): { top: number; left: number; bottom: number; right: number } | null {
    let box: { top: number; left: number; bottom: number; right: number } | null = null;
    for (const [k, c] of this.cells) {
      const hasValue = (c.value !== null && c.value !== "") || c.formula !== null;
      if (!hasValue && (valuesOnly || (c.fill === null && c.numberFormat === "General"))) continue;
      const [r, col] = k.split(",").map(Number);
      if (!box) box = { top: r, left: col, bottom: r, right: col };
      else {
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, col);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, col);
      }
    }
    return box;
  }
}

export interface FakeChangeEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local" | "Remote";
}

export class FakeWorkbookModel {
  sheets: FakeSheetModel[] = [];
  xmlParts: { id: string; namespace: string; xml: string }[] = [];
  comments: { id: string; sheet: string; address: string; content: string }[] = [];
  handlers: ((e: FakeChangeEvent) => Promise<void> | void)[] = [];
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  /** Response payload limit in bytes (JSON of loaded values per sync); undefined = unlimited. */
  payloadLimit?: number;
  totalSyncs = 0;
  /** Syncs that carried at least one write, for the "marks in ≤ 1 sync" assertion. */
  writeSyncs = 0;
  calcSuspensions = 0;
  /** Make calls on null worksheets fail instead of yielding null objects (to test the reader's fallback). */
  strictNullObjects = false;
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheet(name: string): FakeSheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheetModel {
    const s = new FakeSheetModel(this.newId("ws-"), name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  fire(sheet: FakeSheetModel, address: string): void {
    const event: FakeChangeEvent = { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType: "RangeEdited", source: "Local" };
    for (const h of [...this.handlers]) setTimeout(() => void h(event), 0);
  }

  /** Simulate the user typing into a cell (value or "=formula"); fires the change event. */
  userEdit(sheetName: string, address: string, input: CellValue): void {
    const s = this.sheet(sheetName);
    const p = fromA1(address);
    if (!s || !p) throw new Error(`no cell ${sheetName}!${address}`);
    writeInput(s.ensure(p.row, p.col), input);
    this.fire(s, address);
  }

  /** Every value and formula of every sheet, for "nothing changed" assertions. */
  contentDump(exceptSheets: string[] = []): Record<string, [CellValue, string | null]> {
    const out: Record<string, [CellValue, string | null]> = {};
    for (const s of this.sheets) {
      if (exceptSheets.includes(s.name)) continue;
      for (const [k, c] of s.cells) {
        if ((c.value === null || c.value === "") && c.formula === null) continue;
        const [r, col] = k.split(",").map(Number);
        out[`${s.name}!${toA1(r, col)}`] = [c.value, c.formula];
      }
    }
    return out;
  }

  /** Fill and note of every cell that has either, for exact-restore assertions. */
  formatDump(): Record<string, { fill: string | null; note: string | null }> {
    const out: Record<string, { fill: string | null; note: string | null }> = {};
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) {
        const [r, col] = k.split(",").map(Number);
        if (c.fill !== null) out[`${s.name}!${toA1(r, col)}`] = { fill: c.fill, note: null };
      }
      for (const [a, n] of s.notes) out[`${s.name}!${a}`] = { fill: out[`${s.name}!${a}`]?.fill ?? null, note: n };
    }
    return out;
  }
}

/** Apply user/API input to a cell the way Excel does. */
function writeInput(cell: FakeCell, input: unknown): void {
  if (typeof input === "string") {
    if (input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.formula = null;
    } else if (input.startsWith("=") && input.length > 1) {
      cell.formula = input;
      cell.value = 0; // the fake does not calculate
    } else if (input === "") {
      cell.value = null;
      cell.formula = null;
    } else if (cell.numberFormat !== "@" && /^[+-]?\d+(\.\d+)?$/.test(input.trim())) {
      cell.value = Number(input);
      cell.formula = null;
    } else {
      cell.value = input;
      cell.formula = null;
    }
  } else {
    cell.value = (input ?? null) as CellValue;
    cell.formula = null;
  }
}

/** Build a fake workbook from a snapshot (values, number formats, formulas). */
export function fakeWorkbookFromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbookModel {
  const wb = new FakeWorkbookModel();
  for (const sh of snapshot.sheets) {
    const s = wb.addSheet(sh.name);
    s.visibility = sh.visibility === "hidden" ? "Hidden" : sh.visibility === "veryHidden" ? "VeryHidden" : "Visible";
    s.merges = (sh.merges ?? []).map((m) => ({ ...m }));
    sh.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const f = sh.formulas?.[r]?.[c] ?? null;
        const nf = sh.numberFormats?.[r]?.[c] ?? null;
        if (v === null && f === null && (nf === null || nf === "General")) return;
        const cell = s.ensure(sh.origin.row + r, sh.origin.col + c);
        cell.value = v;
        cell.formula = f;
        if (nf) cell.numberFormat = nf;
      }),
    );
  }
  return wb;
}

// ---------------------------------------------------------------------------------------------------------
// Proxy layer

class FakeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export class FakeContext {
  syncCount = 0;
  private staged: FakeClientObject[] = [];
  private error: FakeError | null = null;
  private wrote = false;
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new FakeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        model.calcSuspensions++;
      },
    };
  }

  /** False once an earlier operation of this batch failed: Office stops the batch there. */
  get live(): boolean {
    return this.error === null;
  }

  fail(code: string, message: string): void {
    if (!this.error) this.error = new FakeError(code, message);
  }

  write(): boolean {
    if (!this.live) return false;
    this.wrote = true;
    return true;
  }

  stage(obj: FakeClientObject): void {
    this.staged.push(obj);
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    this.syncCount++;
    this.model.totalSyncs++;
    if (this.wrote) this.model.writeSyncs++;
    this.wrote = false;
    const staged = this.staged;
    this.staged = [];
    const error = this.error;
    this.error = null;
    if (error) throw error;
    if (this.model.payloadLimit !== undefined) {
      const bytes = staged.reduce((n, o) => n + o.stagedBytes(), 0);
      if (bytes > this.model.payloadLimit) {
        throw new FakeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${bytes} bytes).`);
      }
    }
    for (const o of staged) o.commit();
  }
}

abstract class FakeClientObject {
  private loaded = new Map<string, unknown>();
  private pending = new Map<string, unknown>();
  private nullKnown = false;
  constructor(
    readonly context: FakeContext,
    protected readonly isNull: boolean,
  ) {}

  get isNullObject(): boolean {
    if (!this.nullKnown) throw new FakeError("PropertyNotLoaded", "isNullObject is not available before context.sync().");
    return this.isNull;
  }

  /** Snapshot of a property's value at load time. */
  protected abstract readProp(name: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : [];
    this.context.stage(this);
    if (this.isNull) return this;
    for (const raw of list) {
      // Collections: "items/name,items/id" all load the item list.
      const name = raw.trim().startsWith("items") ? "items" : raw.trim();
      if (name) this.pending.set(name, structuredCloneSafe(this.readProp(name)));
    }
    return this;
  }

  /** Called by a null-object-aware load so isNullObject becomes readable. */
  touch(): void {
    this.context.stage(this);
  }

  stagedBytes(): number {
    let n = 0;
    for (const v of this.pending.values()) n += JSON.stringify(v ?? null).length;
    return n;
  }

  commit(): void {
    this.nullKnown = true;
    for (const [k, v] of this.pending) this.loaded.set(k, v);
    this.pending.clear();
  }

  protected get<T>(name: string): T {
    if (this.isNull) return null as T;
    if (!this.loaded.has(name)) {
      throw new FakeError("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as T;
  }

  /** A value set locally is visible locally, as in Office.js. */
  protected setLocal(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }
}

function structuredCloneSafe<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export class FakeClientResult<T> extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly compute: () => T,
  ) {
    super(context, false);
    this.load("value");
  }
  protected readProp(): unknown {
    return this.compute();
  }
  get value(): T {
    return this.get<T>("value");
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlParts;
  readonly comments: FakeCommentCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.customXmlParts = new FakeCustomXmlParts(context);
    this.comments = new FakeCommentCollection(context);
  }
}

class FakeWorksheetCollection extends FakeClientObject {
  readonly onChanged: { add(handler: (e: FakeChangeEvent) => Promise<void> | void): { remove(): void; context: FakeContext } };
  constructor(context: FakeContext) {
    super(context, false);
    const model = context.model;
    this.onChanged = {
      add: (handler) => {
        if (context.live) model.handlers.push(handler);
        return {
          context,
          remove: () => {
            model.handlers = model.handlers.filter((h) => h !== handler);
          },
        };
      },
    };
  }
  protected readProp(name: string): unknown {
    if (name.startsWith("items")) return this.context.model.sheets.map((s) => s.id);
    return undefined;
  }
  get items(): FakeWorksheet[] {
    return this.get<string[]>("items").map((id) => {
      const ws = new FakeWorksheet(this.context, this.context.model.sheets.find((s) => s.id === id) ?? null);
      ws.load("name,id,visibility");
      ws.commit();
      return ws;
    });
  }
  getItem(name: string): FakeWorksheet {
    const s = this.context.model.sheet(name);
    if (!s) this.context.fail("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
    return new FakeWorksheet(this.context, s ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this.context.model.sheet(name) ?? null);
    ws.touch();
    return ws;
  }
  getFirst(): FakeWorksheet {
    const s = this.context.model.sheets[0];
    if (!s) this.context.fail("ItemNotFound", "The workbook has no worksheet.");
    return new FakeWorksheet(this.context, s ?? null);
  }
  add(name: string): FakeWorksheet {
    if (!this.context.write()) return new FakeWorksheet(this.context, null);
    if (this.context.model.sheet(name)) {
      this.context.fail("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      return new FakeWorksheet(this.context, null);
    }
    return new FakeWorksheet(this.context, this.context.model.addSheet(name));
  }
}

class FakeWorksheet extends FakeClientObject {
  readonly notes: FakeNoteCollection;
  readonly freezePanes: { freezeRows(n: number): void };
  constructor(
    context: FakeContext,
    readonly model: FakeSheetModel | null,
  ) {
    super(context, model === null);
    this.notes = new FakeNoteCollection(context, model);
    this.freezePanes = {
      freezeRows: (n: number) => {
        if (this.model && context.write()) this.model.frozenRows = n;
      },
    };
  }
  protected readProp(name: string): unknown {
    const m = this.model!;
    if (name === "name") return m.name;
    if (name === "id") return m.id;
    if (name === "visibility") return m.visibility;
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  getNextOrNullObject(): FakeWorksheet {
    if (!this.model && this.context.model.strictNullObjects) this.context.fail("InvalidOperation", "The object is a null object.");
    const sheets = this.context.model.sheets;
    const i = this.model ? sheets.indexOf(this.model) : -1;
    const next = i >= 0 && i + 1 < sheets.length ? sheets[i + 1] : null;
    const ws = new FakeWorksheet(this.context, next);
    ws.touch();
    return ws;
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    if (!this.model && this.context.model.strictNullObjects) this.context.fail("InvalidOperation", "The object is a null object.");
    const box = this.model?.usedBox(valuesOnly) ?? null;
    const r = new FakeRange(this.context, box ? this.model : null, box ? box.top : 0, box ? box.left : 0, box ? box.bottom - box.top + 1 : 0, box ? box.right - box.left + 1 : 0);
    r.touch();
    return r;
  }
  getUsedRange(valuesOnly = false): FakeRange {
    const box = this.model?.usedBox(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return new FakeRange(this.context, this.model, box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
  }
  getRange(address?: string): FakeRange {
    if (!address) return new FakeRange(this.context, this.model, 0, 0, 1_048_576, 16_384);
    const [a, b] = address.split(":");
    const p = fromA1(a);
    const q = fromA1(b ?? a);
    if (!p || !q) {
      this.context.fail("InvalidArgument", `Bad address ${address}`);
      return new FakeRange(this.context, null, 0, 0, 0, 0);
    }
    return new FakeRange(this.context, this.model, p.row, p.col, q.row - p.row + 1, q.col - p.col + 1);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this.model, row, col, rows, cols);
  }
  /** Office.js RangeAreas ("B6, B31:B33"): only select() is modelled; the selection lists every area. */
  getRanges(address: string): { select(): void } {
    const areas = address.split(",").map((a) => a.trim());
    for (const a of areas) if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(a)) this.context.fail("InvalidArgument", `Bad address ${address}`);
    return {
      select: () => {
        if (this.model && this.context.write()) this.context.model.selection = { sheet: this.model.name, address: areas.join(",") };
      },
    };
  }
  activate(): void {
    if (this.model && this.context.write()) this.context.model.activeSheet = this.model.name;
  }
  delete(): void {
    if (this.model && this.context.write()) this.context.model.sheets = this.context.model.sheets.filter((s) => s !== this.model);
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeRange extends FakeClientObject {
  readonly format: {
    fill: FakeRangeFill;
    font: { bold: boolean };
    wrapText: boolean;
    columnWidth: number;
  };
  constructor(
    context: FakeContext,
    readonly sheet: FakeSheetModel | null,
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    super(context, sheet === null);
    const fill = new FakeRangeFill(context, this);
    const each = (fn: (c: FakeCell) => void): void => this.eachCell(fn);
    this.format = {
      fill,
      font: {
        set bold(v: boolean) {
          if (context.write()) each((c) => (c.bold = v));
        },
        get bold() {
          return false;
        },
      },
      wrapText: false,
      columnWidth: 0,
    };
  }

  /** Office.js RangeAreas of the merged areas inside this range; a null object when there are none. */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    const inside = (this.sheet?.merges ?? []).filter(
      (m) => m.top >= this.top && m.left >= this.left && m.bottom < this.top + this.rows && m.right < this.left + this.cols,
    );
    const areas = new FakeMergedAreas(this.context, inside.length ? this.sheet : null, inside);
    areas.touch();
    return areas;
  }

  eachCell(fn: (c: FakeCell, r: number, col: number) => void): void {
    if (!this.sheet) return;
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) fn(this.sheet.ensure(this.top + r, this.left + c), r, c);
  }

  private grid<T>(fn: (c: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.cols; c++) line.push(fn(this.sheet!.cell(this.top + r, this.left + c)));
      out.push(line);
    }
    return out;
  }

  protected readProp(name: string): unknown {
    switch (name) {
      case "address": {
        const a = toA1(this.top, this.left);
        const b = toA1(this.top + this.rows - 1, this.left + this.cols - 1);
        return `${quoteSheet(this.sheet!.name)}!${a === b ? a : `${a}:${b}`}`;
      }
      case "values":
        return this.grid((c) => (c?.value ?? ""));
      case "formulas":
        return this.grid((c) => (c?.formula ?? c?.value ?? ""));
      case "numberFormat":
        return this.grid((c) => c?.numberFormat ?? "General");
      case "rowCount":
        return this.rows;
      case "columnCount":
        return this.cols;
      case "hyperlink":
        return this.sheet!.cell(this.top, this.left)?.hyperlink ?? null;
      default:
        throw new FakeError("InvalidArgument", `The fake does not model range property '${name}'.`);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    if (!this.context.write()) return;
    this.eachCell((c, r, col) => writeInput(c, v[r][col]));
    if (this.sheet) this.context.model.fire(this.sheet, toA1(this.top, this.left));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.values = v;
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    if (this.context.write()) this.eachCell((c, r, col) => (c.numberFormat = String(v[r][col])));
  }
  get hyperlink(): unknown {
    return this.get("hyperlink");
  }
  set hyperlink(h: FakeCell["hyperlink"]) {
    if (this.context.write()) this.eachCell((c) => (c.hyperlink = { ...h }));
  }
  clear(): void {
    if (!this.sheet || !this.context.write()) return;
    for (const [k] of [...this.sheet.cells]) {
      const [r, c] = k.split(",").map(Number);
      if (r >= this.top && r < this.top + this.rows && c >= this.left && c < this.left + this.cols) this.sheet.cells.delete(k);
    }
  }
  select(): void {
    if (this.sheet && this.context.write()) this.context.model.selection = { sheet: this.sheet.name, address: toA1(this.top, this.left) };
  }
}

class FakeMergedAreas extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeSheetModel | null,
    private readonly areas: { top: number; left: number; bottom: number; right: number }[],
  ) {
    super(context, sheet === null);
  }
  protected readProp(name: string): unknown {
    if (name !== "address" || !this.sheet) return undefined;
    // As Excel reports it: every area sheet-qualified, comma-separated.
    return this.areas.map((m) => `${quoteSheet(this.sheet!.name)}!${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`).join(",");
  }
  get address(): string {
    return this.get("address");
  }
}

class FakeRangeFill extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, range.sheet === null);
  }
  protected readProp(name: string): unknown {
    const c = this.range.sheet!.cell(this.range.top, this.range.left);
    if (name === "color") return c?.fill ?? "#FFFFFF";
    if (name === "pattern") return c?.fill ? "Solid" : "None";
    return undefined;
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    if (this.context.write()) this.range.eachCell((c) => (c.fill = v.toUpperCase()));
    this.setLocal("color", v);
  }
  get pattern(): string {
    return this.get("pattern");
  }
  clear(): void {
    if (this.context.write()) this.range.eachCell((c) => (c.fill = null));
  }
}

class FakeNoteCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeSheetModel | null,
  ) {}
  private addressOf(cell: string | FakeRange): string {
    if (typeof cell === "string") return cell.slice(cell.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
    return toA1(cell.top, cell.left);
  }
  add(cell: string | FakeRange, content: string): FakeNote {
    const a = this.addressOf(cell);
    if (!this.sheet || !this.context.write()) return new FakeNote(this.context, null, a);
    if (this.sheet.notes.has(a)) this.context.fail("InvalidArgument", `A note already exists at ${a}.`);
    else this.sheet.notes.set(a, content);
    return new FakeNote(this.context, this.sheet, a);
  }
  getItem(key: string): FakeNote {
    const a = this.addressOf(key);
    if (!this.sheet?.notes.has(a)) this.context.fail("ItemNotFound", `No note at ${a}.`);
    return new FakeNote(this.context, this.sheet, a);
  }
  getItemOrNullObject(key: string): FakeNote {
    const a = this.addressOf(key);
    const n = new FakeNote(this.context, this.sheet?.notes.has(a) ? this.sheet : null, a);
    n.touch();
    return n;
  }
}

class FakeNote extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeSheetModel | null,
    private readonly address: string,
  ) {
    super(context, sheet === null);
  }
  protected readProp(name: string): unknown {
    return name === "content" ? this.sheet!.notes.get(this.address) : undefined;
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    if (this.sheet && this.context.write()) this.sheet.notes.set(this.address, v);
  }
  delete(): void {
    if (this.sheet && this.context.write()) this.sheet.notes.delete(this.address);
  }
}

class FakeCommentCollection extends FakeClientObject {
  protected readProp(name: string): unknown {
    if (name.startsWith("items")) return this.context.model.comments.map((c) => c.id);
    return undefined;
  }
  constructor(context: FakeContext) {
    super(context, false);
  }
  get items(): FakeComment[] {
    return this.get<string[]>("items").map((id) => {
      const c = new FakeComment(this.context, id);
      c.load("id,content");
      c.commit();
      return c;
    });
  }
  add(address: string, content: string): FakeComment {
    const bang = address.lastIndexOf("!");
    const sheet = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
    const cell = address.slice(bang + 1).replace(/\$/g, "");
    const model = this.context.model;
    if (!this.context.write()) return new FakeComment(this.context, "");
    if (model.comments.some((c) => c.sheet === sheet && c.address === cell)) {
      this.context.fail("InvalidOperation", `A comment already exists at ${address}.`);
      return new FakeComment(this.context, "");
    }
    const id = model.newId("c-");
    model.comments.push({ id, sheet, address: cell, content });
    return new FakeComment(this.context, id);
  }
  getItem(id: string): FakeComment {
    if (!this.context.model.comments.some((c) => c.id === id)) this.context.fail("ItemNotFound", `No comment ${id}.`);
    return new FakeComment(this.context, id);
  }
}

class FakeComment extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly commentId: string,
  ) {
    super(context, false);
  }
  private record() {
    return this.context.model.comments.find((c) => c.id === this.commentId);
  }
  protected readProp(name: string): unknown {
    const r = this.record();
    return name === "id" ? this.commentId : name === "content" ? r?.content : undefined;
  }
  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    const r = this.record();
    if (r && this.context.write()) r.content = v;
  }
  delete(): void {
    if (this.context.write()) this.context.model.comments = this.context.model.comments.filter((c) => c.id !== this.commentId);
  }
  getLocation(): FakeRange {
    const r = this.record()!;
    const s = this.context.model.sheet(r.sheet)!;
    const p = fromA1(r.address)!;
    return new FakeRange(this.context, s, p.row, p.col, 1, 1);
  }
}

class FakeCustomXmlParts {
  constructor(private readonly context: FakeContext) {}
  getByNamespace(ns: string): FakeXmlPartScope {
    return new FakeXmlPartScope(this.context, ns);
  }
  getItem(id: string): FakeXmlPart {
    if (!this.context.model.xmlParts.some((p) => p.id === id)) this.context.fail("ItemNotFound", `No custom XML part ${id}.`);
    return new FakeXmlPart(this.context, id);
  }
  add(xml: string): FakeXmlPart {
    if (!this.context.write()) return new FakeXmlPart(this.context, "");
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    const id = `{${this.context.model.newId("part-")}}`;
    this.context.model.xmlParts.push({ id, namespace: ns, xml });
    return new FakeXmlPart(this.context, id);
  }
}

class FakeXmlPartScope extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly ns: string,
  ) {
    super(context, false);
  }
  protected readProp(name: string): unknown {
    if (name.startsWith("items")) return this.context.model.xmlParts.filter((p) => p.namespace === this.ns).map((p) => p.id);
    return undefined;
  }
  /** Office.js: the one part of the namespace, or a null object when there are none or several. */
  getOnlyItemOrNullObject(): FakeXmlPart {
    const parts = this.context.model.xmlParts.filter((p) => p.namespace === this.ns);
    const part = new FakeXmlPart(this.context, parts.length === 1 ? parts[0].id : "", parts.length !== 1);
    part.touch(); // isNullObject becomes readable at the next sync, as for any *OrNullObject result
    return part;
  }
  get items(): FakeXmlPart[] {
    return this.get<string[]>("items").map((id) => {
      const p = new FakeXmlPart(this.context, id);
      p.load("id");
      p.commit();
      return p;
    });
  }
}

class FakeXmlPart extends FakeClientObject {
  constructor(
    context: FakeContext,
    private readonly partId: string,
    isNull = false,
  ) {
    super(context, isNull);
  }
  protected readProp(name: string): unknown {
    return name === "id" ? this.partId : undefined;
  }
  get id(): string {
    return this.get("id");
  }
  getXml(): FakeClientResult<string> {
    // On a null part the result's value is null (null objects propagate; nothing fails).
    if (this.isNull) return new FakeClientResult<string>(this.context, () => null as unknown as string);
    return new FakeClientResult(this.context, () => this.context.model.xmlParts.find((p) => p.id === this.partId)?.xml ?? "");
  }
  delete(): void {
    if (this.context.write()) this.context.model.xmlParts = this.context.model.xmlParts.filter((p) => p.id !== this.partId);
  }
}

/** Excel.run over the fake model. Pass as `run` to OfficeHost. */
export function fakeRun(model: FakeWorkbookModel) {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(model);
    return batch(context as unknown as Excel.RequestContext);
  };
}
