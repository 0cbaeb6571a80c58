import { inputCellOf, narrativeStyleOf } from "../../app/narrative";
import { Button } from "@fluentui/react-components";
import { MessageBar, MessageBarBody } from "./Controls";
import { useMemo, useState } from "react";
import { generateNarrative, narrativeSheetRows, parseInputsSheet, renderNarrativeText, type Narrative, type NarrativeParagraph, type NarrativeSource, type NarrativeSpan } from "../../core/narrative/index";
import type { Outcome, ValidationSession } from "../../excel/session";
import type { Strings } from "../i18n";
import { SafeText } from "./SafeText";
import { NarrativeCheck } from "./NarrativeCheck";
import { cls } from "../styles";

function sourceText(src: NarrativeSource): string {
  return "inputsRow" in src ? `${src.sheet}!${src.address}（${src.key}）` : `${src.sheet}!${src.address} = ${src.value}`;
}

function spanTip(span: NarrativeSpan, t: Strings): string {
  const lines = [span.label];
  if (span.arithmetic) lines.push(span.arithmetic);
  if (span.sources.length > 0) lines.push(`${t.provenance}${span.sources.map(sourceText).join("; ")}`);
  return lines.join("\n");
}

/**
 * One generated paragraph: plain text pieces, numbers as buttons. Hover shows the provenance as a native
 * title (text only, no per-number popup components for hundreds of numbers); a click shows it in the
 * details box and selects the source cell.
 */
function Paragraph({ p, t, onSpan }: { p: NarrativeParagraph; t: Strings; onSpan(span: NarrativeSpan): void }) {
  const pieces: JSX.Element[] = [];
  let at = 0;
  const spans = [...p.spans].sort((a, b) => a.start - b.start);
  spans.forEach((span, i) => {
    if (span.start < at) return; // overlapping spans: keep the first
    if (span.start > at) pieces.push(<SafeText key={`t${i}`} text={p.text.slice(at, span.start)} max={100_000} />);
    pieces.push(
      <button
        key={`s${i}`}
        type="button"
        className={`${cls.span} ${span.kind === "placeholder" ? cls.placeholder : ""}`}
        title={spanTip(span, t)}
        data-testid="narrative-span"
        onClick={() => onSpan(span)}
      >
        <SafeText text={p.text.slice(span.start, span.end)} max={100_000} />
      </button>,
    );
    at = span.end;
  });
  if (at < p.text.length) pieces.push(<SafeText key="end" text={p.text.slice(at)} max={100_000} />);
  return <p className={cls.para}>{pieces}</p>;
}

export function NarrativeTab({ session, outcome, t }: { session: ValidationSession; outcome: Outcome | null; t: Strings }) {
  const [notice, setNotice] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const settings = session.state?.settings;
  // the preset with the unit's own options over it, as saved in the workbook (设置 → 文风选项)
  const style = useMemo(() => narrativeStyleOf(settings), [settings]);
  const [generatedFor, setGeneratedFor] = useState<{ at: number } | null>(null);

  const narrative = useMemo<Narrative | null>(() => {
    if (!outcome || !generatedFor) return null;
    return generateNarrative(outcome.recognition, parseInputsSheet(outcome.snapshot), { style });
    // Regenerate when the user asks again, the data changed, or the style changed.
  }, [outcome, generatedFor, style]);

  const act = (work: () => Promise<string>) => () => {
    setNotice(null);
    work().then(
      (text) => setNotice({ intent: "success", text }),
      (e: unknown) => setNotice({ intent: "error", text: t.failed + (e instanceof Error ? e.message : String(e)) }),
    );
  };
  const [picked, setPicked] = useState<NarrativeSpan | null>(null);
  const onSpan = (span: NarrativeSpan) => {
    setPicked(span);
    if (span.kind === "placeholder" && outcome) {
      // a placeholder names its 说明数据 item: go to the cell to fill in
      const cell = inputCellOf(outcome.snapshot, narrative?.placeholders.find((p) => p.label === span.label)?.inputKey ?? span.label);
      if (cell) session.host.selectCells(cell.sheet, [cell.address]).catch((e: unknown) => setNotice({ intent: "error", text: t.failed + String(e) }));
      else setNotice({ intent: "error", text: t.placeholderNoInput(span.label) });
      return;
    }
    const src = span.sources[0];
    if (src) session.host.selectCells(src.sheet, [src.address]).catch((e: unknown) => setNotice({ intent: "error", text: t.failed + String(e) }));
  };

  if (!outcome) return <p data-testid="narrative-needs-validation">{t.narrativeNeedsValidation}</p>;
  return (
    <div data-testid="narrative-tab">
      <div className={cls.narrativeActions}>
        <Button appearance="primary" data-testid="narrative-generate" onClick={() => setGeneratedFor({ at: Date.now() })}>
          {t.narrativeGenerate}
        </Button>
        <Button
          disabled={!narrative}
          data-testid="narrative-write"
          onClick={act(async () => {
            const plan = await session.writeNarrative(narrative ? narrativeSheetRows(narrative).map((r) => r.text) : []);
            return plan.keptEdited ? t.narrativeWrittenElsewhere(plan.keptEdited, plan.sheet) : t.narrativeWritten(plan.sheet);
          })}
        >
          {t.narrativeWrite}
        </Button>
        <Button
          disabled={!narrative}
          onClick={act(async () => {
            await navigator.clipboard.writeText(narrative ? renderNarrativeText(narrative) : "");
            return t.narrativeCopied;
          })}
        >
          {t.narrativeCopy}
        </Button>
        <Button
          data-testid="inputs-complete"
          onClick={act(async () => {
            const r = await session.completeInputsSheet();
            return r.created ? t.inputsCreated(r.added) : r.added > 0 ? t.inputsAppended(r.added, r.sheet) : t.inputsNothingMissing(r.sheet);
          })}
        >
          {t.inputsComplete}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            <SafeText text={notice.text} />
          </MessageBarBody>
        </MessageBar>
      )}
      {narrative && outcome.counts.error > 0 && (
        <MessageBar intent="warning" data-testid="narrative-failed-tables">
          <MessageBarBody>{t.narrativeFailedTables(outcome.counts.error)}</MessageBarBody>
        </MessageBar>
      )}
      {narrative && picked && (
        <div className={cls.details} data-testid="provenance">
          <SafeText text={spanTip(picked, t)} max={2000} />
        </div>
      )}
      {narrative && (
        <div className={cls.preview} data-testid="narrative-preview">
          {narrative.sections.map((sec) => (
            <section key={sec.id}>
              <h4 className={cls.subtitle}>
                <SafeText text={sec.title} />
              </h4>
              {sec.paragraphs.map((p, i) => (
                <Paragraph key={i} p={p} t={t} onSpan={onSpan} />
              ))}
            </section>
          ))}
        </div>
      )}
      <NarrativeCheck session={session} outcome={outcome} t={t} />
    </div>
  );
}
