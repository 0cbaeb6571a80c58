import { Subtitle2, makeStyles } from "@fluentui/react-components";
import type { Finding } from "../../core/rules/types";
import type { Lang } from "../../core/i18n/lang";
import { tableName } from "../../app/report";
import type { Strings } from "../i18n";
import { FindingItem, type FindingItemProps } from "./FindingItem";
import { SafeText } from "./SafeText";

const useStyles = makeStyles({
  group: { marginTop: "10px", minWidth: 0 },
  list: { listStyleType: "none", padding: 0, margin: 0, minWidth: 0 },
});

export interface ListedFinding {
  finding: Finding;
  reason?: string;
  by?: string;
}

/** Findings grouped by table (in the order the tables first appear), untrusted text as text only. */
export function FindingList(props: { items: ListedFinding[]; lang: Lang; t: Strings } & Omit<FindingItemProps, "finding" | "reason" | "by" | "t" | "lang">) {
  const s = useStyles();
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
        <section key={table || "-"} className={s.group} data-testid="finding-group" data-table={table}>
          <Subtitle2 as="h3">
            <SafeText text={table ? tableName(table, props.lang) : props.t.otherFindings} /> ({items.length})
          </Subtitle2>
          <ul className={s.list}>
            {items.map((i) => (
              <FindingItem key={i.finding.id} finding={i.finding} reason={i.reason} by={i.by} lang={props.lang} t={props.t} onSelect={props.onSelect} onExplain={props.onExplain} onUnexplain={props.onUnexplain} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
