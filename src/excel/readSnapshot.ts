/**
 * Read the whole workbook into a WorkbookSnapshot with as few round trips as Office.js allows.
 *
 * The sheet list is not known before a sync, so we do not ask for it: we queue a speculative chain
 * `getFirst() → getNextOrNullObject() → …` of `chainLength` worksheets, each with its used range's
 * address/values/numberFormat/formulas loaded, and ONE context.sync() returns everything. Links past the
 * last sheet are null objects and cost nothing. Only a workbook with more sheets than the chain needs a
 * second sync (the chain's successor tells us). Reading is therefore 1 sync for ordinary workbooks.
 * This relies on Office.js null-object propagation (a method of a null object yields a null object); a host
 * that refuses it fails that one read-only batch, and we fall back to listing the sheets first (2 syncs).
 *
 * Excel on the web refuses responses above 5 MB. When the one-shot read is refused we fall back to: one
 * sync for the used-range sizes, then row blocks of all sheets packed into as few syncs as the budget
 * allows (never a sync per sheet); a block batch that is still refused is split in half and retried.
 */
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../core/workbook/snapshot";
import { fromA1, toA1 } from "../core/workbook/snapshot";
import { STATE_NAMESPACE } from "../app/state";

export interface ReadOptions {
  /** Sheets queued per sync in the speculative chain. */
  chainLength?: number;
  /** Estimated response bytes allowed per block batch in the fallback path. */
  batchBudgetBytes?: number;
  /** Skip the speculative chain (the host refused it before). */
  listFirst?: boolean;
  /** Also read our state part (custom XML) in the same round trip. */
  withState?: boolean;
  /** Read merged areas too (ExcelApi 1.13): header labels spanning columns read as the other hosts read them. */
  withMerges?: boolean;
  /**
   * More loads for the batch that reads the sheets (e.g. the notes at cells we marked): `queue` is called while
   * that batch is built, with the names of the sheets that exist when the path knows them (otherwise the loads
   * must be null-object safe); the function it returns runs after the batch's sync succeeded.
   */
  alsoLoad?: (context: Excel.RequestContext, present?: ReadonlySet<string>) => () => void;
}

/** Our custom XML state part as read with the snapshot. */
export interface StateRead {
  /** Content of the part (the first one when several exist), or null when there is none. */
  xml: string | null;
  /** Ids of every part in our namespace, so a write can replace them. */
  partIds: string[];
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** Worksheet id → name, to map change events (which carry ids) back to sheets. */
  sheetIds: Map<string, string>;
  /** Round trips used, for the sync budget tests and diagnostics. */
  syncs: number;
  /** True when the payload limit forced the block-wise path. */
  blockwise: boolean;
  /** True when the host refused the speculative chain and sheets were listed first (2 syncs). */
  listed: boolean;
  /** The state part, when asked for with `withState`. */
  state?: StateRead;
}

/**
 * Queue the read of our state part into the current batch: the part ids plus, speculatively, the XML of the
 * only part (a null object when there is none, which costs nothing). Read the answer after the sync.
 */
function queueState(context: Excel.RequestContext): () => { ids: string[]; xml: string | null } {
  const scope = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  scope.load("items/id");
  const only = scope.getOnlyItemOrNullObject();
  const xml = only.getXml();
  // Called after the batch's sync; getXml() gives a ClientResult, filled by that sync with nothing to load.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  return () => ({ ids: scope.items.map((p) => p.id), xml: only.isNullObject ? null : xml.value });
}

/** The first part's XML by id (one sync): for a workbook holding several parts, or a host refusing null objects. */
async function readStateById(context: Excel.RequestContext, ids: string[], counter: { syncs: number }): Promise<string | null> {
  if (ids.length === 0) return null;
  const xml = context.workbook.customXmlParts.getItem(ids[0]).getXml();
  await context.sync();
  counter.syncs++;
  // eslint-disable-next-line office-addins/load-object-before-read -- ClientResult, filled by the sync
  return xml.value;
}

// Long enough for any real workbook in one sync: links past the last sheet are null objects and cost next to nothing.
const DEFAULT_CHAIN = 256;
const DEFAULT_BUDGET = 3_000_000;
// Rough JSON size of one cell across values + numberFormat + formulas, used only to pack blocks.
const BYTES_PER_CELL = 60;

