/**
 * Schema of the table catalogue. Every table variant (national, a province's, an MOF export sheet) is one
 * validated data entry; recognition reads only this data, so adding a variant never needs code.
 */
import { z } from "zod";
import { COLUMN_ROLES, ROW_ITEMS, TABLE_KINDS } from "./vocabulary";

const kindKeys = Object.keys(TABLE_KINDS) as [keyof typeof TABLE_KINDS, ...(keyof typeof TABLE_KINDS)[]];
const rowKeys = Object.keys(ROW_ITEMS) as [keyof typeof ROW_ITEMS, ...(keyof typeof ROW_ITEMS)[]];
const roleKeys = Object.keys(COLUMN_ROLES) as [keyof typeof COLUMN_ROLES, ...(keyof typeof COLUMN_ROLES)[]];

export const SideSchema = z.enum(["income", "expenditure"]);

/** A fixed row of a table (本年收入合计, 人员经费合计, 公务接待费 …). */
export const RowItemDefSchema = z.object({
  key: z.enum(rowKeys),
  /** Label as printed in the standard template. */
  label: z.string().min(1),
  /** Other spellings seen in real sheets (compared after label normalisation). */
  aliases: z.array(z.string().min(1)).default([]),
  role: z.enum(["item", "subtotal", "total"]).default("item"),
  side: SideSchema.optional(),
  /**
   * This row only counts when it follows the row `under` on the same side (T4: the three fund rows printed
   * below 年初财政拨款结转和结余 reuse the names of the income rows).
   */
  under: z.enum(rowKeys).optional(),
  /** Expected in every filled table of this variant (reported as missing otherwise). */
  required: z.boolean().default(false),
});
export type RowItemDef = z.infer<typeof RowItemDefSchema>;

/** An amount column of a table, found by its (joined, multi-row) header text. */
export const ColumnDefSchema = z.object({
  role: z.enum(roleKeys),
  header: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  side: SideSchema.optional(),
  required: z.boolean().default(true),
});
export type ColumnDef = z.infer<typeof ColumnDefSchema>;

export const LayoutSchema = z.enum([
  /** Rows keyed by subject code (one 7-digit column, 类|款|项 columns or code in the name cell); may be panels. */
  "coded",
  /** 收入 block left, 支出 block right (T1, T4, 财决01); class rows by name. */
  "two-sided",
  /** Fixed item rows with one or more amount columns (F03, a vertical 三公 table). */
  "items",
  /** Items across the header, each with 预算数/决算数 sub-columns, one data row (三公 tables); vertical also accepted. */
  "matrix-items",
]);
export type Layout = z.infer<typeof LayoutSchema>;

export const TableDefSchema = z.object({
  kind: z.enum(kindKeys),
  /** Variant id, unique per kind: "national", "sichuan", "mof-Z03" … */
  variant: z.string().min(1),
  title: z.string().min(1),
  /** Other titles (compared after normalisation; the longest contained title wins). */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Titles of other tables that contain this one's title (「收入支出决算表」 contains 「支出决算表」): a title or
   * sheet name containing one of these does not point to this variant.
   */
  excludeTitles: z.array(z.string().min(1)).default([]),
  /** Sheet-name fragments that point to this variant ("Z03", "财决03", "附表2", "表二"). */
  sheetHints: z.array(z.string().min(1)).default([]),
  layout: LayoutSchema,
  /** Code system of the coded rows ("either" where provinces differ, e.g. Sichuan's 项目支出 table). */
  codeSystem: z.enum(["function", "economic", "either"]).optional(),
  /** Two-sided tables: expenditure rows are 功能分类 类 rows found by name. */
  classRows: z.boolean().default(false),
  /** Rows may be keyed by 行次 ("L27") when neither an item nor a code applies (MOF 财决01). */
  lineKeys: z.boolean().default(false),
  rows: z.array(RowItemDefSchema).default([]),
  columns: z.array(ColumnDefSchema).min(1),
  unit: z.enum(["元", "万元"]),
  decimals: z.number().int().min(0).max(6).default(2),
  /** Column roles where negative amounts are normal (e.g. 结余分配 can be negative). */
  allowNegative: z.array(z.enum(roleKeys)).default([]),
  /** Row keys where negative amounts are normal. */
  allowNegativeRows: z.array(z.string()).default([]),
  /** Whether the table may legitimately be present with no data (本表无数据). */
  mayBeEmpty: z.boolean().default(false),
});
export type TableDef = z.infer<typeof TableDefSchema>;
export type TableDefInput = z.input<typeof TableDefSchema>;

export const CatalogSchema = z.array(TableDefSchema).superRefine((defs, ctx) => {
  const seen = new Set<string>();
  for (const [i, d] of defs.entries()) {
    const id = `${d.kind}/${d.variant}`;
    if (seen.has(id)) ctx.addIssue({ code: "custom", message: `duplicate variant ${id}`, path: [i] });
    seen.add(id);
    if (d.layout === "coded" && !d.codeSystem) {
      ctx.addIssue({ code: "custom", message: `${id}: coded layout needs codeSystem`, path: [i] });
    }
  }
});

/** Validate an extra catalogue (e.g. a province's variants supplied as JSON) without throwing. */
export function parseCatalog(input: unknown): { ok: true; defs: TableDef[] } | { ok: false; error: string } {
  const r = CatalogSchema.safeParse(input);
  return r.success ? { ok: true, defs: r.data } : { ok: false, error: r.error.message };
}
