/**
 * One validation session over a Host: read → recognise → validate → marks + report, suppression, settings and
 * the live re-check. Shared by the ribbon command and the task pane (they run in one shared runtime), so the
 * task pane shows what the ribbon just did. Knows nothing about Office.js; the engine is injected so this
 * module does not depend on which core modules exist.
 */
import type { Lang } from "../core/i18n/lang";
import { planInputsSheet } from "../core/narrative/inputs-sheet";
import type { RecognitionResult } from "../core/recognize/types";
import type { Finding, TolerancePolicy, ValidationResult } from "../core/rules/types";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import { fromA1, toA1 } from "../core/workbook/snapshot";
import { NARRATIVE_SHEET, REPORT_SHEET, type CellChange, type CellMark, type Host, type ReportRow, type ReportSheet } from "./host";
import { reportHeaders, severityWord, summaryLine, tableName, type SummaryCounts } from "./reportText";
import type { AddinState, Settings } from "./state";

/**
 * The core functions a session needs (bound to src/core in coreEngine.ts; tests may pass others). `P` is the
 * engine's compiled rule program, opaque here; keeping it lets a live re-check evaluate only the checks that
 * read the changed cells.
 */
export interface Engine<P = unknown> {
  recognize(snapshot: WorkbookSnapshot): RecognitionResult;
  compile(recognition: RecognitionResult, snapshot: WorkbookSnapshot): P;
  evaluate(program: P, snapshot: WorkbookSnapshot, options: { policy: TolerancePolicy; lang: Lang }): ValidationResult;
  /** Incremental re-evaluation after edits; `unknownCells` are edits no check reads (may be structural). */
  recheck?(program: P, changed: { sheet: string; address: string }[], snapshot: WorkbookSnapshot): ValidationResult & { unknownCells: unknown[] };
  /** Called after each validation so CJ.CHECK can report it (custom functions share the runtime). */
  publish?(result: ValidationResult): void;
}

export interface Outcome {
  snapshot: WorkbookSnapshot;
  recognition: RecognitionResult;
  result: ValidationResult;
  /** Findings the user has not explained: these are marked. */
  active: Finding[];
  /** Findings explained (suppressed) with their reason: listed, not marked. */
  explained: { finding: Finding; reason: string }[];
  counts: SummaryCounts;
  summary: string;
  /** Wall time of the run and how it was triggered. */
  trigger: "ribbon" | "taskpane" | "live";
  at: number;
}

export type SessionListener = (s: { outcome: Outcome | null; busy: boolean; error: Error | null; state: AddinState | null }) => void;

export interface ValidateOptions {
  trigger: Outcome["trigger"];
  /** Activate the report sheet afterwards (the ribbon does, so the user sees the result). */
  activateReport: boolean;
}

export class ValidationSession {
  outcome: Outcome | null = null;
  busy = false;
  error: Error | null = null;
  state: AddinState | null = null;
  private listeners = new Set<SessionListener>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private program: unknown = null;
  /** How the last live update was computed, for the UI and tests. */
  lastLiveMode: "recheck" | "full" | null = null;

  constructor(
    readonly host: Host,
    private readonly engine: Engine,
    private displayLang: Lang = "zh-CN",
    /** Debounce of the live re-check, ms. */
    private readonly debounceMs = 800,
  ) {}

