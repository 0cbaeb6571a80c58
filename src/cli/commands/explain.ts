/**
 * caijue explain <workbook> <finding-id> --reason <text> --out <copy.xlsx>: a copy of the workbook whose state
 * part (src/app/state.ts, the add-in's own custom XML part) records the finding as 已说明 — exactly what the
 * add-in's 「标记为已说明」 stores, so the add-in and `caijue check` both show it explained. Only a 核实 finding
 * can be explained; for a 强制 finding or an unknown id nothing is written (exit 2). The input is never changed:
 * the copy goes to a temporary file in the target folder and is renamed into place.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { canExplain, checkWorkbook } from "../../app/check";
import { stateFromXml, stateToXml, type WorkbookState } from "../../app/state";
import type { Lang } from "../../core/i18n/lang";
import { UsageError, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { msg, readErrorText } from "../messages";
import { safeText } from "../output/color";
import { WorkbookReadError } from "../xlsx/errors";
import { DEFAULT_MAX_SIZE_MB, openWorkbook } from "../xlsx/open";
import { DEFAULT_MAX_ROWS } from "../xlsx/read-lean";
import { withStateXml } from "../xlsx/state-part";
import { isSameFileAsAny } from "./out-file";

/** Write `bytes` to `out` atomically: a temporary file next to it, then a rename (no half-written copy). */
async function writeAtomically(out: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(out)}.caijue-tmp-${process.pid}`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export async function runExplain(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  if (args.positionals.length !== 2) throw new UsageError("usage.arg-count", { count: 2, got: args.positionals.length });
  const [file, id] = args.positionals;
  const reason = typeof args.options.reason === "string" ? args.options.reason.trim() : "";
  const out = args.options.out as string | undefined;
  if (!reason) {
    io.err(`caijue explain: ${msg(lang, "explain.need-reason")}\n`);
    return 2;
  }
  if (!out) {
    io.err(`caijue explain: ${msg(lang, "explain.need-out")}\n`);
    return 2;
  }
  if (await isSameFileAsAny(out, [file])) throw new UsageError("usage.out-is-input", { path: out });
  if (!/\.(xlsx|xlsm)$/i.test(file)) {
    io.err(`${safeText(file)}: ${msg(lang, "explain.not-xlsx", { file: safeText(file) })}\n`);
    return 2;
  }
  let opened;
  try {
    opened = await openWorkbook(file, {
      reader: "lean",
      maxSize: ((args.options["max-size"] as number) ?? DEFAULT_MAX_SIZE_MB) * 1024 * 1024,
      maxRows: (args.options["max-rows"] as number) ?? DEFAULT_MAX_ROWS,
    });
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      io.err(`${safeText(file)}: ${msg(lang, "error.unreadable-prefix")} — ${readErrorText(lang, e.code, e.detail)}\n`);
      return 2;
    }
    throw e;
  }
  const state = stateFromXml(opened.stateXml);
  const policy = (args.options.policy as "interval" | "exact" | undefined) ?? state.settings.policy;
  const outcome = checkWorkbook(opened.snapshot, state, { policy, lang });
  const finding = outcome.active.find((f) => f.id === id) ?? outcome.explained.find((e) => e.finding.id === id)?.finding;
  if (!finding) {
    io.err(`${msg(lang, "explain.unknown-id", { id: safeText(id), file: safeText(path.basename(file)) })}\n`);
    return 2;
  }
  const where = { rule: finding.rule, sheet: safeText(finding.target.sheet), cell: finding.target.address, id: safeText(id) };
  if (!canExplain(finding)) {
    io.err(`${msg(lang, "explain.error-finding", where)}\n`);
    return 2;
  }
  const by = typeof args.options.by === "string" && args.options.by.trim() ? args.options.by.trim() : undefined;
  const next: WorkbookState = {
    ...state,
    suppressed: {
      ...state.suppressed,
      [id]: { reason, at: new Date().toISOString(), ...(by ? { by } : {}), rule: finding.rule, sheet: finding.target.sheet, address: finding.target.address },
    },
  };
  const bytes = withStateXml(new Uint8Array(await fs.readFile(file)), stateToXml(next));
  await writeAtomically(out, bytes);
  io.err(`${msg(lang, "explain.written", { ...where, path: safeText(out) })}\n`);
  return 0;
}
