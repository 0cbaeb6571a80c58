/**
 * Medians of recognise, compile (cold) and evaluate on the benchmark workbook, in-process:
 * `npx tsx scripts/recognition-time.ts [runs]` (10 warm-up runs first).
 */
import { recognize } from "../src/core/recognize/index";
import { compileForWorkbook, evaluate } from "../src/core/rules/index";
import { largeWorkbook } from "../test/fixtures/index";

const snapshot = largeWorkbook().snapshot;
const runs = Number(process.argv[2] ?? 60);
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1];
for (let i = 0; i < 10; i++) evaluate(compileForWorkbook(recognize(snapshot), snapshot), snapshot);
const tr: number[] = [];
const tc: number[] = [];
const te: number[] = [];
const tw: number[] = [];
const cr: number[] = [];
const cc: number[] = [];
const cw: number[] = [];
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let i = 0; i < runs; i++) {
  const c0 = cpu();
  const t0 = performance.now();
  const rec = recognize(snapshot);
  const t1 = performance.now();
  cr.push(cpu() - c0);
  const c1 = cpu();
  const p = compileForWorkbook(rec, snapshot);
  const t2 = performance.now();
  cc.push(cpu() - c1);
  evaluate(p, snapshot);
  const t3 = performance.now();
  cw.push(cpu() - c0);
  tr.push(t1 - t0);
  tc.push(t2 - t1);
  te.push(t3 - t2);
  tw.push(t3 - t0);
}
const min = (a: number[]): number => Math.min(...a);
console.log(`fastest: recognise ${min(tr).toFixed(1)} ms, compile ${min(tc).toFixed(1)} ms, evaluate ${min(te).toFixed(1)} ms, whole ${min(tw).toFixed(1)} ms`);
console.log(`recognise ${median(tr).toFixed(1)} ms (CPU ${median(cr).toFixed(1)}), compile ${median(tc).toFixed(1)} ms (CPU ${median(cc).toFixed(1)}), evaluate ${median(te).toFixed(1)} ms, whole ${median(tw).toFixed(1)} ms (CPU ${median(cw).toFixed(1)}) (${runs} runs)`);
