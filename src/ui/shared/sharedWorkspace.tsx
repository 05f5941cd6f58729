import { useEffect, useState } from "react";
import type { SharedConnection } from "./sharedConnection";
import type { ExportKind } from "../export/ExportDialog";
import { recordExport } from "./serverApi";

/** Where the shared draft stands: the role, and whether edits reach the server. */
export function SharedIndicator({ connection }: { readonly connection: SharedConnection }) {
  const [state, setState] = useState<"connected" | "connecting" | "disconnected">(connection.offline ? "disconnected" : "connected");
  const [unsynced, setUnsynced] = useState(false);
  const [networkDown, setNetworkDown] = useState(() => typeof navigator !== "undefined" && navigator.onLine === false);
  useEffect(() => {
    const provider = connection.provider;
    const onStatus = ({ status }: { status: string }) => setState(status === "connected" ? "connected" : status === "connecting" ? "connecting" : "disconnected");
    const onUnsynced = () => setUnsynced(provider.hasUnsyncedChanges);
    // The browser knows at once when its network goes; the connection notices only at its next
    // heartbeat (many seconds), so the words would say "Saved on the server" meanwhile.
    const onNetwork = () => setNetworkDown(navigator.onLine === false);
    provider.on("status", onStatus);
    provider.on("unsyncedChanges", onUnsynced);
    window.addEventListener("online", onNetwork);
    window.addEventListener("offline", onNetwork);
    return () => {
      provider.off("status", onStatus);
      provider.off("unsyncedChanges", onUnsynced);
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
    };
  }, [connection]);
  const words = state !== "connected" || networkDown ? "Offline: edits are kept in this browser and sent when the server is back"
    : unsynced ? "Sending…" : "Saved on the server";
  return (
    <span className="shared-indicator" data-testid="shared-status" role="status">
      Shared · {connection.draft.role} · {words}
    </span>
  );
}

/** The audit trail's name of each export. */
const EXPORT_RECORD: Readonly<Record<ExportKind, string>> = {
  docx: "ordinance-docx", "tracked-docx": "ordinance-tracked-docx", "review-docx": "review-copy-docx", html: "ordinance-html", txt: "ordinance-text",
  "clean-docx": "clean-docx", "clean-txt": "clean-text",
};

/** Records an export of the shared draft in its audit trail (a failure is only logged: the file is made). */
export async function recordSharedExport(shared: SharedConnection, what: ExportKind): Promise<void> {
  try {
    await recordExport(shared.session, shared.draft.id, EXPORT_RECORD[what]);
  } catch (error) {
    console.warn(`The export was not recorded in the audit trail: ${(error as Error).message}`);
  }
}
