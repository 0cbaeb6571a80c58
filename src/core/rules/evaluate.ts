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
import { cellLabel, findCell } from "./compile";
import { stableHash } from "./hash";
import { MAX_EXPONENT, TermBuffer, compareTerms, newOutcome, pow10 } from "./interval";
import type { Finding, FindingItem, TolerancePolicy, ValidationResult } from "./types";

export interface EvaluateOptions {
  policy?: TolerancePolicy;
  lang?: Lang;
  /** Ids of findings the user has explained; they are left out of the result. */
  suppressed?: Set<string>;
}

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
  findingsByCheck: (Finding | undefined)[];
  readFindings: Map<number, Finding>;
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
  const v = cellAt(sheet, row, col);
  const fmt = formatAt(sheet, row, col);
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
    const d = Math.max(0, Math.min(reading.decimals, MAX_EXPONENT - c.unitShift));
    st.m[i] = Math.round(reading.value * pow10(d));
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
  const v = Math.round(value / pow10(scale - d));
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
  const raw = sheet ? cellAt(sheet, c.row, c.col) : null;
  return { ...c.ref, text: raw === null ? "" : String(raw), reading: readAmount(sheet, c.row, c.col, c.decimals) };
}

const buf = new TermBuffer(64);
const outcome = newOutcome();

/** Evaluate check k; undefined when it passes. */
function runCheck(program: Program, st: State, k: number): Finding | undefined {
  const ch = program.checks[k];
  if (ch.sign === 1) {
    // one displayed value against 0: under both policies only its sign matters (a negative display is < −h)
    const ci = ch.cells[0];
    if (st.status[ci] === STATUS_INVALID) return undefined;
    const m = st.m[ci];
    if (ch.op === ">=" ? m >= 0 : ch.op === "<=" ? m <= 0 : m === 0) return undefined;
  }
  const n = ch.cells.length;
  buf.reset(n);
  let invalid = -1;
  for (let t = 0; t < n; t++) {
    if (t === ch.nLeft) buf.endLeft();
    const ci = ch.cells[t];
    if (ci < 0) {
      buf.push(ch.weights[t], ch.wexp[t], 1, false, false);
      continue;
    }
    if (st.status[ci] === STATUS_INVALID) {
      invalid = ci;
      continue;
    }
    buf.push(st.m[ci], st.e[ci] + ch.wexp[t], ch.weights[t], true, program.cells[ci].clip);
  }
  if (ch.nLeft === n) buf.endLeft();
  if (invalid >= 0) {
    // A single-cell check on an unreadable cell says nothing beyond the READ finding itself.
    if (ch.cells.filter((c) => c >= 0).length <= 1) return undefined;
    return makeFinding(program, st, k, undefined, invalid);
  }
  compareTerms(buf, ch.op, st.options.policy, outcome);
  if (outcome.pass) return undefined;
  return makeFinding(program, st, k, outcome);
}

function makeFinding(program: Program, st: State, k: number, out: typeof outcome | undefined, invalidCell?: number): Finding {
  const ch = program.checks[k];
  const rule = program.rules[ch.rule];
  const targetIdx = ch.cells.find((c) => c >= 0)!;
  const target = refOf(program, st, targetIdx);
  const scale = out?.scale ?? 0;
  const items: FindingItem[] = [];
  const leftParts: string[] = [];
  const rightParts: string[] = [];
  let displayDecimals = 0;
  for (let t = 0; t < ch.cells.length; t++) {
    const ci = ch.cells[t];
    displayDecimals = Math.max(displayDecimals, ci >= 0 ? st.e[ci] : ch.wexp[t]);
  }
  displayDecimals = Math.min(displayDecimals, MAX_EXPONENT);
  const valueText = (ci: number): string => (st.status[ci] === STATUS_INVALID ? `“${st.invalidText.get(ci) ?? ""}”` : formatScaled(st.m[ci], st.e[ci], st.e[ci]));
  for (let t = 0; t < ch.cells.length; t++) {
    const ci = ch.cells[t];
    const side = t < ch.nLeft ? "left" : "right";
    const parts = side === "left" ? leftParts : rightParts;
    const w = ch.weights[t] / pow10(ch.wexp[t]);
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
      const value = st.status[ci] === STATUS_INVALID ? Number.NaN : st.m[ci] / pow10(st.e[ci]);
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
    op: ch.op,
  };
  const finding: Finding = {
    id: "",
    rule: rule.id,
    severity: rule.severity,
    code: invalidCell !== undefined ? "unevaluable" : ch.code,
    target,
    table: program.cells[targetIdx].table,
    items,
    missing: ch.missing,
    params,
    message: "",
  };
  if (out) {
    finding.actual = out.left / pow10(scale);
    finding.expected = out.right / pow10(scale);
    finding.difference = (out.left - out.right) / pow10(scale);
    const half = st.options.policy === "interval" ? out.half / pow10(scale) : 0;
    finding.tolerance = { low: -half, high: half };
    params.actual = formatScaled(out.left, scale, displayDecimals);
    params.expected = formatScaled(out.right, scale, displayDecimals);
    params.difference = formatScaled(out.left - out.right, scale, displayDecimals);
    params.tolerance = st.options.policy === "interval" ? formatScaled(out.half, scale, Math.min(scale, displayDecimals + 1)).replace(/(\.\d*?[1-9])0+$/, "$1").replace(/\.0+$/, "") : "0";
  } else if (invalidCell !== undefined) {
    const bad = program.cells[invalidCell];
    params.badSheet = bad.sheet;
    params.badAddress = bad.address;
    params.badText = st.invalidText.get(invalidCell) ?? "";
  }
  // Stable id: rule + every cell address and displayed value; changes when any number changes.
  const key = [rule.id, k < 0 ? "" : ch.op, ...ch.cells.map((ci, t) => (ci < 0 ? `#${ch.weights[t]}e${ch.wexp[t]}` : `${program.cells[ci].sheet}!${program.cells[ci].address}=${st.status[ci] === STATUS_INVALID ? st.invalidText.get(ci) : `${st.m[ci]}e${st.e[ci]}`}`))].join("|");
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
  for (const f of st.findingsByCheck) keep(f);
  let error = 0;
  let warning = 0;
  for (const f of findings) if (f.severity === "error") error++;
  else warning++;
  return { findings, skipped: program.skipped, ruleErrors: program.ruleErrors, checks: program.checks.length, counts: { error, warning } };
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
  };
  for (let i = 0; i < n; i++) loadCell(program, st, i);
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
  const unknownCells: { sheet: string; address: string }[] = [];
  for (const c of changedCells) {
    const i = findCell(program, c.sheet, c.address);
    if (i === undefined) {
      unknownCells.push(c);
      continue;
    }
    loadCell(program, st, i);
    if (st.status[i] === STATUS_INVALID) st.readFindings.set(i, makeReadFinding(program, st, i));
    else st.readFindings.delete(i);
    for (const k of program.checksByCell[i]) touched.add(k);
  }
  for (const k of touched) st.findingsByCheck[k] = runCheck(program, st, k);
  return { ...assemble(program, st), rechecked: touched.size, unknownCells };
}
