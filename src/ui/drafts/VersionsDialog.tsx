import { useCallback, useState } from "react";
import type { OrdinanceDocument } from "../../core/model/document";
import { compare, formatHtml } from "../../core/redline";
import type { VersionSummary } from "../../persistence";
import type { DraftSession } from "./draftSession";
import { useModalDialog } from "../useModalDialog";

interface VersionsDialogProps {
  readonly open: boolean;
  readonly session: DraftSession;
  readonly onClose: () => void;
}

const BASE = "base";
const CURRENT = "current";

/** Named snapshots: save one, compare any two (or one with the base), restore one. */
export function VersionsDialog({ open, session, onClose }: VersionsDialogProps) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [name, setName] = useState("");
  const [left, setLeft] = useState(BASE);
  const [right, setRight] = useState(CURRENT);
  const [comparison, setComparison] = useState<string | null>(null);
  const refresh = useCallback(async () => setVersions(await session.versions()), [session]);
  const dialog = useModalDialog(open, () => { setComparison(null); void refresh(); });

  const textOf = async (choice: string): Promise<OrdinanceDocument | null> => {
    const current = session.content();
    if (choice === BASE) return current.base;
    if (choice === CURRENT) return current.draft;
    return (await session.loadVersion(choice))?.draft ?? null;
  };
  const showComparison = async () => {
    const [a, b] = await Promise.all([textOf(left), textOf(right)]);
    if (a && b) setComparison(formatHtml(compare(a, b)));
  };
  const options = [<option key={BASE} value={BASE}>The base text</option>, <option key={CURRENT} value={CURRENT}>The current draft</option>,
    ...versions.map((version) => <option key={version.id} value={version.id}>{version.name}</option>)];

  return (
    <dialog ref={dialog} className="versions-dialog" aria-labelledby="versions-title" onClose={onClose}>
      <h2 id="versions-title">Versions</h2>
      <form className="version-save" onSubmit={(event) => { event.preventDefault(); if (name.trim()) void session.saveVersion(name.trim()).then(refresh).then(() => setName("")); }}>
        <input aria-label="Version name" placeholder="e.g. Sent to the 32nd Ward office" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" disabled={name.trim() === ""}>Save version</button>
      </form>
      <ul className="version-list">
        {versions.map((version) => (
          <li key={version.id} data-testid="version-item">
            <span>{version.name}</span> <time className="muted" dateTime={version.createdAt}>{new Date(version.createdAt).toLocaleString()}</time>
            <button type="button" className="mini" onClick={() => void session.restoreVersion(version.id).then(refresh)}>Restore</button>
          </li>
        ))}
      </ul>
      <div className="version-compare">
        <label>Compare <select aria-label="Compare from" value={left} onChange={(event) => setLeft(event.target.value)}>{options}</select></label>
        <label>with <select aria-label="Compare with" value={right} onChange={(event) => setRight(event.target.value)}>{options}</select></label>
        <button type="button" onClick={() => void showComparison()}>Compare</button>
      </div>
      {comparison !== null && <div className="comparison code-document" data-testid="comparison" dangerouslySetInnerHTML={{ __html: comparison }} />}
      <div className="dialog-buttons"><button type="button" onClick={onClose}>Close</button></div>
    </dialog>
  );
}
