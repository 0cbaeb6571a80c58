/**
 * Recognition: find every catalogued 财决 table in a workbook snapshot by its title, sheet name, header and row
 * labels/codes — never by fixed addresses — and read it into TableViews. Never throws on odd input.
 */
import { TABLE_DEFS } from "../catalog/tables";
import { builtinClassCode } from "../catalog/classes";
import { classCodeByName as bookClassCode, subjectCode as bookSubjectCode, subjectName as bookSubjectName } from "../subjects";
import type { TableDef } from "../catalog/schema";
import type { Unit } from "../catalog/vocabulary";
import type { SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { toA1 } from "../workbook/snapshot";
import { unreadableCells } from "./cell";
import { parseCoded } from "./coded";
import { continues, mergeContinuation, readHeaderless } from "./continuation";
import { Grid } from "./grid";
import { parseItems, parseMatrix } from "./items";
import { looksLikeTitle, saysEmpty, sheetHintDefs, textHintDefs, titleHits, titleUnitYear, unitIn, unitNameIn, yearIn, type TitleHit } from "./meta";

import { itemMatcher, type ParseContext, type ParseOutcome, type Region } from "./parse-common";
import { parseTwoSided } from "./two-sided";
import type { MetaSource, RecognitionIssue, RecognitionResult, TableView } from "./types";
import { matchText, rowLabelKey } from "../text/keys";

export type { RecognitionResult, TableView, RowView, CellRef, ColumnView, RecognitionIssue, MetaSource } from "./types";
export { tableOf, cellOf } from "./types";

export interface RecognizeOptions {
  /** Accounting year, when known from outside (overrides the year read from titles). */
  year?: number;
  /** 类 name → 3-digit code; defaults to the subjects code book, then a built-in table of 类 names. */
  classCodeByName?: (label: string, year?: number) => string | undefined;
  /**
   * Subject name → code under a parent 类/款 (tables that print names with indentation only, no codes);
   * defaults to the subjects code book.
   */
  subjectCodeByName?: (name: string, parent: string | undefined, year?: number) => string | undefined;
  /** Code → subject name for the year (completes names cut short by a line wrap); defaults to the subjects code book. */
  subjectNameByCode?: (code: string, year?: number) => string | undefined;
  /** Catalogue to use (defaults to the built-in one; a province's extra variants can be appended). */
  catalog?: readonly TableDef[];
}

/** Sheets that hold something else than tables and are ignored on purpose. */
const RULES_SHEET = /^审核公式/u;

interface Candidate {
  def: TableDef;
  title: number;
  hint: boolean;
}

interface Scored {
  def: TableDef;
  outcome: ParseOutcome;
  score: number;
  confidence: number;
  empty: boolean;
  accepted: boolean;
  /** Found by title or sheet hint (not by its shape alone). */
  identified: boolean;
}

function parseWith(ctx: ParseContext): ParseOutcome | undefined {
  switch (ctx.def.layout) {
    case "coded":
      return parseCoded(ctx);
    case "two-sided":
      return parseTwoSided(ctx);
    case "items":
      return parseItems(ctx);
    case "matrix-items":
      return parseMatrix(ctx) ?? parseItems(ctx);
  }
}

/** Rows holding title hits, merged when a title spans two close rows (e.g. 「收入支出决算总表」 + 「（财决01表）」). */
interface TitleRow {
  row: number;
  hits: TitleHit[];
  /** The title as printed (first matching cell). */
  text: string;
  /** All texts of the title rows, normalised (table numbers such as 「财决08-1表」 sit beside the title). */
  all: string;
  /** Title cells of tables placed side by side in this row, left to right. */
  side?: TitleCell[];
}

interface TitleCell {
  col: number;
  hits: TitleHit[];
  text: string;
}

function bestKind(hits: TitleHit[]): string {
  let best = hits[0];
  for (const h of hits) if (h.length > best.length) best = h;
  return best.def.kind;
}

/** Right edge of a side-by-side table: its merged title's end, else the last column before an empty one. */
function sideBoundary(g: Grid, row: number, from: TitleCell, next: TitleCell): number {
  const m = g.mergeAt(row, from.col);
  if (m && m.right < next.col) return m.right;
  for (let c = from.col + 1; c < next.col; c++) {
    let empty = true;
    for (let r = row + 1; r <= Math.min(g.bottom, row + 12) && empty; r++) empty = g.norm(r, c) === "";
    if (empty) return c - 1;
  }
  return next.col - 1;
}

function rowTexts(g: Grid, r: number): string {
  let out = "";
  for (let c = g.left; c <= g.right; c++) {
    const t = g.norm(r, c);
    if (t) out += (out ? " " : "") + t;
  }
  return out;
}

function findTitleRows(g: Grid, defs: readonly TableDef[]): TitleRow[] {
  const found: TitleRow[] = [];
  for (let r = g.top; r <= g.bottom; r++) {
    const line = g.line(r);
    if (!line) continue;
    // most rows hold no 表 at all: no array is made for them
    let hits: TitleHit[] | undefined;
    let text = "";
    let cells: TitleCell[] | undefined;
    for (let i = 0; i < line.length; i++) {
      const v = line[i];
      if (typeof v !== "string" || !v.includes("表")) continue;
      const t = g.norm(r, g.left + i);
      if (!looksLikeTitle(t)) continue;
      const h = titleHits(t, defs);
      if (h.length > 0) {
        hits = hits === undefined ? h.slice() : hits.concat(h);
        text = text || v.trim();
        (cells ??= []).push({ col: g.left + i, hits: h, text: v.trim() });
      }
    }
    if (hits === undefined || cells === undefined) continue;
    // Two different tables titled side by side in one row: each gets its own columns.
    if (cells.length >= 2 && new Set(cells.map((c) => bestKind(c.hits))).size >= 2) {
      found.push({ row: r, hits, text, all: rowTexts(g, r), side: cells });
      continue;
    }
    const prev = found[found.length - 1];
    if (prev && !prev.side && r - prev.row <= 3 && rowsBetweenSparse(g, prev.row, r)) {
      prev.hits = prev.hits.concat(hits);
      for (let k = prev.row + 1; k <= r; k++) prev.all += " " + rowTexts(g, k);
    } else {
      // Rows just above the title often carry the table number (「附表1」「财决01表」).
      const above = r > g.top ? rowTexts(g, r - 1) : "";
      found.push({ row: r, hits, text, all: `${above} ${rowTexts(g, r)}` });
    }
  }
  return found;
}

function rowsBetweenSparse(g: Grid, a: number, b: number): boolean {
  for (let r = a + 1; r < b; r++) {
    let n = 0;
    for (let c = g.left; c <= g.right; c++) if (g.value(r, c) !== null && g.norm(r, c) !== "") n++;
    if (n >= 3) return false;
  }
  return true;
}

function bestTitleScores(hits: TitleHit[]): Map<TableDef, number> {
  const max = Math.max(0, ...hits.map((h) => h.length));
  const out = new Map<TableDef, number>();
  for (const h of hits) {
    const s = h.length === max ? 1 : 0.6;
    out.set(h.def, Math.max(out.get(h.def) ?? 0, s));
  }
  return out;
}

function textRows(g: Grid, top: number, bottom: number, left: number, right: number): { norm: string; raw: string; row: number }[] {
  const out: { norm: string; raw: string; row: number }[] = [];
  for (let r = Math.max(top, g.top); r <= Math.min(bottom, g.bottom); r++) {
    for (let c = left; c <= right; c++) {
      const v = g.value(r, c);
      if (typeof v === "string" && v.trim()) out.push({ norm: g.norm(r, c), raw: v, row: r });
    }
  }
  return out;
}

/** A title-like cell (「…表」) in the first rows of the region, naming a table not in the catalogue. */
function hasUnknownTitle(g: Grid, region: Region): boolean {
  for (let r = region.top; r <= Math.min(region.bottom, region.top + 5); r++) {
    for (let c = region.left; c <= region.right; c++) {
      const t = g.norm(r, c);
      if (looksLikeTitle(t) && /表(\(.*\))?$/u.test(t) && !/^(附表|表)[\d一二三四五六七八九十]*$/u.test(t)) return true;
    }
  }
  return false;
}

/** A sentence in the region (below its title) saying the table has no data, with its cell. */
interface EmptyNote {
  row: number;
  col: number;
  text: string;
}

/**
 * The region's 「本表无数据」 note: in the first data row, in a row merged across the table, or in a 注/说明 line
 * below it. Cheap pre-filter (a 无/没 character) before the regex.
 */
/** True when the text holds 无, 没, 空, 涉 or 未 (a character every 「本表无数据」-like note has): a plain scan. */
function hasEmptyWord(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x65e0 || c === 0x6ca1 || c === 0x7a7a || c === 0x6d89 || c === 0x672a) return true;
  }
  return false;
}

