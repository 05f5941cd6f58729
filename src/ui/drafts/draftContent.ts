/**
 * The draft as a whole value — base, draft, sponsors, annotations, export settings — taken from
 * the editor, and put back into it. What autosave, versions and amendment files store.
 */
import type { EditorState } from "prosemirror-state";
import type { Annotation } from "../../core/annotations/annotation";
import type { AmendmentContent } from "../../core/amendmentFile";
import type { DocumentEditor } from "../../editor/documentEditor";
import { docSponsors, redlineState } from "../../editor/redline/plugin";
import { savedAnnotations } from "../../editor/redline/savedAnnotations";
import { renumberingList } from "../../editor/plugins/renumberLog";
import { savedThreads } from "../../editor/comments/threadList";
import { docCurrentUser } from "../../editor/comments/threadsPlugin";

/** The content of the editor's current draft, named `name`. */
export function draftContent(state: EditorState, name: string): AmendmentContent {
  const { base, draft } = redlineState(state);
  return {
    name,
    base,
    draft,
    sponsors: docSponsors(state),
    // Each annotation with the anchor the editor shows it at now, not the one it was made with.
    annotations: savedAnnotations(state) as readonly Annotation[],
    exportSettings: state.doc.attrs.exportSettings ?? null,
    renumberings: renumberingList(state),
    // Text comment threads anchored where the editor highlights them now.
    threads: savedThreads(state),
    currentUser: docCurrentUser(state),
  };
}

/** Loads `content` into the editor (history starts afresh). */
export function loadContent(editor: DocumentEditor, content: AmendmentContent): void {
  editor.load({
    base: content.base,
    draft: content.draft,
    sponsors: content.sponsors,
    annotations: content.annotations,
    exportSettings: content.exportSettings,
    renumberings: content.renumberings ?? [],
    threads: content.threads ?? [],
    currentUser: content.currentUser ?? null,
  });
}
