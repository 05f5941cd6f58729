import { useEffect, useState, type ReactNode } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../../editor/documentEditor";
import { ChangesPanel } from "./ChangesPanel";
import { ChecksPanel } from "./ChecksPanel";
import { CommentsPanel } from "../comments/CommentsPanel";
import { threadsState } from "../../editor/comments/threadsPlugin";
import { useReferenceProblems } from "./useReferenceProblems";
import { SuggestionsPanel } from "../suggestions/SuggestionsPanel";

interface SidePanelProps {
  readonly editor: DocumentEditor;
  readonly state: EditorState;
  /** A shared draft: the Suggestions tab shows, with Accept and Reject when `canDecide`. */
  /** Shown above the tabs (who is in a shared draft). */
  readonly top?: ReactNode;
  readonly suggestions?: { readonly canDecide: boolean; readonly creditNextEdit?: (author: { name: string; office: string }) => void } | null;
}

type Tab = "changes" | "comments" | "suggestions" | "checks";

/** Documents smaller than this (characters of editor content) are checked at every change; larger ones once typing pauses. */
const LIVE_CHECK_SIZE = 300_000;

/** The panel beside the editor: the tracked changes, the comment threads, and the cross-reference checks with their count. */
export function SidePanel({ editor, state, suggestions = null, top = null }: SidePanelProps) {
  const [tab, setTab] = useState<Tab>("changes");
  // A new comment asked for, or a thread opened from elsewhere (the toolbar, Ctrl+Alt+M), shows the Comments tab.
  const { compose, activeId } = threadsState(state);
  useEffect(() => { if (compose || activeId) setTab("comments"); }, [compose, activeId]);
  // With the tab open, or for a small document, the current state's problems; otherwise the
  // badge is refreshed once typing pauses, off the keystroke's path.
  const problems = useReferenceProblems(state, tab === "checks" || state.doc.content.size < LIVE_CHECK_SIZE);
  const tabButton = (name: Tab, label: string, badge?: number) => (
    <button type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`}
      className={`panel-tab${tab === name ? " active" : ""}`} onClick={() => setTab(name)}>
      {label}
      {badge !== undefined && <span className={`tab-badge${badge > 0 ? " has-problems" : ""}`} data-testid="checks-badge" aria-label={`${badge} problems`}>{badge}</span>}
    </button>
  );
  return (
    <aside className="side-panel">
      {top}
      <div className="panel-tabs" role="tablist" aria-label="Side panel">
        {tabButton("changes", "Changes")}
        {tabButton("comments", "Comments")}
        {suggestions && tabButton("suggestions", "Suggestions")}
        {tabButton("checks", "Checks", problems?.length)}
      </div>
      {tab === "changes" ? <ChangesPanel editor={editor} state={state} />
        : tab === "comments" ? <CommentsPanel editor={editor} state={state} />
        : tab === "suggestions" && suggestions ? <SuggestionsPanel editor={editor} state={state} canDecide={suggestions.canDecide} {...(suggestions.creditNextEdit ? { creditNextEdit: suggestions.creditNextEdit } : {})} />
        : <ChecksPanel editor={editor} problems={problems ?? []} />}
    </aside>
  );
}
