import type { ImportWarning } from "../core/importer/parseCodeText";

/** Reports the outcome of an import: what was skipped, line by line. */
export function StatusLine({ warnings, onDismiss }: { warnings: readonly ImportWarning[]; onDismiss: () => void }) {
  return (
    <div className="status-line" role="status">
      <span>Imported. {warnings.length === 0 ? "Nothing was skipped." : `${warnings.length} line(s) skipped or adjusted:`}</span>
      {warnings.length > 0 && (
        <ul>
          {warnings.slice(0, 20).map((warning) => (
            <li key={`${warning.line}-${warning.reason}`}>line {warning.line}: {warning.reason} — “{warning.text}”</li>
          ))}
        </ul>
      )}
      <button type="button" className="link-button" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