interface SheetMeta {
  name: string;
  id: string;
  visibility: SheetVisibility;
  /** Used range in zero-based absolute coordinates, or null for an empty sheet. */
  used: { top: number; left: number; rows: number; cols: number } | null;
}

interface SheetData {
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  /** Merged areas as Excel reports them ("'S'!A1:B2,'S'!C1:D1"), when read. */
  merged?: string | null;
}

/** "'My sheet'!A1:B2,'My sheet'!C3:D3" → zero-based inclusive rectangles (sheet names may hold commas). */
export function parseMergedAreas(address: string | null | undefined): { top: number; left: number; bottom: number; right: number }[] {
  if (!address) return [];
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')*'|[^,!']+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
    const a = fromA1(`${m[1]}${m[2]}`);
    const b = fromA1(`${m[3] ?? m[1]}${m[4] ?? m[2]}`);
    if (a && b) out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return out;
}

/** Is this the Excel-on-the-web payload refusal (request or response above the limit)? */
export function isPayloadLimitError(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (!err) return false;
  return /PayloadSizeLimitExceeded/i.test(err.code ?? "") || /payload size/i.test(err.message ?? "");
}

/** Split "Sheet1!B2:F30" / "'My sheet'!B2" into the zero-based top-left and size. */
export function parseRangeAddress(address: string): { top: number; left: number; rows: number; cols: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [a, b] = local.split(":");
  const start = fromA1(a);
  const end = fromA1(b ?? a);
  if (!start || !end) throw new Error(`Unexpected range address from Excel: ${address}`);
  return { top: start.row, left: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

function normaliseValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

function toSheetSnapshot(meta: SheetMeta, data: SheetData | null): SheetSnapshot {
  if (!meta.used || !data) {
    return { name: meta.name, visibility: meta.visibility, origin: { row: 0, col: 0 }, values: [], numberFormats: [], formulas: [] };
  }
  return {
    name: meta.name,
    visibility: meta.visibility,
    origin: { row: meta.used.top, col: meta.used.left },
    values: data.values.map((line) => line.map(normaliseValue)),
    numberFormats: data.numberFormat.map((line) => line.map((f) => (typeof f === "string" ? f : null))),
    // Excel reports constants in `formulas` too; only text starting with "=" is a formula.
    formulas: data.formulas.map((line) => line.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))),
    ...(data.merged !== undefined ? { merges: parseMergedAreas(data.merged) } : {}),
  };
}

/** Office reports "Visible" | "Hidden" | "VeryHidden"; the snapshot uses lower camel case. */
function visibilityOf(v: string): SheetVisibility {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

type ChainLink = { ws: Excel.Worksheet; used: Excel.Range; merged?: Excel.RangeAreas };

/** Queue the used range's merged areas (null object when none, or on a null range). */
function queueMerged(used: Excel.Range, withMerges: boolean | undefined): Excel.RangeAreas | undefined {
  if (!withMerges) return undefined;
  const merged = used.getMergedAreasOrNullObject();
  merged.load("address");
  return merged;
}

/**
 * Queue `count` worksheets starting at `first` (a proxy), each with its used range loaded,
 * plus the successor of the last one so we know whether more sheets exist.
 * `withData` adds values/numberFormat/formulas to the used range's address.
 */
function queueChain(first: Excel.Worksheet, count: number, withData: boolean, withMerges?: boolean): { links: ChainLink[]; after: Excel.Worksheet } {
  const links: ChainLink[] = [];
  let ws = first;
  for (let i = 0; i < count; i++) {
    if (i > 0) ws = ws.getNextOrNullObject();
    ws.load("name,id,visibility");
    const used = ws.getUsedRangeOrNullObject(true);
    if (withData) used.load("address,values,numberFormat,formulas");
    else used.load("address");
    links.push({ ws, used, merged: queueMerged(used, withData && withMerges) });
  }
  const after = ws.getNextOrNullObject();
  after.load("name");
  return { links, after };
}

function collectChain(links: ChainLink[], withData: boolean, metas: SheetMeta[], datas: (SheetData | null)[]): boolean {
  for (const link of links) {
    const { ws, used } = link;
    if (ws.isNullObject) return false;
    const meta: SheetMeta = {
      name: ws.name,
      id: ws.id,
      visibility: visibilityOf(ws.visibility),
      used: used.isNullObject ? null : parseRangeAddress(used.address),
    };
    metas.push(meta);
    const merged = link.merged ? (link.merged.isNullObject ? null : link.merged.address) : undefined;
    datas.push(withData && !used.isNullObject ? { values: used.values, numberFormat: used.numberFormat, formulas: used.formulas, ...(merged !== undefined ? { merged } : {}) } : null);
  }
  return true;
}

/**
 * Safe path for a host that refuses calls on null objects: list the sheets (sync 1), then load every used
 * range in one batch (sync 2).
 */
async function readListed(
  context: Excel.RequestContext,
  withData: boolean,
  counter: { syncs: number },
  state?: StateSink,
  alsoLoad?: ReadOptions["alsoLoad"],
): Promise<{ metas: SheetMeta[]; datas: (SheetData | null)[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const scope = state ? context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE) : null;
  scope?.load("items/id");
  await context.sync();
  counter.syncs++;
  // No null objects on this path: the state part is read by id in the same batch as the used ranges.
  const ids = scope ? scope.items.map((p) => p.id) : [];
  const xml = state && ids.length > 0 ? context.workbook.customXmlParts.getItem(ids[0]).getXml() : null;
  const links = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    if (withData) used.load("address,values,numberFormat,formulas");
    else used.load("address");
    return { ws, used };
  });
  const collectExtra = alsoLoad?.(context, new Set(sheets.items.map((ws) => ws.name)));
  await context.sync();
  counter.syncs++;
  collectExtra?.();
  if (state) {
    state.result = { partIds: ids, xml: xml ? xml.value : null };
    state.needsById = false;
  }
  const metas: SheetMeta[] = [];
  const datas: (SheetData | null)[] = [];
  collectChain(links, withData, metas, datas);
  return { metas, datas };
}

