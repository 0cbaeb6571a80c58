/**
 * Writing 「情况说明」 without losing the user's work: where a generated narrative goes. We remember (in the
 * workbook state) a hash of every cell we wrote; a later write replaces the sheet only when it still holds
 * exactly that. Any edit — a placeholder filled in, a sentence rewritten, a line added — sends the new text to
 * a fresh sheet 「情况说明(2)」 (then (3)…) and leaves the edited sheet as it is.
 */
import { stableHash } from "../core/rules/hash";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import { toA1 } from "../core/workbook/snapshot";
import { NARRATIVE_SHEET } from "./check";
import type { Settings, WorkbookState } from "./state";
import { resolveStyle } from "../core/narrative/style-options";
import { INPUTS_SHEET, inputKeyOf } from "../core/narrative/inputs";
import { inputItemKey } from "../core/text/keys";
import { cellText } from "../core/recognize/normalize";
import type { NarrativeStyle } from "../core/narrative/index";

export interface NarrativePlan {
  sheet: string;
  /** True: the sheet exists and holds only what we wrote last time, so it may be replaced. False: create it. */
  replace: boolean;
  /** The preferred sheet holds edits (or text we never wrote): the write went elsewhere. */
  keptEdited: string | null;
  paragraphs: string[];
  /** The state to store with the write. */
  state: WorkbookState;
}

/** Hash of one cell's text as we record it. */
function textHash(text: string): string {
  return stableHash(text.trim());
}

/** Non-empty text cells of a sheet, A1 → text. */
function sheetTexts(snapshot: WorkbookSnapshot, name: string): Map<string, string> | undefined {
  const s = snapshot.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!s) return undefined;
  const out = new Map<string, string>();
  s.values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === null || v === "") return;
      out.set(toA1(s.origin.row + r, s.origin.col + c), String(v));
    }),
  );
  return out;
}

/** Does the sheet hold anything we did not write (or did the user change what we wrote)? */
export function sheetEdited(snapshot: WorkbookSnapshot, state: WorkbookState, sheet: string): boolean {
  const texts = sheetTexts(snapshot, sheet);
  if (!texts || texts.size === 0) return false;
  const written = state.written?.[sheet]?.cells;
  if (!written) return true; // text we never wrote: the user's own
  for (const [a, text] of texts) if (written[a] !== textHash(text)) return true;
  for (const a of Object.keys(written)) if (!texts.has(a)) return true; // a line the user deleted
  return false;
}

/** Where to write the paragraphs, and the state recording them. */
export function planNarrativeWrite(snapshot: WorkbookSnapshot, state: WorkbookState, paragraphs: string[], now = new Date()): NarrativePlan {
  const exists = (name: string) => snapshot.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  let sheet = NARRATIVE_SHEET;
  let keptEdited: string | null = null;
  if (exists(sheet) && sheetEdited(snapshot, state, sheet)) {
    keptEdited = sheet;
    // The first numbered sheet that is absent, or that still holds only our own last write.
    for (let n = 2; ; n++) {
      const name = `${NARRATIVE_SHEET}(${n})`;
      if (!exists(name) || !sheetEdited(snapshot, state, name)) {
        sheet = name;
        break;
      }
    }
  }
  const cells: Record<string, string> = {};
  paragraphs.forEach((p, i) => {
    if (p.trim() !== "") cells[toA1(i, 0)] = textHash(p);
  });
  const written = { ...(state.written ?? {}), [sheet]: { cells, at: now.toISOString() } };
  return { sheet, replace: exists(sheet), keptEdited, paragraphs, state: { ...state, written } };
}

/**
 * The narrative style a workbook asks for: its preset with the unit's saved options over it (options a newer or
 * older version does not know are left out rather than failing the narrative).
 */
export function narrativeStyleOf(settings: Pick<Settings, "style" | "styleOptions"> | undefined): NarrativeStyle {
  const preset = settings?.style ?? "sichuan";
  const resolved = resolveStyle(preset, settings?.styleOptions ?? {});
  if (resolved.problems.length === 0) return resolved.style;
  const bad = new Set(resolved.problems.map((p) => ("name" in p ? p.name : "")));
  const kept = Object.fromEntries(Object.entries(settings?.styleOptions ?? {}).filter(([k]) => !bad.has(k)));
  return resolveStyle(preset, kept).style;
}

/**
 * The 「说明数据」 cell a placeholder asks the user to fill: the content cell right of the item's label, read the
 * way parseInputsSheet reads it. Undefined when the sheet or the item is not there yet (then 创建/补全说明数据表).
 */
export function inputCellOf(snapshot: WorkbookSnapshot, keyOrLabel: string): { sheet: string; address: string } | undefined {
  const key = inputKeyOf(keyOrLabel)?.key;
  if (!key) return undefined;
  const sheet = snapshot.sheets.find((s) => inputItemKey(s.name) === INPUTS_SHEET);
  if (!sheet) return undefined;
  for (let r = 0; r < sheet.values.length; r++) {
    const line = sheet.values[r];
    let c = 0;
    while (c < line.length && cellText(line[c]) === "") c++;
    if (c >= line.length) continue;
    if (inputKeyOf(cellText(line[c]))?.key === key) return { sheet: sheet.name, address: toA1(sheet.origin.row + r, sheet.origin.col + c + 1) };
  }
  return undefined;
}
