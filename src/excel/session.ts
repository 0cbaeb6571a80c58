/**
 * One validation session over a Host: the ribbon command and the task pane share it (one shared runtime), so
 * the pane shows what the ribbon just did. The use cases themselves live in src/app (checkWorkbook,
 * reportRows, cellMarks, planNarrativeWrite); this class only sequences host reads and writes around them,
 * keeps the last outcome for the live re-check, and publishes results for CJ.CHECK.
 *
 * Round trips per validation: 1 read (sheets + state) and 1 write batch (marks + report + state); see
 * officeHost.ts for the exact budget. A live re-check re-reads only the cells the edited cells' checks read
 * and writes nothing when the findings did not change.
 */
import { checkWorkbook, recheckWorkbook, sameFindings, withState, canExplain, type CheckOutcome } from "../app/check";
import { appMessages } from "../app/i18n/index";
import { boxesOf, cellsToReread, expandChanges as expand, patchSnapshot } from "../app/live";
import { planNarrativeWrite, type NarrativePlan } from "../app/narrative";
import { cellMarks, reportRows, type ReportSheet } from "../app/report";
import type { Settings, WorkbookState } from "../app/state";
import type { Lang } from "../core/i18n/lang";
import { planInputsSheet } from "../core/narrative/inputs-sheet";
import { recognize } from "../core/recognize/index";
import type { Finding } from "../core/rules/types";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import { setLastValidation } from "../functions/registry";
import { recognitionInput } from "../app/check";
import type { CellChange, Host } from "./host";

export { checkedSheets } from "../app/check";

/** The outcome of a run as the UI sees it: the app's outcome plus how and when it was triggered. */
export interface Outcome extends CheckOutcome {
  trigger: "ribbon" | "taskpane" | "live";
  at: number;
}

export type SessionListener = (s: { outcome: Outcome | null; busy: boolean; error: Error | null; state: WorkbookState | null }) => void;

export interface ValidateOptions {
  trigger: Outcome["trigger"];
  /** Activate the report sheet afterwards (the ribbon does, so the user sees the result). */
  activateReport: boolean;
}

/** A refused request with a message for the user (e.g. explaining a 强制 finding). */
export class SessionRefusal extends Error {}

export class ValidationSession {
  outcome: Outcome | null = null;
  busy = false;
  error: Error | null = null;
  state: WorkbookState | null = null;
  private listeners = new Set<SessionListener>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The outcome whose marks and report are in the workbook now (null after clearing or before any run). */
  private shown: CheckOutcome | null = null;
  /** How the last live update was computed, for the UI and tests. */
  lastLiveMode: "recheck" | "full" | "unchanged" | null = null;
  /** Syncs are counted by the host; this counts our write batches, for tests and diagnostics. */
  writes = 0;

