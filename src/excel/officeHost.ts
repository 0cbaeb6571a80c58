/**
 * The Office.js implementation of Host. All proxy objects, syncs and API-version differences stay in here.
 *
 * Sync budget per validation (asserted by test/excel/syncBudget.test.ts against the fake host, which counts
 * every context.sync(); measured by bench/excel-syncs.bench.ts):
 *   read   1 — every sheet's used range, our state part (its ids too, so the write replaces it without asking)
 *              and the current note at every cell we had marked, in one batch, any sheet count. The report
 *              sheet's existence comes from the sheet list of that read.
 *   write  1 — restores, state, marks and report sheet in one batch. Restoring a cell no longer marked and
 *              re-marking a cell still marked need only the saved original (in the state) and the current note
 *              (seen by the read just before): a re-validation after fixes, or a clear, is 1 read + 1 write.
 *   live   1 read of just the boxes the changed cells' checks read (plus the notes at our marked cells);
 *              0 writes when the findings did not change, else 1.
 * What still costs 1 capture sync before the write, and why:
 *   - cells the check marks for the first time: their own fill and note can only be read once the check has
 *     chosen them (a mark never replaces them unsaved). Marking with conditional formats instead would leave
 *     fills alone, but the message still goes into a note that may already hold the user's text.
 *   - marked cells whose note the last read did not look at: which cells to look at is taken from the state
 *     this session last read or wrote, so the first run of a session that read nothing before (the ribbon
 *     before the task pane ever opened) looks at earlier marks after the read. A write that does not follow a
 *     read (an explanation) looks again too, rather than trust notes the user may have changed since.
 *   - hosts without notes (ExcelApi < 1.18) use comments, which can only be found by location: 2 capture syncs.
 * A note the user deletes between the read and the write makes that batch stop at the failing operation;
 * restores are queued first and the state before the marks, so a stop leaves every cell we changed listed with
 * its original, and the next run repairs it.
 * A host refusing null objects reads in 2 syncs (sheet list first).
 *
 * Excel's undo stack: on Excel builds without Office.js undo support every API write clears the user's undo
 * history, and custom XML part writes clear it on all builds. What clears it here: writeResults (fills, notes,
 * report sheet, state part), clearMarks, writeNarrative, writeInputsSheet, saveState. selectCells and every
 * read leave it intact. That is why a live re-check whose findings did not change writes nothing, and why
 * settings are saved only when changed.
 */
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import { qualifiedAddress } from "../app/report";
import { STATE_NAMESPACE, stateFromXml, stateToXml, type SavedOriginal, type WorkbookState } from "../app/state";
import { asCellText } from "./cellText";
import {
  NARRATIVE_SHEET,
  REPORT_SHEET,
  type CellBox,
  type CellBoxContent,
  type CellChange,
  type CellMark,
  type Host,
  type HostCapabilities,
  type InputsSheetEdit,
  type MarkResult,
  type NarrativeWrite,
  type ReportSheet,
  type ResultsWrite,
} from "./host";
import { readSnapshot, type ReadOptions } from "./readSnapshot";

/** Fills by severity: Excel's own "Bad" (light red) and "Neutral" (amber) cell-style colours. */
export const MARK_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;
/** Prefix of every note/comment we write, so our own are recognisable. */
export const MARK_PREFIX = "【财决助手】";
const MAX_NOTE = 2000;

type RunFn = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions extends ReadOptions {
  /** Excel.run; injectable so tests can pass the fake host. */
  run?: RunFn;
  capabilities?: Partial<HostCapabilities>;
}