function findEmptyNote(g: Grid, region: Region, from: number): EmptyNote | undefined {
  for (let r = Math.max(region.top, from); r <= region.bottom; r++) {
    const line = g.line(r);
    if (!line) continue;
    const from = Math.max(0, region.left - g.left);
    const to = Math.min(line.length, region.right - g.left + 1);
    for (let i = from; i < to; i++) {
      const v = line[i];
      if (typeof v !== "string" || v.length < 3 || !hasEmptyWord(v)) continue;
      const c = g.left + i;
      // A row with figures is a table row whose label happens to read so, not a note.
      if (saysEmpty(g.norm(r, c)) && !line.some((x, j) => j >= from && j < to && typeof x === "number")) return { row: r, col: c, text: v.trim() };
    }
  }
  return undefined;
}

function score(c: Candidate, o: ParseOutcome, empty: boolean): { score: number; confidence: number; accepted: boolean } {
  // Fixed-item tables say little by their shape alone (any list of 合计/小计 rows looks alike): they need a title.
  const needsIdentity = c.def.layout === "items" || c.def.layout === "matrix-items";
  const rowScore = empty ? 1 : o.rowScore;
  const identified = c.title > 0 || c.hint;
  // A table number or sheet hint (Z08_1, 财决08-1表, 附表8) outweighs a longer generic title.
  let s = 0.35 * c.title + 0.15 * (c.hint || c.title >= 1 ? 1 : 0) + 0.25 * (c.hint ? 1 : 0) + 0.3 * o.columnScore + 0.2 * rowScore;
  if (o.wrongSystem) s *= 0.3;
  let accepted: boolean;
  if (identified) accepted = (o.columnScore >= 0.3 || empty) && (o.rows.length > 0 || empty || o.columnScore >= 0.6) && !o.wrongSystem;
  else accepted = !needsIdentity && o.columnScore >= 0.6 && o.rowScore >= 0.5 && s >= 0.45 && !o.wrongSystem;
  // Confidence: a titled table with every column and row found is 1; the hint bonus does not inflate it.
  const conf = 0.35 * Math.max(c.title, c.hint ? 0.8 : 0) + 0.15 * (identified ? 1 : 0) + 0.3 * o.columnScore + 0.2 * rowScore;
  return { score: s, confidence: Math.round(Math.min(1, o.wrongSystem ? conf * 0.3 : conf) * 100) / 100, accepted };
}