  constructor(
    readonly host: Host,
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

  /** Run `work` with busy/error bookkeeping; errors are recorded, then rethrown. */
  private tracked<T>(work: () => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.busy = true;
      this.error = null;
      this.emit();
      try {
        return await work();
      } catch (e) {
        this.error = e instanceof Error ? e : new Error(String(e));
        throw this.error;
      } finally {
        this.busy = false;
        this.emit();
      }
    });
  }

  async loadState(): Promise<WorkbookState> {
    this.state = await this.host.loadState();
    this.emit();
    return this.state;
  }

  /** Validate the whole workbook, mark cells, replace the report sheet: one read, one write batch. */
  validate(options: ValidateOptions): Promise<Outcome> {
    return this.tracked(async () => {
      const { snapshot, state } = await this.host.readWorkbook();
      this.state = state;
      const outcome = this.run(snapshot, state, options.trigger);
      await this.show(outcome, options.activateReport, false);
      return outcome;
    });
  }

  private run(snapshot: WorkbookSnapshot, state: WorkbookState, trigger: Outcome["trigger"]): Outcome {
    return this.stamp(checkWorkbook(snapshot, state, { policy: state.settings.policy, lang: this.lang }), trigger);
  }

  private stamp(o: CheckOutcome, trigger: Outcome["trigger"]): Outcome {
    return { ...o, trigger, at: Date.now() };
  }

  /** The report sheet for an outcome, in the session's language. */
  reportOf(outcome: CheckOutcome): ReportSheet {
    return reportRows(outcome, this.lang);
  }

  /**
   * 创建/补全说明数据表: read the workbook, plan the rows 「说明数据」 lacks (core planInputsSheet) and write them:
   * the whole pre-filled sheet when absent, else only the missing keys appended at the bottom. Two syncs.
   */
  completeInputsSheet(): Promise<{ sheet: string; created: boolean; added: number }> {
    return this.serial(async () => {
      const snapshot = await this.host.readSnapshot();
      const plan = planInputsSheet(recognize(recognitionInput(snapshot)), snapshot);
      if (plan.rows.length > 0) {
        await this.host.writeInputsSheet({ sheet: plan.sheet, create: plan.create, row: plan.row, col: plan.col, rows: plan.rows.map((r) => [r.项目, r.内容, r.说明]) });
      }
      return { sheet: plan.sheet, created: plan.create, added: plan.create ? plan.rows.length - 1 : plan.rows.length };
    });
  }

  /**
   * 写入工作表「情况说明」 without erasing the user's edits: read (1 sync), plan where the text goes
   * (src/app/narrative), write text + state (1 sync). Returns the plan, so the pane can say where it went.
   */
  writeNarrative(paragraphs: string[]): Promise<NarrativePlan> {
    return this.serial(async () => {
      const { snapshot, state } = await this.host.readWorkbook();
      const plan = planNarrativeWrite(snapshot, state, paragraphs);
      await this.host.writeNarrative({ sheet: plan.sheet, replace: plan.replace, paragraphs, state: plan.state });
      this.state = plan.state;
      this.emit();
      return plan;
    });
  }

  /** Restore every marked cell. */
  clearMarks(): Promise<number> {
    return this.serial(async () => {
      const n = await this.host.clearMarks();
      this.shown = null;
      this.emit();
      return n;
    });
  }

  /** 标记为已说明: only a 核实 finding can be explained; store the reason in the workbook, unmark, update the report. */
  async suppress(findingId: string, reason: string, by?: string): Promise<void> {
    const f = this.findFinding(findingId);
    if (f && !canExplain(f)) throw new SessionRefusal(appMessages(this.lang).explainForbidden);
    await this.changeExplanations((s) => ({
      ...s,
      suppressed: {
        ...s.suppressed,
        [findingId]: { reason, at: new Date().toISOString(), ...(by ? { by } : {}), ...(f ? { rule: f.rule, sheet: f.target.sheet, address: f.target.address } : {}) },
      },
    }));
  }

  async unsuppress(findingId: string): Promise<void> {
    await this.changeExplanations((s) => {
      const rest = { ...s.suppressed };
      delete rest[findingId];
      return { ...s, suppressed: rest };
    });
  }

  private findFinding(id: string): Finding | undefined {
    const o = this.outcome;
    return o?.active.find((f) => f.id === id) ?? o?.explained.find((e) => e.finding.id === id)?.finding;
  }

  /** New explanations: state, marks and report in one write batch (the numbers did not change, nothing is re-read). */
  private changeExplanations(change: (s: WorkbookState) => WorkbookState): Promise<void> {
    return this.serial(async () => {
      const next = change(await this.host.loadState());
      this.state = next;
      if (!this.outcome) {
        await this.host.saveState(next);
        this.emit();
        return;
      }
      const outcome = { ...withState(this.outcome, next), trigger: this.outcome.trigger, at: this.outcome.at };
      await this.host.writeResults({ marks: cellMarks(outcome, this.lang), report: this.reportOf(outcome), activateReport: false, state: next });
      this.writes++;
      this.shown = outcome;
      this.outcome = outcome;
      this.emit();
    });
  }

  async updateSettings(patch: Partial<Settings>): Promise<void> {
    await this.serial(async () => {
      const current = await this.host.loadState();
      const settings = { ...current.settings, ...patch };
      // Saving clears Excel's undo history: only when something changed.
      if (JSON.stringify(settings) === JSON.stringify(current.settings)) return;
      const next = { ...current, settings };
      await this.host.saveState(next);
      this.state = next;
      this.emit();
    });
  }

  /**
   * Live re-check: after user edits (debounced), re-read only the edited cells and the cells of the checks
   * they take part in (one sync), re-evaluate only those checks, and write only when the findings changed.
   * An edit no check reads (a label, a new row) may change what the tables are: full read and check then.
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
    return this.tracked(async () => {
      const prev = this.outcome;
      let outcome: Outcome | null = null;
      const changed = expand(changes);
      const reread = prev && changed ? cellsToReread(prev.program, changed) : undefined;
      const boxes = reread ? boxesOf(reread) : undefined;
      if (prev && reread && boxes) {
        const fresh = await this.host.readCells(boxes);
        const snapshot = patchSnapshot(prev.snapshot, fresh);
        const state = await this.host.loadState();
        const o = recheckWorkbook(prev, reread, snapshot, state);
        if (o) {
          outcome = this.stamp(o, "live");
          this.lastLiveMode = "recheck";
        }
      }
      if (!outcome) {
        const { snapshot, state } = await this.host.readWorkbook();
        this.state = state;
        outcome = this.run(snapshot, state, "live");
        this.lastLiveMode = "full";
      }
      await this.show(outcome, false, true);
      return outcome;
    });
  }

  /** Marks, report sheet and CJ.CHECK state for a fresh outcome; no write when what is shown already says this. */
  private async show(outcome: Outcome, activateReport: boolean, live: boolean): Promise<void> {
    if (!activateReport && sameFindings(this.shown, outcome)) {
      if (live) this.lastLiveMode = "unchanged";
    } else {
      // Every caller of show() has just read the workbook (readWorkbook or readCells) for this outcome.
      await this.host.writeResults({ marks: cellMarks(outcome, this.lang), report: this.reportOf(outcome), activateReport, afterRead: true });
      this.writes++;
      this.shown = outcome;
    }
    setLastValidation(outcome.result, outcome.ruleIds);
    this.outcome = outcome;
  }
}

/** Changed ranges as single cells; undefined when too many to re-check one by one (a paste, a fill-down). */
export const expandChanges = expand;
