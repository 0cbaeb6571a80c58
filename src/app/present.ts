/**
 * Findings an accountant can act on: the arithmetic with its non-zero terms, the difference and the tolerance
 * in words, the cells that took part (for 定位), and groups of findings that share one cell with that cell
 * named as the likely one to fix. Plain data for every host (pane, report, CLI).
 */
import type { Lang } from "../core/i18n/lang";
import type { Finding } from "../core/rules/types";
import { basisText } from "../core/i18n/findings";
import { checkCatalogue } from "../core/rules/registry";
import { appMessages } from "./i18n/index";

export interface CellAt {
  sheet: string;
  address: string;
}

/**
 * Where a rule's 公式说明 / basis comes from. The rules registry provides it; until then hosts pass nothing
 * and the detail simply has no basis line.
 */
export type RuleBasisLookup = (ruleId: string) => { formula?: string; basis?: string } | undefined;

/** The rules registry as a basis lookup: each finding links to its rule's 公式说明 and what the rule rests on. */
export function registryBasis(lang: Lang): RuleBasisLookup {
  let byId: Map<string, ReturnType<typeof checkCatalogue>[number]> | undefined;
  return (ruleId) => {
    byId ??= new Map(checkCatalogue().map((c) => [c.id, c]));
    const c = byId.get(ruleId);
    if (!c) return undefined;
    return { formula: lang === "en-US" ? c.descriptionEn : c.descriptionZh, basis: basisText(c.basis, lang) };
  };
}

export interface FindingDetail {
  /** "4050.15 + 1.03 + 另 6 项为 0": the terms that are not zero. */
  terms: string | null;
  /** "差额 100.00". */
  difference: string | null;
  /** "四舍五入误差允许 ±0.02". */
  tolerance: string | null;
  /** Target first, then every cell the check read (what 定位 selects). */
  cells: CellAt[];
  /** The rule's 公式说明 and basis, when a registry provides them. */
  formula?: string;
  basis?: string;
}

const fmt = (v: number): string => (Math.abs(v) < 0.005 ? "0.00" : v.toFixed(2));

/** The arithmetic with zero terms folded into 「另 n 项为 0」 (only when there is more than one term). */
export function nonZeroTerms(f: Finding, lang: Lang): string | null {
  if (f.items.length < 2) return null;
  const m = appMessages(lang);
  const parts: string[] = [];
  let zeros = 0;
  for (const it of f.items) {
    if (Math.abs(it.value) < 0.005) {
      zeros++;
      continue;
    }
    const v = it.weight === 1 ? fmt(it.value) : it.weight === -1 ? `−${fmt(it.value)}` : `${it.weight}×${fmt(it.value)}`;
    parts.push(parts.length === 0 ? v : v.startsWith("−") ? `− ${v.slice(1)}` : `+ ${v}`);
  }
  if (zeros > 0) parts.push(`${parts.length ? "+ " : ""}${m.zeroTerms(zeros)}`);
  return parts.join(" ");
}

/** Tolerance of a finding as words, from its interval (symmetric) or its params. */
export function toleranceWords(f: Finding, lang: Lang): string | null {
  const tol = f.tolerance ? Math.max(Math.abs(f.tolerance.low), Math.abs(f.tolerance.high)) : Number(f.params.tolerance);
  if (!Number.isFinite(tol) || tol <= 0) return null;
  return appMessages(lang).tolerance(String(Number(tol.toFixed(6))));
}

/** Cells of one sheet-qualified set, target first, without repeats. */
export function participatingCells(f: Finding): CellAt[] {
  const seen = new Set<string>();
  const out: CellAt[] = [];
  for (const c of [f.target, ...f.items.map((i) => i.cell)]) {
    const k = `${c.sheet}!${c.address}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: c.sheet, address: c.address });
  }
  return out;
}

/** Everything the pane shows under a finding's message. */
export function findingDetail(f: Finding, lang: Lang, basisOf?: RuleBasisLookup): FindingDetail {
  const b = basisOf?.(f.rule);
  return {
    terms: nonZeroTerms(f, lang),
    difference: f.difference !== undefined && f.difference !== 0 ? appMessages(lang).difference(fmt(f.difference)) : null,
    tolerance: toleranceWords(f, lang),
    cells: participatingCells(f),
    ...(b?.formula ? { formula: b.formula } : {}),
    ...(b?.basis ? { basis: b.basis } : {}),
  };
}

export interface SharedCellGroup {
  /** The cell most of these findings go through: the likely one to fix. */
  cell: CellAt;
  findings: Finding[];
  /** 「「表」B31 同时涉及 3 条规则（T1-a、T1-c、X1），很可能只需改这一个单元格」. */
  text: string;
}

/**
 * Findings that share a cell, grouped under that cell (most-shared first). One typo in a total usually fails
 * the rule that sums into it, the rule that sums it, and the cross-table rule: three findings, one cell.
 */
export function sharedCellGroups(findings: Finding[], lang: Lang): SharedCellGroup[] {
  const byCell = new Map<string, { cell: CellAt; findings: Finding[] }>();
  for (const f of findings) {
    for (const c of participatingCells(f)) {
      const k = `${c.sheet}!${c.address}`;
      const e = byCell.get(k) ?? { cell: c, findings: [] };
      e.findings.push(f);
      byCell.set(k, e);
    }
  }
  // A cell shared by several findings; the target of one of them is preferred on a tie (that is where the eye goes).
  const isTarget = (c: CellAt, fs: Finding[]) => fs.some((f) => f.target.sheet === c.sheet && f.target.address === c.address);
  const candidates = [...byCell.values()]
    .filter((e) => e.findings.length >= 2)
    .sort((a, b) => b.findings.length - a.findings.length || Number(isTarget(b.cell, b.findings)) - Number(isTarget(a.cell, a.findings)));
  const placed = new Set<string>();
  const groups: SharedCellGroup[] = [];
  const m = appMessages(lang);
  for (const e of candidates) {
    const fs = e.findings.filter((f) => !placed.has(f.id));
    if (fs.length < 2) continue;
    for (const f of fs) placed.add(f.id);
    const where = lang === "en-US" ? `'${e.cell.sheet}'!${e.cell.address}` : `「${e.cell.sheet}」${e.cell.address}`;
    groups.push({ cell: e.cell, findings: fs, text: m.sharedCell(where, [...new Set(fs.map((f) => f.rule))]) });
  }
  return groups;
}
