/**
 * Gap classification: when a comparison needs a cell the tables do not print, is it a zero (a subject code with
 * nothing spent) or a side not printed (skipped and listed with its reason, never compared with 0)? See
 * LANGUAGE.md, 容差 / gap.
 */
import type { TableKind } from "../catalog/vocabulary";
import type { SkippedRule } from "./types";
import type { ViewIndex } from "./view-index";

/** Rules that left checks out because a side is not printed, with the tables concerned. */
export class GapLog {
  private readonly byRule = new Map<string, Set<TableKind>>();

  record(rule: string, table: TableKind): void {
    let set = this.byRule.get(rule);
    if (!set) {
      set = new Set<TableKind>();
      this.byRule.set(rule, set);
    }
    set.add(table);
  }

  /** One `cells-absent` entry per rule, in the order the rules first met a gap. */
  skipped(): SkippedRule[] {
    const out: SkippedRule[] = [];
    for (const [rule, tables] of this.byRule) out.push({ rule, reason: "cells-absent", tables: [...tables] });
    return out;
  }
}

/**
 * An absent subject-code row is a zero (nothing was spent under that code) only when the table prints codes of that
 * level at all; a table printed only to 类 level, or without 类 rows, does not print the side.
 */
export function absentCodeIsZero(idx: ViewIndex, code: string): boolean {
  return idx.codeLengths.has(code.length);
}

/**
 * The first left-hand cell is absent: a gap when it is a fixed item (outside FOREACH) or a column the table does
 * not print at all; not when it is a code row (a zero), inside a WHEN EMPTY guard, or a row without that column.
 */
export function leftSideNotPrinted(fixedRefs: boolean, columnNotPrinted: boolean, codeRow: boolean, inEmptyGuard: boolean): boolean {
  return (fixedRefs || columnNotPrinted) && !codeRow && !inEmptyGuard;
}

/** Everything on the right is absent (for =, ≤ and ≥ alike: a bound that is not printed is not a bound of 0). */
export function rightSideNotPrinted(rightCells: number, rightIsZero: boolean, missing: number, codeRowMissing: boolean, inEmptyGuard: boolean): boolean {
  return rightCells === 0 && rightIsZero && missing > 0 && !codeRowMissing && !inEmptyGuard;
}

/** The table of a missing-reference description ("T4[inc_soc]" → "T4"). */
export function tableOfMissing(ref: string): TableKind {
  return ref.slice(0, ref.indexOf("[")) as TableKind;
}
