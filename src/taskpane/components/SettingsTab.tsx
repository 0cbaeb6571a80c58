import { Field } from "@fluentui/react-components";
import { MessageBar, MessageBarBody, Radio, RadioGroup, Select } from "./Controls";
import { STYLE_OPTIONS, type StyleOptionInfo } from "../../core/narrative/style-options";
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
        <RadioGroup value={current.policy} onChange={(v) => save({ policy: v as Settings["policy"] })}>
          <Radio value="interval" label={t.policyInterval} />
          <Radio value="exact" label={t.policyExact} data-testid="policy-exact" />
        </RadioGroup>
      </Field>
      <Field label={t.settingsStyle}>
        <RadioGroup value={current.style} onChange={(v) => save({ style: v as Settings["style"] })}>
          <Radio value="sichuan" label={t.styleSichuan} />
          <Radio value="shanghai" label={t.styleShanghai} />
        </RadioGroup>
      </Field>
      <details data-testid="style-options">
        <summary>{t.styleOptionsTitle}</summary>
        {STYLE_OPTIONS.filter((o) => o.type.kind !== "text").map((o) => (
          <StyleOptionField
            key={o.name}
            option={o}
            value={current.styleOptions?.[o.name]}
            lang={session.lang}
            t={t}
            onChange={(value) => {
              const next = { ...(current.styleOptions ?? {}) };
              if (value === undefined) delete next[o.name];
              else next[o.name] = value;
              save({ styleOptions: next });
            }}
          />
        ))}
      </details>
      <Field label={t.settingsLanguage}>
        <RadioGroup value={current.lang ?? "auto"} onChange={(v) => save({ lang: v === "auto" ? null : (v as "zh-CN" | "en-US") })}>
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

/** One style option as a choice: "as the style" (the preset's own), or one of the option's values. */
function StyleOptionField({ option, value, lang, t, onChange }: {
  option: StyleOptionInfo;
  value: number | boolean | string | undefined;
  lang: "zh-CN" | "en-US";
  t: Strings;
  onChange: (value: number | boolean | string | undefined) => void;
}) {
  const type = option.type;
  const choices: { key: string; label: string; value: number | boolean | string }[] =
    type.kind === "int"
      ? Array.from({ length: type.max - type.min + 1 }, (_, i) => ({ key: String(type.min + i), label: String(type.min + i), value: type.min + i }))
      : type.kind === "boolean"
        ? [{ key: "true", label: t.styleOptionYes, value: true }, { key: "false", label: t.styleOptionNo, value: false }]
        : type.kind === "enum"
          ? type.values.map((v) => ({ key: v, label: v, value: v }))
          : [];
  return (
    <Field label={lang === "en-US" ? option.descriptionEn : option.descriptionZh} size="small">
      <Select
        data-testid={`style-option-${option.name}`}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => onChange(e.currentTarget.value === "" ? undefined : choices.find((c) => c.key === e.currentTarget.value)?.value)}
      >
        <option value="">{t.styleOptionPreset}</option>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
