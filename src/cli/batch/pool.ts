/**
 * A small worker_threads pool: each worker reads and checks one file at a time and returns a compact
 * result, so memory is bounded by `jobs` workbooks however many files there are. Results are handed
 * to `onResult` in input order as soon as the order allows (streamed, not collected).
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { checkFile } from "../check/check-file";
import { unreadableResult, type CheckJobOptions, type FileResult } from "../check/result";
import { readErrorText } from "../messages";

export interface PoolOptions {
  jobs: number;
  /** Path of the bundled worker script (dist-cli/worker.cjs). */
  workerScript: string;
  onResult: (r: FileResult, index: number) => void;
  onProgress?: (done: number, total: number) => void;
}

/** Check `files` with a pool of workers (or in-process when one job suffices). */
export async function runPool(files: string[], options: CheckJobOptions, pool: PoolOptions): Promise<void> {
  const total = files.length;
  const pending = new Map<number, FileResult>();
  let nextToEmit = 0;
  let done = 0;
  const accept = (index: number, r: FileResult) => {
    pending.set(index, r);
    done++;
    pool.onProgress?.(done, total);
    while (pending.has(nextToEmit)) {
      const ready = pending.get(nextToEmit)!;
      pending.delete(nextToEmit);
      pool.onResult(ready, nextToEmit);
      nextToEmit++;
    }
  };

  const jobs = Math.max(1, Math.min(pool.jobs, total));
  if (jobs === 1) {
    // No thread start-up cost for a single file or --jobs 1.
    for (let i = 0; i < total; i++) accept(i, await checkFile(files[i], options));
    return;
  }

  let next = 0;
  await new Promise<void>((resolve) => {
    let alive = 0;
    const start = () => {
      // Heap cap per worker: a pathological file kills its worker, not the batch.
      const worker = new Worker(pool.workerScript, { resourceLimits: { maxOldGenerationSizeMb: 2048 } });
      alive++;
      let current = -1;
      const feed = () => {
        if (next >= total) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current], options });
      };
      worker.on("message", (m: { index: number; result: FileResult }) => {
        accept(m.index, m.result);
        feed();
      });
      worker.on("error", (err) => {
        // A crash (e.g. out of memory on a pathological file) costs that file only.
        if (current >= 0) {
          const r = crashed(files[current], options, err);
          const idx = current;
          current = -1;
          accept(idx, r);
        }
      });
      worker.on("exit", () => {
        alive--;
        if (current >= 0) accept(current, crashed(files[current], options, new Error("worker exited")));
        if (next < total) start();
        else if (alive === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

function crashed(file: string, options: CheckJobOptions, err: Error): FileResult {
  return unreadableResult(file, [{ code: "internal", message: readErrorText(options.lang, "internal") }], options.debug ? err.stack : undefined);
}

/** Default worker script location: next to the running bundle. */
export function defaultWorkerScript(): string {
  return path.join(__dirname, "worker.cjs");
}
