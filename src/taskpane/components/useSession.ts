import { useEffect, useState } from "react";
import type { Outcome, ValidationSession } from "../../excel/session";
import type { AddinState } from "../../app/state";

export interface SessionView {
  outcome: Outcome | null;
  busy: boolean;
  error: Error | null;
  state: AddinState | null;
}

/** Re-render on every session change (runs started from the ribbon or by live re-check included). */
export function useSession(session: ValidationSession): SessionView {
  const [view, setView] = useState<SessionView>({ outcome: session.outcome, busy: session.busy, error: session.error, state: session.state });
  useEffect(() => session.subscribe((v) => setView({ ...v })), [session]);
  return view;
}
