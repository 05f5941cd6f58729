import { useLayoutEffect, useRef } from "react";
import type { OrdinanceDocument } from "../core/model/document";
import { mountReadOnly } from "../editor/readOnlyView";

/** The base text as it stands, read only: the Original markup view. */
export function OriginalPane({ base }: { readonly base: OrdinanceDocument }) {
  const host = useRef<HTMLDivElement>(null);
  // Mounted before the page paints, so the markup view can put the reader back at their place in it.
  useLayoutEffect(() => mountReadOnly(host.current!, base, { "aria-label": "Base text (read only)", class: "code-document", tabindex: "0" }), [base]);
  return <div className="original-pane" ref={host} data-testid="original-pane" />;
}
