/**
 * Drafters' comments are checked after they arrive: a drafter's client writes threads and
 * annotations straight into the Y document (it may edit the text), so each such change is held
 * to core/sharedDraft's drafter rule once applied, and a refused one is put back as it was at
 * once (a server write, logged and sent to everyone), with a row in the audit trail and a word to
 * the writer's connection. The update that first fills an empty document is the draft as
 * shared and passes whole: a local draft keeps comments others wrote in that browser. Reviewers'
 * comments arrive as checked messages instead (collab.ts).
 */
import type { Connection, Document } from "@hocuspocus/server";
import type * as Y from "yjs";
import { commentKey, drafterCommentRefusal, entryComments, SHARED_MAPS, type SharedEntry } from "../core/sharedDraft";
import { entryBy, entryDetail } from "./audit";
import type { Person, Storage } from "./storage/storage";

/** The origin of the server's own put-backs of refused comments. */
const PUT_BACK = { source: "comment-signature" };

export interface SignatureWatch {
  readonly storage: Storage;
  readonly now: () => number;
  readonly log: (message: string) => void;
}

/**
 * Watches `document`'s thread and annotation maps from now on. Every comment held now, or
 * written later by anyone, is remembered word for word, so that putting one back (Undo) passes.
 */
export function watchCommentSignatures(documentName: string, document: Document, watch: SignatureWatch): void {
  const seen = new Set<string>();
  const remember = (value: unknown) => { for (const comment of entryComments(value)) seen.add(commentKey(comment)); };
  for (const name of [SHARED_MAPS.threads, SHARED_MAPS.annotations]) {
    const map = document.getMap<SharedEntry>(name);
    for (const entry of map.values()) remember(entry?.value);
    map.observe((event, transaction) => {
      const origin = transaction.origin as { source?: unknown; connection?: Connection<{ person?: Person }> } | null;
      const connection = origin && origin.source === "connection" ? origin.connection : undefined;
      const person = connection?.context?.person;
      for (const [id, change] of event.changes.keys) {
        const before = change.oldValue as SharedEntry | undefined;
        const after = map.get(id);
        // Into an empty document: the draft as shared, with the comments it already had (one update, see ui/shared).
        const asShared = transaction.beforeState.size === 0;
        const reason = person && !asShared ? drafterCommentRefusal(before?.value, after?.value, person, (key) => seen.has(key)) : null;
        if (reason === null) {
          remember(after?.value);
          continue;
        }
        putBack(document, map, id, before);
        connection!.sendStateless(JSON.stringify({ type: "entry-refused", id, reason }));
        void watch.storage.appendAudit(entryBy(person!, documentName, "comment-refused", `${entryDetail(name === SHARED_MAPS.threads ? "threads" : "annotations", id, after?.value ?? before?.value)}: ${reason}`, watch.now()))
          .catch((error: Error) => watch.log(`draft ${documentName}: an audit row was not written (${error.message})`));
      }
    });
  }
}

function putBack(document: Document, map: Y.Map<SharedEntry>, id: string, before: SharedEntry | undefined): void {
  document.transact(() => {
    if (before === undefined) map.delete(id);
    else map.set(id, before);
  }, PUT_BACK);
}
