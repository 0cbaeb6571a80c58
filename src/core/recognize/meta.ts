/**
 * Table titles, sheet-name hints, units, years, unit names and "no data" sentences: the text around a table
 * that tells what it is and how to read it.
 */
import type { TableDef } from "../catalog/schema";
import type { Unit } from "../catalog/vocabulary";
import { matchText } from "../text/keys";

interface NamedDef {
  def: TableDef;
  names: string[];
  excluded: string[];
  hints: string[];
}

const cache = new WeakMap<readonly TableDef[], NamedDef[]>();

function named(defs: readonly TableDef[]): NamedDef[] {
  let n = cache.get(defs);
  if (!n) {
    n = defs.map((def) => ({
      def,
      names: [def.title, ...def.aliases].map(matchText).filter((s) => s.length >= 2),
      excluded: def.excludeTitles.map(matchText),
      hints: def.sheetHints.map(matchText),
    }));
    cache.set(defs, n);
  }
  return n;
}

export interface TitleHit {
  def: TableDef;
  /** Length of the longest catalogue title contained in the text. */
  length: number;
}

/** Could this cell be a table title? (short text mentioning 表, not a note) */
export function looksLikeTitle(normalized: string): boolean {
  return normalized.length >= 4 && normalized.length <= 70 && normalized.includes("表") && !/^(注|说明|备注)/u.test(normalized);
}

/** Catalogue variants whose title or an alias is contained in the text. */
export function titleHits(normalized: string, defs: readonly TableDef[]): TitleHit[] {
  const out: TitleHit[] = [];
  for (const n of named(defs)) {
    if (n.excluded.some((x) => normalized.includes(x))) continue;
    let len = 0;
    for (const name of n.names) if (name.length > len && normalized.includes(name)) len = name.length;
    if (len > 0) out.push({ def: n.def, length: len });
  }
  return out;
}

function hintMatches(name: string, hint: string): boolean {
  let from = 0;
  for (;;) {
    const i = name.indexOf(hint, from);
    if (i < 0) return false;
    const before = i === 0 ? "" : name[i - 1];
    const after = name.slice(i + hint.length, i + hint.length + 2);
    const okBefore = !/[a-z0-9]/.test(before) || /[^a-z0-9]/.test(hint[0]);
    const okAfter = !/^[0-9一二三四五六七八九十]/u.test(after) && !/^[_-][0-9]/.test(after);
    if (okBefore && okAfter) return true;
    from = i + 1;
  }
}

/** Variants whose sheet-name hints (Z03, 附表2, 表二 …) appear in the sheet name as whole tokens. */
export function sheetHintDefs(sheetName: string, defs: readonly TableDef[]): TableDef[] {
  const s = matchText(sheetName);
  if (!s) return [];
  return named(defs)
    .filter((n) => n.hints.some((h) => hintMatches(s, h)))
    .map((n) => n.def);
}

/**
 * Variants whose table numbers appear in the text around a title. Only specific markers count here
 * (「财决08-1表」, 「附表8」); bare 「表一」 is too common inside titles and notes.
 */
export function textHintDefs(normalized: string, defs: readonly TableDef[]): TableDef[] {
  return named(defs)
    .filter((n) => n.hints.some((h) => (h.startsWith("财决") || h.startsWith("附表")) && hintMatches(normalized, h)))
    .map((n) => n.def);
}

/** Unit stated in a text such as 「单位：万元」「金额单位：元」「(万元)」. */
export function unitIn(normalized: string): Unit | undefined {
  const m = /单位[:]?(万元|元)/u.exec(normalized) ?? /[([](万元|元)[)\]]$/u.exec(normalized);
  if (m) return m[1] as Unit;
  return undefined;
}

/** Year in a title or cover text: 「2019年度」「2019年」. */
export function yearIn(normalized: string): number | undefined {
  const m = /(20\d{2}|19\d{2})年(度)?/u.exec(normalized);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2100 ? y : undefined;
}

