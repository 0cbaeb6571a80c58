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
import { cellLabel, checksOfCell, findCell, termsOf } from "./compile";
import type { Check } from "./compile";
import { stableHash } from "./hash";
import { MAX_EXPONENT, TermBuffer, compareTerms, newOutcome, pow10 } from "./interval";
import type { Finding, FindingItem, TolerancePolicy, ValidationResult } from "./types";

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
function fastPass(program: Program, st: State, ch: Check): boolean | undefined {
  const cells = ch.cells;
  const weights = ch.weights;
  const useHalf = st.options.policy === "interval";
  let lo = 0;
  let hi = 0;
  let loClosed = true;
  let hiClosed = true;
  for (let t = 0; t < cells.length; t++) {
    const ci = cells[t];
    if (st.status[ci] === STATUS_INVALID) return undefined;
    const w = t < ch.nLeft ? weights[t] : -weights[t];
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
    if (c === 0 && program.cells[ci].clip) {
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
  return ch.op === "=" ? loOk && hiOk : ch.op === "<=" ? loOk : hiOk;
}

const formatCache = new Map<string, number | undefined>();

function cachedFormatDecimals(fmt: string): number | undefined {
  if (formatCache.has(fmt)) return formatCache.get(fmt);
  const d = formatDecimals(fmt);
  formatCache.set(fmt, d);
  return d;
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

function loadCell(program: Program, st: State, i: number): void {
  const c = program.cells[i];
  const reading = readAmount(st.sheets.get(c.sheet), c.row, c.col, c.decimals);
  if (reading.kind === "amount") {
    const d = Math.max(0, Math.min(reading.decimals, MAX_E - c.unitShift));
    st.m[i] = Math.round(reading.value * pow10Local(d));
    st.e[i] = d + c.unitShift;
    st.status[i] = STATUS_AMOUNT;
    st.invalidText.delete(i);
  } else if (reading.kind === "blank") {
    st.m[i] = 0;
    st.e[i] = c.decimals + c.unitShift;
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
  const c = program.cells[i];
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
  const ch = program.checks[k];
  if (ch.sign !== 1) {
    if (st.fast && ch.simple && fastPass(program, st, ch) === true) return undefined;
    return runTerms(program, st, k, ch);
  }
  let out: Finding[] | undefined;
  const cells = ch.cells;
  for (let i = 0; i < cells.length; i++) {
    const ci = cells[i];
    if (st.status[ci] === STATUS_INVALID || signPasses(ch.op, st.m[ci])) continue;
    const f = runTerms(program, st, k, termsOf(ch, ci));
    if (f) (out ??= []).push(f);
  }
  return out;
}

/** Evaluate one elementary comparison; undefined when it passes. */
function runTerms(program: Program, st: State, k: number, terms: Terms): Finding | undefined {
  const ch = program.checks[k];
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
    buf.push(st.m[ci], st.e[ci] + terms.wexp[t], terms.weights[t], true, program.cells[ci].clip);
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
  const op = program.checks[k].op;
  const code = program.checks[k].code;
  const missing = program.checks[k].missing;
  const rule = program.rules[program.checks[k].rule];
  const targetIdx = ch.cells.find((c) => c >= 0)!;
  const target = refOf(program, st, targetIdx);
  const scale = out?.scale ?? 0;
  const items: FindingItem[] = [];
  const leftParts: string[] = [];
  const rightParts: string[] = [];
  // Show figures in the cells' own unit when they share one (a 元 table's check reads in 元), else in 万元.
  let unit = -1;
  for (const ci of ch.cells) if (ci >= 0) unit = unit === -1 || unit === program.cells[ci].unitShift ? program.cells[ci].unitShift : -2;
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
      const c = program.cells[ci];
      const value = st.status[ci] === STATUS_INVALID ? Number.NaN : st.m[ci] / pow10Local(st.e[ci]);
      items.push({ cell: refOf(program, st, ci), value, weight: w, label: cellLabel(c), side });
    }
  }
  const params: Record<string, string | number> = {
    sheet: target.sheet,
    address: target.address,
    label: cellLabel(program.cells[targetIdx]),
    table: TABLE_KINDS[program.cells[targetIdx].table],
    tableKind: program.cells[targetIdx].table,
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
    table: program.cells[targetIdx].table,
    items,
    missing,
    params,
    message: "",
  };
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
    const bad = program.cells[invalidCell];
    params.badSheet = bad.sheet;
    params.badAddress = bad.address;
    params.badText = st.invalidText.get(invalidCell) ?? "";
  }
  // Stable id: rule + every cell address and displayed value; changes when any number changes.
  const key = [rule.id, op, ...ch.cells.map((ci, t) => (ci < 0 ? `#${ch.weights[t]}e${ch.wexp[t]}` : `${program.cells[ci].sheet}!${program.cells[ci].address}=${st.status[ci] === STATUS_INVALID ? st.invalidText.get(ci) : `${st.m[ci]}e${st.e[ci]}`}`))].join("|");
  finding.id = stableHash(key);
  finding.message = renderFinding(finding, st.options.lang);
  return finding;
}

function makeReadFinding(program: Program, st: State, ci: number): Finding {
  const c = program.cells[ci];
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
  for (const f of st.findingsByCheck) {
    if (Array.isArray(f)) f.forEach(keep);
    else keep(f);
  }
  let error = 0;
  let warning = 0;
  for (const f of findings) if (f.severity === "error") error++;
  else warning++;
  return { findings, skipped: program.skipped, ruleErrors: program.ruleErrors, checks: program.elementary, counts: { error, warning } };
}

/** Evaluate every check of the program on the snapshot. Keeps state in the program for recheck(). */
export function evaluate(program: Program, snapshot: WorkbookSnapshot, options: EvaluateOptions = {}): ValidationResult {
  const n = program.cells.length;
  const st: State = {
    snapshot,
    sheets: new Map(snapshot.sheets.map((s) => [s.name, s])),
    options: { policy: options.policy ?? "interval", lang: options.lang ?? "zh-CN", suppressed: options.suppressed ?? new Set() },
    m: new Float64Array(n),
    e: new Int32Array(n),
    status: new Uint8Array(n),
    invalidText: new Map(),
    findingsByCheck: new Array(program.checks.length),
    readFindings: new Map(),
    E0: 0,
    M: new Float64Array(n),
    H: new Float64Array(n),
    fast: false,
  };
  for (let i = 0; i < n; i++) loadCell(program, st, i);
  rescale(st);
  for (const i of st.invalidText.keys()) st.readFindings.set(i, makeReadFinding(program, st, i));
  for (let k = 0; k < program.checks.length; k++) st.findingsByCheck[k] = runCheck(program, st, k);
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
      if (program.checks[k].sign === 1) signTouched.push([k, i]);
      else touched.add(k);
    }
  }
  for (const k of touched) st.findingsByCheck[k] = runCheck(program, st, k);
  // sign vectors: re-evaluate only the changed element
  for (const [k, ci] of signTouched) {
    const c = program.cells[ci];
    const prev = st.findingsByCheck[k] as Finding[] | undefined;
    const kept = (prev ?? []).filter((f) => f.target.sheet !== c.sheet || f.target.address !== c.address);
    const ch = program.checks[k];
    if (st.status[ci] !== STATUS_INVALID && !signPasses(ch.op, st.m[ci])) {
      const f = runTerms(program, st, k, termsOf(ch, ci));
      if (f) kept.push(f);
    }
    st.findingsByCheck[k] = kept.length ? kept : undefined;
  }
  return { ...assemble(program, st), rechecked: touched.size + signTouched.length, unknownCells };
}