const shapeKeys = new WeakMap<TableDef, string>();

/** What a parser reads of a definition (not its title, hints or unit): equal keys give equal outcomes. */
function shapeKey(def: TableDef): string {
  let k = shapeKeys.get(def);
  if (k === undefined) {
    const { layout, codeSystem, classRows, lineKeys, rows, columns, decimals } = def;
    k = JSON.stringify({ layout, codeSystem, classRows, lineKeys, rows, columns, decimals });
    shapeKeys.set(def, k);
  }
  return k;
}

/** The highest score a candidate could reach (every column and row found, right code system). */
function upperScore(c: Candidate): number {
  return 0.35 * c.title + 0.15 * (c.hint || c.title >= 1 ? 1 : 0) + 0.25 * (c.hint ? 1 : 0) + 0.3 + 0.2;
}

interface SheetWork {
  sheet: SheetSnapshot;
  tables: TableView[];
  issues: RecognitionIssue[];
  years: Sourced<number>[];
  unitNames: Sourced<string>[];
  /** Tables whose variant tied with others of the same kind (e.g. national vs Sichuan 收入支出决算总表). */
  ties: Map<TableView, string[]>;
  /** Tables found by their shape alone (no title, no sheet hint): candidates for a continued table. */
  untitled: Set<TableView>;
  reason?: string;
}

interface Lookups {
  classCode: (label: string) => string | undefined;
  subjectByName: (name: string, parent: string | undefined) => string | undefined;
  nameOf: (code: string) => string | undefined;
  /** The code book's name of a code for the year, as printed and normalised (memoised). */
  bookName: (code: string) => { name: string; norm: string } | undefined;
}

/**
 * `cont`: the table the previous sheet ended with. An untitled table here that reads as that table too is
 * preferred (a page the converter split off), so that it can be merged rather than taken for a look-alike.
 */
