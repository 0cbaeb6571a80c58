/**
 * The add-in's state that lives in the workbook: settings, suppressed findings (id → reason) and the original
 * fill/note of every cell we marked. Stored as one custom XML part in our own namespace because both Excel
 * and WPS keep custom XML parts, while Office.js document settings have no WPS equivalent.
 * The payload is JSON inside one XML element, so parsing needs no DOM (works in Node tests and any host).
 */
// zod's functional "mini" build: the same validation, a small fraction of the task pane's bytes of the chained API.
import * as z from "zod/mini";

export const STATE_NAMESPACE = "urn:caijue:state:v1";

const SavedOriginalSchema = z.object({
  sheet: z.string(),
  address: z.string(),
  /** Original fill colour ("#RRGGBB"), or null for "no fill". */
  fill: z.nullable(z.string()),
  /** Original note text, or null when the cell had no note. */
  note: z.nullable(z.string()),
  /** How our message was attached: replacing/adding a note, adding a comment, or not at all. */
  messageKind: z.enum(["note", "comment", "none"]),
});
export type SavedOriginal = z.infer<typeof SavedOriginalSchema>;

const SettingsSchema = z.object({
  policy: z._default(z.enum(["interval", "exact"]), "interval"),
  style: z._default(z.enum(["sichuan", "shanghai"]), "sichuan"),
  /** null = follow Office's display language. */
  lang: z._default(z.nullable(z.enum(["zh-CN", "en-US"])), null),
});
export type Settings = z.infer<typeof SettingsSchema>;

const AddinStateSchema = z.object({
  version: z.literal(1),
  settings: SettingsSchema,
  suppressed: z.record(z.string(), z.object({ reason: z.string(), at: z.string() })),
  marks: z.array(SavedOriginalSchema),
});
export type AddinState = z.infer<typeof AddinStateSchema>;

/** A fresh state with default settings. */
export function emptyState(): AddinState {
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
export function stateToXml(state: AddinState): string {
  return `<caijue xmlns="${STATE_NAMESPACE}" version="1"><state>${escapeXml(JSON.stringify(state))}</state></caijue>`;
}

/** Parse a custom XML part written by stateToXml; a damaged or foreign part yields a fresh state, never throws. */
export function stateFromXml(xml: string | null | undefined): AddinState {
  if (!xml) return emptyState();
  const m = /<state>([\s\S]*)<\/state>/.exec(xml);
  if (!m) return emptyState();
  try {
    const parsed = z.safeParse(AddinStateSchema, JSON.parse(unescapeXml(m[1])));
    return parsed.success ? parsed.data : emptyState();
  } catch {
    return emptyState();
  }
}