  /** UI language: the workbook setting if any, else Office's display language. */
  get lang(): Lang {
    return this.state?.settings.lang ?? this.displayLang;
  }

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    listener(this.snapshotOfSelf());
    return () => this.listeners.delete(listener);
  }

  private snapshotOfSelf() {
    return { outcome: this.outcome, busy: this.busy, error: this.error, state: this.state };
  }

  private emit(): void {
    for (const l of this.listeners) l(this.snapshotOfSelf());
  }

  /** Run host work one at a time: a live re-check never interleaves with a button press. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async loadState(): Promise<AddinState> {
    this.state = await this.host.loadState();
    this.emit();
    return this.state;
  }

  /** Validate the whole workbook, mark cells, replace the report sheet. Errors are rethrown after being recorded. */
  validate(options: ValidateOptions): Promise<Outcome> {
    return this.serial(async () => {
      this.busy = true;
      this.error = null;
      this.emit();
      try {
        const state = await this.host.loadState();
        this.state = state;
        const snapshot = await this.host.readSnapshot();
        return await this.show(this.evaluate(snapshot, state, options.trigger), options.activateReport);
      } catch (e) {
        this.error = e instanceof Error ? e : new Error(String(e));
        throw this.error;
      } finally {
        this.busy = false;
        this.emit();
      }
    });
  }

  /** Full run: recognise, compile and evaluate the snapshot. */
  private evaluate(snapshot: WorkbookSnapshot, state: AddinState, trigger: Outcome["trigger"]): Outcome {
    const input = withoutOwnSheets(snapshot);
    const recognition = this.engine.recognize(input);
    this.program = this.engine.compile(recognition, input);
    // Suppression is applied here, not in the engine (which would drop the findings): explained findings stay
    // listed with their reason in the pane and the report, but are not marked or counted.
    const result = this.engine.evaluate(this.program, checkedSheets(snapshot), { policy: state.settings.policy, lang: this.lang });
    return this.outcomeOf(snapshot, recognition, result, state, trigger);
  }

  private outcomeOf(snapshot: WorkbookSnapshot, recognition: RecognitionResult, result: ValidationResult, state: AddinState, trigger: Outcome["trigger"]): Outcome {
    const active: Finding[] = [];
    const explained: Outcome["explained"] = [];
    for (const f of result.findings) {
      const s = state.suppressed[f.id];
      if (s) explained.push({ finding: f, reason: s.reason });
      else active.push(f);
    }
    const counts: SummaryCounts = {
      error: active.filter((f) => f.severity === "error").length,
      warning: active.filter((f) => f.severity === "warning").length,
      explained: explained.length,
      tables: recognition.tables.length,
    };
    return { snapshot, recognition, result, active, explained, counts, summary: summaryLine(counts, this.lang), trigger, at: Date.now() };
  }

  reportOf(outcome: Outcome): ReportSheet {
    const lang = this.lang;
    const row = (f: Finding, reason: string): ReportRow => ({
      severity: severityWord(f.severity, lang),
      rule: f.rule,
      table: tableName(f.table, lang),
      sheet: f.target.sheet,
      address: f.target.address,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      difference: f.difference ?? null,
      message: f.message,
      explained: reason,
    });
    return {
      headers: reportHeaders(lang),
      summary: outcome.summary,
      rows: [...outcome.active.map((f) => row(f, "")), ...outcome.explained.map((e) => row(e.finding, e.reason))],
    };
  }

  /**
   * 创建/补全说明数据表: read the workbook, plan the rows 「说明数据」 lacks (core planInputsSheet) and write them:
   * the whole pre-filled sheet when absent, else only the missing keys appended at the bottom. Two syncs.
   */
  completeInputsSheet(): Promise<{ sheet: string; created: boolean; added: number }> {
    return this.serial(async () => {
      const snapshot = await this.host.readSnapshot();
      const plan = planInputsSheet(this.engine.recognize(withoutOwnSheets(snapshot)), snapshot);
      if (plan.rows.length > 0) {
        await this.host.writeInputsSheet({ sheet: plan.sheet, create: plan.create, row: plan.row, col: plan.col, rows: plan.rows.map((r) => [r.项目, r.内容, r.说明]) });
      }
      return { sheet: plan.sheet, created: plan.create, added: plan.create ? plan.rows.length - 1 : plan.rows.length };
    });
  }

  /** Restore every marked cell. */
  clearMarks(): Promise<number> {
    return this.serial(async () => {
      const n = await this.host.clearMarks();
      this.emit();
      return n;
    });
  }

  /** 标记为已说明: store the reason in the workbook, unmark the cell, update the report. */
  async suppress(findingId: string, reason: string): Promise<void> {
    await this.updateState((s) => ({ ...s, suppressed: { ...s.suppressed, [findingId]: { reason, at: new Date().toISOString() } } }));
    await this.refreshFromLast();
  }

  async unsuppress(findingId: string): Promise<void> {
    await this.updateState((s) => {
      const rest = { ...s.suppressed };
      delete rest[findingId];
      return { ...s, suppressed: rest };
    });
    await this.refreshFromLast();
  }

  async updateSettings(patch: Partial<Settings>): Promise<void> {
    await this.updateState((s) => ({ ...s, settings: { ...s.settings, ...patch } }));
  }

  private updateState(change: (s: AddinState) => AddinState): Promise<void> {
    return this.serial(async () => {
      const current = await this.host.loadState();
      const next = change(current);
      await this.host.saveState(next);
      this.state = next;
      this.emit();
    });
  }

  /** Re-apply suppression to the last run without re-reading (the numbers did not change). */
  private refreshFromLast(): Promise<void> {
    return this.serial(async () => {
      if (!this.outcome || !this.state) return;
      const o = this.outcome;
      const outcome = this.outcomeOf(o.snapshot, o.recognition, o.result, this.state, o.trigger);
      await this.host.writeMarks(toMarks(outcome.active));
      await this.host.writeReport(this.reportOf(outcome), false);
      this.outcome = outcome;
      this.emit();
    });
  }

  /**
   * Live re-check: after user edits (debounced), read a fresh snapshot (one sync) and re-evaluate only the
   * checks that read the changed cells (engine.recheck). Edits no check reads may change what the tables are
   * (a label, a new row), so they trigger a full recognise + evaluate instead. Marks and report follow.
   */
  async startLive(): Promise<void> {
    if (this.unsubscribe) return;
    this.unsubscribe = await this.host.onChanged((changes) => this.onUserChange(changes));
    this.emit();
  }

  async stopLive(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const u = this.unsubscribe;
    this.unsubscribe = null;
    if (u) await u();
    this.emit();
  }

  get live(): boolean {
    return this.unsubscribe !== null;
  }

  private pendingChanges: CellChange[] = [];

  private onUserChange(changes: CellChange[]): void {
    if (changes.length === 0 || !this.outcome) return; // nothing to keep up to date before the first run
    this.pendingChanges.push(...changes);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const batch = this.pendingChanges;
      this.pendingChanges = [];
      this.liveUpdate(batch).catch(() => undefined); // the error is kept in this.error and shown by the pane
    }, this.debounceMs);
  }

  /** Re-check after edits; see startLive. */
  liveUpdate(changes: CellChange[]): Promise<Outcome> {
    return this.serial(async () => {
      this.busy = true;
      this.error = null;
      this.emit();
      try {
        const state = await this.host.loadState();
        const snapshot = await this.host.readSnapshot();
        const cells = expandChanges(changes);
        let outcome: Outcome | null = null;
        if (this.outcome && this.program !== null && this.engine.recheck && cells) {
          const res = this.engine.recheck(this.program, cells, checkedSheets(snapshot));
          if (res.unknownCells.length === 0) {
            outcome = this.outcomeOf(snapshot, this.outcome.recognition, res, state, "live");
            this.lastLiveMode = "recheck";
          }
        }
        if (!outcome) {
          outcome = this.evaluate(snapshot, state, "live");
          this.lastLiveMode = "full";
        }
        return await this.show(outcome, false);
      } catch (e) {
        this.error = e instanceof Error ? e : new Error(String(e));
        throw this.error;
      } finally {
        this.busy = false;
        this.emit();
      }
    });
  }

  /** Marks, report sheet and CJ.CHECK state for a fresh outcome (the same for a full run and a live re-check). */
  private async show(outcome: Outcome, activateReport: boolean): Promise<Outcome> {
    await this.host.writeMarks(toMarks(outcome.active));
    await this.host.writeReport(this.reportOf(outcome), activateReport);
    this.engine.publish?.(outcome.result);
    this.outcome = outcome;
    return outcome;
  }
}

