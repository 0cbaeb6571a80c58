// Task pane entry: mount the UI once Office.js is ready — or, on a host that lacks what the add-in needs, show one
// sentence saying what is missing and what to do (never a blank pane or a stack trace).
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { missingRequirements, unsupportedHostText } from "../excel/requirements";
import { installStyles } from "./styles";

void Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  const missing = missingRequirements(requirements ? (name, version) => requirements.isSetSupported(name, version) : undefined);
  const language = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  const lang = language && /^en/i.test(language) ? "en-US" : "zh-CN";
  const text = unsupportedHostText(info?.host ? String(info.host) : null, missing, lang);
  if (text !== undefined) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.setAttribute("data-testid", "unsupported-host");
    p.style.cssText = "font: 14px/1.6 'Microsoft YaHei', sans-serif; margin: 16px;";
    p.textContent = text;
    container.replaceChildren(p);
    return;
  }
  installStyles(document);
  createRoot(container).render(<App />);
});
