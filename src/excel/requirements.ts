/**
 * The Office requirement sets the add-in needs (the same as manifest.xml's <Requirements>), and the sentence a task
 * pane shows on a host that lacks one: Office normally hides the add-in on such a host, but a sideloaded manifest,
 * an older build or a page opened outside Excel still reaches the pane, which must then say what is missing and what
 * to do instead of showing a blank pane or a stack trace.
 */

export interface RequirementSet {
  name: string;
  version: string;
}

/** What the task pane, the ribbon commands and the cell marks rely on (see docs/部署.md, 支持的 Excel 版本). */
export const REQUIRED_SETS: readonly RequirementSet[] = [
  { name: "ExcelApi", version: "1.10" },
  { name: "SharedRuntime", version: "1.1" },
];

/** The required sets the host does not support; `isSupported` is Office.context.requirements.isSetSupported. */
export function missingRequirements(isSupported: ((name: string, version: string) => boolean) | undefined): RequirementSet[] {
  return REQUIRED_SETS.filter((s) => {
    if (!isSupported) return true;
    try {
      return !isSupported(s.name, s.version);
    } catch {
      return true;
    }
  });
}

/**
 * One sentence for the pane: which host or requirement is missing, and what to do. `host` is Office.onReady's
 * info.host (null when the page is opened outside Office).
 */
export function unsupportedHostText(host: string | null | undefined, missing: readonly RequirementSet[], lang: "zh-CN" | "en-US"): string | undefined {
  const zh = lang === "zh-CN";
  if (host !== "Excel") {
    return zh
      ? "财决助手是 Excel 加载项，请在 Excel 中打开（Microsoft 365 版 Excel、Excel 2021/2024 或 Excel 网页版）。"
      : "Caijue Assistant is an Excel add-in: open it in Excel (Microsoft 365, Excel 2021/2024 or Excel on the web).";
  }
  if (missing.length === 0) return undefined;
  const list = missing.map((s) => `${s.name} ${s.version}`).join(zh ? "、" : ", ");
  return zh
    ? `此版本的 Excel 不支持财决助手（缺少 ${list}）：请更新到 Microsoft 365 版 Excel（2002 版或更高）、Excel 2021/2024，或改用 Excel 网页版；只需校验文件时，也可以用命令行 caijue。`
    : `This version of Excel cannot run Caijue Assistant (it lacks ${list}): update to Microsoft 365 Excel (version 2002 or later) or Excel 2021/2024, or use Excel on the web; to check files only, the caijue command line works too.`;
}
