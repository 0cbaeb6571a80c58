/**
 * Round trips to Excel per validation, counted on the fake Excel host of the tests (test/fakes/fakeExcel.ts counts
 * every context.sync(); test/excel/syncScenarios.ts splits them into read, capture and write syncs). The
 * national nine-table unit with two broken totals, padded to 9, 60 and 200 sheets: first validation (new marks),
 * re-validation after the user fixed one total (restores only), the same again (nothing changed), a live
 * re-check after one edit (the wrong value typed again, then the fix), and clearing the marks.
 */
import { budgetScenario, describeCount, total, type SyncCount } from "../test/excel/syncScenarios";
import type { BenchResult, BenchTarget } from "./run";

const SHEETS = [9, 60, 200];

const cell = (c: SyncCount): string => `${total(c)} (${describeCount(c)})`;

export async function run(): Promise<BenchResult> {
  const rows: string[][] = [];
  const all: SyncCount[] = [];
  const firsts: SyncCount[] = [];
  for (const sheets of SHEETS) {
    const r = await budgetScenario(sheets);
    rows.push([String(sheets), cell(r.first), cell(r.afterFix), cell(r.unchanged), cell(r.liveSame), cell(r.liveFix), cell(r.clear)]);
    all.push(r.first, r.afterFix, r.unchanged, r.liveSame, r.liveFix, r.clear);
    firsts.push(r.first);
  }
  const within = (c: SyncCount) => c.read <= 1 && c.write <= 1 && c.capture === 0;
  const met = all.every(within);
  const others = all.filter((c) => !firsts.includes(c));
  const measured =
    `re-validation after fixes, unchanged, live re-check and clear: ${others.every(within) ? "≤ 1 read + ≤ 1 write" : "more than 1 + 1"} on ${SHEETS.join(" / ")} sheets; ` +
    `a validation that marks cells it did not mark before: ${[...new Set(firsts.map(cell))].join(", ")}`;
  const targets: BenchTarget[] = [
    {
      issue: 16,
      target: "in Excel: 1 sync to read + 1 to write per validation, any sheet count",
      measured,
      met: met ? "yes" : "no",
    },
  ];
  return {
    title: "Excel round trips per validation (fake Excel host)",
    table: [
      ["sheets", "first validation with findings", "re-validation after fixing some", "unchanged", "live re-check, same findings", "live re-check, one fix", "clear marks"],
      ...rows,
    ],
    notes:
      "Syncs counted by the fake host of the tests (every context.sync()); read = batches that write nothing, capture = syncs " +
      "inside a writing batch before its write, write = syncs that carry writes. The capture left is the original fill and note " +
      "of cells the check marks for the first time (they are only known once the check chose them); restoring and re-marking " +
      "cells need none (the read loads the notes at the cells marked before). Also 1 capture: the first validation of a session " +
      "that read nothing before (ribbon before the task pane opened) when earlier marks are restored; hosts without notes " +
      "(ExcelApi < 1.18) need 2 capture syncs (comments are found by location).",
    targets,
  };
}
