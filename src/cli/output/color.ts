/** ANSI colour, only on a TTY and only when NO_COLOR is unset (https://no-color.org). */
export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const wrap = (on: boolean, open: string, close: string) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);

/** Colours for a stream: plain strings when it is not a terminal or NO_COLOR is set. */
export function paintFor(stream: { isTTY?: boolean }): Paint {
  const on = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  return {
    red: wrap(on, "31", "39"),
    yellow: wrap(on, "33", "39"),
    green: wrap(on, "32", "39"),
    dim: wrap(on, "2", "22"),
    bold: wrap(on, "1", "22"),
  };
}

/** Remove control characters from untrusted cell text before it reaches a terminal (no escape injection). */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
}

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/** Pad to a display width. */
export function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}
