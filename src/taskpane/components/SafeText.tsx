/**
 * Untrusted text (cell contents, sheet names, messages quoting them) rendered as a React text node only —
 * never as HTML — inside <bdi> so right-to-left marks cannot reorder the surrounding UI, and wrapped anywhere
 * so a 10,000-character string cannot widen the pane.
 */
import type { CSSProperties } from "react";

const style: CSSProperties = { overflowWrap: "anywhere", wordBreak: "break-word", unicodeBidi: "isolate", whiteSpace: "pre-wrap" };

/** Longest text shown in the pane; the full text stays in the report sheet. */
const MAX = 600;

export function SafeText({ text, max = MAX }: { text: string; max?: number }) {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return (
    <bdi style={style} title={text.length > max ? text.slice(0, 2000) : undefined}>
      {shown}
    </bdi>
  );
}
