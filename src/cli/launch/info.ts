/** What the launcher reports about this process's start (shown by `check --stats`). */
export const launchInfo: { codeCache: string } = { codeCache: "none" };
