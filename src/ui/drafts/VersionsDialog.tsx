import { useCallback, useState } from "react";
import type { OrdinanceDocument } from "../../core/model/document";
import type { VersionSummary } from "../../persistence";
import type { DraftSession } from "./draftSession";
import { useModalDialog } from "../useModalDialog";
import { VersionComparison } from "./VersionComparison";
import { formatWhen } from "../formatWhen";

interface VersionsDialogProps {
  readonly open: boolean;
  readonly session: DraftSession;
  readonly onClose: () => void;
}

const BASE = "base";
const CURRENT = "current";

/**
 * Named snapshots: save one, restore one, compare any two (or one with the base, or the current
 * draft): the comparison is the redline in a read-only view beside its change list (VersionComparison).
 */
export function VersionsDialog({ open, session, onClose }: VersionsDialogProps) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [name, setName] = useState("");
  const [left, setLeft] = useState(BASE);
  const [right, setRight] = useState(CURRENT);
  const [comparison, setComparison] = useState<{ from: OrdinanceDocument; to: OrdinanceDocument; title: string } | null>(null);
  const refresh = useCallback(async () => setVersions(await session.versions()), [session]);
  const dialog = useModalDialog(open, () => { setComparison(null); void refresh(); });

  const textOf = async (choice: string): Promise<OrdinanceDocument | null> => {
    const current = session.content();
    if (choice === BASE) return current.base;
    if (choice === CURRENT) return current.draft;
    return (await session.loadVersion(choice))?.draft ?? null;
  };
  const nameOf = (choice: string) => (choice === BASE ? "the base text" : choice === CURRENT ? "the current draft" : versions.find((version) => version.id === choice)?.name ?? "a version");
  const showComparison = async () => {
    const [a, b] = await Promise.all([textOf(left), textOf(right)]);
    if (a && b) setComparison({ from: a, to: b, title: `${nameOf(left)} → ${nameOf(right)}` });
  };
  const options = [<option key={BASE} value={BASE}>The base text</option>, <option key={CURRENT} value={CURRENT}>The current draft</option>,
    ...versions.map((version) => <option key={version.id} value={version.id}>{version.name}</option>)];

  return (
    <dialog ref={dialog} className={`versions-dialog${comparison ? " comparing" : ""}`} aria-labelledby="versions-title" onClose={onClose}>
      <h2 id="versions-title">Versions</h2>
      <form className="version-save" onSubmit={(event) => { event.preventDefault(); if (name.trim()) void session.saveVersion(name.trim()).then(refresh).then(() => setName("")); }}>
        <input aria-label="Version name" placeholder="e.g. Sent to the 32nd Ward office" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" disabled={name.trim() === ""}>Save version</button>
      </form>
      <ul className="version-list">
        {versions.map((version) => (
          <li key={version.id} data-testid="version-item">
            <span>{version.name}</span> <time className="muted" dateTime={version.createdAt}>{formatWhen(version.createdAt)}</time>
            <button type="button" className="mini" onClick={() => void session.restoreVersion(version.id).then(refresh)}>Restore</button>
          </li>
        ))}
      </ul>
      <div className="version-compare">
        <label>Compare <select aria-label="Compare from" value={left} onChange={(event) => setLeft(event.target.value)}>{options}</select></label>
        <label>with <select aria-label="Compare with" value={right} onChange={(event) => setRight(event.target.value)}>{options}</select></label>
        <button type="button" onClick={() => void showComparison()}>Compare</button>
      </div>
      {comparison !== null && <VersionComparison from={comparison.from} to={comparison.to} title={comparison.title} sponsors={session.content().sponsors} />}
      <div className="dialog-buttons"><button type="button" onClick={onClose}>Close</button></div>
    </dialog>
  );
}
