/** Table catalogue: table definitions and lookups (the zod schema and parseCatalog live in ./schema, loaded on demand). */
export { TABLE_DEFS } from "./tables";
export type { TableDef, RowItemDef, ColumnDef, Layout } from "./schema";
export { builtinClassCode, builtinClassName } from "./classes";
import { TABLE_DEFS } from "./tables";
import type { TableDef } from "./schema";
import type { TableKind } from "./vocabulary";

/** All variants of one table kind. */
export function defsOfKind(kind: TableKind): TableDef[] {
  return TABLE_DEFS.filter((d) => d.kind === kind);
}

/** The variant with this kind and id, if catalogued. */
export function defOf(kind: TableKind, variant: string): TableDef | undefined {
  return TABLE_DEFS.find((d) => d.kind === kind && d.variant === variant);
}
