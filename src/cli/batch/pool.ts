/**
 * A small worker_threads pool: each worker reads and checks one file at a time and returns a compact
 * result, so memory is bounded by `jobs` workbooks however many files there are. Results are handed
 * to `onResult` in input order as soon as the order allows (streamed, not collected).
 */
import path from "node:path";
import type { Worker as WorkerThread } from "node:worker_threads";
import { checkFile } from "../check/check-file";
import { unreadableResult, type CheckJobOptions, type FileResult } from "../check/result";
import { msg } from "../messages";

/**
 * Default --jobs, chosen by bench/RESULTS.md: on the two-core benchmark machine a second job did not shorten a batch of
 * 200 files even with the machine nearly idle (load ~3: 3.74 s with one job, 3.84 s with two), because one job already
 * keeps ~1.4 cores busy (V8 optimises code on background threads), and it cost ~55 MB more at the peak, pushing a
 * batch of 1,000 files past 200 MB. On a machine with more cores --jobs 2 or more is faster.
 */
export const DEFAULT_JOBS = 1;

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

  // worker_threads is loaded only here: a run with one job never starts a thread.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require("node:worker_threads") as { Worker: typeof WorkerThread };
  // The main thread checks files too, beside jobs − 1 workers: one isolate less to start, warm up and keep in memory
  // (each costs tens of MB and a cold JIT), which is most of what a second job cost on a two-core machine.
  let next = 0;
  // Files that were in flight behind the one that crashed a worker: checked again, not blamed.
  const retry: number[] = [];
  const take = (): number | undefined => (retry.length ? retry.shift() : next < total ? next++ : undefined);
  const mainLoop = async () => {
    for (let i = take(); i !== undefined; i = take()) accept(i, await checkFile(files[i], options));
  };
  const workersDone = new Promise<void>((resolve) => {
    let alive = 0;
    const start = () => {
      // Heap cap per worker: a pathological file kills its worker, not the batch.
      // The options (with every input path, for --mark) travel once, at start, not with each of thousands of files.
      const worker = new Worker(pool.workerScript, { workerData: { options }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
      alive++;
      // Two files in flight, so the worker has the next one at hand while the busy main thread has not yet read
      // its message.
      const inFlight = new Set<number>();
      const feed = () => {
        for (let i = inFlight.size < 2 ? take() : undefined; i !== undefined; i = inFlight.size < 2 ? take() : undefined) {
          inFlight.add(i);
          worker.postMessage({ index: i, file: files[i] });
        }
        if (inFlight.size === 0) void worker.terminate();
      };
      /** The oldest file in flight is the one the worker was on: it is reported; the others are queued again. */
      const blame = (err: Error) => {
        const [first, ...rest] = [...inFlight];
        inFlight.clear();
        if (first !== undefined) accept(first, crashed(files[first], options, err));
        retry.push(...rest);
      };
      worker.on("message", (m: { index: number; result: FileResult }) => {
        inFlight.delete(m.index);
        accept(m.index, m.result);
        feed();
      });
      // A crash (e.g. out of memory on a pathological file) costs that file only.
      worker.on("error", (err) => blame(err));
      worker.on("exit", () => {
        alive--;
        blame(new Error("worker exited"));
        if (next < total || retry.length > 0) start();
        else if (alive === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < jobs - 1; i++) start();
  });
  await Promise.all([mainLoop(), workersDone]);
}

function crashed(file: string, options: CheckJobOptions, err: Error): FileResult {
  return unreadableResult(file, [{ code: "internal", message: msg(options.lang, "check.worker-crashed", { file: path.basename(file) }) }], options.debug ? err.stack : undefined);
}

/** Default worker script location: next to the running bundle. */
export function defaultWorkerScript(): string {
  return path.join(__dirname, "worker.cjs");
}
