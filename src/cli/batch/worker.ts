/** Worker thread entry: checks one file per message and posts back the compact result. */
import { parentPort } from "node:worker_threads";
import { checkFile } from "../check/check-file";
import type { CheckJobOptions, FileResult } from "../check/result";

interface Job {
  index: number;
  file: string;
  options: CheckJobOptions;
}

parentPort?.on("message", (job: Job) => {
  void checkFile(job.file, job.options).then((result) => parentPort?.postMessage({ index: job.index, result }));
});

/** One check with the given options, outside a worker thread: the build runs it before taking the code cache. */
export function warmUp(file: string, options: CheckJobOptions): Promise<FileResult> {
  return checkFile(file, options);
}
