/** dist-cli/worker.cjs: a batch worker thread's entry; loads the worker bundle (dist-cli/worker-main.cjs) through its code cache. */
import path from "node:path";
import { loadBundle } from "./load";

loadBundle(path.join(__dirname, "worker-main.cjs"));
