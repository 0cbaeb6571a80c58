/** Evaluate a compiled program on a snapshot, and re-check incrementally after cell edits. */
import { TABLE_KINDS } from "../catalog/vocabulary";
import type { CellRef } from "../recognize/types";
import type { Lang } from "../i18n/lang";
import { renderFinding } from "../i18n/findings";
import { formatDecimals, parseAmount } from "../workbook/amount";
import type { AmountReading } from "../workbook/amount";
import type { SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { cellAt, formatAt } from "../workbook/snapshot";
import type { Program } from "./compile";
import { CHECK_SIGN, CHECK_SIMPLE, OPS, cellLabel, checkAt, checksOfCell, findCell, programCell, termsOf } from "./compile";
import type { Check, ProgramCell } from "./compile";
import { stableHash } from "./hash";
import { MAX_EXPONENT, TermBuffer, compareTerms, newOutcome, pow10 } from "./interval";
import type { Finding, FindingItem, SkippedRule, TolerancePolicy, ValidationResult } from "./types";

export interface EvaluateOptions {
  policy?: TolerancePolicy;
  lang?: Lang;
  /** Ids of findings the user has explained; they are left out of the result. */
  suppressed?: Set<string>;
}

// Local bindings of hot imported functions: some module loaders (tsx/CommonJS interop) turn every access to an
// imported binding into a getter call, which is measurable at 50k cells.
const cellAtLocal = cellAt;
const formatAtLocal = formatAt;

/** The ProgramCell object of cell i (for findings; the hot paths read program.layout). */
function cellOf(program: Program, i: number): ProgramCell {
  return programCell(program.layout, i);
}
const pow10Local = pow10;
const MAX_E = MAX_EXPONENT;

const STATUS_AMOUNT = 0;
const STATUS_BLANK = 1;
const STATUS_INVALID = 2;

/** Per-program evaluation state kept for recheck(). */
interface State {
  snapshot: WorkbookSnapshot;
  sheets: Map<string, SheetSnapshot>;
  options: Required<Pick<EvaluateOptions, "policy" | "lang">> & { suppressed: Set<string> };
  /** Displayed value as integer mantissa and its exponent (decimals + unit shift), per cell. */
  m: Float64Array;
  e: Int32Array;
  status: Uint8Array;
  /** Text of unreadable cells. */
  invalidText: Map<number, string>;
  findingsByCheck: (Finding | Finding[] | undefined)[];
  readFindings: Map<number, Finding>;
  /** Fast path: every value and half-width as integers at one common exponent E0 (see rescale). */
  E0: number;
  M: Float64Array;
  H: Float64Array;
  fast: boolean;
  /** program.layout.clip (1 = known non-negative), read for every displayed zero. */
  clip: Uint8Array;
  /** Last sheet looked up by name (cells come sheet by sheet). */
  lastSheetName?: string;
  lastSheet?: SheetSnapshot;
}

/** Bring every cell to the common exponent E0 = finest exponent + 1 (so half-widths are integers too). */
function rescale(st: State): void {
  let maxE = 0;
  for (let i = 0; i < st.e.length; i++) if (st.status[i] !== STATUS_INVALID && st.e[i] > maxE) maxE = st.e[i];
  st.E0 = maxE + 1;
  // beyond ~10^8 scaling, sums of large amounts could leave the exact integer range: use the general path
  st.fast = st.E0 <= 8;
  for (let i = 0; i < st.e.length; i++) scaleCell(st, i);
}

function scaleCell(st: State, i: number): void {
  if (st.status[i] === STATUS_INVALID) return;
  const shift = st.E0 - st.e[i];
  st.M[i] = st.m[i] * pow10Local(shift);
  st.H[i] = 5 * pow10Local(shift - 1);
}

/**
 * Fast interval test for a simple check (cells with integer weights): same arithmetic as compareTerms, on the
 * pre-scaled integers. Returns undefined when a cell is unreadable (the general path reports it).
 */
function fastPass(program: Program, st: State, k: number): boolean | undefined {
  const T = program.table;
  const cells = T.termCell;
  const weights = T.termW;
  const start = T.start[k];
  const end = start + T.len[k];
  const split = start + T.nLeft[k];
  const useHalf = st.options.policy === "interval";
  let lo = 0;
  let hi = 0;
  let loClosed = true;
  let hiClosed = true;
  for (let t = start; t < end; t++) {
    const ci = cells[t];
    if (st.status[ci] === STATUS_INVALID) return undefined;
    const w = t < split ? weights[t] : -weights[t];
    const c = st.M[ci];
    if (!useHalf) {
      lo += w * c;
      hi += w * c;
      continue;
    }
    const h = st.H[ci];
    let tLo = c - h;
    const tHi = c + h;
    let tLoClosed = c >= 0;
    const tHiClosed = c < 0;
    if (c === 0 && st.clip[ci] === 1) {
      tLo = 0;
      tLoClosed = true;
    }
    if (w >= 0) {
      lo += w * tLo;
      hi += w * tHi;
      loClosed = loClosed && tLoClosed;
      hiClosed = hiClosed && tHiClosed;
    } else {
      lo += w * tHi;
      hi += w * tLo;
      loClosed = loClosed && tHiClosed;
      hiClosed = hiClosed && tLoClosed;
    }
  }
  const loOk = loClosed ? lo <= 0 : lo < 0;
  const hiOk = hiClosed ? hi >= 0 : hi > 0;
  const op = T.op[k]; // OPS: 0 "=", 1 "<=", 2 ">="
  return op === 0 ? loOk && hiOk : op === 1 ? loOk : hiOk;
}

// Decimals per number format; −1 = the format fixes none.
const formatCache = new Map<string, number>();

// Neighbouring cells nearly always share a format: remember the last one.
let lastFormat: string | undefined;
let lastFormatDecimals = -1;

function cachedFormatDecimals(fmt: string): number | undefined {
  if (fmt !== lastFormat) {
    let d = formatCache.get(fmt);
    if (d === undefined) {
      d = formatDecimals(fmt) ?? -1;
      formatCache.set(fmt, d);
    }
    lastFormat = fmt;
    lastFormatDecimals = d;
  }
  return lastFormatDecimals < 0 ? undefined : lastFormatDecimals;
}

/** Read one cell as an amount; numbers with a known format take a fast path (the common case, read 50k times). */
function readAmount(sheet: SheetSnapshot | undefined, row: number, col: number, tableDecimals: number): AmountReading {
  if (!sheet) return { kind: "blank" };
  const v = cellAtLocal(sheet, row, col);
  const fmt = formatAtLocal(sheet, row, col);
  if (typeof v === "number" && Number.isFinite(v) && fmt) {
    const d = cachedFormatDecimals(fmt);
    if (d !== undefined) return { kind: "amount", value: v, decimals: d };
  }
  return parseAmount(v, fmt, tableDecimals);
}

function sheetOf(st: State, name: string): SheetSnapshot | undefined {
  if (name !== st.lastSheetName) {
    st.lastSheetName = name;
    st.lastSheet = st.sheets.get(name);
  }
  return st.lastSheet;
}

function loadCell(program: Program, st: State, i: number): void {
  const L = program.layout;
  const view = L.views[L.viewOf[i]];
  // as ProgramCell.unitShift / .decimals, without making the object
  const unitShift = view.unit === "元" ? 4 : 0;
  const sheet = sheetOf(st, L.sheetNames[L.sheetOf[i]]);
  const row = L.rowOf[i];
  const col = L.colOf[i];
  // the common case (a finite number with a format that fixes its decimals) without building a reading
  if (sheet) {
    const v = cellAtLocal(sheet, row, col);
    if (typeof v === "number" && Number.isFinite(v)) {
      const fmt = formatAtLocal(sheet, row, col);
      const fd = fmt ? cachedFormatDecimals(fmt) : undefined;
      if (fd !== undefined) {
        const d = Math.max(0, Math.min(fd, MAX_E - unitShift));
        st.m[i] = Math.round(v * pow10Local(d));
        st.e[i] = d + unitShift;
        if (st.status[i] === STATUS_INVALID) st.invalidText.delete(i);
        st.status[i] = STATUS_AMOUNT;
        return;
      }
    }
  }
  const reading = readAmount(sheet, row, col, view.decimals);
  if (reading.kind === "amount") {
    const d = Math.max(0, Math.min(reading.decimals, MAX_E - unitShift));
    st.m[i] = Math.round(reading.value * pow10Local(d));
    st.e[i] = d + unitShift;
    st.status[i] = STATUS_AMOUNT;
    st.invalidText.delete(i);
  } else if (reading.kind === "blank") {
    st.m[i] = 0;
    st.e[i] = view.decimals + unitShift;
    st.status[i] = STATUS_BLANK;
    st.invalidText.delete(i);
  } else {
    st.m[i] = 0;
    st.e[i] = 0;
    st.status[i] = STATUS_INVALID;
    st.invalidText.set(i, reading.text);
  }
}

/** Integer value at 10^-scale as a decimal string with `decimals` places (exact, no float rounding). */
function formatScaled(value: number, scale: number, decimals: number): string {
  const d = Math.min(decimals, scale);
  const v = Math.round(value / pow10Local(scale - d));
  const neg = v < 0;
  let s = String(Math.abs(v));
  if (d > 0) {
    s = s.padStart(d + 1, "0");
    s = `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}`;
  }
  return neg ? `-${s}` : s;
}

function refOf(program: Program, st: State, i: number): CellRef {
  const c = cellOf(program, i);
  const sheet = st.sheets.get(c.sheet);
  const raw = sheet ? cellAtLocal(sheet, c.row, c.col) : null;
  return { ...c.ref, text: raw === null ? "" : String(raw), reading: readAmount(sheet, c.row, c.col, c.decimals) };
}

const buf = new TermBuffer(64);
const outcome = newOutcome();

type Terms = ReturnType<typeof termsOf>;

function signPasses(op: Check["op"], m: number): boolean {
  // one displayed value against 0: under both policies only its sign matters (a negative display is < −h)
  return op === ">=" ? m >= 0 : op === "<=" ? m <= 0 : m === 0;
}

/** Evaluate check k: a finding, several (sign vectors), or undefined when it passes. */
function runCheck(program: Program, st: State, k: number): Finding | Finding[] | undefined {
  const T = program.table;
  const flags = T.flags[k];
  if ((flags & CHECK_SIGN) === 0) {
    if (st.fast && (flags & CHECK_SIMPLE) !== 0 && fastPass(program, st, k) === true) return undefined;
    return runTerms(program, st, k, checkAt(program, k));
  }
  let out: Finding[] | undefined;
  const op = OPS[T.op[k]];
  const end = T.start[k] + T.len[k];
  for (let i = T.start[k]; i < end; i++) {
    const ci = T.termCell[i];
    if (st.status[ci] === STATUS_INVALID || signPasses(op, st.m[ci])) continue;
    const f = runTerms(program, st, k, termsOf(checkAt(program, k), ci));
    if (f) (out ??= []).push(f);
  }
  return out;
}

/** Evaluate one elementary comparison; undefined when it passes. */
function runTerms(program: Program, st: State, k: number, terms: Terms): Finding | undefined {
  const ch = checkAt(program, k);
  const n = terms.cells.length;
  buf.reset(n);
  let invalid = -1;
  let cellCount = 0;
  for (let t = 0; t < n; t++) {
    if (t === terms.nLeft) buf.endLeft();
    const ci = terms.cells[t];
    if (ci < 0) {
      buf.push(terms.weights[t], terms.wexp[t], 1, false, false);
      continue;
    }
    cellCount++;
    if (st.status[ci] === STATUS_INVALID) {
      invalid = ci;
      continue;
    }
    buf.push(st.m[ci], st.e[ci] + terms.wexp[t], terms.weights[t], true, st.clip[ci] === 1);
  }
  if (terms.nLeft === n) buf.endLeft();
  if (invalid >= 0) {
    // A single-cell check on an unreadable cell says nothing beyond the READ finding itself.
    if (cellCount <= 1) return undefined;
    return makeFinding(program, st, k, terms, undefined, invalid);
  }
  compareTerms(buf, ch.op, st.options.policy, outcome);
  if (outcome.pass) return undefined;
  return makeFinding(program, st, k, terms, outcome);
}

function makeFinding(program: Program, st: State, k: number, ch: Terms, out: typeof outcome | undefined, invalidCell?: number): Finding {
  const check = checkAt(program, k);
  const op = check.op;
  const code = check.code;
  const missing = check.missing;
  const rule = program.rules[check.rule];
  const targetIdx = ch.cells.find((c) => c >= 0)!;
  const target = refOf(program, st, targetIdx);
  const scale = out?.scale ?? 0;
  const items: FindingItem[] = [];
  const leftParts: string[] = [];
  const rightParts: string[] = [];
  // Show figures in the cells' own unit when they share one (a 元 table's check reads in 元), else in 万元.
  let unit = -1;
  for (const ci of ch.cells) if (ci >= 0) unit = unit === -1 || unit === cellOf(program, ci).unitShift ? cellOf(program, ci).unitShift : -2;
  const u = unit > 0 ? unit : 0;
  let displayDecimals = 0;
  for (let t = 0; t < ch.cells.length; t++) {
    const ci = ch.cells[t];
    displayDecimals = Math.max(displayDecimals, ci >= 0 ? st.e[ci] - u : ch.wexp[t]);
  }
  displayDecimals = Math.min(displayDecimals, MAX_E);
  const valueText = (ci: number): string => (st.status[ci] === STATUS_INVALID ? `“${st.invalidText.get(ci) ?? ""}”` : formatScaled(st.m[ci], st.e[ci] - u, st.e[ci] - u));
  for (let t = 0; t < ch.cells.length; t++) {
    const ci = ch.cells[t];
    const side = t < ch.nLeft ? "left" : "right";
    const parts = side === "left" ? leftParts : rightParts;
    const w = ch.weights[t] / pow10Local(ch.wexp[t]);
    let text: string;
    if (ci < 0) text = formatScaled(ch.weights[t], ch.wexp[t], ch.wexp[t]);
    else {
      text = valueText(ci);
      const absW = Math.abs(w);
      if (absW !== 1) text = `${absW}×${text}`;
    }
    const sign = ci >= 0 && w < 0 ? "−" : "+";
    parts.push(parts.length === 0 ? (sign === "−" ? `−${text}` : text) : `${sign} ${text}`);
    if (ci >= 0 && ci !== targetIdx) {
      const c = cellOf(program, ci);
      const value = st.status[ci] === STATUS_INVALID ? Number.NaN : st.m[ci] / pow10Local(st.e[ci]);
      items.push({ cell: refOf(program, st, ci), value, weight: w, label: cellLabel(c), side });
    }
  }
  const params: Record<string, string | number> = {
    sheet: target.sheet,
    address: target.address,
    label: cellLabel(cellOf(program, targetIdx)),
    table: TABLE_KINDS[cellOf(program, targetIdx).table],
    tableKind: cellOf(program, targetIdx).table,
    ruleZh: rule.message.zh,
    ruleEn: rule.message.en,
    left: leftParts.join(" "),
    right: rightParts.join(" ") || "0",
    leftCount: ch.nLeft,
    rightCount: ch.cells.length - ch.nLeft,
    op,
  };
  const finding: Finding = {
    id: "",
    rule: rule.id,
    severity: rule.severity,
    code: invalidCell !== undefined ? "unevaluable" : code,
    target,
    table: cellOf(program, targetIdx).table,
    items,
    missing,
    params,
    message: "",
  };
  if (rule.basis) {
    finding.basis = rule.basis;
    params.basis = rule.basis;
  }
  if (rule.version !== undefined) {
    finding.ruleVersion = rule.version;
    params.ruleVersion = rule.version;
  }
  if (out) {
    finding.actual = out.left / pow10Local(scale);
    finding.expected = out.right / pow10Local(scale);
    finding.difference = (out.left - out.right) / pow10Local(scale);
    const half = st.options.policy === "interval" ? out.half / pow10Local(scale) : 0;
    finding.tolerance = { low: -half, high: half };
    params.actual = formatScaled(out.left, scale - u, displayDecimals);
    params.expected = formatScaled(out.right, scale - u, displayDecimals);
    params.difference = formatScaled(out.left - out.right, scale - u, displayDecimals);
    params.tolerance = st.options.policy === "interval" ? formatScaled(out.half, scale - u, Math.min(scale - u, displayDecimals + 1)).replace(/(\.\d*?[1-9])0+$/, "$1").replace(/\.0+$/, "") : "0";
    // Fails only because the rounding intervals touch at an excluded end (half-up rounding makes the figures
    // impossible together, yet closed intervals would agree): typical of totals added up from rounded figures
    // (尾差), so it is reported as 核实 rather than 强制.
    const closedPass = op === "=" ? out.diffLow <= 0 && out.diffHigh >= 0 : op === "<=" ? out.diffLow <= 0 : out.diffHigh >= 0;
    if (st.options.policy === "interval" && closedPass) {
      finding.severity = "warning";
      params.boundary = 1;
    }
  } else if (invalidCell !== undefined) {
    const bad = cellOf(program, invalidCell);
    params.badSheet = bad.sheet;
    params.badAddress = bad.address;
    params.badText = st.invalidText.get(invalidCell) ?? "";
  }
  // Stable id: rule + every cell address and displayed value; changes when any number changes.
  const key = [rule.id, op, ...ch.cells.map((ci, t) => (ci < 0 ? `#${ch.weights[t]}e${ch.wexp[t]}` : `${cellOf(program, ci).sheet}!${cellOf(program, ci).address}=${st.status[ci] === STATUS_INVALID ? st.invalidText.get(ci) : `${st.m[ci]}e${st.e[ci]}`}`))].join("|");
  finding.id = stableHash(key);
  finding.message = renderFinding(finding, st.options.lang);
  return finding;
}

function makeReadFinding(program: Program, st: State, ci: number): Finding {
  const c = cellOf(program, ci);
  const target = refOf(program, st, ci);
  const text = st.invalidText.get(ci) ?? "";
  const finding: Finding = {
    id: stableHash(`READ|${c.sheet}!${c.address}=${text}`),
    rule: "READ",
    severity: "error",
    code: "unreadable",
    target,
    table: c.table,
    items: [],
    missing: [],
    params: { sheet: c.sheet, address: c.address, label: cellLabel(c), text, table: TABLE_KINDS[c.table], tableKind: c.table },
    message: "",
  };
  finding.message = renderFinding(finding, st.options.lang);
  return finding;
}

function assemble(program: Program, st: State): ValidationResult {
  const findings: Finding[] = [];
  const keep = (f: Finding | undefined): void => {
    if (f && !st.options.suppressed.has(f.id)) findings.push(f);
  };
  for (const f of st.readFindings.values()) keep(f);
  // A failing tie whose other side is not printed is listed as not run, one entry per rule and table.
  let skipped = program.skipped;
  const notRun = new Map<string, SkippedRule>();
  st.findingsByCheck.forEach((f, k) => {
    const np = f === undefined ? undefined : program.notPrinted?.get(k);
    if (np === undefined) {
      if (Array.isArray(f)) f.forEach(keep);
      else keep(f);
      return;
    }
    const id = `${np.rule}\u0000${np.table}`;
    let s = notRun.get(id);
    if (!s) {
      s = { rule: np.rule, reason: "side-not-printed", tables: [np.table], missing: [] };
      notRun.set(id, s);
    }
    for (const m of np.missing) if (s.missing!.length < 50 && !s.missing!.includes(m)) s.missing!.push(m);
  });
  if (notRun.size > 0) skipped = [...skipped, ...notRun.values()];
  let error = 0;
  let warning = 0;
  for (const f of findings) if (f.severity === "error") error++;
  else warning++;
  return { findings, skipped, ruleErrors: program.ruleErrors, checks: program.elementary, counts: { error, warning } };
}

/** Evaluate every check of the program on the snapshot. Keeps state in the program for recheck(). */
export function evaluate(program: Program, snapshot: WorkbookSnapshot, options: EvaluateOptions = {}): ValidationResult {
  const n = program.layout.count;
  const st: State = {
    snapshot,
    sheets: new Map(snapshot.sheets.map((s) => [s.name, s])),
    options: { policy: options.policy ?? "interval", lang: options.lang ?? "zh-CN", suppressed: options.suppressed ?? new Set() },
    m: new Float64Array(n),
    e: new Int32Array(n),
    status: new Uint8Array(n),
    invalidText: new Map(),
    findingsByCheck: new Array(program.table.count),
    clip: program.layout.clip,
    readFindings: new Map(),
    E0: 0,
    M: new Float64Array(n),
    H: new Float64Array(n),
    fast: false,
  };
  for (let i = 0; i < n; i++) loadCell(program, st, i);
  rescale(st);
  for (const i of st.invalidText.keys()) st.readFindings.set(i, makeReadFinding(program, st, i));
  for (let k = 0; k < program.table.count; k++) st.findingsByCheck[k] = runCheck(program, st, k);
  program.state = st;
  return assemble(program, st);
}

/** What recheck() did, besides the refreshed result. */
export interface RecheckResult extends ValidationResult {
  /** Number of checks re-evaluated. */
  rechecked: number;
  /** Changed cells that no check or table reads (a structural edit may need a full validate()). */
  unknownCells: { sheet: string; address: string }[];
}

/**
 * Re-evaluate only the checks that read the changed cells, on the snapshot given (or the one last evaluated,
 * if the host updated it in place). Requires a previous evaluate() on this program.
 */
export function recheck(program: Program, changedCells: { sheet: string; address: string }[], snapshot?: WorkbookSnapshot): RecheckResult {
  const st = program.state as State | undefined;
  if (!st) throw new Error("recheck() needs a previous evaluate() on this program");
  if (snapshot && snapshot !== st.snapshot) {
    st.snapshot = snapshot;
    st.sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
    st.lastSheetName = undefined;
    st.lastSheet = undefined;
  }
  const touched = new Set<number>();
  const signTouched: [number, number][] = [];
  const unknownCells: { sheet: string; address: string }[] = [];
  for (const c of changedCells) {
    const i = findCell(program, c.sheet, c.address);
    if (i === undefined) {
      unknownCells.push(c);
      continue;
    }
    loadCell(program, st, i);
    if (st.status[i] !== STATUS_INVALID && st.e[i] + 1 > st.E0) rescale(st);
    else scaleCell(st, i);
    if (st.status[i] === STATUS_INVALID) st.readFindings.set(i, makeReadFinding(program, st, i));
    else st.readFindings.delete(i);
    for (const k of checksOfCell(program, i)) {
      if ((program.table.flags[k] & CHECK_SIGN) !== 0) signTouched.push([k, i]);
      else touched.add(k);
    }
  }
  for (const k of touched) st.findingsByCheck[k] = runCheck(program, st, k);
  // sign vectors: re-evaluate only the changed element
  for (const [k, ci] of signTouched) {
    const c = cellOf(program, ci);
    const prev = st.findingsByCheck[k] as Finding[] | undefined;
    const kept = (prev ?? []).filter((f) => f.target.sheet !== c.sheet || f.target.address !== c.address);
    const ch = checkAt(program, k);
    if (st.status[ci] !== STATUS_INVALID && !signPasses(ch.op, st.m[ci])) {
      const f = runTerms(program, st, k, termsOf(ch, ci));
      if (f) kept.push(f);
    }
    st.findingsByCheck[k] = kept.length ? kept : undefined;
  }
  return { ...assemble(program, st), rechecked: touched.size + signTouched.length, unknownCells };
}
