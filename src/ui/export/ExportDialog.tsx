import { useMemo, useRef, useState } from "react";
import type { EditorState } from "prosemirror-state";
import {
  buildOrdinance, DEFAULT_EXPORT_SETTINGS, exportFileName, parseExportSettings, renderClean, renderOrdinanceDocument, leadSponsorName,
  writeHtml, type ExportSettings, type OrdinanceFormat,
} from "../../core/export";
import { NO_SPONSORS } from "../../core/sponsors/sponsors";
import type { DocumentEditor } from "../../editor/documentEditor";
import { referenceProblems } from "../../editor/references";
import { setExportSettings } from "../../editor/redline/commands";
import { docSponsors, redlineState } from "../../editor/redline/plugin";
import { download, MIME } from "./download";
import { ExportSettingsForm } from "./ExportSettingsForm";
import { useModalDialog } from "../useModalDialog";
import { reviewThreads } from "../../editor/comments/threadList";
import { useAttributions } from "../shared/attribution";

interface ExportDialogProps {
  readonly editor: DocumentEditor;
  readonly state: EditorState;
  readonly open: boolean;
  readonly onClose: () => void;
  /** Told of every file made (a shared draft records it in its audit trail). */
  readonly onExported?: (what: ExportKind) => void;
}

/** What the dialog makes. */
export type ExportKind = OrdinanceFormat | "review-docx" | "clean-docx" | "clean-txt";

/** The stored settings, or the defaults when none (or invalid ones) are stored. */
function storedSettings(state: EditorState): ExportSettings {
  const stored = state.doc.attrs.exportSettings as unknown;
  if (stored === null || stored === undefined) return DEFAULT_EXPORT_SETTINGS;
  const result = parseExportSettings(stored);
  return result.ok ? result.settings : DEFAULT_EXPORT_SETTINGS;
}

/** Export: a live preview of the amending ordinance, its settings, and a button per format. */
export function ExportDialog({ editor, state, open, onClose, onExported }: ExportDialogProps) {
  const preview = useRef<HTMLIFrameElement>(null);
  const [error, setError] = useState<string | null>(null);
  const settings = storedSettings(state);
  const dialog = useModalDialog(open);

  const { base, draft, redline, annotations } = redlineState(state);
  const sponsors = docSponsors(state) ?? NO_SPONSORS;
  const ordinance = useMemo(() => (open ? buildOrdinance({ base, draft, sponsors, settings, redline }) : null), [open, base, draft, sponsors, settings, redline]);
  const previewHtml = useMemo(() => (ordinance ? writeHtml(ordinance) : ""), [ordinance]);
  const problemCount = open ? referenceProblems(state).length : 0;

  // Each revision's author: who made it, in a shared draft; else the change's first sponsor.
  const attributionOf = useAttributions();
  const authorsByChangeId = useMemo(() => {
    const authors = new Map<string, string>();
    for (const [changeId, list] of annotations.byChange) {
      const person = sponsors.people.find((each) => each.id === list[0]?.sponsorIds[0]);
      if (person) authors.set(changeId, person.name);
    }
    if (open) {
      for (const change of redline.changes) {
        const made = attributionOf(change.id);
        if (made) authors.set(change.id, made.by.name);
      }
    }
    return authors;
  }, [annotations, sponsors, redline, attributionOf, open]);

  const save = async (what: ExportKind) => {
    setError(null);
    try {
      await make(what);
      onExported?.(what);
    } catch (caught) {
      setError(`The export failed: ${caught instanceof Error ? caught.message : String(caught)}`);
    }
  };

  const make = async (what: ExportKind) => {
    const now = new Date();
    if (what === "clean-docx" || what === "clean-txt") {
      const extension = what === "clean-docx" ? "docx" : "txt";
      download(exportFileName("clean", draft, now, extension), await renderClean(draft, extension), MIME[extension]);
      return;
    }
    if (!ordinance) return;
    if (what === "review-docx") {
      // The tracked changes with every comment thread as Word comments, for offices that review in Word.
      const threads = reviewThreads(editor.state);
      const content = await renderOrdinanceDocument(ordinance, "tracked-docx", { defaultAuthor: leadSponsorName(sponsors), authorsByChangeId, revisionDate: now.toISOString(), threads });
      download(exportFileName("review", draft, now, "docx"), content, MIME.docx);
      return;
    }
    const extension = what === "tracked-docx" ? "docx" : what;
    const content = await renderOrdinanceDocument(ordinance, what, { defaultAuthor: leadSponsorName(sponsors), authorsByChangeId, revisionDate: now.toISOString() });
    download(exportFileName(what === "tracked-docx" ? "tracked" : "ordinance", draft, now, extension), content, MIME[extension]);
  };

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <div className="export-header">
        <h2 id="export-title">Export the amending ordinance</h2>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <div className="export-body">
        <div className="export-side">
          {problemCount > 0 && (
            <p className="export-warning" role="status" data-testid="export-check-warning">
              {problemCount === 1 ? "1 cross-reference problem remains" : `${problemCount} cross-reference problems remain`}: see the Checks tab before sending the ordinance.
            </p>
          )}
          <ExportSettingsForm settings={settings} onChange={(next) => editor.run(setExportSettings(next), false)} />
          <div className="export-buttons" role="group" aria-label="Download">
            <button type="button" onClick={() => void save("docx")}>Word (.docx)</button>
            <button type="button" onClick={() => void save("tracked-docx")}>Word, tracked changes</button>
            <button type="button" onClick={() => void save("review-docx")} title="The tracked changes with every comment thread as Word comments">Review copy (.docx with comments)</button>
            <button type="button" onClick={() => void save("html")}>HTML</button>
            <button type="button" onClick={() => void save("txt")}>Text (.txt)</button>
            <button type="button" onClick={() => preview.current?.contentWindow?.print()}>Print or save as PDF…</button>
            <button type="button" onClick={() => void save("clean-docx")}>Clean chapter (.docx)</button>
            <button type="button" onClick={() => void save("clean-txt")}>Clean chapter (.txt)</button>
          </div>
          {error && <p role="alert" className="error">{error}</p>}
        </div>
        <iframe ref={preview} className="export-preview" title="Preview of the amending ordinance" sandbox="allow-same-origin allow-modals" srcDoc={previewHtml} />
      </div>
    </dialog>
  );
}
