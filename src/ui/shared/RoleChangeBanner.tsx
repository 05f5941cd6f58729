import { useEffect, useState } from "react";
import { serializeDocument } from "../../core/model/canonicalText";
import type { DocumentEditor } from "../../editor/documentEditor";
import { toModel } from "../../editor/convert";
import { download } from "../export/download";
import type { SharedConnection } from "./sharedConnection";

/** What the server now allows, when it is less than the draft was opened with. */
type Lowered = { readonly role: string; readonly unsynced: boolean };

/**
 * Tells a drafter whose role was lowered (while connected, or while offline and found on
 * reconnecting) that the server no longer takes their edits; edits it did not take are never
 * dropped silently: they can be downloaded as the text this browser holds, then the shared
 * draft is loaded afresh.
 */
export function RoleChangeBanner({ shared, editor }: { readonly shared: SharedConnection; readonly editor: DocumentEditor }) {
  const [lowered, setLowered] = useState<Lowered | null>(null);
  useEffect(() => {
    if (shared.draft.role !== "drafter") return;
    const provider = shared.provider;
    const onAuthenticated = ({ scope }: { scope: string }) => {
      if (scope !== "read-write") setLowered({ role: "reviewer or viewer", unsynced: provider.hasUnsyncedChanges });
    };
    const onStateless = ({ payload }: { payload: string }) => {
      let message: Record<string, unknown> | null = null;
      try { message = JSON.parse(payload) as Record<string, unknown>; } catch { return; }
      if (message?.type === "role" && typeof message.role === "string" && message.role !== "drafter") setLowered({ role: message.role, unsynced: provider.hasUnsyncedChanges });
    };
    provider.on("authenticated", onAuthenticated);
    provider.on("stateless", onStateless);
    return () => { provider.off("authenticated", onAuthenticated); provider.off("stateless", onStateless); };
  }, [shared]);
  if (!lowered) return null;
  const keep = () => download(`${shared.draft.title.replace(/[^\w.-]+/g, "-").slice(0, 60) || "draft"}-my-copy.txt`, serializeDocument(toModel(editor.state.doc)), "text/plain;charset=utf-8");
  const reload = async () => { await shared.forgetLocalCopy(); window.location.reload(); };
  return (
    <div className="save-banner role-banner" role="alert" data-testid="role-banner">
      <p>
        Your role on this draft is now {lowered.role}: the server no longer takes your edits.
        {lowered.unsynced ? " What you typed since it last took an edit is only in this browser: download it before loading the shared draft." : " Load the shared draft to go on."}
      </p>
      {lowered.unsynced && <button type="button" onClick={keep}>Download what I typed (.txt)</button>}
      <button type="button" onClick={() => void reload()}>Load the shared draft</button>
    </div>
  );
}
