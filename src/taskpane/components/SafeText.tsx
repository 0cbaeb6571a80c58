/**
 * Untrusted text (cell contents, sheet names, messages quoting them) rendered as a React text node only —
 * never as HTML — inside <bdi> so right-to-left marks cannot reorder the surrounding UI, and wrapped anywhere
 * so a 10,000-character string cannot widen the pane.
 */
import type { CSSProperties } from "react";

const style: CSSProperties = { overflowWrap: "anywhere", wordBreak: "break-word", unicodeBidi: "isolate", whiteSpace: "pre-wrap" };

/** Longest text shown in the pane; the full text stays in the report sheet. */
const MAX = 600;

// Explicit bidi embeddings/overrides/isolates can reorder what follows them inside a message ("Trojan Source");
// they never carry meaning in 财决 data, so the pane shows them as visible code points instead.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text as shown in the pane: bidi controls made visible, cut at `max` characters. */
export function displayText(text: string, max = MAX): string {
  const visible = text.replace(BIDI_CONTROLS, (ch) => `[U+${ch.charCodeAt(0).toString(16).toUpperCase()}]`);
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}

export function SafeText({ text, max = MAX }: { text: string; max?: number }) {
  const shown = displayText(text, max);
  return (
    <bdi style={style} title={text.length > max ? text.slice(0, 2000) : undefined}>
      {shown}
    </bdi>
  );
}
