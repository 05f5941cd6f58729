import { useMemo, useState } from "react";
import { redo, undo } from "prosemirror-history";
import type { ImportWarning } from "../core/importer/parseCodeText";
import { DocumentEditor } from "../editor/documentEditor";
import { DemoNotice } from "./DemoNotice";
import { EditorPane } from "./EditorPane";
import { demonstrationBase } from "./fixture";
import { ImportDialog } from "./ImportDialog";
import { StatusLine } from "./StatusLine";
import { useEditorState } from "./useEditorState";

/** The application shell: toolbar, notice, the chapter editor and the side panel. */
export function App() {
  const editor = useMemo(() => new DocumentEditor(demonstrationBase()), []);
  const state = useEditorState(editor);
  const [importing, setImporting] = useState(false);
  const [importWarnings, setImportWarnings] = useState<readonly ImportWarning[] | null>(null);
  const [isDemonstration, setDemonstration] = useState(true);

  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="app-name">Ordinance Redline</h1>
        <button type="button" onClick={() => editor.run(undo)} disabled={!undo(state)} title="Undo (Ctrl+Z)">Undo</button>
        <button type="button" onClick={() => editor.run(redo)} disabled={!redo(state)} title="Redo (Ctrl+Y)">Redo</button>
        <button type="button" onClick={() => setImporting(true)}>Import official text…</button>
      </header>
      {isDemonstration && <DemoNotice onImport={() => setImporting(true)} />}
      {importWarnings && <StatusLine warnings={importWarnings} onDismiss={() => setImportWarnings(null)} />}
      <main className="workspace">
        <EditorPane editor={editor} />
        <aside className="side-panel" aria-label="Changes">
          <h2>Changes</h2>
          <p className="muted">Edit the chapter; the changes against the base text are listed here.</p>
        </aside>
      </main>
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(doc, warnings) => {
          editor.load(doc);
          setDemonstration(false);
          setImportWarnings(warnings);
          setImporting(false);
        }}
      />
    </div>
  );
}