function recognizeSheet(sheet: SheetSnapshot, defs: readonly TableDef[], lookups: Lookups, cont?: TableView): SheetWork {
  const work: SheetWork = { sheet, tables: [], issues: [], years: [], unitNames: [], ties: new Map(), untitled: new Set() };
  const g = new Grid(sheet);
  if (g.isEmpty || (g.bottom === g.top && g.right === g.left && g.value(g.top, g.left) === null)) {
    work.reason = "empty";
    return work;
  }
  if (RULES_SHEET.test(matchText(sheet.name ?? ""))) {
    work.reason = "rules-sheet";
    return work;
  }
  const titles = findTitleRows(g, defs);
  // A document title above the first table (「上海市××局2024年度部门决算」) names the unit and the year.
  for (let r = g.top; r < Math.min(titles.length > 0 ? titles[0].row : g.top + 3, g.top + 6); r++) {
    for (let c = g.left; c <= Math.min(g.right, g.left + 12); c++) {
      const v = g.value(r, c);
      if (typeof v !== "string" || v.length < 6 || !v.includes("决算")) continue;
      const tu = titleUnitYear(v);
      if (tu.unitName) work.unitNames.push({ value: tu.unitName, source: "title" });
      if (tu.year) work.years.push({ value: tu.year, source: "title" });
    }
  }
  const sheetHits = titleHits(matchText(sheet.name ?? ""), defs);
  const hinted = new Set(sheetHintDefs(sheet.name ?? "", defs));

  const regions: { region: Region; titleRow?: number; title: string; hits: TitleHit[]; all: string }[] = [];
  if (titles.length === 0) {
    regions.push({ region: { top: g.top, bottom: g.bottom, left: g.left, right: g.right }, title: "", hits: [], all: "" });
  } else {
    titles.forEach((t, i) => {
      const bottom = i + 1 < titles.length ? titles[i + 1].row - 1 : g.bottom;
      if (!t.side) {
        regions.push({ region: { top: t.row, bottom, left: g.left, right: g.right }, titleRow: t.row, title: t.text, hits: t.hits, all: t.all });
        return;
      }
      let left = g.left;
      t.side.forEach((cell, k) => {
        const next = t.side![k + 1];
        const right = next ? sideBoundary(g, t.row, cell, next) : g.right;
        regions.push({ region: { top: t.row, bottom, left, right }, titleRow: t.row, title: cell.text, hits: cell.hits, all: matchText(cell.text) });
        left = right + 1;
      });
    });
  }

  const onlyRegion = regions.length === 1;
  for (const reg of regions) {
    const candidates = new Map<TableDef, Candidate>();
    // The sheet name speaks for the sheet's only (or untitled) table: its title joins the printed one.
    const useSheet = onlyRegion || reg.hits.length === 0;
    const hints = new Set<TableDef>(useSheet ? hinted : []);
    if (reg.all) for (const d of textHintDefs(reg.all, defs)) hints.add(d);
    const own = bestTitleScores(useSheet ? [...reg.hits, ...sheetHits] : reg.hits);
    for (const [def, s] of own) candidates.set(def, { def, title: reg.hits.length === 0 ? s * 0.8 : s, hint: hints.has(def) });
    for (const def of hints) if (!candidates.has(def)) candidates.set(def, { def, title: 0, hint: true });
    // No title and no sheet hint: try the layouts that can be told by their shape alone — unless the sheet
    // names a table we do not catalogue (财决02 收入支出决算表, 项目支出决算明细表 …), which would be misread.
    if (candidates.size === 0 && !hasUnknownTitle(g, reg.region)) {
      for (const def of defs) if (def.layout === "coded" || def.layout === "two-sided") candidates.set(def, { def, title: 0, hint: false });
    }

    const scored: Scored[] = [];
    const from = reg.titleRow !== undefined ? reg.titleRow + 1 : reg.region.top;
    // The note is kept apart from the table: not a header, a label or an amount (no READ finding for it).
    const note = findEmptyNote(g, reg.region, from);
    if (note) g.mask(note.row, note.col);
    const titleSaysEmpty = /无数据|空表/u.test(matchText(reg.title));
    // Parse the most promising candidates first and stop once no other could reach (or come within the
    // ambiguity margin of) the best accepted score: parsing is the costly part on large sheets.
    const ordered = [...candidates.values()].sort((a, b) => upperScore(b) - upperScore(a));
    let bestAccepted = Number.NEGATIVE_INFINITY;
    const parsedShapes = new Map<string, ParseOutcome | undefined>();
    for (const c of ordered) {
      if (bestAccepted > upperScore(c) + 0.05 + 1e-9) break;
      const ctx: ParseContext = { grid: g, def: c.def, region: reg.region, from, decimals: c.def.decimals, ...lookups };
      // Variants that read alike (national vs Sichuan 一般公共预算财政拨款支出决算表) give the same outcome.
      const shape = shapeKey(c.def);
      let o: ParseOutcome | undefined;
      if (parsedShapes.has(shape)) o = parsedShapes.get(shape);
      else {
        try {
          o = parseWith(ctx);
        } catch {
          o = undefined; // a parser bug must not stop the other tables; the table is then not recognised
        }
        parsedShapes.set(shape, o);
      }
      if (!o) continue;
      const empty = !o.anyAmount && (note !== undefined || titleSaysEmpty);
      const s = score(c, o, empty);
      if (cont && !(c.title > 0 || c.hint) && c.def.kind === cont.kind && c.def.variant === cont.variant) s.score += 0.1;
      scored.push({ def: c.def, outcome: o, empty, identified: c.title > 0 || c.hint, ...s });
      if (s.accepted && s.score > bestAccepted) bestAccepted = s.score;
    }
    scored.sort((a, b) => b.score - a.score || defs.indexOf(a.def) - defs.indexOf(b.def));
    const best = scored.find((s) => s.accepted);
    if (!best) continue;
    const rival = scored.find((s) => s !== best && s.accepted && s.def.kind !== best.def.kind);
    if (rival && best.score - rival.score < 0.05) {
      work.issues.push({ code: "ambiguous-table", sheet: sheet.name, kind: best.def.kind, detail: rival.def.kind });
    }
    const view = buildView(g, reg, best, work, lookups.bookName);
    if (best.empty) {
      if (note) {
        view.emptyNote = { text: note.text, sheet: sheet.name, address: toA1(note.row, note.col) };
        // The note may sit where an amount belongs (the one data row of a 三公 table): that cell is not an amount.
        for (const row of view.rows) {
          for (const role in row.cells) {
            const c = row.cells[role as keyof typeof row.cells];
            if (c && c.row === note.row && c.col === note.col) delete row.cells[role as keyof typeof row.cells];
          }
        }
      }
      else if (reg.titleRow !== undefined) view.emptyNote = { text: reg.title, sheet: sheet.name, address: titleAddress(g, reg.titleRow, reg.title) };
    } else if (!best.outcome.anyAmount && best.outcome.columns.length > 0) {
      // Printed without a single figure and without a note: empty, and the completeness rules say so.
      view.empty = true;
    }
    const ties = scored.filter((x) => x.accepted && x.def.kind === best.def.kind && Math.abs(x.score - best.score) < 1e-9);
    if (ties.length > 1) work.ties.set(view, ties.map((x) => x.def.variant));
    if (!best.identified) work.untitled.add(view);
    work.tables.push(view);
  }
  if (work.tables.length === 0) {
    work.reason = titles.length > 0 ? "title-without-table" : hasUnknownTitle(g, { top: g.top, bottom: g.bottom, left: g.left, right: g.right }) ? "unknown-table" : "no-table";
  }
  return work;
}

