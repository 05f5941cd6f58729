import { useState } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../../editor/documentEditor";
import { referenceProblems } from "../../editor/references";
import { ChangesPanel } from "./ChangesPanel";
import { ChecksPanel } from "./ChecksPanel";

interface SidePanelProps {
  readonly editor: DocumentEditor;
  readonly state: EditorState;
}

/** Documents larger than this (characters of editor content) are checked only while the Checks tab is open. */
const LARGE_DOCUMENT = 300_000;

/** The panel beside the editor: the tracked changes, and the cross-reference checks with their count. */
export function SidePanel({ editor, state }: SidePanelProps) {
  const [tab, setTab] = useState<"changes" | "checks">("changes");
  // Checked once per redline (referenceProblems caches); a large document only while the tab is open.
  const problems = tab === "checks" || state.doc.content.size < LARGE_DOCUMENT ? referenceProblems(state) : null;
  const tabButton = (name: "changes" | "checks", label: string, badge?: number) => (
    <button type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`}
      className={`panel-tab${tab === name ? " active" : ""}`} onClick={() => setTab(name)}>
      {label}
      {badge !== undefined && <span className={`tab-badge${badge > 0 ? " has-problems" : ""}`} data-testid="checks-badge" aria-label={`${badge} problems`}>{badge}</span>}
    </button>
  );
  return (
    <aside className="side-panel">
      <div className="panel-tabs" role="tablist" aria-label="Side panel">
        {tabButton("changes", "Changes")}
        {tabButton("checks", "Checks", problems?.length)}
      </div>
      {tab === "changes" ? <ChangesPanel editor={editor} state={state} /> : <ChecksPanel editor={editor} problems={problems ?? []} />}
    </aside>
  );
}
