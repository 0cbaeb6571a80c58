/** A one-line progress bar on stderr, only when stderr is a terminal. */
export class Progress {
  private readonly on: boolean;
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.on = Boolean(stream.isTTY) && total > 1;
  }

  /** Redraw at most ~10 times a second. */
  update(done: number): void {
    if (!this.on) return;
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    this.stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${this.total}`);
    this.shown = true;
  }

  /** Erase the bar before other output goes to the terminal. */
  clear(): void {
    if (this.on && this.shown) {
      this.stream.write("\r\u001b[2K");
      this.shown = false;
    }
  }
}
