import type { Finding } from "../../core/rules/types";
import type { Lang } from "../../core/i18n/lang";
import { tableName } from "../../app/report";
import type { Strings } from "../i18n";
import { FindingItem, type FindingItemProps } from "./FindingItem";
import { SafeText } from "./SafeText";
import { cls } from "../styles";

export interface ListedFinding {
  finding: Finding;
  reason?: string;
  by?: string;
}

/** Findings grouped by table (in the order the tables first appear), untrusted text as text only. */
export function FindingList(props: { items: ListedFinding[]; lang: Lang; t: Strings } & Omit<FindingItemProps, "finding" | "reason" | "by" | "t" | "lang">) {
  const groups = new Map<string, ListedFinding[]>();
  for (const item of props.items) {
    const k = item.finding.table ?? "";
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  if (props.items.length === 0) return <p data-testid="no-findings">{props.t.noFindings}</p>;
  return (
    <div data-testid="finding-groups">
      {[...groups].map(([table, items]) => (
        <section key={table || "-"} className={cls.group} data-testid="finding-group" data-table={table}>
          <h3 className={cls.subtitle}>
            <SafeText text={table ? tableName(table, props.lang) : props.t.otherFindings} /> ({items.length})
          </h3>
          <ul className={cls.findingList}>
            {items.map((i) => (
              <FindingItem key={i.finding.id} finding={i.finding} reason={i.reason} by={i.by} lang={props.lang} t={props.t} onSelect={props.onSelect} onExplain={props.onExplain} onUnexplain={props.onUnexplain} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
