import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/i18n/lang";
import { renderRecognitionReport } from "../../core/i18n/recognition";
import type { RecognitionResult } from "../../core/recognize/types";
import type { Strings } from "../i18n";
import { SafeText } from "./SafeText";

const useStyles = makeStyles({
  box: { marginTop: "16px", paddingTop: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  list: { margin: "4px 0", padding: 0, listStyleType: "none", minWidth: 0, fontSize: tokens.fontSizeBase200 },
  sub: { paddingLeft: "16px", color: tokens.colorNeutralForeground3 },
});

/** Which sheets were read as which tables, which were ignored and why (core/i18n/recognition), as text. */
export function RecognitionReport({ recognition, lang, t }: { recognition: RecognitionResult; lang: Lang; t: Strings }) {
  const s = useStyles();
  const lines = renderRecognitionReport(recognition, lang).slice(0, 400);
  return (
    <section className={s.box} data-testid="recognition">
      <Subtitle2 as="h3">{t.recognitionTitle}</Subtitle2>
      <ul className={s.list}>
        {lines.map((line, i) => (
          <li key={i} className={line.startsWith("  ") ? s.sub : undefined} data-testid="recognition-line">
            <SafeText text={line.trim()} />
          </li>
        ))}
      </ul>
    </section>
  );
}
