import type { Lang } from "../../core/i18n/lang";
import { renderRecognitionReport } from "../../core/i18n/recognition";
import type { RecognitionResult } from "../../core/recognize/types";
import type { Strings } from "../i18n";
import { SafeText } from "./SafeText";
import { cls } from "../styles";

/** Which sheets were read as which tables, which were ignored and why (core/i18n/recognition), as text. */
export function RecognitionReport({ recognition, lang, t }: { recognition: RecognitionResult; lang: Lang; t: Strings }) {
  const lines = renderRecognitionReport(recognition, lang).slice(0, 400);
  return (
    <section className={cls.recognition} data-testid="recognition">
      <h3 className={cls.subtitle}>{t.recognitionTitle}</h3>
      <ul className={cls.recognitionList}>
        {lines.map((line, i) => (
          <li key={i} className={line.startsWith("  ") ? cls.recognitionSub : undefined} data-testid="recognition-line">
            <SafeText text={line.trim()} />
          </li>
        ))}
      </ul>
    </section>
  );
}
