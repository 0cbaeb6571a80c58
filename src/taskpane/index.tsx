// Task pane entry: mount the UI once Office.js is ready. The UI itself lives in ./App (taskpane helper's area).
import { createRoot } from "react-dom/client";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<App />);
});