/** Detect ExcelApi features once, from Office.context.requirements when available. */
export function detectCapabilities(): HostCapabilities {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  const has = (v: string): boolean => {
    try {
      return !!req && req.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  // Merged areas are read whenever the host does not say it lacks them (a test host has no requirements object).
  return { notes: has("1.18"), fillPattern: has("1.15"), mergedAreas: req ? has("1.13") : true };
}

const key = (sheet: string, address: string): string => `${sheet}\u0000${address}`;

/** `'Sheet name'!A1`, quoting as Excel does (a quote inside the name is doubled). */
export const qualified = qualifiedAddress;

function noteText(message: string): string {
  const text = MARK_PREFIX + message;
  return text.length > MAX_NOTE ? text.slice(0, MAX_NOTE - 1) + "…" : text;
}

interface CaptureResult {
  /** Current note text at each cell of interest (null = none). */
  notes: Map<string, string | null>;
  /** Current fill of each new cell (null = no fill). */
  fills: Map<string, string | null>;
  /** Comments at cells of interest (pre-1.18 path): id and content. */
  comments: Map<string, { id: string; content: string }>;
}

export class OfficeHost implements Host {
  readonly capabilities: HostCapabilities;
  private readonly run: RunFn;
  private readonly readOptions: ReadOptions & { listFirst?: boolean };
  private state: WorkbookState | null = null;
  /** Ids of our state parts as last seen (read or written); null = unknown. */
  private partIds: string[] | null = null;
  private sheetIds = new Map<string, string>();
  /** > 0 while our own writes are in flight: user-sheet change events are held back until they finish. */
  private writing = 0;
  private deferred: CellChange[] = [];
  private changeListeners = new Set<(changes: CellChange[]) => void>();
  /** Syncs of the last readWorkbook, for diagnostics. */
  lastReadSyncs = 0;
  /**
   * Notes (null = none) at the cells we had marked, as the latest read saw them (loaded in that read's batch);
   * null once a write may have changed them. Used only by a write that says it follows that read.
   */
  private seenNotes: Map<string, string | null> | null = null;

  constructor(options: OfficeHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.capabilities = { ...detectCapabilities(), ...options.capabilities };
    // Merged header cells are read like the CLI reads them, so labels in messages are the same words.
    this.readOptions = { chainLength: options.chainLength, batchBudgetBytes: options.batchBudgetBytes, withMerges: this.capabilities.mergedAreas !== false };
  }

  async readWorkbook(): Promise<{ snapshot: WorkbookSnapshot; state: WorkbookState }> {
    this.seenNotes = null;
    const seen = new Map<string, string | null>();
    const alsoLoad = (context: Excel.RequestContext, present?: ReadonlySet<string>) => this.queueNoteLoads(context, seen, present);
    const result = await this.run((context) => readSnapshot(context, { ...this.readOptions, withState: true, alsoLoad }));
    this.seenNotes = seen;
    // Remember a refused speculative chain so later reads do not pay the failed sync again.
    if (result.listed) this.readOptions.listFirst = true;
    this.sheetIds = result.sheetIds;
    this.lastReadSyncs = result.syncs;
    this.partIds = result.state?.partIds ?? [];
    this.state = stateFromXml(result.state?.xml);
    return { snapshot: result.snapshot, state: this.state };
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return (await this.readWorkbook()).snapshot;
  }

  async readCells(boxes: CellBox[]): Promise<CellBoxContent[]> {
    if (boxes.length === 0) return [];
    this.seenNotes = null;
    const seen = new Map<string, string | null>();
    const content = await this.run(async (context) => {
      const ranges = boxes.map((b) => context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.top, b.left, b.rows, b.cols).load("values,numberFormat,formulas"));
      // A host refusing null objects gets no speculative note loads here: a write after this read captures them.
      const collectNotes = this.readOptions.listFirst ? null : this.queueNoteLoads(context, seen);
      await context.sync();
      collectNotes?.();
      return boxes.map((b, i) => ({
        ...b,
        values: ranges[i].values.map((line) => line.map((v) => (v === "" || v === null || v === undefined ? null : typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : String(v)))),
        numberFormats: ranges[i].numberFormat.map((line) => line.map((f) => (typeof f === "string" ? f : null))),
        formulas: ranges[i].formulas.map((line) => line.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))),
      }));
    });
    if (!this.readOptions.listFirst) this.seenNotes = seen;
    return content;
  }

  /**
   * Queue loading the note at every cell we had marked as last known (the state this session last read or
   * wrote), so the next write restores or re-marks those cells without a capture sync. Which cells to look at
   * is a guess (the state read in the same batch may differ); what is seen is current, and a write looks only
   * at cells that were seen. Without `present` the loads are null-object safe (a deleted sheet or no note
   * yields a null object). Returns the collector to run after the sync.
   */
  private queueNoteLoads(context: Excel.RequestContext, seen: Map<string, string | null>, present?: ReadonlySet<string>): () => void {
    const marks = this.capabilities.notes ? (this.state?.marks ?? []) : [];
    const proxies: [string, Excel.Note][] = [];
    for (const m of marks) {
      if (present && !present.has(m.sheet)) continue;
      const ws = present ? context.workbook.worksheets.getItem(m.sheet) : context.workbook.worksheets.getItemOrNullObject(m.sheet);
      const note = ws.notes.getItemOrNullObject(m.address);
      note.load("content");
      proxies.push([key(m.sheet, m.address), note]);
    }
    return () => {
      for (const [k, note] of proxies) seen.set(k, note.isNullObject ? null : note.content);
    };
  }

  async loadState(): Promise<WorkbookState> {
    return this.state ?? this.fetchState();
  }

  /**
   * Read our state part (one sync; a second only when several parts exist). With `withNotes`, for a write that
   * follows, the same batch loads the sheet list and the notes at the cells marked as last known (see
   * queueNoteLoads).
   */
  private async fetchState(withNotes = false): Promise<WorkbookState> {
    this.seenNotes = null;
    const seen = new Map<string, string | null>();
    const speculate = withNotes && !this.readOptions.listFirst;
    const read = await this.run(async (context) => {
      const scope = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
      scope.load("items/id");
      const only = scope.getOnlyItemOrNullObject();
      const xml = only.getXml();
      const collectNotes = speculate ? this.queueNoteLoads(context, seen) : null;
      // A write follows: which sheets exist (marks on a deleted sheet are dropped) comes from this batch too.
      const sheets = withNotes ? context.workbook.worksheets : null;
      sheets?.load("items/name,items/id");
      await context.sync();
      collectNotes?.();
      if (sheets) this.sheetIds = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
      const ids = scope.items.map((p) => p.id);
      // getXml() returns a ClientResult: its value is filled by the sync, there is nothing to load.
      // eslint-disable-next-line office-addins/load-object-before-read
      if (ids.length <= 1) return { ids, xml: only.isNullObject ? null : xml.value };
      const first = context.workbook.customXmlParts.getItem(ids[0]).getXml();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- ClientResult, see above
      return { ids, xml: first.value };
    });
    this.partIds = read.ids;
    this.state = stateFromXml(read.xml);
    if (speculate) this.seenNotes = seen;
    return this.state;
  }

  async saveState(state: WorkbookState): Promise<void> {
    await this.guarded(() =>
      this.run(async (context) => {
        const ids = await this.knownPartIds(context);
        this.queueStateWrite(context, ids, state);
        await context.sync();
      }),
    );
    this.state = state;
  }

  /** Our part ids: as last seen, or one sync to list them. */
  private async knownPartIds(context: Excel.RequestContext): Promise<string[]> {
    if (this.partIds) return this.partIds;
    const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    return parts.items.map((p) => p.id);
  }

  /** Replace our part(s) by one holding `state`; the new part's id is known after the batch's sync. */
  private queueStateWrite(context: Excel.RequestContext, oldPartIds: string[], state: WorkbookState): void {
    for (const id of oldPartIds) context.workbook.customXmlParts.getItem(id).delete();
    const added = context.workbook.customXmlParts.add(stateToXml(state));
    added.load("id");
    this.partIds = null;
    this.pendingPart = added;
  }

  private pendingPart: Excel.CustomXmlPart | null = null;

  /** After a sync that wrote the state: remember the new part's id. */
  private settleStateWrite(): void {
    if (this.pendingPart) this.partIds = [this.pendingPart.id];
    this.pendingPart = null;
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    this.writing++;
    // Whatever a read saw of the notes may be changed by this write: a later write looks again.
    this.seenNotes = null;
    try {
      return await work();
    } finally {
      // Change events of our writes are delivered asynchronously after the sync; keep the guard up briefly.
      setTimeout(() => {
        this.writing--;
        if (this.writing === 0) this.flushDeferred();
      }, 300);
    }
  }

  private flushDeferred(): void {
    const changes = this.deferred;
    this.deferred = [];
    if (changes.length > 0) for (const l of this.changeListeners) l(changes);
  }

  /**
   * One sync (two with comments): current notes at `noteCells`, fills of `fillCells`, and on hosts without
   * notes our comments at `commentCells`.
   */
  private async capture(
    context: Excel.RequestContext,
    noteCells: { sheet: string; address: string }[],
    fillCells: { sheet: string; address: string }[],
    commentCells: { sheet: string; address: string }[],
  ): Promise<CaptureResult> {
    const noteProxies: [string, Excel.Note][] = [];
    const fillProxies: [string, Excel.RangeFill][] = [];
    for (const c of noteCells) {
      const note = context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(c.address);
      note.load("content");
      noteProxies.push([key(c.sheet, c.address), note]);
    }
    for (const c of fillCells) {
      const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.address);
      // format.fill is a navigation property (a proxy), not data: nothing to load or sync before using it.
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      const fill = range.format.fill;
      if (this.capabilities.fillPattern) fill.load("color,pattern");
      else fill.load("color");
      fillProxies.push([key(c.sheet, c.address), fill]);
    }
    const comments = commentCells.length > 0 ? context.workbook.comments : null;
    comments?.load("items/id,items/content");
    await context.sync();

    const result: CaptureResult = { notes: new Map(), fills: new Map(), comments: new Map() };
    for (const [k, note] of noteProxies) result.notes.set(k, note.isNullObject ? null : note.content);
    for (const [k, fill] of fillProxies) {
      // Without RangeFill.pattern (ExcelApi < 1.15) white is the only answer for "no fill" too.
      const none = this.capabilities.fillPattern ? fill.pattern === "None" : fill.color.toUpperCase() === "#FFFFFF";
      result.fills.set(k, none ? null : fill.color);
    }
    if (comments && comments.items.length > 0) {
      const wanted = new Set(commentCells.map((c) => key(c.sheet, c.address)));
      const locations = comments.items.map((c) => {
        const loc = c.getLocation();
        loc.load("address");
        return loc;
      });
      await context.sync();
      comments.items.forEach((c, i) => {
        const addr = locations[i].address;
        const sheet = addr.slice(0, addr.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
        const k = key(sheet, addr.slice(addr.lastIndexOf("!") + 1).replace(/\$/g, ""));
        if (wanted.has(k)) result.comments.set(k, { id: c.id, content: c.content });
      });
    }
    return result;
  }

  /** Queue restoring one saved cell to its original fill and note. */
  private queueRestore(context: Excel.RequestContext, saved: SavedOriginal, notes: ReadonlyMap<string, string | null>, comments: ReadonlyMap<string, { id: string; content: string }>): void {
    const ws = context.workbook.worksheets.getItem(saved.sheet);
    const range = ws.getRange(saved.address);
    // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- navigation property, see capture()
    const fill = range.format.fill;
    if (saved.fill === null) fill.clear();
    else fill.color = saved.fill;
    const k = key(saved.sheet, saved.address);
    if (saved.messageKind === "note") {
      const current = notes.get(k) ?? null;
      if (saved.note === null) {
        if (current !== null) ws.notes.getItem(saved.address).delete();
      } else if (current === null) {
        ws.notes.add(ws.getRange(saved.address), saved.note);
      } else {
        ws.notes.getItem(saved.address).content = saved.note;
      }
    } else if (saved.messageKind === "comment") {
      const ours = comments.get(k);
      if (ours && ours.content.startsWith(MARK_PREFIX)) context.workbook.comments.getItem(ours.id).delete();
    }
  }

  /**
   * Names of the sheets that exist now: from the last read, or one listing sync when nothing was read yet.
   * Marks on a sheet the user deleted are dropped instead of failing the whole batch on getItem().
   */
  private async presentSheets(context: Excel.RequestContext): Promise<Set<string>> {
    if (this.sheetIds.size > 0) return new Set(this.sheetIds.values());
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id");
    await context.sync();
    for (const ws of sheets.items) this.sheetIds.set(ws.id, ws.name);
    return new Set(sheets.items.map((ws) => ws.name));
  }

  /** The existing sheet of that name (Excel compares names case-insensitively), if the last read saw one. */
  private knownSheet(name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const n of this.sheetIds.values()) if (n.toLowerCase() === lower) return n;
    return undefined;
  }

  async writeResults(write: ResultsWrite): Promise<MarkResult> {
    const state = write.state ?? (await this.loadState());
    // What the read just before saw of our marked cells' notes, when this write follows it; never older.
    const seen = write.afterRead ? this.seenNotes : null;
    let marked = state.marks.length;
    let restored = 0;
    await this.guarded(() =>
      this.run(async (context) => {
        const plan = write.marks !== null ? await this.planMarks(context, state, write.marks, seen) : null;
        if (write.report && this.sheetIds.size === 0) await this.presentSheets(context); // nothing read yet in this session
        const partIds = this.partIds ?? (await this.knownPartIds(context));
        const next = plan ? plan.next : state.marks;
        const newState: WorkbookState = { ...state, marks: next };
        context.application.suspendApiCalculationUntilNextSync();
        // Order matters if the batch stops at a failing operation (operations before it stay applied): restores
        // first (a stop leaves them listed in the old state, so the next run restores them again), then the new
        // state, then the marks (a stop leaves new cells listed with their true originals, never marked unlisted).
        plan?.queueRestores();
        this.queueStateWrite(context, partIds, newState);
        plan?.queueMarks();
        if (write.report) this.queueReport(context, write.report, write.activateReport);
        await context.sync();
        this.settleStateWrite();
        if (write.report) this.rememberSheet(REPORT_SHEET);
        this.state = newState;
        marked = next.length;
        restored = plan?.restored ?? 0;
      }),
    );
    return { marked, restored };
  }

  async writeMarks(marks: CellMark[]): Promise<MarkResult> {
    return this.writeResults({ marks, report: null, activateReport: false });
  }

  async writeReport(report: ReportSheet, activate: boolean): Promise<void> {
    await this.writeResults({ marks: null, report, activateReport: activate });
  }

  /** A sheet we created: later writes in this session find it without a new read. */
  private rememberSheet(name: string): void {
    // Only into a known sheet list: an empty list means "not read yet" (presentSheets lists them then).
    if (this.sheetIds.size > 0 && !this.knownSheet(name)) this.sheetIds.set(`new:${name}`, name);
  }

  /**
   * Plan the marks: cells no longer marked go back to how they were, cells still marked keep their saved
   * original, new cells have theirs saved. Restoring and re-marking need only the saved state and the current
   * note at the cell (`seen`, from the read this write follows); one capture sync is made only for what is not
   * known that way: fills and notes of newly marked cells, notes not seen, and comments (hosts without notes).
   * Returns the new saved originals and two queueing steps, so the caller orders them around the state write.
   */
  private async planMarks(
    context: Excel.RequestContext,
    state: WorkbookState,
    marks: CellMark[],
    seen: ReadonlyMap<string, string | null> | null,
  ): Promise<{ next: SavedOriginal[]; restored: number; queueRestores: () => void; queueMarks: () => void }> {
    // One mark per cell (src/app's cellMarks already merges; a caller passing raw marks still gets one per cell).
    const byCell = new Map<string, CellMark>();
    for (const m of marks) {
      const k = key(m.sheet, m.address);
      const prev = byCell.get(k);
      if (!prev) byCell.set(k, { ...m });
      else {
        prev.severity = prev.severity === "error" || m.severity === "error" ? "error" : "warning";
        prev.message = `${prev.message}\n${m.message}`;
      }
    }
    const present = await this.presentSheets(context);
    const kept = state.marks.filter((s) => present.has(s.sheet));
    for (const k of [...byCell.keys()]) if (!present.has(byCell.get(k)!.sheet)) byCell.delete(k);
    const savedByKey = new Map(kept.map((s) => [key(s.sheet, s.address), s]));
    const restores = kept.filter((s) => !byCell.has(key(s.sheet, s.address)));
    const fresh = [...byCell.values()].filter((m) => !savedByKey.has(key(m.sheet, m.address)));

    // The current note is needed where we write one (every marked cell) and where we restore one of ours.
    const notes = new Map<string, string | null>();
    const unseen: { sheet: string; address: string }[] = [];
    if (this.capabilities.notes) {
      for (const c of [...restores.filter((s) => s.messageKind === "note"), ...byCell.values()]) {
        const k = key(c.sheet, c.address);
        if (seen?.has(k)) notes.set(k, seen.get(k)!);
        else unseen.push(c);
      }
    }
    const commentCells = this.capabilities.notes ? [] : [...restores.filter((s) => s.messageKind === "comment"), ...byCell.values()];
    const cap = unseen.length > 0 || fresh.length > 0 || commentCells.length > 0 ? await this.capture(context, unseen, fresh, commentCells) : null;
    for (const [k, v] of cap?.notes ?? []) notes.set(k, v);
    const comments = cap?.comments ?? new Map<string, { id: string; content: string }>();

    const next: SavedOriginal[] = [];
    for (const [k, m] of byCell) {
      const prior = savedByKey.get(k);
      const saved: SavedOriginal = prior
        ? { ...prior }
        : { sheet: m.sheet, address: m.address, fill: cap?.fills.get(k) ?? null, note: this.capabilities.notes ? (notes.get(k) ?? null) : null, messageKind: "none" };
      if (this.capabilities.notes) saved.messageKind = "note";
      else {
        const existing = comments.get(k);
        // A user's own comment is left alone (the fill still marks the cell).
        if (!existing || existing.content.startsWith(MARK_PREFIX)) saved.messageKind = "comment";
      }
      next.push(saved);
    }
    const queueRestores = (): void => {
      for (const saved of restores) this.queueRestore(context, saved, notes, comments);
    };
    const queueMarks = (): void => {
      for (const m of byCell.values()) {
        const k = key(m.sheet, m.address);
        const ws = context.workbook.worksheets.getItem(m.sheet);
        ws.getRange(m.address).format.fill.color = MARK_FILL[m.severity];
        const text = noteText(m.message);
        if (this.capabilities.notes) {
          if ((notes.get(k) ?? null) === null) ws.notes.add(ws.getRange(m.address), text);
          else ws.notes.getItem(m.address).content = text;
        } else {
          const existing = comments.get(k);
          if (!existing) context.workbook.comments.add(qualified(m.sheet, m.address), text);
          else if (existing.content.startsWith(MARK_PREFIX)) context.workbook.comments.getItem(existing.id).content = text;
        }
      }
    };
    return { next, restored: restores.length, queueRestores, queueMarks };
  }

  /**
   * One read (the state part, the sheet list and the notes at the cells marked as last known) and one write;
   * 1 capture more when nothing in this session had read the state before (which cells were marked is known
   * only after the read).
   */
  async clearMarks(): Promise<number> {
    const state = await this.fetchState(true);
    if (state.marks.length === 0) return 0;
    return (await this.writeResults({ marks: [], report: null, activateReport: false, state, afterRead: true })).restored;
  }

  /** Our own sheet, emptied (when the last read saw it) or created at the end; queued, no sync. */
  private ownSheet(context: Excel.RequestContext, name: string, replace = true): Excel.Worksheet {
    const existing = this.knownSheet(name);
    if (!existing) return context.workbook.worksheets.add(name);
    const ws = context.workbook.worksheets.getItem(existing);
    if (replace) ws.getRange().clear("All");
    return ws;
  }

  private queueReport(context: Excel.RequestContext, report: ReportSheet, activate: boolean): void {
    const ws = this.ownSheet(context, REPORT_SHEET);
    context.application.suspendApiCalculationUntilNextSync();
    const width = report.headers.length;
    const pad = (line: (string | number | null)[]): (string | number)[] => {
      const out = line.map((v) => (v === null ? "" : typeof v === "string" ? asCellText(v) : v));
      while (out.length < width) out.push("");
      return out;
    };
    const grid: (string | number)[][] = [pad([report.summary]), pad(report.headers)];
    for (const r of report.rows) {
      grid.push(pad([r.severity, r.rule, r.table, `${r.sheet}!${r.address}`, r.expected, r.actual, r.difference, r.message, r.explained]));
    }
    const all = ws.getRangeByIndexes(0, 0, grid.length, width);
    // Text columns as Text format so nothing typed later turns into a number or date either.
    all.numberFormat = grid.map((line) => line.map((v) => (typeof v === "number" ? "0.00" : "@")));
    all.values = grid;
    report.rows.forEach((r, i) => {
      ws.getRangeByIndexes(i + 2, 3, 1, 1).hyperlink = { documentReference: qualified(r.sheet, r.address), screenTip: `${r.sheet}!${r.address}` };
    });
    ws.getRangeByIndexes(1, 0, 1, width).format.font.bold = true;
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    ws.freezePanes.freezeRows(2);
    if (activate) ws.activate();
  }

  async writeNarrative(write: NarrativeWrite): Promise<void> {
    await this.guarded(() =>
      this.run(async (context) => {
        if (this.sheetIds.size === 0) await this.presentSheets(context); // nothing read yet in this session
        const ws = write.replace ? this.ownSheet(context, write.sheet || NARRATIVE_SHEET) : context.workbook.worksheets.add(write.sheet);
        if (write.paragraphs.length > 0) {
          const range = ws.getRangeByIndexes(0, 0, write.paragraphs.length, 1);
          range.numberFormat = write.paragraphs.map(() => ["@"]);
          range.values = write.paragraphs.map((p) => [asCellText(p)]);
          range.format.wrapText = true;
          range.format.columnWidth = 600;
        }
        ws.activate();
        const ids = this.partIds ?? (await this.knownPartIds(context));
        this.queueStateWrite(context, ids, write.state);
        await context.sync();
        this.settleStateWrite();
        this.rememberSheet(write.sheet);
        this.state = write.state;
      }),
    );
  }

  async writeInputsSheet(edit: InputsSheetEdit): Promise<void> {
    if (edit.rows.length === 0) return;
    await this.guarded(() =>
      this.run(async (context) => {
        // The caller planned from a fresh snapshot: a sheet created meanwhile makes add() fail, never overwrite.
        const ws = edit.create ? context.workbook.worksheets.add(edit.sheet) : context.workbook.worksheets.getItem(edit.sheet);
        const width = Math.max(...edit.rows.map((r) => r.length));
        const grid = edit.rows.map((line) => {
          const out = line.map((v) => (typeof v === "string" ? asCellText(v) : v));
          while (out.length < width) out.push("");
          return out;
        });
        const range = ws.getRangeByIndexes(edit.row, edit.col, grid.length, width);
        // Text as Text format (nothing turns into a number, date or formula); numbers and blanks stay General
        // so what the user types into an empty 内容 cell is read as a number.
        range.numberFormat = edit.rows.map((line) => grid[0].map((_, c) => (typeof line[c] === "string" && line[c] !== "" ? "@" : "General")));
        range.values = grid;
        if (edit.create) {
          ws.getRangeByIndexes(0, edit.col, 1, width).format.font.bold = true;
          [24, 30, 60].slice(0, width).forEach((w, c) => (ws.getRangeByIndexes(0, edit.col + c, 1, 1).format.columnWidth = w * 7));
        }
        ws.activate();
        await context.sync();
      }),
    );
  }

  async selectCells(sheet: string, addresses: string[]): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      // Several cells of one sheet: one multi-area selection (RangeAreas), so 定位 shows every cell that took part.
      if (addresses.length > 1) ws.getRanges(addresses.join(",")).select();
      else ws.getRange(addresses[0]).select();
      await context.sync();
    });
  }

  async onChanged(listener: (changes: CellChange[]) => void): Promise<() => Promise<void>> {
    // Our own writes never count as edits: values we write only go to our own sheets (dropped here), and
    // fills/notes raise no onChanged. A user edit arriving while we write is held back and delivered after.
    const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      const sheet = this.sheetIds.get(args.worksheetId) ?? "";
      if (sheet === REPORT_SHEET || sheet === NARRATIVE_SHEET) return;
      const change = { sheet, address: args.address };
      if (this.writing > 0) this.deferred.push(change);
      else listener([change]);
    };
    this.changeListeners.add(listener);
    const registration = await this.run(async (context) => {
      const reg = context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
      return reg;
    });
    return async () => {
      this.changeListeners.delete(listener);
      // Removal must happen in the context the handler was added in.
      registration.remove();
      await registration.context.sync();
    };
  }
}
