import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { EditorState } from "prosemirror-state";
import type { ChangeAttribution, SharedSession } from "./sharedTypes";
import { formatWhen } from "../formatWhen";

/** Who made a change (by change id), for a shared draft; none for a local one. */
type AttributionLookup = (changeId: string) => ChangeAttribution | undefined;

const AttributionContext = createContext<AttributionLookup>(() => undefined);

/** Gives the panel, the hover card and the export who made each change of the shared draft (worked out only when asked). */
export function AttributionProvider({ state, shared, children }: { readonly state: EditorState; readonly shared: SharedSession | null; readonly children: ReactNode }) {
  const lookup = useMemo<AttributionLookup>(() => (shared ? (changeId) => shared.attributionOf(state, changeId) : () => undefined), [state, shared]);
  return <AttributionContext.Provider value={lookup}>{children}</AttributionContext.Provider>;
}

/** The lookup of who made each change (undefined for every change of a local draft). */
export function useAttributions(): AttributionLookup {
  return useContext(AttributionContext);
}

/** "Dana Drafter, Advancing Justice | Chicago · 3 Dec 2026, 12:05" */
export function describeAttribution(attribution: ChangeAttribution): string {
  const when = formatWhen(attribution.at);
  const who = `${attribution.by.name}${attribution.by.office ? `, ${attribution.by.office}` : ""}`;
  return attribution.uploaded ? `In the draft when ${who} shared it · ${when}` : `${who} · ${when}`;
}

/** The line naming who made a change, when it is known. */
export function AttributionLine({ changeId, className }: { readonly changeId: string; readonly className: string }) {
  const attribution = useAttributions()(changeId);
  return attribution ? <span className={className} data-testid="change-author">{describeAttribution(attribution)}</span> : null;
}