/** Where a header line's fields part: a tab, an ideographic space, or two or more spaces. */
const FIELD_BREAK = /\t|\u3000|\s{2,}/u;

/**
 * Unit (organisation) name from 「编制单位：XX」 / 「单位名称：XX」. A header line often holds more fields
 * (「编制单位：上海市××局」, wide spaces, 「2025年度」, wide spaces, 「单位：万元」): the name ends at the first field break.
 */
export function unitNameIn(raw: string): string | undefined {
  const m = /(编制单位|单位名称|填报单位|部门名称|预算单位)\s*[:：]\s*(.+?)\s*(金额单位|单位\s*[:：]|$)/u.exec(raw);
  let name = m?.[2];
  if (!name) return undefined;
  name = name.split(FIELD_BREAK)[0];
  // 「上海市××局 2025年度」 with a single space: the year is a field of its own, not part of the name.
  name = name.replace(/\s*(19|20)\d{2}\s*年度?\s*$/u, "").trim();
  return name.length >= 2 && name.length <= 60 ? name : undefined;
}

/** Endings of unit (organisation) names: 局, 委员会, 办公室, 街道办事处, 中心, 学校 … */
const ORG_END = /(局|委员会|委|办公室|办事处|办|院|所|中心|街道|政府|厅|部|处|站|队|校|学|馆|会|镇|乡|社|公司|集团|署|台|园|室|团|馆|店|场|库|社区|协会|联合会)$/u;

/**
 * Unit name and year from a document title such as 「上海市××局2024年度部门决算」 or 「2024年度××局部门决算」
 * (a cover sheet, a title above the tables, a sheet or file name). Only a name with an organisation ending counts.
 */
export function titleUnitYear(raw: string): { unitName?: string; year?: number } {
  const text = raw.replace(/\.(xlsx|xlsm|xls|pdf|csv)$/iu, "").replace(/[\s\u3000]+/gu, "");
  const m = /^(.*?)((?:19|20)\d{2})年度?(.*?)(部门|单位)?(决算|决算公开|决算报表|决算表)/u.exec(text);
  if (!m) return {};
  const year = Number(m[2]);
  const clean = (x: string): string | undefined => {
    // A PDF's text runs the part heading into the title (「第二部分上海市××局2024年度部门决算」): not the name.
    const n = x
      .replace(/^第[一二三四五六七八九十百\d]+(部分|章|节)[、.:：\s_-]*/u, "")
      .replace(/^[(（【[]?(附表|表)?[0-9一二三四五六七八九十]*[)）】\]]?[、.:：\s_-]*/u, "")
      .replace(/[_\-—]+$/u, "");
    return n.length >= 3 && n.length <= 40 && ORG_END.test(n) && !/[表]$/u.test(n) ? n : undefined;
  };
  return { unitName: clean(m[1]) ?? clean(m[3]), year: year >= 1990 && year <= 2100 ? year : undefined };
}

/** A sentence saying the table has no data (本表无数据, 没有…收入和支出, 本表为空表, 不涉及…支出, 未发生…经费). */
export function saysEmpty(normalized: string): boolean {
  return (
    /(本表无数据|此表无数据|无数据|本表为空表|本表为空|(本表|此表)(数据)?为空|空表|没有.{0,40}(收入|支出|经费)|不涉及.{0,40}(收入|支出|经费)|未发生.{0,40}(收入|支出|经费)|无.{0,30}(收入和支出|收支|支出|收入|经费)[,，。]?(故|因此|所以)?(本表|此表))/u.test(normalized) ||
    // 「本单位无政府性基金预算财政拨款收支。」「说明：本年度未安排…资金。」: the unit or a note states the absence.
    /(本单位|本部门|我单位|我部门).{0,20}(无|未安排).{0,40}(收入|支出|收支|经费|资金)|^(注|说明|备注).{0,60}(无|未安排).{0,40}(收入|支出|收支|经费|资金|数据)/u.test(normalized)
  );
}
