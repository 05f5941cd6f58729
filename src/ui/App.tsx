import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { redoDraft as redo, undoDraft as undo } from "../editor/collab";
import { describeContentsFix, syncDocumentContents } from "../core/model/contents";
import { DocumentEditor } from "../editor/documentEditor";
import { replaceDraft, setSponsors } from "../editor/redline/commands";
import { docSponsors, redlineState } from "../editor/redline/plugin";
import { DraftSession } from "./drafts/draftSession";
import { SampleIndicator, SaveBanner, SaveIndicator } from "./drafts/SaveBanner";
import { useDraftSession } from "./drafts/useDraftSession";
import { ChangeCard } from "./ChangeCard";
import { DemoBadge, DemoNotice, useDemoNoticeHidden } from "./DemoNotice";
import { EditorPane } from "./EditorPane";
import type { ExportKind } from "./export/ExportDialog";
import { demonstrationAmendment, demonstrationBase, demonstrationSponsors } from "./fixture";
import { FindBar } from "./FindBar";
import { ImportDialog, KEPT_BEFORE_IMPORT } from "./ImportDialog";
import { MARKUP_VIEWS, useMarkupView, type MarkupView } from "./markupView";
import { OriginalPane } from "./OriginalPane";
import { SidePanel } from "./panel/SidePanel";
import { recordKeystrokeTimes, sampleFromUrl } from "./sampleMode";
import { useReadingPlaceKept } from "./useReadingPlaceKept";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { SponsorsDialog } from "./SponsorsDialog";
import { RefusedEditToast } from "./RefusedEditToast";
import { StatusLine } from "./StatusLine";
import { ToolbarMenu } from "./ToolbarMenu";
import { StructureTools } from "./structure/StructureTools";
import { useChangeNavigation } from "./useChangeNavigation";
import { useGlobalUndo } from "./useGlobalUndo";
import { requestComment } from "../editor/comments/commands";
import { useCommentShortcut } from "./comments/useCommentShortcut";
import { usePanelState } from "./usePanelState";
import { PresenceList } from "./shared/PresenceList";
import { SuggestDialog } from "./suggestions/SuggestDialog";
import { recordSharedExport, SharedIndicator } from "./shared/sharedWorkspace";
import { AttributionProvider } from "./shared/attribution";
import { RoleChangeBanner } from "./shared/RoleChangeBanner";
import { MembersDialog } from "./shared/MembersDialog";
import { ShareLinkNotice } from "./shared/ShareLinkNotice";
import { signOut } from "./shared/serverApi";
import type { SharedSession } from "./shared/sharedTypes";

/** Import proposed text… loads the Word reader only when it is opened. */
const ProposedTextDialog = lazy(() => import("./drafts/ProposedTextDialog").then((module) => ({ default: module.ProposedTextDialog })));

/** Export…, Drafts… and Versions… load the export builders and the drafts' lists only when opened. */
const ExportDialog = lazy(() => import("./export/ExportDialog").then((module) => ({ default: module.ExportDialog })));
const DraftsDialog = lazy(() => import("./drafts/DraftsDialog").then((module) => ({ default: module.DraftsDialog })));
const VersionsDialog = lazy(() => import("./drafts/VersionsDialog").then((module) => ({ default: module.VersionsDialog })));

/** Share… loads the server client (and Yjs) only when it is opened. */
const ShareDialog = lazy(() => import("./shared/ShareDialog").then((module) => ({ default: module.ShareDialog })));

/**
 * The application shell: toolbar, notice, the chapter editor and the changes panel. With
 * `shared`, the draft is the server's shared draft (live co-editing, presence); otherwise it
 * is kept in this browser.
 */
