import { useState } from "react";

/** The address people open a shared draft at (this page's, without anything but the draft). */
export function sharedDraftAddress(id: string): string {
  const url = new URL(window.location.href);
  url.search = `?shared=${encodeURIComponent(id)}`;
  url.hash = "";
  return url.toString();
}

/**
 * The address of a shared draft, with Copy: what the people invited open (they sign in there).
 * Shown once right after sharing, and in People and history….
 */
export function ShareLinkNotice({ id, onDismiss, intro }: { readonly id: string; readonly onDismiss?: () => void; readonly intro: string }) {
  const address = sharedDraftAddress(id);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try { await navigator.clipboard.writeText(address); setCopied("yes"); } catch { setCopied("no"); }
  };
  return (
    <div className="share-link" role="status" data-testid="share-link">
      <span>{intro} </span>
      <input aria-label="Address of this shared draft" readOnly value={address} onFocus={(event) => event.currentTarget.select()} size={Math.min(60, address.length)} />
      <button type="button" onClick={() => void copy()}>Copy</button>
      {copied === "yes" && <span> Copied.</span>}
      {copied === "no" && <span> Select the address and copy it.</span>}
      {onDismiss && <button type="button" onClick={onDismiss} aria-label="Dismiss">×</button>}
    </div>
  );
}
