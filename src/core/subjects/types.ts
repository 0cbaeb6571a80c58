/** Types of the subject code book (政府收支分类科目): 支出功能分类 and 部门预算支出经济分类. */

/** 'function' = 支出功能分类 (201 / 20103 / 2010301); 'economic' = 部门预算支出经济分类 (301 / 30101). */
export type SubjectSystem = "function" | "economic";

/** 1 = 类, 2 = 款, 3 = 项 (economic codes have 类 and 款 only). */
export type SubjectLevel = 1 | 2 | 3;

/** A name valid for a span of budget years (inclusive; open ends mean "as far as we know"). */
export interface YearName {
  name: string;
  from?: number;
  to?: number;
}

/** Where an entry comes from: printed in a real table (observed) or domain memory (unverified). */
export interface Provenance {
  status: "observed" | "unverified";
  /** Documents the code was seen in, or why it is believed. */
  sources: string[];
  /** Years in which it was observed. */
  yearsSeen?: number[];
}

export interface SubjectEntry {
  code: string;
  system: SubjectSystem;
  level: SubjectLevel;
  /** Official names by year; the last one without `to` is the current name. */
  names: YearName[];
  /** Other names accepted by look-ups (old names, short forms seen in tables). */
  aliases: YearName[];
  provenance: Provenance;
  /** 人员经费 / 公用经费 group of an economic code in the 基本支出表. */
  group?: "人员经费" | "公用经费";
}

export interface ObservedFunctionRow {
  code: string;
  name: string;
  altName?: string;
  yearsSeen: number[];
  sources: string[];
}

export interface ClassLevelRow {
  code: string;
  name: string;
  row: string;
  verified: boolean;
}

export interface EconomicRow {
  code: string;
  level: 1 | 2;
  name: string;
  group: string;
  source: string;
}
