/**
 * caijue inputs <workbook> — the inputs sheet 「说明数据」 pre-filled with every key the narrative reads; with
 * --out, a COPY of the workbook with the sheet added (or only its missing keys appended). Never the input.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Lang } from "../../core/i18n/lang";
import { planInputsSheet, type InputsSheetPlan } from "../../core/narrative/index";
import { recognize } from "../../core/recognize/index";
import { UsageError, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { msg, readErrorText } from "../messages";
import { safeText } from "../output/color";
import { asCellText } from "../../excel/cellText";
import { isSameFileAsAny } from "./out-file";
import { openOne } from "./open-one";

/** JSON form: the full pre-filled template and what the workbook's sheet lacks. */
export function inputsJson(file: string, plan: InputsSheetPlan, out?: string): object {
  return {
    file,
    sheet: plan.sheet,
    exists: !plan.create,
    missing: (plan.create ? plan.rows.slice(1) : plan.rows).map((r) => r.项目),
    rows: plan.template.slice(1),
    ...(out ? { out } : {}),
  };
}

/**
 * Tab-separated rows (paste straight into Excel); cell text cannot carry terminal control characters, and text
 * Excel would read as a formula or a signed number (= + - @) gets the apostrophe Excel takes as "this is text".
 */
export function inputsText(plan: Pick<InputsSheetPlan, "template">): string {
  const cell = (v: string | number) => {
    if (typeof v === "number") return String(v);
    return asCellText(safeText(v).replace(/[\t\r\n]+/g, " "));
  };
  return plan.template.map((r) => [r.项目, r.内容, r.说明].map(cell).join("\t")).join("\n") + "\n";
}

/** Write a copy of `file` with the planned rows; text stays text (ExcelJS writes JS strings as text cells). */
async function writeCopy(file: string, out: string, plan: InputsSheetPlan): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = plan.create ? wb.addWorksheet(plan.sheet) : wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`sheet not found: ${plan.sheet}`);
  plan.rows.forEach((r, i) => {
    [r.项目, r.内容, r.说明].forEach((v, c) => {
      if (v === "") return;
      const cell = ws.getCell(plan.row + i + 1, plan.col + c + 1);
      cell.value = v;
      if (typeof v === "string") cell.numFmt = "@";
    });
  });
  if (plan.create) {
    ws.getRow(1).font = { bold: true };
    [24, 30, 60].forEach((w, c) => (ws.getColumn(plan.col + c + 1).width = w));
  }
  const bytes = await wb.xlsx.writeBuffer();
  await fs.writeFile(out, new Uint8Array(bytes as ArrayBuffer));
}

export async function runInputs(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError("usage.arg-count", { count: 1, got: args.positionals.length });
  const file = args.positionals[0];
  const out = args.options.out as string | undefined;
  if (out && (await isSameFileAsAny(out, [file]))) throw new UsageError("usage.out-is-input", { path: out });
  if (out && /\.(xls|et)$/i.test(file)) {
    io.err(`${safeText(file)}: ${readErrorText(lang, "old-xls")}\n`);
    return 2;
  }
  const snapshot = await openOne(file, args, lang, io);
  if (!snapshot) return 2;
  const plan = planInputsSheet(recognize(snapshot), snapshot);
  const json = args.options.format === "json";
  const added = plan.create ? plan.rows.length - 1 : plan.rows.length;
  if (out) {
    await writeCopy(file, out, plan);
    io.err(msg(lang, plan.create ? "inputs.created" : "inputs.appended", { path: safeText(out), sheet: safeText(plan.sheet), n: added }) + "\n");
    if (json) io.out(JSON.stringify(inputsJson(file, plan, path.resolve(out)), null, 2) + "\n");
    return 0;
  }
  if (!plan.create) io.err(msg(lang, "inputs.existing", { sheet: safeText(plan.sheet), n: added }) + "\n");
  io.out(json ? JSON.stringify(inputsJson(file, plan), null, 2) + "\n" : inputsText(plan));
  return 0;
}
