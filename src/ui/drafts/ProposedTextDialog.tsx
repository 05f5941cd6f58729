import { useState } from "react";
import { ImportError } from "../../core/importer/parseCodeText";
import { describeMerge, FragmentError, readProposedText, type FragmentMerge } from "../../core/importer/proposedText";
import type { OrdinanceDocument } from "../../core/model/document";
import {
  draftFromWordParagraphs, hasMarks, markedParagraphs, paragraphFromMarkedRuns, readDocxParagraphs, readRedlineParagraphs, settleUntracked, sideText,
  untrackedEdits, WordImportError, type MarkedRun, type UntrackedEdit, type WordParagraph,
} from "../../core/wordImport";
import { UntrackedEditsList } from "./UntrackedEditsList";
import { textFromHtml } from "../../editor/htmlImport";
import { HtmlPasteError, markedRunsFromHtml } from "../../editor/htmlRedline";
import { InputFileError, readBytes, readText, readUtf8 } from "./readInputFile";
import { AmendmentFileError, parseAmendment } from "../../core/amendmentFile";
import { serializeDocument } from "../../core/model/canonicalText";
import { useModalDialog } from "../useModalDialog";

interface ProposedTextDialogProps {
  readonly open: boolean;
  readonly base: OrdinanceDocument;
  /** The current draft: a fragment (a few sections) is merged into it, after a confirmation. */
  readonly draft: OrdinanceDocument;
  readonly onClose: () => void;
  /** Called with a whole draft only; on any problem the current draft is untouched. */
  readonly onImported: (draft: OrdinanceDocument, notes: readonly string[]) => void;
}

const parseXml = (xml: string) => {
  const parsed = new DOMParser().parseFromString(xml, "application/xml");
  const error = parsed.getElementsByTagName("parsererror")[0];
  if (error) {
    // Chromium's report reads "This page contains the following errors:error on line 1 at column 9: …Below is a rendering…".
    const detail = /error on line[^]*?(?=Below is a rendering|$)/.exec(error.textContent ?? "")?.[0].trim();
    throw new Error(detail || "a part of the file is not well-formed XML");
  }
  return parsed.documentElement;
};

