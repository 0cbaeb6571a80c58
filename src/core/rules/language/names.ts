/** Names the rule language accepts for tables, row items and columns: vocabulary keys plus Chinese aliases. */
import { COLUMN_ROLES, ROW_ITEMS, TABLE_KINDS } from "../../catalog/vocabulary";
import type { ColumnRole, RowItemKey, TableKind } from "../../catalog/vocabulary";
import { ruleNameKey } from "../../text/keys";

const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

const tableAliases = new Map<string, TableKind>();
for (const [kind, name] of Object.entries(TABLE_KINDS) as [TableKind, string][]) {
  tableAliases.set(kind.toUpperCase(), kind);
  tableAliases.set(ruleNameKey(name), kind);
}
CHINESE_NUMERALS.forEach((n, i) => tableAliases.set(`表${n}`, `T${i + 1}` as TableKind));
tableAliases.set("Z01-1", "T4");
tableAliases.set("Z01_1", "T4");
tableAliases.set("Z05-1", "Z05_1");

/** Table kind for a name such as T3, 表三, 支出决算表; undefined when unknown. */
export function resolveTable(name: string): TableKind | undefined {
  const upper = name.trim().toUpperCase();
  return tableAliases.get(upper) ?? tableAliases.get(ruleNameKey(name));
}

const rowAliases = new Map<string, RowItemKey>();
for (const [key, label] of Object.entries(ROW_ITEMS) as [RowItemKey, string][]) {
  rowAliases.set(key.toLowerCase(), key);
  rowAliases.set(ruleNameKey(label), key);
}
// Common short forms seen in tables.
rowAliases.set("收入总计", "inc_grand_total");
rowAliases.set("支出总计", "exp_grand_total");
rowAliases.set("使用非财政拨款结余", "inc_use_surplus");
rowAliases.set("三公经费合计", "sg_total");

/** Row item key for a key or Chinese label; undefined when unknown. */
export function resolveRowItem(name: string): RowItemKey | undefined {
  return rowAliases.get(name.trim().toLowerCase()) ?? rowAliases.get(ruleNameKey(name));
}

const columnAliases = new Map<string, ColumnRole>();
for (const [role, header] of Object.entries(COLUMN_ROLES) as [ColumnRole, string][]) {
  columnAliases.set(role.toLowerCase(), role);
  for (const part of header.split("／")) if (!columnAliases.has(ruleNameKey(part))) columnAliases.set(ruleNameKey(part), role);
}
columnAliases.set("合计", "total");
columnAliases.set("本年收入合计", "total");
columnAliases.set("金额", "amount");
columnAliases.set("决算数", "final");
columnAliases.set("预算数", "budget");
columnAliases.set("一般公共预算", "gpb");
columnAliases.set("政府性基金", "gf");
columnAliases.set("国有资本经营", "soc");

/** Column role for a key or Chinese header; undefined when unknown. */
export function resolveColumn(name: string): ColumnRole | undefined {
  return columnAliases.get(name.trim().toLowerCase()) ?? columnAliases.get(ruleNameKey(name));
}
