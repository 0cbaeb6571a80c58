import { Button, Field, Textarea } from "@fluentui/react-components";
import { LinkButton } from "./Controls";
import { useState } from "react";
import type { Lang } from "../../core/i18n/lang";
import type { Finding } from "../../core/rules/types";
import { findingDetail, registryBasis } from "../../app/present";
import type { Strings } from "../i18n";
import { Badge } from "./Badge";
import { SafeText } from "./SafeText";
import { cls } from "../styles";

export interface FindingItemProps {
  finding: Finding;
  reason?: string;
  /** Who explained it, when known. */
  by?: string;
  lang: Lang;
  t: Strings;
  onSelect(f: Finding): void;
  onExplain(f: Finding, reason: string): Promise<void>;
  onUnexplain(f: Finding): Promise<void>;
}

export function FindingItem({ finding, reason, by, lang, t, onSelect, onExplain, onUnexplain }: FindingItemProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const explained = reason !== undefined;
  const detail = findingDetail(finding, lang, registryBasis(lang));
  const facts = [detail.terms, detail.difference, detail.tolerance].filter((x): x is string => !!x);
  const kind = explained ? cls.findingExplained : finding.severity === "error" ? cls.findingError : cls.findingWarning;
  return (
    <li className={`${cls.finding} ${kind}`} data-testid="finding" data-finding-id={finding.id} data-severity={finding.severity}>
      <div className={cls.findingHead}>
        <Badge appearance="filled" color={explained ? "informative" : finding.severity === "error" ? "danger" : "warning"}>
          {explained ? t.explainedBadge : finding.severity === "error" ? t.error : t.warning}
        </Badge>
        <Badge appearance="tint" color="informative">
          {finding.rule}
        </Badge>
        <LinkButton data-testid="finding-cell" title={detail.cells.length > 1 ? t.goToCells : t.goToCell} onClick={() => onSelect(finding)}>
          <SafeText text={`${finding.target.sheet}!${finding.target.address}`} max={120} />
        </LinkButton>
      </div>
      <p className={cls.findingMessage} data-testid="finding-message">
        <SafeText text={finding.message} />
      </p>
      {facts.length > 0 && (
        <p className={cls.findingMessage} data-testid="finding-detail">
          <SafeText text={facts.join("；")} />
        </p>
      )}
      {(detail.formula || detail.basis) && (
        <p className={cls.findingMessage} data-testid="finding-basis">
          <SafeText text={[detail.formula, detail.basis].filter(Boolean).join(" — ")} />
        </p>
      )}
      {explained && (
        <p className={cls.findingMessage} data-testid="finding-reason">
          {t.explainedBadge}：<SafeText text={reason} />
          {by ? <> （<SafeText text={t.explainedByLine(by)} />）</> : null}
        </p>
      )}
      {editing ? (
        <div>
          <Field label={t.reasonLabel}>
            <Textarea value={text} placeholder={t.reasonPlaceholder} onChange={(_, d) => setText(d.value)} maxLength={500} data-testid="reason-input" />
          </Field>
          <div className={cls.findingActions}>
            <Button
              appearance="primary"
              size="small"
              disabled={text.trim() === ""}
              data-testid="reason-confirm"
              onClick={() => {
                void onExplain(finding, text.trim()).then(() => setEditing(false));
              }}
            >
              {t.confirm}
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div className={cls.findingActions}>
          {explained ? (
            <Button size="small" appearance="subtle" onClick={() => void onUnexplain(finding)}>
              {t.unexplain}
            </Button>
          ) : finding.severity === "error" ? (
            <span className={cls.findingMessage} data-testid="must-fix">
              {t.errorMustBeFixed}
            </span>
          ) : (
            <Button size="small" appearance="subtle" data-testid="explain" onClick={() => setEditing(true)}>
              {t.markExplained}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
