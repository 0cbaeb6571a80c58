/** caijue recognize <file> — which tables were found where, and what could not be placed. */
import type { Lang } from "../../core/i18n/lang";
import { recognize } from "../../core/recognize/index";
import type { RecognitionResult } from "../../core/recognize/types";
import { toA1 } from "../../core/workbook/snapshot";
import { UsageError, type ParsedArgs } from "../args";
import type { Io } from "../io";
import { recognitionText } from "../output/recognition-text";
import { openOneInput } from "./open-one";

/** JSON form: tables with their ranges and gaps, ignored sheets, issues. */
export function recognitionJson(file: string, r: RecognitionResult, sheetPages?: Record<string, number[]>): object {
  return {
    file,
    year: r.year ?? null,
    yearSource: r.yearSource ?? null,
    unitName: r.unitName ?? null,
    unitNameSource: r.unitNameSource ?? null,
    tables: r.tables.map((t) => ({
      kind: t.kind,
      variant: t.variant,
      sheet: t.sheet,
      ...(sheetPages?.[t.sheet] ? { pages: sheetPages[t.sheet] } : {}),
      title: t.title,
      unit: t.unit,
      range: `${toA1(t.range.top, t.range.left)}:${toA1(t.range.bottom, t.range.right)}`,
      confidence: t.confidence,
      empty: t.empty,
      emptyNote: t.emptyNote ?? null,
      rows: t.rows.length,
      columns: t.columns.map((c) => c.role),
      missingRows: t.missingRows,
      missingColumns: t.missingColumns,
      unplacedRows: t.unplacedRows.map((u) => ({ label: u.label, row: u.sheetRow + 1 })),
    })),
    ignoredSheets: r.ignoredSheets,
    issues: r.issues,
  };
}

export async function runRecognize(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError("usage.arg-count", { count: 1, got: args.positionals.length });
  const file = args.positionals[0];
  const input = await openOneInput(file, args, lang, io);
  if (!input) return 2;
  const result = recognize(input.snapshot);
  if (args.options.format === "json") io.out(JSON.stringify(recognitionJson(file, result, input.document?.sheetPages), null, 2) + "\n");
  else io.out(recognitionText(result, lang) + "\n");
  return 0;
}
