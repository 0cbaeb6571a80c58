/**
 * 支出功能分类 类 names → 3-digit codes, for the expenditure side of two-sided tables (T1, T4, 财决01), where
 * class rows carry names only. Built from shared/data/func_class_level_2024.csv plus the older names seen before
 * the 2018–2019 renames. The subjects code book (src/core/subjects) is the fuller source; recognition accepts
 * its `classCodeByName` through options and falls back to this small table.
 */

/** [code, current name, …older names or common short forms]. */
const CLASSES: readonly (readonly string[])[] = [
  ["201", "一般公共服务支出", "一般公共服务"],
  ["202", "外交支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出", "文化体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["210", "卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出", "城乡社区事务支出"],
  ["213", "农林水支出", "农林水事务支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出", "资源勘探信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出", "金融监管等事务支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出", "国土海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出", "粮油物资储备事务支出"],
  ["223", "国有资本经营预算支出"],
  ["224", "灾害防治及应急管理支出"],
  ["227", "预备费"],
  ["229", "其他支出"],
  ["230", "转移性支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
  ["233", "债务发行费用支出"],
  ["234", "抗疫特别国债安排的支出", "抗疫特别国债安排支出"],
];

const BY_NAME = new Map<string, string>();
for (const [code, ...names] of CLASSES) for (const n of names) BY_NAME.set(n, code);

/** 3-digit class code for a normalised class name (numbering and spaces already stripped), if known. */
export function builtinClassCode(normalizedName: string): string | undefined {
  return BY_NAME.get(normalizedName);
}

/** Current (2024) class name of a 3-digit code, for messages. */
export function builtinClassName(code: string): string | undefined {
  return CLASSES.find((c) => c[0] === code)?.[1];
}
