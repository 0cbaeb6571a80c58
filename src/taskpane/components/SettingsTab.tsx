import { Field, MessageBar, MessageBarBody, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import type { ValidationSession } from "../../excel/session";
import type { Settings } from "../../app/state";
import type { Strings } from "../i18n";
import { SafeText } from "./SafeText";

/** Tolerance policy, narrative style and language, saved in the workbook's own state part. */
export function SettingsTab({ session, settings, t }: { session: ValidationSession; settings: Settings | null; t: Strings }) {
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const current: Settings = settings ?? { policy: "interval", style: "sichuan", lang: null };
  const save = (patch: Partial<Settings>) => {
    session.updateSettings(patch).then(
      () => setNotice({ ok: true, text: t.saved }),
      (e: unknown) => setNotice({ ok: false, text: t.failed + (e instanceof Error ? e.message : String(e)) }),
    );
  };
  return (
    <div data-testid="settings-tab">
      <Field label={t.settingsPolicy}>
        <RadioGroup value={current.policy} onChange={(_, d) => save({ policy: d.value as Settings["policy"] })}>
          <Radio value="interval" label={t.policyInterval} />
          <Radio value="exact" label={t.policyExact} data-testid="policy-exact" />
        </RadioGroup>
      </Field>
      <Field label={t.settingsStyle}>
        <RadioGroup value={current.style} onChange={(_, d) => save({ style: d.value as Settings["style"] })}>
          <Radio value="sichuan" label={t.styleSichuan} />
          <Radio value="shanghai" label={t.styleShanghai} />
        </RadioGroup>
      </Field>
      <Field label={t.settingsLanguage}>
        <RadioGroup value={current.lang ?? "auto"} onChange={(_, d) => save({ lang: d.value === "auto" ? null : (d.value as "zh-CN" | "en-US") })}>
          <Radio value="auto" label={t.langAuto} />
          <Radio value="zh-CN" label="中文（简体）" />
          <Radio value="en-US" label="English" data-testid="lang-en" />
        </RadioGroup>
      </Field>
      {notice && (
        <MessageBar intent={notice.ok ? "success" : "error"}>
          <MessageBarBody>
            <SafeText text={notice.text} />
          </MessageBarBody>
        </MessageBar>
      )}
      <p>{t.privacyNote}</p>
    </div>
  );
}
