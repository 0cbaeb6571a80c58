/** Where a command writes: stdout for results, stderr for progress and stats. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdout: { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
  /** Override of the worker bundle path (tests, bench). */
  workerScript?: string;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    stdout: process.stdout,
    stderr: process.stderr,
  };
}