/** Address of the title cell in its row (the first cell whose text is the title). */
function titleAddress(g: Grid, row: number, title: string): string {
  for (let c = g.left; c <= g.right; c++) {
    const v = g.value(row, c);
    if (typeof v === "string" && v.trim() === title) return toA1(row, c);
  }
  return toA1(row, g.left);
}

/**
 * Names cut short (a line wrap whose rest is lost, or only part of it joined): a printed name that is the start, the
 * end or — once joined — any part of the code book's name for the year is completed from the book, and said so.
 * Once per accepted table (not per candidate parse): one memoised book look-up per code row.
 */
function completeNames(view: TableView, o: ParseOutcome, work: SheetWork, bookName: Lookups["bookName"]): void {
  for (const row of view.rows) {
    if (row.kind !== "code") continue;
    const entry = bookName(row.key);
    if (entry === undefined) continue;
    const book = entry.norm;
    const label = rowLabelKey(row.label);
    if (label === book || label.length >= book.length || !book.includes(label)) continue;
    if (label.length > 0 && !book.startsWith(label) && !book.endsWith(label) && !o.joined?.has(row)) continue;
    const name = entry.name;
    work.issues.push({
      code: "name-from-code-book", sheet: view.sheet, kind: view.kind, address: toA1(row.sheetRow, o.nameCol ?? view.range.left),
      text: row.label, detail: `${row.key} ${name}`,
    });
    row.label = name;
  }
}

