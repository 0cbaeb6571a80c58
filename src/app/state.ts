/**
 * The state the add-in keeps in the workbook, and that the CLI reads back: settings, explanations (已说明) and
 * the original fill/note of every cell the add-in marked. Stored as ONE custom XML part in our own namespace,
 * because Excel and WPS both keep custom XML parts, while Office.js document settings have no WPS equivalent.
 *
 * Documented form (the part's whole content; the payload is JSON inside one element so no DOM is needed):
 *
 *   <caijue xmlns="urn:caijue:state:v1" version="1"><state>{JSON, XML-escaped}</state></caijue>
 *
 *   JSON = { "version": 1,
 *            "settings":  { "policy": "interval"|"exact", "style": "sichuan"|"shanghai", "lang": "zh-CN"|"en-US"|null,
 *                           "styleOptions"?: { "<option name, e.g. percentDigits.yoy>": number|boolean|string } },
 *            "suppressed": { "<finding id>": { "reason": "…", "at": "<ISO time>", "by"?: "…",
 *                                               "rule"?: "T1-a", "sheet"?: "…", "address"?: "B7" } },
 *            "marks": [ { "sheet", "address", "fill": "#RRGGBB"|null, "note": string|null,
 *                         "messageKind": "note"|"comment"|"none" } ],
 *            "written"?: { "<sheet>": { "cells": { "A1": "<hash of the text we wrote>" }, "at": "<ISO time>" } } }
 *
 * `suppressed` holds 已说明 explanations keyed by the finding's stable id (the id changes when the numbers do,
 * so an explanation never outlives the figures it explains). Only 核实 findings can be explained; an entry
 * for a 强制 finding is ignored when checking. `written` remembers what we last wrote to our own text sheets
 * (情况说明) so a second write can tell the user's edits from ours.
 *
 * Parsing is hand-written (no schema library) because the CLI reads this part for every checked file.
 */

export const STATE_NAMESPACE = "urn:caijue:state:v1";

export interface SavedOriginal {
  sheet: string;
  /** A1 address of a single cell. */
  address: string;
  /** Original fill colour ("#RRGGBB"), or null for "no fill". */
  fill: string | null;
  /** Original note text, or null when the cell had no note. */
  note: string | null;
  /** How our message was attached: replacing/adding a note, adding a comment, or not at all. */
  messageKind: "note" | "comment" | "none";
}

export interface Settings {
  policy: "interval" | "exact";
  style: "sichuan" | "shanghai";
  /** null = follow Office's display language. */
  lang: "zh-CN" | "en-US" | null;
  /** The unit's own narrative style options over the preset (names as `caijue narrate --style-option`). */
  styleOptions?: Record<string, number | boolean | string>;
}

/** One 已说明 entry: why a 核实 finding is acceptable, and who/when when known. */
export interface Explanation {
  reason: string;
  /** ISO time of the explanation. */
  at: string;
  /** Who explained it (Office user name or --by), when known. */
  by?: string;
  /** Rule and cell of the finding, kept for a person reading the stored part. */
  rule?: string;
  sheet?: string;
  address?: string;
}

/** What we last wrote into one of our text sheets: a hash of each cell's text. */
export interface WrittenSheet {
  cells: Record<string, string>;
  at: string;
}

export interface WorkbookState {
  version: 1;
  settings: Settings;
  suppressed: Record<string, Explanation>;
  marks: SavedOriginal[];
  written?: Record<string, WrittenSheet>;
}

/** The add-in's name for the same state. */
export type AddinState = WorkbookState;

