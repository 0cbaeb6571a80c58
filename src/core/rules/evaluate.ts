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
import { maxWeightSum } from "./program";
import { CELL_UNREADABLE, MAX_EXPONENT, TermBuffer, compareScaled, compareTerms, newOutcome, pow10, scaledLimit } from "./interval";
import type { IntervalOutcome, ScaledCells } from "./interval";
import type { Finding, FindingItem, SkippedRule, TolerancePolicy, ValidationResult } from "./types";

export interface EvaluateOptions {
  policy?: TolerancePolicy;
  lang?: Lang;
  /** Ids of findings the user has explained; they are left out of the result. */
  suppressed?: Set<string>;
  /** false: every check by the general interval path, none by the pre-scaled fast path (tests compare the two). */
  fastPath?: boolean;
}

// Local bindings of hot imported functions: some module loaders (tsx/CommonJS interop) turn every access to an
// imported binding into a getter call, which is measurable at 50k cells.
const cellAtLocal = cellAt;
const formatAtLocal = formatAt;
const compareScaledLocal = compareScaled;
const OPS_LOCAL = OPS;
const SIGN_FLAG = CHECK_SIGN;
const SIMPLE_FLAG = CHECK_SIMPLE;

/** The ProgramCell object of cell i (for findings; the hot paths read program.layout). */
function cellOf(program: Program, i: number): ProgramCell {
  return programCell(program.layout, i);
}
const pow10Local = pow10;
const MAX_E = MAX_EXPONENT;

const STATUS_AMOUNT = 0;
const STATUS_BLANK = 1;
const STATUS_INVALID = CELL_UNREADABLE;

/**
 * Everything one evaluation owns (held by an Evaluation): the cells' readings, the findings per check, and its own
 * scratch buffers, so that two evaluations of one program never share anything mutable.
 */
interface State extends ScaledCells {
  program: Program;
  snapshot: WorkbookSnapshot;
  sheets: Map<string, SheetSnapshot>;
  options: Required<Pick<EvaluateOptions, "policy" | "lang" | "fastPath">> & { suppressed: Set<string> };
  /** Displayed value as integer mantissa and its exponent (decimals + unit shift), per cell. */
  m: Float64Array;
  e: Int32Array;
  /** Text of unreadable cells. */
  invalidText: Map<number, string>;
  findingsByCheck: (Finding | Finding[] | undefined)[];
  readFindings: Map<number, Finding>;
  /** The fast path may run: every M ± H, times the largest weight sum of a simple check, stays an exact integer. */
  fast: boolean;
  /** Largest |M| + H a cell may have for the fast path to stay exact (see scaledLimit). */
  fastLimit: number;
  /** Last sheet looked up by name (cells come sheet by sheet). */
  lastSheetName?: string;
  lastSheet?: SheetSnapshot;
  /** Decimals per number format (−1 = the format fixes none), and the last one looked up (neighbours share one). */
  formats: Map<string, number>;
  lastFormat?: string;
  lastFormatDecimals: number;
  /** Scratch for the general path. */
  buf: TermBuffer;
  outcome: IntervalOutcome;
}

/**
 * Bring every cell to the common exponent scale = finest exponent + 1 (so half-widths are integers too), and
 * decide whether the fast path's integer sums stay exact.
 */
function rescale(st: State): void {
  let maxE = 0;
  for (let i = 0; i < st.e.length; i++) if (st.status[i] !== STATUS_INVALID && st.e[i] > maxE) maxE = st.e[i];
  st.scale = maxE + 1;
  st.fast = st.options.fastPath;
  for (let i = 0; i < st.e.length; i++) scaleCell(st, i);
}

function scaleCell(st: State, i: number): void {
  if (st.status[i] === STATUS_INVALID) return;
  const shift = st.scale - st.e[i];
  const M = st.m[i] * pow10Local(shift);
  const H = 5 * pow10Local(shift - 1);
  st.M[i] = M;
  st.H[i] = H;
  // beyond this, sums of large amounts at a fine scale could leave the exact integer range: general path only
  if (Math.abs(M) + H > st.fastLimit) st.fast = false;
}

function cachedFormatDecimals(st: State, fmt: string): number | undefined {
  if (fmt !== st.lastFormat) {
    let d = st.formats.get(fmt);
    if (d === undefined) {
      d = formatDecimals(fmt) ?? -1;
      st.formats.set(fmt, d);
    }
    st.lastFormat = fmt;
    st.lastFormatDecimals = d;
  }
  return st.lastFormatDecimals < 0 ? undefined : st.lastFormatDecimals;
}

