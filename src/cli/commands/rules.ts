/** caijue rules — list every check: id, 级别, 依据, version, tables and 公式说明 (text or JSON). */
import { TABLE_KINDS } from "../../core/catalog/vocabulary";
import type { Lang } from "../../core/i18n/lang";
import { basisText } from "../../core/i18n/findings";
import { checkCatalogue, type CheckInfo } from "../../core/rules/registry";
import { UsageError, type ParsedArgs } from "../args";
import type { Io } from "../io";

/** JSON form of the catalogue (stable keys; descriptions in both languages). */
export function rulesJson(checks: readonly CheckInfo[]): object {
  return {
    checks: checks.map((c) => ({
      id: c.id,
      severity: c.severity,
      basis: c.basis,
      version: c.version,
      scope: c.scope,
      tables: c.tables ?? [],
      years: c.years ?? null,
      descriptionZh: c.descriptionZh,
      descriptionEn: c.descriptionEn,
      formula: c.formula ?? null,
    })),
  };
}

/** Text form: one block per check, in the language asked for. */
export function rulesText(checks: readonly CheckInfo[], lang: Lang): string {
  const en = lang === "en-US";
  const out: string[] = [];
  for (const c of checks) {
    const sev = en ? c.severity : c.severity === "error" ? "强制" : "核实";
    const tables = (c.tables ?? []).map((t) => (en ? t : `${t} ${TABLE_KINDS[t]}`)).join(en ? ", " : "、");
    const years = c.years ? (en ? `  years ${c.years.join("/")}` : `  仅 ${c.years.join("/")} 年度`) : "";
    out.push(`${c.id}  ${sev}  ${basisText(c.basis, lang)}  v${c.version}${years}`);
    if (tables) out.push(en ? `    tables: ${tables}` : `    涉及：${tables}`);
    out.push(`    ${en ? c.descriptionEn : c.descriptionZh}`);
  }
  out.push("", en ? `${checks.length} checks.` : `共 ${checks.length} 项检查。`);
  return out.join("\n");
}

export async function runRules(args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  if (args.positionals.length !== 0) throw new UsageError("usage.arg-count", { count: 0, got: args.positionals.length });
  const checks = checkCatalogue();
  if (args.options.format === "json") io.out(JSON.stringify(rulesJson(checks), null, 2) + "\n");
  else io.out(rulesText(checks, lang) + "\n");
  return 0;
}
