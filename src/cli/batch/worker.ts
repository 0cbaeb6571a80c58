/** Worker thread entry: checks one file per message with the options given at start, and posts back the compact result. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile } from "../check/check-file";
import type { CheckJobOptions, FileResult } from "../check/result";

interface Job {
  index: number;
  file: string;
}

const options = (workerData as { options?: CheckJobOptions } | null)?.options;

if (options) {
  parentPort?.on("message", (job: Job) => {
    void checkFile(job.file, options).then((result) => parentPort?.postMessage({ index: job.index, result }));
  });
}

/** One check with the given options, outside a worker thread: the build runs it before taking the code cache. */
export function warmUp(file: string, opts: CheckJobOptions): Promise<FileResult> {
  return checkFile(file, opts);
}