/** Walk all sheets with speculative chains; one sync per `chainLength` sheets. */
async function readChains(
  context: Excel.RequestContext,
  chainLength: number,
  withData: boolean,
  counter: { syncs: number },
  state?: StateSink,
  withMerges?: boolean,
  alsoLoad?: ReadOptions["alsoLoad"],
): Promise<{ metas: SheetMeta[]; datas: (SheetData | null)[] }> {
  const metas: SheetMeta[] = [];
  const datas: (SheetData | null)[] = [];
  let start: Excel.Worksheet = context.workbook.worksheets.getFirst();
  let stateAnswer = state ? queueState(context) : null;
  let collectExtra = alsoLoad ? alsoLoad(context) : null;
  for (;;) {
    const { links, after } = queueChain(start, chainLength, withData, withMerges);
    counter.syncs++; // counted even when refused: it was a round trip
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chainLength sheets, normally exactly one
    await context.sync();
    if (stateAnswer && state) {
      const { ids, xml } = stateAnswer();
      state.result = { partIds: ids, xml: ids.length > 1 ? null : xml };
      state.needsById = ids.length > 1;
      stateAnswer = null;
    }
    collectExtra?.();
    collectExtra = null;
    const complete = collectChain(links, withData, metas, datas);
    if (complete && !after.isNullObject) {
      start = context.workbook.worksheets.getItem(after.name);
      continue;
    }
    return { metas, datas };
  }
}

/** Where a reader path leaves the state part it read. */
interface StateSink {
  result?: StateRead;
  /** Several parts exist: the speculative read gave none, read the first by id. */
  needsById?: boolean;
}

interface Block {
  sheet: number;
  top: number; // zero-based absolute row
  rows: number;
}

function blocksFor(metas: SheetMeta[], budget: number): Block[] {
  const blocks: Block[] = [];
  metas.forEach((m, i) => {
    if (!m.used) return;
    const rowsPerBlock = Math.max(1, Math.floor(budget / (BYTES_PER_CELL * Math.max(1, m.used.cols))));
    for (let r = 0; r < m.used.rows; r += rowsPerBlock) {
      blocks.push({ sheet: i, top: m.used.top + r, rows: Math.min(rowsPerBlock, m.used.rows - r) });
    }
  });
  return blocks;
}