function buildView(g: Grid, reg: { region: Region; titleRow?: number; title: string }, best: Scored, work: SheetWork, bookName: Lookups["bookName"]): TableView {
  const { def, outcome: o } = best;
  const sheet = g.sheet.name;
  const headTop = reg.titleRow ?? reg.region.top;
  const headBottom = o.header ? o.header.top : o.bodyTop;
  const around = textRows(g, headTop, Math.max(headTop, headBottom), reg.region.left, reg.region.right);
  const headerUnits = (o.header?.columns ?? []).map((h) => unitIn(h.joined)).filter((u): u is Unit => !!u);
  const units = [...new Set([...around.map((t) => unitIn(t.norm)).filter((u): u is Unit => !!u), ...headerUnits])];
  let unit: Unit = def.unit;
  let unitStated = false;
  if (units.length === 1) {
    unit = units[0];
    unitStated = true;
  } else if (units.length > 1) {
    unit = units[0];
    unitStated = true;
    work.issues.push({ code: "unit-unknown", sheet, kind: def.kind, detail: units.join("/") });
  }
  let year: number | undefined;
  let yearSource: MetaSource = "title";
  for (const t of around) {
    const source: MetaSource = t.row === reg.titleRow ? "title" : "header-line";
    const y = yearIn(t.norm);
    if (year === undefined && y !== undefined) {
      year = y;
      yearSource = source;
    }
    const un = unitNameIn(t.raw);
    if (un) work.unitNames.push({ value: un, source: "header-line" });
    else if (source === "title") {
      const tu = titleUnitYear(t.raw).unitName;
      if (tu) work.unitNames.push({ value: tu, source: "title" });
    }
  }
  if (year) work.years.push({ value: year, source: yearSource });

  const view: TableView = {
    kind: def.kind, variant: def.variant, sheet, sheetVisibility: g.sheet.visibility ?? "visible",
    title: reg.title || sheet, unit, unitStated, decimals: def.decimals, year, confidence: best.confidence,
    range: { top: headTop, left: o.left, bottom: Math.max(o.bodyBottom, headTop), right: o.right },
    columns: o.columns, rows: o.rows, empty: best.empty,
    missingRows: best.empty ? [] : o.missingRows, missingColumns: o.missingColumns, unplacedRows: o.unplacedRows,
  };
  for (const r of o.rows) {
    for (const cell of unreadableCells(r)) {
      work.issues.push({ code: "unreadable-cell", sheet, address: cell.address, text: cell.text, kind: def.kind });
    }
  }
  for (const role of view.missingColumns) work.issues.push({ code: "missing-column", sheet, kind: def.kind, detail: role });
  for (const key of view.missingRows) work.issues.push({ code: "missing-row", sheet, kind: def.kind, detail: key });
  if (def.layout === "coded") completeNames(view, o, work, bookName);
  for (const u of view.unplacedRows) {
    work.issues.push({ code: "unplaced-row", sheet, kind: def.kind, address: toA1(u.sheetRow, o.left), text: u.label });
  }
  return view;
}

/**
 * Merge a sheet that only continues the previous sheet's table (same columns, code rows, no title of its own)
 * into that table's view; true when it did.
 */
function continueTable(sheet: SheetSnapshot, work: SheetWork, prev: TableView, issues: RecognitionIssue[], defs: readonly TableDef[]): boolean {
  const name = String(sheet.name ?? "");
  if ((sheet.visibility ?? "visible") !== (prev.sheetVisibility ?? "visible")) return false;
  // A sheet titled 「…（续）」/「续表」 with the same table as the previous sheet is its continuation too.
  const one = work.tables.length === 1 ? work.tables[0] : undefined;
  const titledCont = one !== undefined && one.kind === prev.kind && one.variant === prev.variant && /续/u.test(matchText(one.title));
  if (one && (work.untitled.has(one) || titledCont) && continues(prev, one)) {
    const next = work.tables[0];
    mergeContinuation(prev, next);
    // The continuation's own gaps (no 合计 row on the second page) are not gaps of the merged table.
    issues.push(...work.issues.filter((i) => !(i.sheet === name && i.kind === next.kind && (i.code === "missing-row" || i.code === "missing-column" || i.code === "ambiguous-table"))));
    issues.push({ code: "continued-table", sheet: name, kind: prev.kind, detail: prev.sheet });
    settleMissingRows(prev, issues);
    return true;
  }
  // Untitled, or titled 「…（续）」 without a header of its own.
  const contTitle = work.reason === "title-without-table" && sheetSaysContinued(sheet);
  if (work.tables.length === 0 && (work.reason === "no-table" || contTitle)) {
    const g = new Grid(sheet);
    // A unit line of its own that differs from the first sheet's: not the same table.
    const units = textRows(g, g.top, Math.min(g.bottom, g.top + 5), g.left, g.right).map((t) => unitIn(t.norm));
    if (units.some((u) => u !== undefined && u !== prev.unit)) return false;
    const def = defs.find((d) => d.kind === prev.kind && d.variant === prev.variant);
    const body = readHeaderless(g, prev, def ? itemMatcher(def.rows) : undefined);
    if (!body) return false;
    mergeContinuation(prev, { ...prev, rows: body.rows, unplacedRows: [] });
    for (const r of body.rows) {
      for (const cell of unreadableCells(r)) {
        issues.push({ code: "unreadable-cell", sheet: name, address: cell.address, text: cell.text, kind: prev.kind });
      }
    }
    issues.push({ code: "continued-table", sheet: name, kind: prev.kind, detail: prev.sheet });
    settleMissingRows(prev, issues);
    return true;
  }
  return false;
}

/** A 「续表」/「（续）」 mark in the first rows of a sheet. */
function sheetSaysContinued(sheet: SheetSnapshot): boolean {
  const g = new Grid(sheet);
  for (let r = g.top; r <= Math.min(g.bottom, g.top + 3); r++) {
    for (let c = g.left; c <= g.right; c++) if (/续表|\(续\)|续$/u.test(g.norm(r, c))) return true;
  }
  return false;
}

