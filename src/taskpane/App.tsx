// Placeholder shell so the entry builds; the taskpane helper (issue 5) replaces this file with the real UI.
import { FluentProvider, Title3, Body1, webLightTheme } from "@fluentui/react-components";

export function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
      <Title3 as="h1">财决助手</Title3>
      <Body1 as="p">Caijue Assistant</Body1>
    </FluentProvider>
  );
}
