import { serializeAmendment } from "../../core/amendmentFile";
import { download, MIME } from "../export/download";
import type { DraftSession, SaveStatus } from "./draftSession";

/** Offers the amendment file for download: the way out when the browser cannot keep the draft. */
export function downloadAmendmentFile(session: DraftSession): void {
  const content = session.content();
  const safeName = content.name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "draft";
  download(`${safeName}.amendment.json`, serializeAmendment(content, new Date()), MIME.json);
}

/** The save state in the toolbar: "Saved", "Saving…". */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const text = status.kind === "saved" ? "All changes saved" : status.kind === "pending" ? "Saving…" : status.kind === "starting" ? "Opening…" : "Not saved";
  return <span className={`save-indicator save-${status.kind}`} role="status" aria-live="polite" data-testid="save-status">{text}</span>;
}

/** In place of the save state for a generated speed-test chapter (`?sample=`), which is never stored. */
export function SampleIndicator() {
  return <span className="save-indicator" role="status" data-testid="save-status" title="A generated chapter for speed tests: nothing typed here is kept">Sample, not saved</span>;
}

export const DISCARD_QUESTION = "Reloading the draft here discards what you typed in this tab since it opened. Discard it? (Cancel, then “Continue here as a copy”, keeps it.)";

/** Takes the draft over in this tab, asking first when that would discard unsaved typing. */
function reloadHere(session: DraftSession): void {
  if (session.hasUnsavedTyping() && !window.confirm(DISCARD_QUESTION)) return;
  void session.takeOver();
}

/** Warnings that must not be missed (storage unavailable or full, another tab on this draft), and notices. */
export function SaveBanner({ session, status, notice }: { session: DraftSession; status: SaveStatus; notice: string | null }) {
  const downloadButton = <button type="button" onClick={() => downloadAmendmentFile(session)}>Download the amendment file</button>;
  switch (status.kind) {
    case "failed":
    case "no-storage":
      return (
        <div className="warning-banner" role="alert">
          <strong>Your latest changes are not saved in this browser.</strong> {status.message} {downloadButton}
          {status.kind === "failed" && <button type="button" onClick={() => void session.flush(true)}>Try again</button>}
        </div>
      );
    case "conflict":
      return (
        <div className="warning-banner" role="alert">
          <strong>This draft is open in another tab.</strong> Saving here is paused so neither tab overwrites the other.{" "}
          <button type="button" onClick={() => reloadHere(session)}>Reload it here (the other tab stops saving)</button>
          <button type="button" onClick={() => void session.continueAsCopy()}>Continue here as a copy</button>
        </div>
      );
    case "taken-over":
      return (
        <div className="warning-banner" role="alert">
          <strong>This draft was opened in another tab,</strong> which now saves it; this tab no longer does. Anything you type here is kept as a copy.{" "}
          <button type="button" onClick={() => window.location.reload()}>Reload</button>
          <button type="button" onClick={() => void session.continueAsCopy()}>Keep this tab's text as a copy</button>
        </div>
      );
    default:
      return notice ? (
        <div className="notice-banner" role="status">
          {notice} <button type="button" onClick={() => session.dismissNotice()}>Dismiss</button>
        </div>
      ) : null;
  }
}
