import { useState } from "react";
import { ImportError, parseCodeText, type ImportResult, type ImportWarning } from "../core/importer/parseCodeText";
import { parseCodeBytes } from "../core/importer/decodeText";
import type { OrdinanceDocument } from "../core/model/document";
import { useModalDialog } from "./useModalDialog";

const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface ImportDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** Called with a whole parsed document; never with a partial one. */
  readonly onImported: (doc: OrdinanceDocument, warnings: readonly ImportWarning[]) => void;
}

/** Paste or choose the official chapter text; the editor changes only when it parses whole. */
export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const dialog = useModalDialog(open);


  const importText = (input: string | Uint8Array) => {
    try {
      // A file's bytes go through the core's one decoding (UTF-8, UTF-16 with a mark, else Windows-1252 with a warning).
      const result: ImportResult = typeof input === "string" ? parseCodeText(input) : parseCodeBytes(input);
      setError(null);
      setText("");
      onImported(result.document, result.warnings);
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
      <textarea id="import-text" value={text} onChange={(event) => setText(event.target.value)} rows={12} />
      <label className="file-input">
        Or choose a .txt file: <input type="file" accept=".txt,text/plain" onChange={(event) => void chooseFile(event.target.files?.[0])} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" disabled={text.trim() === ""} onClick={() => importText(text)}>Import</button>
      </div>
    </dialog>
  );
}