/** Read one cell as an amount; numbers with a known format take a fast path (the common case, read 50k times). */
function readAmount(st: State, sheet: SheetSnapshot | undefined, row: number, col: number, tableDecimals: number): AmountReading {
  if (!sheet) return { kind: "blank" };
  const v = cellAtLocal(sheet, row, col);
  const fmt = formatAtLocal(sheet, row, col);
  if (typeof v === "number" && Number.isFinite(v) && fmt) {
    const d = cachedFormatDecimals(st, fmt);
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

function loadCell(st: State, i: number): void {
  const L = st.program.layout;
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
      const fd = fmt ? cachedFormatDecimals(st, fmt) : undefined;
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
  const reading = readAmount(st, sheet, row, col, view.decimals);
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

/** The cell as it reads now (a fresh object: the recognised ref may be a class with getters, not spreadable). */
function refOf(st: State, i: number): CellRef {
  const c = cellOf(st.program, i);
  const sheet = st.sheets.get(c.sheet);
  const raw = sheet ? cellAtLocal(sheet, c.row, c.col) : null;
  return { sheet: c.sheet, address: c.address, row: c.row, col: c.col, text: raw === null ? "" : String(raw), reading: readAmount(st, sheet, c.row, c.col, c.decimals) };
}

type Terms = ReturnType<typeof termsOf>;

function signPasses(op: Check["op"], m: number): boolean {
  // one displayed value against 0: under both policies only its sign matters (a negative display is < −h)
  return op === ">=" ? m >= 0 : op === "<=" ? m <= 0 : m === 0;
}

/** Evaluate check k: a finding, several (sign vectors), or undefined when it passes. */
function runCheck(st: State, k: number): Finding | Finding[] | undefined {
  const program = st.program;
  const T = program.table;
  const flags = T.flags[k];
  if ((flags & SIGN_FLAG) === 0) {
    // a pass on the fast path is final; a failure is worked out again on the general path, which words the finding
    if (st.fast && (flags & SIMPLE_FLAG) !== 0 && compareScaledLocal(st, T.termCell, T.termW, T.start[k], T.nLeft[k], T.len[k], OPS_LOCAL[T.op[k]], st.options.policy, st.outcome) && st.outcome.pass) return undefined;
    return runTerms(st, k, checkAt(program, k));
  }
  let out: Finding[] | undefined;
  const op = OPS[T.op[k]];
  const end = T.start[k] + T.len[k];
  for (let i = T.start[k]; i < end; i++) {
    const ci = T.termCell[i];
    if (st.status[ci] === STATUS_INVALID || signPasses(op, st.m[ci])) continue;
    const f = runTerms(st, k, termsOf(checkAt(program, k), ci));
    if (f) (out ??= []).push(f);
  }
  return out;
}

/** Evaluate one elementary comparison on the general path; undefined when it passes. */
function runTerms(st: State, k: number, terms: Terms): Finding | undefined {
  const ch = checkAt(st.program, k);
  const n = terms.cells.length;
  const buf = st.buf;
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
    return makeFinding(st, k, terms, undefined, invalid);
  }
  const outcome = compareTerms(buf, ch.op, st.options.policy, st.outcome);
  if (outcome.pass) return undefined;
  return makeFinding(st, k, terms, outcome);
}

function makeFinding(st: State, k: number, ch: Terms, out: IntervalOutcome | undefined, invalidCell?: number): Finding {
  const program = st.program;
  const check = checkAt(program, k);
  const op = check.op;
  const code = check.code;
  const missing = check.missing;
  const rule = program.rules[check.rule];
  const targetIdx = ch.cells.find((c) => c >= 0)!;
  const target = refOf(st, targetIdx);
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
      items.push({ cell: refOf(st, ci), value, weight: w, label: cellLabel(c), side });
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

function makeReadFinding(st: State, ci: number): Finding {
  const c = cellOf(st.program, ci);
  const target = refOf(st, ci);
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

function assemble(st: State): ValidationResult {
  const program = st.program;
  const findings: Finding[] = [];
  const keep = (f: Finding | undefined): void => {
    if (f && !st.options.suppressed.has(f.id)) findings.push(f);
  };
  // in cell order, as a full evaluation finds them (a re-check adds newly unreadable cells at the end of the map)
  const unreadable = [...st.readFindings.keys()];
  if (unreadable.length > 1) unreadable.sort((a, b) => a - b);
  for (const i of unreadable) keep(st.readFindings.get(i));
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

/** What Evaluation.recheck() did, besides the refreshed result. */
export interface RecheckResult extends ValidationResult {
  /** Number of checks re-evaluated. */
  rechecked: number;
  /** Changed cells that no check or table reads (a structural edit may need a full validate()). */
  unknownCells: { sheet: string; address: string }[];
}

/**
 * One evaluation of a compiled program on a workbook: its result, and the state to re-check it after cell edits.
 * It owns its readings and scratch buffers, so several evaluations of one (cached, shared) program are independent.
 */
export class Evaluation {
  /** The result of the evaluation, then of the latest recheck(). */
  result: ValidationResult;
  private readonly st: State;

  constructor(
    readonly program: Program,
    snapshot: WorkbookSnapshot,
    options: EvaluateOptions = {},
  ) {
    const n = program.layout.count;
    const st: State = {
      program,
      snapshot,
      sheets: sheetsByName(snapshot),
      options: { policy: options.policy ?? "interval", lang: options.lang ?? "zh-CN", suppressed: options.suppressed ?? new Set(), fastPath: options.fastPath ?? true },
      m: new Float64Array(n),
      e: new Int32Array(n),
      status: new Uint8Array(n),
      invalidText: new Map(),
      findingsByCheck: new Array(program.table.count),
      clip: program.layout.clip,
      readFindings: new Map(),
      scale: 0,
      M: new Float64Array(n),
      H: new Float64Array(n),
      fast: false,
      fastLimit: scaledLimit(maxWeightSum(program)),
      // every field set here, so the object keeps one shape (the hot functions read it 50k times)
      lastSheetName: undefined,
      lastSheet: undefined,
      formats: new Map(),
      lastFormat: undefined,
      lastFormatDecimals: -1,
      buf: new TermBuffer(64),
      outcome: newOutcome(),
    };
    this.st = st;
    for (let i = 0; i < n; i++) loadCell(st, i);
    rescale(st);
    for (const i of st.invalidText.keys()) st.readFindings.set(i, makeReadFinding(st, i));
    for (let k = 0; k < program.table.count; k++) st.findingsByCheck[k] = runCheck(st, k);
    this.result = assemble(st);
  }

  /**
   * Re-evaluate only the checks that read the changed cells, on the snapshot given (or the one evaluated last, if
   * the host updated it in place).
   */
  recheck(changedCells: { sheet: string; address: string }[], snapshot?: WorkbookSnapshot): RecheckResult {
    const st = this.st;
    const program = this.program;
    if (snapshot && snapshot !== st.snapshot) {
      st.snapshot = snapshot;
      st.sheets = sheetsByName(snapshot);
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
      loadCell(st, i);
      if (st.status[i] !== STATUS_INVALID && st.e[i] + 1 > st.scale) rescale(st);
      else scaleCell(st, i);
      if (st.status[i] === STATUS_INVALID) st.readFindings.set(i, makeReadFinding(st, i));
      else st.readFindings.delete(i);
      for (const k of checksOfCell(program, i)) {
        if ((program.table.flags[k] & CHECK_SIGN) !== 0) signTouched.push([k, i]);
        else touched.add(k);
      }
    }
    for (const k of touched) st.findingsByCheck[k] = runCheck(st, k);
    // sign vectors: re-evaluate only the changed element
    for (const [k, ci] of signTouched) {
      const c = cellOf(program, ci);
      const prev = st.findingsByCheck[k] as Finding[] | undefined;
      let kept = (prev ?? []).filter((f) => f.target.sheet !== c.sheet || f.target.address !== c.address);
      const ch = checkAt(program, k);
      if (st.status[ci] !== STATUS_INVALID && !signPasses(ch.op, st.m[ci])) {
        const f = runTerms(st, k, termsOf(ch, ci));
        if (f) kept = kept.length === 0 ? [f] : inTermOrder(program, k, kept, ci, f);
      }
      st.findingsByCheck[k] = kept.length ? kept : undefined;
    }
    this.result = assemble(st);
    return { ...this.result, rechecked: touched.size + signTouched.length, unknownCells };
  }
}

/** A sign vector's findings with `f` (about cell `ci`) added, in the order of the vector's cells, as evaluate() lists them. */
function inTermOrder(program: Program, k: number, kept: Finding[], ci: number, f: Finding): Finding[] {
  const byCell = new Map<number, Finding>([[ci, f]]);
  for (const g of kept) byCell.set(findCell(program, g.target.sheet, g.target.address)!, g);
  const T = program.table;
  const out: Finding[] = [];
  const end = T.start[k] + T.len[k];
  for (let t = T.start[k]; t < end && out.length < byCell.size; t++) {
    const g = byCell.get(T.termCell[t]);
    if (g) out.push(g);
  }
  return out;
}

function sheetsByName(snapshot: WorkbookSnapshot): Map<string, SheetSnapshot> {
  return new Map(snapshot.sheets.map((s) => [s.name, s]));
}

/** Evaluate every check of the program on the snapshot; keep the Evaluation to recheck() it after edits. */
export function evaluate(program: Program, snapshot: WorkbookSnapshot, options: EvaluateOptions = {}): Evaluation {
  return new Evaluation(program, snapshot, options);
}
