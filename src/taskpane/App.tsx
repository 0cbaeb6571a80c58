/**
 * The task pane: tabs 校验 / 说明 / 设置 over the shared ValidationSession (the ribbon uses the same one, so a
 * ribbon run shows up here). Every piece of workbook text is rendered as text (see components/SafeText).
 */
import { FluentProvider, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { MessageBar, MessageBarBody, Spinner } from "./components/Controls";
import { useEffect, useState } from "react";
import { hostErrorText } from "../excel/errors";
import { getSession } from "../excel/runtime";
import type { ValidationSession } from "../excel/session";
import { NarrativeTab } from "./components/NarrativeTab";
import { SafeText } from "./components/SafeText";
import { SettingsTab } from "./components/SettingsTab";
import { ValidateTab } from "./components/ValidateTab";
import { useSession } from "./components/useSession";
import { strings } from "./i18n";
import { cls } from "./styles";

type TabId = "validate" | "narrative" | "settings";

export function App({ session = getSession() }: { session?: ValidationSession }) {
  const view = useSession(session);
  const [tab, setTab] = useState<TabId>("validate");
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    session.loadState().catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [session]);
  const lang = session.lang;
  const t = strings(lang);
  const error = view.error ? hostErrorText(view.error, lang) : loadError;
  return (
    <FluentProvider theme={webLightTheme} className={cls.root} lang={lang}>
      <div className={cls.header}>
        <h1 className={cls.title}>{t.appTitle}</h1>
        {view.busy && <Spinner label={t.busy} testId="busy" />}
      </div>
      {error && (
        <MessageBar intent="error" data-testid="session-error">
          <MessageBarBody>
            {t.failed}
            <SafeText text={error} />
          </MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="validate" data-testid="tab-validate">
          {t.tabValidate}
        </Tab>
        <Tab value="narrative" data-testid="tab-narrative">
          {t.tabNarrative}
        </Tab>
        <Tab value="settings" data-testid="tab-settings">
          {t.tabSettings}
        </Tab>
      </TabList>
      {tab === "validate" && <ValidateTab session={session} outcome={view.outcome} busy={view.busy} lang={lang} t={t} />}
      {tab === "narrative" && <NarrativeTab session={session} outcome={view.outcome} t={t} />}
      {tab === "settings" && <SettingsTab session={session} settings={view.state?.settings ?? null} t={t} />}
    </FluentProvider>
  );
}
