import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/i18n/lang";
import type { RecognitionResult } from "../../core/recognize/types";
import { tableName } from "../../excel/reportText";
import type { Strings } from "../i18n";
import { SafeText } from "./SafeText";

const useStyles = makeStyles({
  box: { marginTop: "16px", paddingTop: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  list: { margin: "4px 0", paddingLeft: "18px", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Which sheets were read as which tables, which were ignored and why, and what looked wrong while reading. */
export function RecognitionReport({ recognition, lang, t, issueText }: { recognition: RecognitionResult; lang: Lang; t: Strings; issueText: (i: RecognitionResult["issues"][number]) => string }) {
  const s = useStyles();
  return (
    <section className={s.box} data-testid="recognition">
      <Subtitle2 as="h3">{t.recognitionTitle}</Subtitle2>
      <div>{t.recognizedTables}</div>
      <ul className={s.list}>
        {recognition.tables.map((tb, i) => (
          <li key={i} data-testid="recognized-table">
            <SafeText text={tableName(tb.kind, lang)} /> ← <SafeText text={tb.sheet} max={200} />{" "}
            <span className={s.muted}>
              ({t.confidence} {Math.round(tb.confidence * 100)}%)
            </span>
          </li>
        ))}
      </ul>
      {recognition.ignoredSheets.length > 0 && (
        <>
          <div>{t.ignoredSheets}</div>
          <ul className={s.list}>
            {recognition.ignoredSheets.map((g, i) => (
              <li key={i}>
                <SafeText text={g.sheet} max={200} /> <span className={s.muted}>— <SafeText text={g.reason} /></span>
              </li>
            ))}
          </ul>
        </>
      )}
      {recognition.issues.length > 0 && (
        <>
          <div>{t.recognitionIssues}</div>
          <ul className={s.list}>
            {recognition.issues.slice(0, 200).map((issue, i) => (
              <li key={i} data-testid="recognition-issue">
                <SafeText text={issueText(issue)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