/** Rows reported missing on the first sheet but found on its continuation are no longer missing. */
function settleMissingRows(view: TableView, issues: RecognitionIssue[]): void {
  const present = new Set(view.rows.map((r) => r.key));
  view.missingRows = view.missingRows.filter((k) => !present.has(k));
  for (let i = issues.length - 1; i >= 0; i--) {
    const x = issues[i];
    if (x.code === "missing-row" && x.sheet === view.sheet && x.kind === view.kind && x.detail !== undefined && present.has(x.detail)) issues.splice(i, 1);
  }
}

/** Cover/other sheets: year and unit name from their first rows. */
function scanCover(sheet: SheetSnapshot): { year?: number; unitName?: string } {
  const g = new Grid(sheet);
  if (g.isEmpty) return {};
  let year: number | undefined;
  let unitName: string | undefined;
  for (let r = g.top; r <= Math.min(g.bottom, g.top + 15); r++) {
    for (let c = g.left; c <= Math.min(g.right, g.left + 10); c++) {
      const v = g.value(r, c);
      if (typeof v !== "string") continue;
      const n = g.norm(r, c);
      if (/决算|报表|封面/u.test(n) || /年度/u.test(n)) year ??= yearIn(n);
      unitName ??= unitNameIn(v) ?? (v.includes("决算") ? titleUnitYear(v).unitName : undefined);
    }
  }
  return { year, unitName };
}

/** A unit name or year with where it was read. */
interface Sourced<T> {
  value: T;
  source: MetaSource;
  /** Found outside the tables (cover, sheet or file name): used only when the tables state none. */
  late?: boolean;
}

/** The most frequent value among the tables' own statements, else among the late ones; with its first source. */
function pick<T>(xs: Sourced<T>[]): Sourced<T> | undefined {
  const own = xs.filter((x) => !x.late);
  const pool = own.length > 0 ? own : xs;
  const counts = new Map<T, number>();
  let best: Sourced<T> | undefined;
  let n = 0;
  for (const x of pool) {
    const k = (counts.get(x.value) ?? 0) + 1;
    counts.set(x.value, k);
    if (k > n) {
      n = k;
      best = pool.find((p) => p.value === x.value);
    }
  }
  return best;
}

