import { Button } from "@fluentui/react-components";
import { MessageBar, MessageBarBody, Switch } from "./Controls";
import { useState } from "react";
import type { Lang } from "../../core/i18n/lang";
import type { Finding } from "../../core/rules/types";
import type { Outcome, ValidationSession } from "../../excel/session";
import { participatingCells, sharedCellGroups } from "../../app/present";
import { hostErrorText } from "../../excel/errors";
import type { Strings } from "../i18n";
import { FindingList, type ListedFinding } from "./FindingList";
import { RecognitionReport } from "./RecognitionReport";
import { SafeText } from "./SafeText";
import { cls } from "../styles";

type Filter = "all" | "error" | "warning" | "explained";

export function ValidateTab({ session, outcome, busy, lang, t }: { session: ValidationSession; outcome: Outcome | null; busy: boolean; lang: Lang; t: Strings }) {
  const [filter, setFilter] = useState<Filter>("all");
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const run = (work: () => Promise<string | null>) => () => {
    setNotice(null);
    work().then(
      (text) => text && setNotice({ ok: true, text }),
      // An error the session recorded is already shown once at the top of the pane: not again here.
      (e: unknown) => (e === session.error ? undefined : setNotice({ ok: false, text: t.failed + hostErrorText(e, lang) })),
    );
  };
  // 定位: select every cell of the target's sheet that took part in the check (target first).
  const onSelect = (f: Finding) => {
    const cells = participatingCells(f).filter((c) => c.sheet === f.target.sheet).map((c) => c.address);
    session.host.selectCells(f.target.sheet, cells).catch((e: unknown) => setNotice({ ok: false, text: t.failed + String(e) }));
  };

  const items: ListedFinding[] = !outcome
    ? []
    : filter === "explained"
      ? outcome.explained.map((e) => ({ finding: e.finding, reason: e.explanation.reason, by: e.explanation.by }))
      : filter === "all"
        ? [...outcome.active.map((f) => ({ finding: f })), ...outcome.explained.map((e) => ({ finding: e.finding, reason: e.explanation.reason, by: e.explanation.by }))]
        : outcome.active.filter((f) => f.severity === filter).map((f) => ({ finding: f }));

  const count = (f: Filter): number =>
    !outcome ? 0 : f === "all" ? outcome.active.length + outcome.explained.length : f === "explained" ? outcome.explained.length : outcome.active.filter((x) => x.severity === f).length;

  return (
    <div data-testid="validate-tab">
      <div className={cls.validateActions}>
        <Button appearance="primary" disabled={busy} data-testid="btn-validate" onClick={run(async () => (await session.validate({ trigger: "taskpane", activateReport: false }), null))}>
          {t.validate}
        </Button>
        <Button disabled={busy} data-testid="btn-clear" onClick={run(async () => t.clearedMarks(await session.clearMarks()))}>
          {t.clearMarks}
        </Button>
        <Switch
          label={t.liveRecheck}
          checked={session.live}
          data-testid="live-switch"
          onChange={(on) => run(async () => (on ? await session.startLive() : await session.stopLive(), null))()}
        />
      </div>
      {notice && (
        <MessageBar intent={notice.ok ? "success" : "error"} data-testid="validate-notice">
          <MessageBarBody>
            <SafeText text={notice.text} />
          </MessageBarBody>
        </MessageBar>
      )}
      {!outcome ? (
        <p data-testid="not-run">{t.notRunYet}</p>
      ) : (
        <>
          <p className={cls.summary} data-testid="summary">
            <SafeText text={outcome.summary} /> {outcome.trigger === "ribbon" ? t.viaRibbon : outcome.trigger === "live" ? t.viaLive : ""}
          </p>
          <div className={cls.filters} role="group" aria-label={t.filterLabel}>
            {(["all", "error", "warning", "explained"] as Filter[]).map((f) => (
              // a Button with aria-pressed looks and reads like Fluent's ToggleButton (styles.ts), without its styles for every appearance
              <Button key={f} size="small" aria-pressed={filter === f} className={filter === f ? cls.pressed : undefined} data-testid={`filter-${f}`} onClick={() => setFilter(f)}>
                {{ all: t.filterAll, error: t.filterError, warning: t.filterWarning, explained: t.filterExplained }[f]} ({count(f)})
              </Button>
            ))}
          </div>
          {outcome.result.ruleErrors.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t.ruleErrors}: <SafeText text={outcome.result.ruleErrors.map((e) => e.message).join("；")} />
              </MessageBarBody>
            </MessageBar>
          )}
          {sharedCellGroups(outcome.active, lang).map((g) => (
            <MessageBar key={`${g.cell.sheet}!${g.cell.address}`} intent="info" data-testid="shared-cell">
              <MessageBarBody>
                <SafeText text={g.text} />
              </MessageBarBody>
            </MessageBar>
          ))}
          <FindingList
            items={items}
            lang={lang}
            t={t}
            onSelect={onSelect}
            onExplain={(f, reason) => session.suppress(f.id, reason)}
            onUnexplain={(f) => session.unsuppress(f.id)}
          />
          <RecognitionReport recognition={outcome.recognition} lang={lang} t={t} />
        </>
      )}
    </div>
  );
}
