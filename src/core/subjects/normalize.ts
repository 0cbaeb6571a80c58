/** Normalisation of subject codes and names as they appear in cells (full-width, numbering, spaces). */
import { normalizeNumericText } from "../workbook/amount";

/** Canonical code text ("2010301") from a number, "2010301", "201 03 01", "２０１０３０１"; undefined if not a code. */
export function normalizeCode(code: unknown): string | undefined {
  if (typeof code === "number") {
    if (!Number.isInteger(code) || code < 0) return undefined;
    code = String(code);
  }
  if (typeof code !== "string") return undefined;
  const t = code.replace(/[\s\u3000]/g, " ").trim();
  const ascii = t.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/^'/, "");
  if (/^\d{3}(\d{2}){0,2}$/.test(ascii)) return ascii;
  const split = /^(\d{3})(?:[ .\-－|]+(\d{2}))(?:[ .\-－|]+(\d{2}))?$/.exec(ascii);
  if (split) return split[1] + split[2] + (split[3] ?? "");
  return undefined;
}

/** The leading code of a label like "2010301 行政运行" or "[201]一般公共服务支出", if any. */
export function leadingCode(label: string): { code: string; rest: string } | undefined {
  const t = normalizeNumericText(label).replace(/^\[/, "");
  const m = /^(\d{3}(?:\d{2}){0,2})(?:\]|[^\d]|$)(.*)$/u.exec(t);
  if (!m) return undefined;
  return { code: m[1], rest: m[2] };
}

/** Strip the level markers （类）（款）（项） from a name. */
export function stripLevelMarkers(name: string): string {
  return name.replace(/（[类款项]）/g, "");
}

/** Split a path 「一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）」 into its parts. */
export function splitPath(name: string): { level: 1 | 2 | 3; name: string }[] | undefined {
  const re = /(.*?)（([类款项])）/gu;
  const parts: { level: 1 | 2 | 3; name: string }[] = [];
  let consumed = 0;
  for (const m of name.matchAll(re)) {
    const level = m[2] === "类" ? 1 : m[2] === "款" ? 2 : 3;
    // 「卫生健康（类）支出」: a trailing 支出 after the marker belongs to the class name.
    let part = m[1];
    if (part.startsWith("支出") && parts.length > 0 && parts[parts.length - 1].level === 1) part = part.slice(2);
    parts.push({ level, name: part });
    consumed = (m.index ?? 0) + m[0].length;
  }
  if (parts.length === 0) return undefined;
  const tail = name.slice(consumed).replace(/^支出/, "");
  if (tail) return undefined;
  return parts;
}
