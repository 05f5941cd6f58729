import { useEffect, useRef, useState } from "react";
import { ImportError, parseCodeText, type ImportResult, type ImportWarning } from "../core/importer/parseCodeText";
import { parseCodeBytes } from "../core/importer/decodeText";
import type { OrdinanceDocument } from "../core/model/document";
import { useModalDialog } from "./useModalDialog";

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The name of the version the draft is kept as before the official text replaces it. */
export const KEPT_BEFORE_IMPORT = "Before importing the official text";

interface ImportDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The draft the import replaces: its name, whether it can be kept as a version first, and whether it is the demonstration (whose sponsors go with it). */
  readonly replacing: { readonly name: string; readonly keepsVersion: boolean; readonly demonstration?: boolean };
  /** Called with a whole parsed document, only once the person confirmed; never with a partial one. */
  readonly onImported: (doc: OrdinanceDocument, warnings: readonly ImportWarning[]) => void;
}

/**
 * Paste or choose the official chapter text; the editor changes only when it parses whole and
 * the person confirmed that it replaces the draft (Cancel, or Escape, changes nothing).
 */
export function ImportDialog({ open, onClose, replacing, onImported }: ImportDialogProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [parsed, setParsed] = useState<ImportResult | null>(null);
  const dialog = useModalDialog(open, () => setParsed(null));
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (parsed) confirmButton.current?.focus(); }, [parsed]);


  const importText = (input: string | Uint8Array) => {
    try {
      // A file's bytes go through the core's one decoding (UTF-8, UTF-16 with a mark, else Windows-1252 with a warning).
      const result: ImportResult = typeof input === "string" ? parseCodeText(input) : parseCodeBytes(input);
      setError(null);
      setParsed(result);
    } catch (caught) {
      setError(caught instanceof ImportError ? `Could not import: ${caught.message}.` : `Could not import: ${String(caught)}`);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`Could not import: ${file.name} is larger than 20 MB.`);
      return;
    }
    importText(new Uint8Array(await file.arrayBuffer()));
  };

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onClose={onClose}>
      <h2 id="import-title">Import the official text</h2>
      <p>
        Open Chapter 2-173 in the online Municipal Code of Chicago, select the chapter from its heading to the
        last history note, copy it and paste it here — or choose a plain-text file. Navigation lines left over
        from the web page are skipped and listed.
      </p>
      <label htmlFor="import-text">Chapter text</label>
      <textarea id="import-text" value={text} onChange={(event) => { setText(event.target.value); setParsed(null); }} rows={12} />
      <label className="file-input">
        Or choose a .txt file: <input type="file" accept=".txt,text/plain" onChange={(event) => void chooseFile(event.target.files?.[0])} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      {parsed ? (
        <div className="import-confirm" role="group" aria-labelledby="import-confirm-title">
          <p id="import-confirm-title"><strong>Replace the draft “{replacing.name}” with this text?</strong></p>
          <p>
            The official text ({parsed.document.chapters.reduce((sum, chapter) => sum + chapter.sections.length, 0)} sections) becomes both the base and
            the draft, so the draft's changes, annotations and comments leave it{replacing.demonstration ? <>, and so do the demonstration's sponsors</> : null}.{" "}
            {replacing.keepsVersion
              ? <>The current draft is kept first as the version “{KEPT_BEFORE_IMPORT}”, which <strong>Versions…</strong> can restore with its annotations.</>
              : <>This browser's storage is not working, so the current draft cannot be kept as a version: download the amendment file first if it is needed.</>}
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>Cancel</button>
            <button type="button" className="primary" ref={confirmButton} onClick={() => { setParsed(null); setText(""); onImported(parsed.document, parsed.warnings); }}>Replace the draft</button>
          </div>
        </div>
      ) : (
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="button" className="primary" disabled={text.trim() === ""} onClick={() => importText(text)}>Import</button>
        </div>
      )}
    </dialog>
  );
}