function describe(error: unknown): string {
  if (error instanceof ImportError) return `This text is not a Code chapter: ${error.message}.`;
  if (error instanceof FragmentError || error instanceof HtmlPasteError || error instanceof WordImportError || error instanceof InputFileError) return error.message;
  if (error instanceof AmendmentFileError) return `This amendment file cannot be read: ${error.message}`;
  return `Could not import: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Import a proposed text to compare against the base: pasted text or HTML, a .txt file, a
 * Word file — a redline sent back by an office becomes a draft with its changes — or the draft
 * of an amendment file made on the same base (into a shared draft, say).
 */
export function ProposedTextDialog({ open, base, draft, onClose, onImported }: ProposedTextDialogProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ merge: FragmentMerge; notes: readonly string[] } | null>(null);
  /** A pasted redline (struck and underlined runs) while the text box still shows its draft side. */
  const [marked, setMarked] = useState<{ paragraphs: MarkedRun[][]; shown: string } | null>(null);
  /** A returned redline with untracked edits, waiting for the choice of which to take. */
  const [untracked, setUntracked] = useState<{ paragraphs: readonly WordParagraph[]; edits: readonly UntrackedEdit[]; take: ReadonlySet<number>; pasted: boolean } | null>(null);
  const dialog = useModalDialog(open, () => { setError(null); setPending(null); setUntracked(null); });

  /** Reads a redline's paragraphs (pasted, or a Word file's, which is never read as a fragment). */
  const finishRedline = (paragraphs: readonly WordParagraph[], pasted: boolean, extra: readonly string[] = []) => {
    const note = pasted ? ["Read as a redline: struck words are the base's only, underlined words the draft's."] : [];
    const notes = (warnings: readonly { paragraph?: number; reason: string }[]) => [...note, ...extra, ...warnings.map((w) => `${w.paragraph ? `paragraph ${w.paragraph}: ` : ""}${w.reason}`)];
    if (!pasted) {
      const result = draftFromWordParagraphs(base, paragraphs);
      onImported(result.draft, notes(result.warnings));
      return;
    }
    const reading = readRedlineParagraphs(base, draft, paragraphs);
    if (reading.kind === "fragment") { setPending({ merge: reading.merge, notes: notes(reading.warnings) }); return; }
    onImported(reading.kind === "word" ? reading.draft : reading.document, notes(reading.warnings));
    setText(""); setMarked(null);
  };

  /** First asks about untracked edits, if the redline has any. */
  const fromRedline = (paragraphs: readonly WordParagraph[], pasted: boolean) => {
    const edits = untrackedEdits(base, paragraphs);
    if (edits.length > 0) { setUntracked({ paragraphs, edits, take: new Set(edits.map((edit) => edit.paragraph)), pasted }); return; }
    finishRedline(paragraphs, pasted);
  };

  const confirmUntracked = () => attempt(() => {
    if (!untracked) return;
    const taken = untracked.edits.filter((edit) => untracked.take.has(edit.paragraph)).length;
    setUntracked(null);
    finishRedline(settleUntracked(base, untracked.paragraphs, untracked.take), untracked.pasted,
      [`Untracked edits: ${taken} of ${untracked.edits.length} taken into the draft.`]);
  });

  const fromMarked = (paragraphs: readonly MarkedRun[][]) => fromRedline(markedParagraphs(paragraphs), true);

  const pasteHtml = (html: string) => {
    const paragraphs = markedRunsFromHtml(html);
    if (!hasMarks(paragraphs)) { setMarked(null); setText(textFromHtml(html)); return; }
    const shown = paragraphs.map((runs) => sideText(paragraphFromMarkedRuns(runs), "draft")).filter((line) => line !== "").join("\n\n");
    setMarked({ paragraphs, shown });
    setText(shown);
  };

  const fromText = (input: string, notes: readonly string[] = []) => {
    const reading = readProposedText(input, draft);
    const all = [...notes, ...reading.warnings.map((w) => `line ${w.line}: ${w.reason}`)];
    if (reading.kind === "fragment") { setPending({ merge: reading.merge, notes: all }); return; }
    onImported(reading.document, all);
    setText("");
  };

  const confirmMerge = () => {
    if (!pending) return;
    onImported(pending.merge.document, [`${describeMerge(pending.merge)}; the other sections are unchanged.`, ...pending.notes]);
    setPending(null);
    setText("");
  };

  const attempt = async (work: () => Promise<void> | void) => {
    setError(null);
    try { await work(); } catch (caught) { setError(describe(caught)); }
  };

  const chooseFile = (file: File | undefined) => attempt(async () => {
    if (!file) return;
    if (/\.docx$/i.test(file.name)) {
      fromRedline(await readDocxParagraphs(await readBytes(file), parseXml), false);
      return;
    }
    if (/\.json$/i.test(file.name)) {
      // An amendment file: its draft, when it was drafted on this base.
      const content = parseAmendment(await readUtf8(file));
      if (serializeDocument(content.base) !== serializeDocument(base)) {
        setError("This amendment file was drafted on another base text: open it from Drafts… instead (it keeps its own base).");
        return;
      }
      onImported(content.draft, [`Took the draft of the amendment file “${file.name}”.`]);
      return;
    }
    const { text: fileText, warning } = await readText(file);
    fromText(fileText, warning ? [warning] : []);
  });

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="proposed-title" onClose={onClose}>
      <h2 id="proposed-title">Import a proposed text</h2>
      <p>The text becomes the draft and is compared with the base chapter. Paste the amended chapter, or choose a
        plain-text file or a Word file — a Word redline (struck and underscored, or tracked changes) opens as a draft with its changes.</p>
      <label htmlFor="proposed-text">Proposed text</label>
      <textarea id="proposed-text" rows={10} value={text} onChange={(event) => { setText(event.target.value); setPending(null); setMarked(null); }}
        onPaste={(event) => {
          const html = event.clipboardData.getData("text/html");
          if (!html) return;
          event.preventDefault();
          setPending(null);
          void attempt(() => pasteHtml(html));
        }} />
      <label className="file-input">Or choose a file (.txt, .docx or an amendment file): <input type="file" accept=".txt,.docx,.json,text/plain,application/json" onChange={(event) => void chooseFile(event.target.files?.[0])} /></label>
      {marked && marked.shown === text && <p className="hint" data-testid="pasted-redline">Pasted as a redline: the box shows the draft side (struck words left out); Import reads the marks against the base.</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {untracked && (
        <UntrackedEditsList edits={untracked.edits} take={untracked.take} onBack={() => setUntracked(null)} onConfirm={() => void confirmUntracked()}
          onToggle={(paragraph) => setUntracked((current) => {
            if (!current) return current;
            const take = new Set(current.take);
            if (!take.delete(paragraph)) take.add(paragraph);
            return { ...current, take };
          })} />
      )}
      {untracked ? null : pending ? (
        <div role="group" aria-label="Merge the sections" className="fragment-confirm">
          <p>The text holds {pending.merge.replaced.length + pending.merge.added.length === 1 ? "one section" : "a few sections"}, not the whole chapter. Merge it into the draft? {describeMerge(pending.merge)}; every other section stays as it is.</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setPending(null)}>Back</button>
            <button type="button" className="primary" onClick={confirmMerge}>Merge</button>
          </div>
        </div>
      ) : <div className="dialog-buttons">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" disabled={text.trim() === ""} onClick={() => void attempt(() => (marked && marked.shown === text ? fromMarked(marked.paragraphs) : fromText(text)))}>Import</button>
      </div>}
    </dialog>
  );
}