export function App({ shared: sharedSession = null }: { readonly shared?: SharedSession | null } = {}) {
  const shared = sharedSession?.connection ?? null;
  const sample = useMemo(() => (shared ? null : sampleFromUrl(window.location.search)), [shared]);
  const editor = useMemo(() => new DocumentEditor(sharedSession ? sharedSession.content
    : sample ? { ...sample, sponsors: demonstrationSponsors() }
    : { base: demonstrationBase(), draft: demonstrationAmendment(), sponsors: demonstrationSponsors() }), [sample, sharedSession]);
  const state = usePanelState(editor);
  const [dialog, setDialog] = useState<"import" | "proposed" | "sponsors" | "export" | "drafts" | "versions" | "share" | "suggest" | "members" | null>(null);
  const session = useMemo(() => new DraftSession(editor, "Welcoming City amendment"), [editor]);
  const saving = useDraftSession(session);
  useEffect(() => {
    if (sample || shared) return;
    void session.start();
    return () => session.dispose();
  }, [session, sample, shared]);
  // Back where the reader was in this draft, once it is open (a shared draft by its server id).
  useReadingPlaceKept(shared ? `shared:${shared.draft.id}` : sample || saving.status.kind === "starting" ? null : saving.draftId);
  const [status, setStatus] = useState<{ title: string; notes: readonly string[] } | null>(null);
  useEffect(() => sharedSession?.bind(editor, (reason) => setStatus({ title: reason, notes: [] })), [editor, sharedSession]);
  const [isDemonstration, setDemonstration] = useState(sample === null && shared === null);
  const readOnly = shared !== null && shared.draft.role !== "drafter";
  // Before anything is drawn: the panel offers Agree and Reject only to those who may change the draft.
  useMemo(() => editor.allowDraftChanges(!readOnly), [editor, readOnly]);
  // Right after Share…: the address to send, once (the page's address then drops the flag).
  const [justShared, setJustShared] = useState(() => shared !== null && new URLSearchParams(window.location.search).has("just-shared"));
  useEffect(() => {
    if (!justShared) return;
    const url = new URL(window.location.href);
    url.searchParams.delete("just-shared");
    window.history.replaceState(null, "", url);
  }, [justShared]);
  const [markup, setMarkup] = useMarkupView();
  const [demoNoticeHidden, setDemoNoticeHidden] = useDemoNoticeHidden();
  useChangeNavigation(editor);
  useGlobalUndo(editor);
  useCommentShortcut(editor);
  useEffect(() => recordKeystrokeTimes(editor, window.location.search), [editor]);

  return (
    <AttributionProvider state={state} shared={sharedSession}>
    <div className="app">
      <a className="skip-link" href="#chapter-text">Skip to the chapter text</a>
      <header className="app-header">
        <div className="toolbar">
          <h1 className="app-name">Ordinance Redline</h1>
          <span className="draft-title" data-testid="draft-name" title={shared ? shared.draft.title : saving.name}>{shared ? shared.draft.title : saving.name}</span>
          {isDemonstration && demoNoticeHidden && <DemoBadge onShow={() => setDemoNoticeHidden(false)} />}
          {shared ? <SharedIndicator connection={shared} /> : sample ? <SampleIndicator /> : <SaveIndicator status={saving.status} />}
          <button type="button" onClick={() => editor.run(undo)} disabled={!undo(state)} title="Undo (Ctrl+Z)">Undo</button>
          <button type="button" onClick={() => editor.run(redo)} disabled={!redo(state)} title="Redo (Ctrl+Y)">Redo</button>
          <StructureTools editor={editor} state={state} onStatus={(title) => setStatus({ title, notes: [] })} />
          <ToolbarMenu label="Draft" actions={shared ? [
            { label: "People and history…", run: () => setDialog("members"), title: "Who is on this draft and with which role, and its audit trail" },
            { label: "Drafts in this browser", run: () => window.location.assign("./"), title: "Leave the shared draft for the drafts kept in this browser" },
            { label: "Sign out", run: () => { void signOut(shared.session).catch(() => {}).finally(() => window.location.assign("./")); }, title: `Signed in as ${shared.session.person.name}` },
            { label: "Import proposed text…", run: () => setDialog("proposed"), disabled: readOnly, title: "Load an amended text or a Word file as the draft" },
          ] : [
            { label: "Drafts…", run: () => setDialog("drafts"), title: "Open, rename or start a draft" },
            { label: "Versions…", run: () => setDialog("versions"), disabled: saving.draftId === null, title: "Saved versions of this draft" },
            { label: "Import official text…", run: () => setDialog("import"), title: "Load the chapter as the Code has it, as the base" },
            { label: "Import proposed text…", run: () => setDialog("proposed"), title: "Load an amended text or a Word file as the draft" },
            { label: "Share…", run: () => setDialog("share"), title: "Put this draft on the server and invite other offices" },
          ]} />
          <select className="markup-select" aria-label="Markup view" title={MARKUP_VIEWS.find((view) => view.value === markup)?.title} value={markup}
            onChange={(event) => setMarkup(event.target.value as MarkupView)}>
            {MARKUP_VIEWS.map((view) => <option key={view.value} value={view.value} title={view.title}>{view.label}</option>)}
          </select>
          <button type="button" onClick={() => editor.run(requestComment(), false)} disabled={!requestComment()(state)}
            title="Comment on the selected words or the selected change (Ctrl+Alt+M)">Comment</button>
          {shared && shared.draft.role !== "viewer" && (
            <button type="button" onClick={() => setDialog("suggest")} title="Propose other wording for the selected words">Suggest…</button>
          )}
          <button type="button" onClick={() => setDialog("sponsors")}>Sponsors…</button>
          <button type="button" onClick={() => setDialog("export")}>Export…</button>
          <ShortcutsHelp />
        </div>
      </header>
      {sample === null && shared === null && saving.status.kind === "starting" ? (
        // Nothing editable until the stored draft is in the editor: typing now would go nowhere.
        <main className="workspace workspace-loading" aria-busy="true"><p className="loading-note">Opening your draft…</p></main>
      ) : (
        <main className="workspace" data-markup={markup}>
          <EditorPane editor={editor} editable={!readOnly} />
          {markup === "original" && <OriginalPane base={redlineState(state).base} redline={redlineState(state).redline} selectedId={redlineState(state).selectedId} />}
          <FindBar editor={editor} />
          <ChangeCard editor={editor} />
          <SidePanel editor={editor} state={state} top={shared && <PresenceList provider={shared.provider} />} suggestions={sharedSession ? { canDecide: !readOnly, creditNextEdit: (author) => sharedSession.creditNextEdit(author) } : null} />
        </main>
      )}
      {/* Notices stand in a row below the chapter: one appearing or going shortens the chapter's
          view from the bottom, never moving the text under the reader's eyes nor covering it. */}
      <footer className="notices" aria-label="Notices">
        {!shared && <SaveBanner session={session} status={saving.status} notice={saving.notice} />}
        {shared && <RoleChangeBanner shared={shared} editor={editor} />}
        {shared && justShared && <ShareLinkNotice id={shared.draft.id} intro="Shared. The people you invited open it at this address, where they sign in:" onDismiss={() => setJustShared(false)} />}
        {isDemonstration && !demoNoticeHidden && <DemoNotice onImport={() => setDialog("import")} onHide={() => setDemoNoticeHidden(true)} />}
        {status && <StatusLine title={status.title} notes={status.notes} onDismiss={() => setStatus(null)} />}
      </footer>
      <RefusedEditToast editor={editor} />
      <ImportDialog
        open={dialog === "import"}
        onClose={() => setDialog(null)}
        replacing={{ name: saving.name, keepsVersion: session.canKeepVersions(), demonstration: isDemonstration }}
        onImported={async (doc, warnings) => {
          // The official text is both base and draft; the draft it replaces is kept as a version first.
          const content = session.content();
          // Changes, annotations and comments are the old draft's (kept in its version); the
          // demonstration's sponsors are the demonstration's, never an imported ordinance's.
          const sponsors = isDemonstration ? null : content.sponsors;
          const replaced = await session.replaceDraft({ ...content, base: doc, draft: doc, annotations: [], renumberings: [], threads: [], sponsors }, KEPT_BEFORE_IMPORT);
          if (!replaced) {
            setStatus({ title: "The official text was not imported: the current draft could not be kept as a version.", notes: [] });
            setDialog(null);
            return;
          }
          setDemonstration(false);
          setStatus({ title: `Imported the official text.${warnings.length === 0 ? " Nothing was skipped." : ""}`, notes: warnings.map((w) => (w.line > 0 ? `line ${w.line}: ${w.reason} — “${w.text}”` : w.reason)) });
          setDialog(null);
        }}
      />
      {dialog === "proposed" && (
        <Suspense fallback={null}>
          <ProposedTextDialog
            open
            base={redlineState(state).base}
            draft={redlineState(state).draft}
            onClose={() => setDialog(null)}
            onImported={(draft, notes) => {
              const synced = syncDocumentContents(draft, redlineState(state).base);
              editor.run(replaceDraft(synced.document));
              setStatus({ title: "Imported the proposed text as the draft.", notes: [...notes, ...synced.fixes.map(describeContentsFix)] });
              setDialog(null);
            }}
          />
        </Suspense>
      )}
      {dialog === "drafts" && (
        <Suspense fallback={null}>
          <DraftsDialog open session={session} currentId={saving.draftId} base={redlineState(state).base} onClose={() => setDialog(null)} />
        </Suspense>
      )}
      {dialog === "versions" && (
        <Suspense fallback={null}>
          <VersionsDialog open session={session} onClose={() => setDialog(null)} />
        </Suspense>
      )}
      {shared && <MembersDialog open={dialog === "members"} shared={shared} onClose={() => setDialog(null)} />}
      <SuggestDialog open={dialog === "suggest"} editor={editor} state={state} onClose={() => setDialog(null)} />
      {dialog === "share" && (
        <Suspense fallback={null}>
          <ShareDialog open title={saving.name} base={redlineState(state).base} state={state} onClose={() => setDialog(null)}
            onShared={(id) => window.location.assign(`?shared=${encodeURIComponent(id)}&just-shared=1`)} />
        </Suspense>
      )}
      {dialog === "export" && (
        <Suspense fallback={null}>
          <ExportDialog editor={editor} state={state} open onClose={() => setDialog(null)}
            {...(shared ? { onExported: (what: ExportKind) => void recordSharedExport(shared, what) } : {})} />
        </Suspense>
      )}
      <SponsorsDialog
        open={dialog === "sponsors"}
        registry={docSponsors(state)}
        onClose={() => setDialog(null)}
        onSave={(registry) => { editor.run(setSponsors(registry), false); setDialog(null); }}
      />
    </div>
    </AttributionProvider>
  );
}
