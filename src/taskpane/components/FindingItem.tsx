import { Badge, Button, Field, Link, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../core/i18n/lang";
import type { Finding } from "../../core/rules/types";
import { findingDetail, registryBasis } from "../../app/present";
import type { Strings } from "../i18n";
import { SafeText } from "./SafeText";

const useStyles = makeStyles({
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    padding: "6px 8px",
    margin: "6px 0",
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  explained: { borderLeftColor: tokens.colorNeutralStroke1, opacity: 0.85 },
  head: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap", minWidth: 0 },
  message: { margin: "4px 0", fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, minWidth: 0 },
  actions: { display: "flex", gap: "6px", marginTop: "4px", flexWrap: "wrap" },
});

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
  const s = useStyles();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const explained = reason !== undefined;
  const detail = findingDetail(finding, lang, registryBasis(lang));
  const facts = [detail.terms, detail.difference, detail.tolerance].filter((x): x is string => !!x);
  const kind = explained ? s.explained : finding.severity === "error" ? s.error : s.warning;
  return (
    <li className={`${s.item} ${kind}`} data-testid="finding" data-finding-id={finding.id} data-severity={finding.severity}>
      <div className={s.head}>
        <Badge appearance="filled" color={explained ? "informative" : finding.severity === "error" ? "danger" : "warning"}>
          {explained ? t.explainedBadge : finding.severity === "error" ? t.error : t.warning}
        </Badge>
        <Badge appearance="tint" color="informative">
          {finding.rule}
        </Badge>
        <Link as="button" data-testid="finding-cell" title={detail.cells.length > 1 ? t.goToCells : t.goToCell} onClick={() => onSelect(finding)}>
          <SafeText text={`${finding.target.sheet}!${finding.target.address}`} max={120} />
        </Link>
      </div>
      <p className={s.message} data-testid="finding-message">
        <SafeText text={finding.message} />
      </p>
      {facts.length > 0 && (
        <p className={s.message} data-testid="finding-detail">
          <SafeText text={facts.join("；")} />
        </p>
      )}
      {(detail.formula || detail.basis) && (
        <p className={s.message} data-testid="finding-basis">
          <SafeText text={[detail.formula, detail.basis].filter(Boolean).join(" — ")} />
        </p>
      )}
      {explained && (
        <p className={s.message} data-testid="finding-reason">
          {t.explainedBadge}：<SafeText text={reason} />
          {by ? <> （<SafeText text={t.explainedByLine(by)} />）</> : null}
        </p>
      )}
      {editing ? (
        <div>
          <Field label={t.reasonLabel}>
            <Textarea value={text} placeholder={t.reasonPlaceholder} onChange={(_, d) => setText(d.value)} maxLength={500} data-testid="reason-input" />
          </Field>
          <div className={s.actions}>
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
        <div className={s.actions}>
          {explained ? (
            <Button size="small" appearance="subtle" onClick={() => void onUnexplain(finding)}>
              {t.unexplain}
            </Button>
          ) : finding.severity === "error" ? (
            <span className={s.message} data-testid="must-fix">
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
