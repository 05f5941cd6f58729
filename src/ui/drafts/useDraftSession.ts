import { useSyncExternalStore } from "react";
import type { DraftSession, SessionView } from "./draftSession";

/** The session's view (status, id, name); re-renders when it changes. */
export function useDraftSession(session: DraftSession): SessionView {
  return useSyncExternalStore((onChange) => session.subscribe(onChange), () => session.snapshot);
}
