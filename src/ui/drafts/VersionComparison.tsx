import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import type { OrdinanceDocument } from "../../core/model/document";
import type { SponsorRegistry } from "../../core/sponsors/sponsors";
import { comparisonEditor, mountReadOnlyRedline } from "../../editor/readOnlyView";
import { ChangesPanel } from "../panel/ChangesPanel";
import { neighbourChange } from "../panel/reviewActions";
import { usePanelState } from "../usePanelState";

interface VersionComparisonProps {
  readonly from: OrdinanceDocument;
  readonly to: OrdinanceDocument;
  /** What the two sides are, for the view's label ("Sent to the 32nd Ward office → The current draft"). */
  readonly title: string;
  readonly sponsors: SponsorRegistry | null;
}

/**
 * The redline from one version to another: the text with its marks in a read-only view, beside
 * the changes panel's list with Previous / Next (Alt+↓ / Alt+↑ here walk this list, not the
 * draft's). Its changes are exactly `compare(from, to)`'s; nothing in it can change either text.
 */
export function VersionComparison({ from, to, title, sponsors }: VersionComparisonProps) {
  const editor = useMemo(() => comparisonEditor(from, to, sponsors), [from, to, sponsors]);
  const state = usePanelState(editor);
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => mountReadOnlyRedline(host.current!, editor, { "aria-label": `Comparison, ${title} (read only)`, class: "code-document", tabindex: "0" }), [editor, title]);
  const walk = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    // Handled here, so the page's own Alt+↓ / Alt+↑ (the draft's changes) never see it.
    event.preventDefault();
    event.stopPropagation();
    const id = neighbourChange(editor, event.key === "ArrowDown" ? 1 : -1);
    if (id) editor.goToChange(id);
  };
  return (
    <div className="version-comparison" onKeyDown={walk}>
      <div className="comparison-text" ref={host} data-testid="comparison" />
      <div className="comparison-panel"><ChangesPanel editor={editor} state={state} readOnly label="Changes between the versions" /></div>
    </div>
  );
}