function withoutOwnSheets(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  // Our own report/narrative sheets are output, never input to recognition.
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== REPORT_SHEET && s.name !== NARRATIVE_SHEET) };
}

/**
 * What the checks read: everything but the report sheet (its messages quote placeholders). The narrative sheet
 * 「情况说明」 stays in, so placeholders left in it are listed (rule N-PH) like in the CLI.
 */
export function checkedSheets(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== REPORT_SHEET) };
}

/** Changed ranges as single cells; undefined when too many to re-check one by one (a paste, a fill-down). */
export function expandChanges(changes: CellChange[], limit = 2000): { sheet: string; address: string }[] | undefined {
  const out: { sheet: string; address: string }[] = [];
  for (const c of changes) {
    if (!c.sheet) return undefined;
    const [a, b] = c.address.split(":");
    const p = fromA1(a);
    const q = fromA1(b ?? a);
    if (!p || !q) return undefined;
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) {
      for (let col = Math.min(p.col, q.col); col <= Math.max(p.col, q.col); col++) {
        out.push({ sheet: c.sheet, address: toA1(r, col) });
        if (out.length > limit) return undefined;
      }
    }
  }
  return out;
}

/** Marks for the findings the user must still look at. */
export function toMarks(findings: Finding[]): CellMark[] {
  return findings.map((f) => ({ sheet: f.target.sheet, address: f.target.address, severity: f.severity, message: f.message }));
}