/** Recognise every catalogued table in a workbook snapshot. */
export function recognize(snapshot: WorkbookSnapshot, options: RecognizeOptions = {}): RecognitionResult {
  const defs = options.catalog ?? TABLE_DEFS;
  const tables: TableView[] = [];
  const ignoredSheets: { sheet: string; reason: string }[] = [];
  const issues: RecognitionIssue[] = [];
  const years: Sourced<number>[] = [];
  const unitNames: Sourced<string>[] = [];
  const ties = new Map<TableView, string[]>();
  const sheets = Array.isArray(snapshot?.sheets) ? snapshot.sheets : [];
  // Label look-ups repeat across candidates and passes: memoise them for this call.
  const classMemo = new Map<string, string | undefined>();
  const classByName = options.classCodeByName ?? bookClassCode;
  const classCode = (label: string): string | undefined => {
    if (classMemo.has(label)) return classMemo.get(label);
    const n = rowLabelKey(label);
    let code: string | undefined;
    try {
      code = classByName(n, options.year) ?? builtinClassCode(n);
    } catch {
      code = builtinClassCode(n);
    }
    if (code !== undefined && !/^2\d\d$/.test(code)) code = undefined;
    classMemo.set(label, code);
    return code;
  };
  const subjectMemo = new Map<string, string | undefined>();
  const byName = options.subjectCodeByName ?? ((name: string, parent: string | undefined, year?: number) =>
    bookSubjectCode(name, year, { system: "function", parent, level: parent ? (parent.length === 3 ? 2 : 3) : 1 }));
  const subjectByName = (name: string, parent: string | undefined): string | undefined => {
    const key = `${parent ?? ""}|${name}`;
    if (subjectMemo.has(key)) return subjectMemo.get(key);
    let code: string | undefined;
    try {
      code = byName(name, parent, options.year);
    } catch {
      code = undefined;
    }
    subjectMemo.set(key, code);
    return code;
  };
  const nameByCode = options.subjectNameByCode ?? ((code: string, year?: number) => bookSubjectName(code, year));
  const nameOf = (code: string): string | undefined => {
    try {
      return nameByCode(code, options.year);
    } catch {
      return undefined;
    }
  };
  const bookMemo = new Map<string, { name: string; norm: string } | undefined>();
  const bookName = (code: string): { name: string; norm: string } | undefined => {
    if (bookMemo.has(code)) return bookMemo.get(code);
    const name = nameOf(code);
    const entry = name ? { name, norm: rowLabelKey(name) } : undefined;
    bookMemo.set(code, entry);
    return entry;
  };
  // The last table of the previous sheet: a PDF converter may continue it on the next sheet.
  let prev: TableView | undefined;
  for (const sheet of sheets) {
    let work: SheetWork;
    try {
      work = recognizeSheet(sheet, defs, { classCode, subjectByName, nameOf, bookName }, prev);
    } catch {
      work = { sheet, tables: [], issues: [], years: [], unitNames: [], ties: new Map(), untitled: new Set(), reason: "unreadable" };
    }
    if (prev && continueTable(sheet, work, prev, issues, defs)) continue;
    prev = work.tables.length > 0 ? work.tables[work.tables.length - 1] : undefined;
    tables.push(...work.tables);
    for (const [view, variants] of work.ties) ties.set(view, variants);
    issues.push(...work.issues);
    // A sheet without tables that names the unit and year in a title is a cover.
    const cover = work.tables.length === 0;
    for (const y of work.years) years.push(cover ? { value: y.value, source: "cover", late: true } : y);
    for (const u of work.unitNames) unitNames.push(cover ? { value: u.value, source: "cover", late: true } : u);
    if (work.tables.length === 0) {
      const visibility = sheet.visibility && sheet.visibility !== "visible" ? `${sheet.visibility}:` : "";
      ignoredSheets.push({ sheet: String(sheet.name ?? ""), reason: `${visibility}${work.reason ?? "no-table"}` });
    }
  }
  // Tables on visible sheets come first, so that tableOf() prefers them over hidden copies.
  tables.sort((a, b) => Number((a.sheetVisibility ?? "visible") !== "visible") - Number((b.sheetVisibility ?? "visible") !== "visible"));
  // A tie between variants of one kind goes to the family the rest of the workbook clearly belongs to.
  const votes = new Map<string, number>();
  for (const t of tables) if (!ties.has(t)) votes.set(t.variant, (votes.get(t.variant) ?? 0) + 1);
  for (const [view, variants] of ties) {
    const best = variants.reduce((a, b) => ((votes.get(b) ?? 0) > (votes.get(a) ?? 0) ? b : a), view.variant);
    view.variant = best;
  }
  // Units: a table with no stated unit whose default differs from what its neighbours state is doubtful.
  const stated = tables.filter((t) => t.unitStated).map((t) => t.unit);
  const statedUnits = new Set(stated);
  for (const t of tables) {
    if (!t.unitStated && statedUnits.size === 1 && !statedUnits.has(t.unit)) {
      issues.push({ code: "unit-unknown", sheet: t.sheet, kind: t.kind, detail: `${t.unit}?${[...statedUnits][0]}` });
    }
  }
  // The same kind and variant twice: rules would not know which to use.
  const seen = new Map<string, TableView>();
  for (const t of tables) {
    const id = `${t.kind}/${t.variant}`;
    if (seen.has(id)) issues.push({ code: "duplicate-table", sheet: t.sheet, kind: t.kind, detail: seen.get(id)!.sheet });
    else seen.set(id, t);
  }
  // Unit name and year: the tables' own header lines and titles first, then cover sheets, sheet names, the file name.
  for (const ig of ignoredSheets) {
    const sheet = sheets.find((s) => String(s.name ?? "") === ig.sheet);
    if (!sheet) continue;
    const cover = scanCover(sheet);
    if (cover.year !== undefined) years.push({ value: cover.year, source: "cover", late: true });
    if (cover.unitName !== undefined) unitNames.push({ value: cover.unitName, source: "cover", late: true });
  }
  for (const sheet of sheets) {
    const fromName = titleUnitYear(String(sheet.name ?? ""));
    if (fromName.year !== undefined) years.push({ value: fromName.year, source: "sheet-name", late: true });
    if (fromName.unitName !== undefined) unitNames.push({ value: fromName.unitName, source: "sheet-name", late: true });
  }
  const fromFile = titleUnitYear(typeof snapshot?.name === "string" ? snapshot.name : "");
  if (fromFile.year !== undefined) years.push({ value: fromFile.year, source: "file-name", late: true });
  if (fromFile.unitName !== undefined) unitNames.push({ value: fromFile.unitName, source: "file-name", late: true });
  const y = options.year !== undefined ? { value: options.year, source: "option" as const } : pick(years);
  const u = pick(unitNames);
  const year = y?.value;
  const unitName = u?.value;
  if (tables.length === 0) issues.push({ code: "no-tables" });
  return { tables, ignoredSheets, issues, year, unitName, yearSource: y?.source, unitNameSource: u?.source };
}