/** A fresh state with default settings. */
export function emptyState(): WorkbookState {
  return { version: 1, settings: { policy: "interval", style: "sichuan", lang: null }, suppressed: {}, marks: [] };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** Serialise the state to the custom XML part's content. */
export function stateToXml(state: WorkbookState): string {
  return `<caijue xmlns="${STATE_NAMESPACE}" version="1"><state>${escapeXml(JSON.stringify(state))}</state></caijue>`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const optString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function settingsOf(v: unknown): Settings | null {
  const d = emptyState().settings;
  if (v === undefined) return d;
  if (!isObject(v)) return null;
  const policy = v.policy ?? d.policy;
  const style = v.style ?? d.style;
  const lang = v.lang ?? d.lang;
  if (policy !== "interval" && policy !== "exact") return null;
  if (style !== "sichuan" && style !== "shanghai") return null;
  if (lang !== null && lang !== "zh-CN" && lang !== "en-US") return null;
  const settings: Settings = { policy, style, lang };
  if (isObject(v.styleOptions)) {
    const options: Record<string, number | boolean | string> = {};
    for (const [k, x] of Object.entries(v.styleOptions)) if (typeof x === "number" || typeof x === "boolean" || typeof x === "string") options[k] = x;
    if (Object.keys(options).length > 0) settings.styleOptions = options;
  }
  return settings;
}

function explanationOf(v: unknown): Explanation | null {
  if (!isObject(v) || typeof v.reason !== "string" || typeof v.at !== "string") return null;
  const e: Explanation = { reason: v.reason, at: v.at };
  for (const k of ["by", "rule", "sheet", "address"] as const) {
    const s = optString(v[k]);
    if (s !== undefined) e[k] = s;
  }
  return e;
}

function markOf(v: unknown): SavedOriginal | null {
  if (!isObject(v) || typeof v.sheet !== "string" || typeof v.address !== "string") return null;
  const fill = v.fill === null || typeof v.fill === "string" ? v.fill : undefined;
  const note = v.note === null || typeof v.note === "string" ? v.note : undefined;
  const kind = v.messageKind;
  if (fill === undefined || note === undefined || (kind !== "note" && kind !== "comment" && kind !== "none")) return null;
  return { sheet: v.sheet, address: v.address, fill, note, messageKind: kind };
}

function writtenOf(v: unknown): Record<string, WrittenSheet> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, WrittenSheet> = {};
  for (const [sheet, w] of Object.entries(v)) {
    if (!isObject(w) || !isObject(w.cells) || typeof w.at !== "string") continue;
    const cells: Record<string, string> = {};
    for (const [a, h] of Object.entries(w.cells)) if (typeof h === "string") cells[a] = h;
    out[sheet] = { cells, at: w.at };
  }
  return out;
}

/** Validate parsed JSON as a state; null when it is not one (a damaged or foreign payload). */
export function parseState(json: unknown): WorkbookState | null {
  if (!isObject(json) || json.version !== 1) return null;
  const settings = settingsOf(json.settings);
  if (!settings) return null;
  const suppressed: Record<string, Explanation> = {};
  if (json.suppressed !== undefined) {
    if (!isObject(json.suppressed)) return null;
    for (const [id, e] of Object.entries(json.suppressed)) {
      const x = explanationOf(e);
      if (!x) return null;
      suppressed[id] = x;
    }
  }
  const marks: SavedOriginal[] = [];
  if (json.marks !== undefined) {
    if (!Array.isArray(json.marks)) return null;
    for (const m of json.marks) {
      const x = markOf(m);
      if (!x) return null;
      marks.push(x);
    }
  }
  const state: WorkbookState = { version: 1, settings, suppressed, marks };
  const written = writtenOf(json.written);
  if (written) state.written = written;
  return state;
}

/** Parse a custom XML part written by stateToXml; a damaged or foreign part yields a fresh state, never throws. */
export function stateFromXml(xml: string | null | undefined): WorkbookState {
  if (!xml) return emptyState();
  const m = /<state>([\s\S]*)<\/state>/.exec(xml);
  if (!m) return emptyState();
  try {
    return parseState(JSON.parse(unescapeXml(m[1]))) ?? emptyState();
  } catch {
    return emptyState();
  }
}