/** Pack blocks into batches whose estimated size stays under the budget. */
function packBatches(metas: SheetMeta[], blocks: Block[], budget: number): Block[][] {
  const batches: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const b of blocks) {
    const bytes = b.rows * metas[b.sheet].used!.cols * BYTES_PER_CELL;
    if (current.length > 0 && size + bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function readBlockwise(
  context: Excel.RequestContext,
  metas: SheetMeta[],
  budget: number,
  counter: { syncs: number },
): Promise<(SheetData | null)[]> {
  const datas: (SheetData | null)[] = metas.map((m) => (m.used ? { values: [], numberFormat: [], formulas: [] } : null));
  const pending: Block[][] = packBatches(metas, blocksFor(metas, budget), budget);
  const done: { block: Block; data: SheetData }[] = [];
  while (pending.length > 0) {
    const batch = pending.shift()!;
    const ranges = batch.map((b) => {
      const m = metas[b.sheet];
      const u = m.used!;
      const address = `${toA1(b.top, u.left)}:${toA1(b.top + b.rows - 1, u.left + u.cols - 1)}`;
      return context.workbook.worksheets.getItem(m.name).getRange(address).load("values,numberFormat,formulas");
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per packed batch of blocks across all sheets
      await context.sync();
      counter.syncs++;
    } catch (e) {
      counter.syncs++;
      if (!isPayloadLimitError(e)) throw e;
      // Still too big (long texts): split every block of this batch in two and try again.
      const split: Block[] = [];
      for (const b of batch) {
        if (b.rows === 1) {
          // Keeps the host's code, so the user is told what to do (src/excel/errors.ts) rather than shown this text.
          throw Object.assign(new Error(`Row ${b.top + 1} of sheet ${metas[b.sheet].name} is larger than the host's payload limit.`), { code: "ResponsePayloadSizeLimitExceeded" });
        }
        const half = Math.ceil(b.rows / 2);
        split.push({ sheet: b.sheet, top: b.top, rows: half }, { sheet: b.sheet, top: b.top + half, rows: b.rows - half });
      }
      pending.unshift(...split.map((b) => [b]));
      continue;
    }
    batch.forEach((block, i) => done.push({ block, data: { values: ranges[i].values, numberFormat: ranges[i].numberFormat, formulas: ranges[i].formulas } }));
  }
  done.sort((a, b) => a.block.sheet - b.block.sheet || a.block.top - b.block.top);
  for (const { block, data } of done) {
    const target = datas[block.sheet]!;
    target.values.push(...data.values);
    target.numberFormat.push(...data.numberFormat);
    target.formulas.push(...data.formulas);
  }
  return datas;
}

/** Read every worksheet (visible or not) into a snapshot. */
export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadResult> {
  const chainLength = Math.max(1, options.chainLength ?? DEFAULT_CHAIN);
  const budget = options.batchBudgetBytes ?? DEFAULT_BUDGET;
  const counter = { syncs: 0 };
  let metas: SheetMeta[];
  let datas: (SheetData | null)[];
  let blockwise = false;
  let listed = options.listFirst ?? false;
  const stateSink: StateSink | undefined = options.withState ? {} : undefined;
  const readAll = async (withData: boolean) => {
    if (!listed) {
      try {
        return await readChains(context, chainLength, withData, counter, stateSink, options.withMerges, options.alsoLoad);
      } catch (e) {
        if (isPayloadLimitError(e)) throw e;
        // Some host refused the speculative chain (a call on a null object): use the two-sync listing from now on.
        listed = true;
      }
    }
    return readListed(context, withData, counter, stateSink, options.alsoLoad);
  };
  try {
    ({ metas, datas } = await readAll(true));
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    blockwise = true;
    ({ metas } = await readAll(false));
    datas = await readBlockwise(context, metas, budget, counter);
  }
  let state: StateRead | undefined;
  if (stateSink) {
    state = stateSink.result ?? { partIds: [], xml: null };
    if (stateSink.needsById) state = { partIds: state.partIds, xml: await readStateById(context, state.partIds, counter) };
  }
  const sheets = metas.map((m, i) => toSheetSnapshot(m, datas[i]));
  return {
    snapshot: { sheets },
    sheetIds: new Map(metas.map((m) => [m.id, m.name])),
    syncs: counter.syncs,
    blockwise,
    listed,
    ...(state ? { state } : {}),
  };
}
