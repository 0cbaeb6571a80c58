/**
 * Left-over placeholders in narrative text: 【请填写…】, XXX / ××, 某某, and template alternatives such as
 * 「增加（减少）」 that the writer was meant to resolve. Shared by 核对 (verifyNarrative) and validation (N-PH).
 */

export type PlaceholderKind = "placeholder" | "template-remnant";

export interface PlaceholderHit {
  kind: PlaceholderKind;
  /** Offsets into the text searched. */
  start: number;
  end: number;
  /** The placeholder as written. */
  text: string;
}

// Expected on normalised text (no whitespace, unified brackets), as produced by normalizeNarrativeText.
const PLACEHOLDER = /[X×x]{2,}|某某|【请填写[^】]*】/g;
// Alternatives (「增加（减少）」), instructions the template addresses to the writer (「（如持平作持平表述）」), and
// both words kept where one of them was to be deleted (「决算数大小于预算数」).
const TEMPLATE_REMNANT =
  /增加（减少）|减少（增加）|增长（下降）|下降（增长）|大于（小于）|小于（大于）|（或与预算数?持平）|（如持平作持平表述）|（不涉及的不列）|按上述格式依次说明|大小于|小大于/g;

function collect(text: string, re: RegExp, kind: PlaceholderKind, out: PlaceholderHit[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
}

/** Every left-over placeholder and template remnant in (normalised) text, in text order. */
export function findPlaceholders(text: string): PlaceholderHit[] {
  const out: PlaceholderHit[] = [];
  collect(text, TEMPLATE_REMNANT, "template-remnant", out);
  collect(text, PLACEHOLDER, "placeholder", out);
  return out.sort((a, b) => a.start - b.start);
}
