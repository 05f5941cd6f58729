import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { EditorState } from "prosemirror-state";
import type * as Y from "yjs";
import { changeAttributions, type Attribution } from "../../editor/collab";

/** Who made a change (by change id), for a shared draft; none for a local one. */
type AttributionLookup = (changeId: string) => Attribution | undefined;

const AttributionContext = createContext<AttributionLookup>(() => undefined);

/**
 * Gives the panel, the hover card and the export who made each change of the shared draft in
 * `ydoc`. Worked out once per editor state, and only when something asks.
 */
export function AttributionProvider({ state, ydoc, children }: { readonly state: EditorState; readonly ydoc: Y.Doc | null; readonly children: ReactNode }) {
  const lookup = useMemo<AttributionLookup>(() => {
    if (!ydoc) return () => undefined;
    let computed: Map<string, Attribution> | null = null;
    return (changeId) => (computed ??= changeAttributions(state, ydoc)).get(changeId);
  }, [state, ydoc]);
  return <AttributionContext.Provider value={lookup}>{children}</AttributionContext.Provider>;
}

/** The lookup of who made each change (undefined for every change of a local draft). */
export function useAttributions(): AttributionLookup {
  return useContext(AttributionContext);
}

/** "Dana Drafter, Advancing Justice | Chicago · 3 Dec 2026, 12:05" */
export function describeAttribution(attribution: Attribution): string {
  const date = new Date(attribution.at);
  const when = Number.isNaN(date.getTime()) ? attribution.at : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return `${attribution.by.name}${attribution.by.office ? `, ${attribution.by.office}` : ""} · ${when}`;
}

/** The line naming who made a change, when it is known. */
export function AttributionLine({ changeId, className }: { readonly changeId: string; readonly className: string }) {
  const attribution = useAttributions()(changeId);
  return attribution ? <span className={className} data-testid="change-author">{describeAttribution(attribution)}</span> : null;
}
