import { useEffect, useState } from "react";
import type { EditorState } from "prosemirror-state";
import type { ReferenceProblem } from "../../core/references";
import { referenceProblems } from "../../editor/references";

/** How long typing must pause before the checks are recomputed for the badge. */
export const CHECK_DEBOUNCE_MS = 400;

/**
 * The cross-reference problems of the editor's state for the side panel. With `now` (the Checks
 * tab open) they are the current state's, computed during render (once per redline, cached);
 * otherwise they are recomputed CHECK_DEBOUNCE_MS after the state stops changing, in a timer
 * rather than on the keystroke's path, so the badge stays live without slowing typing: between
 * a change and that moment the last count is shown.
 */
export function useReferenceProblems(state: EditorState, now: boolean): readonly ReferenceProblem[] | null {
  const [settled, setSettled] = useState<{ state: EditorState; problems: readonly ReferenceProblem[] } | null>(null);
  useEffect(() => {
    if (now || settled?.state === state) return;
    const timer = setTimeout(() => setSettled({ state, problems: referenceProblems(state) }), CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [state, now, settled]);
  if (now) return referenceProblems(state);
  return settled?.problems ?? null;
}
