/**
 * A shared draft open in the app: what the app shell needs of it, built here where Yjs is
 * loaded (this module is loaded only for a shared draft). The app shell sees only the
 * `SharedSession` interface (sharedTypes.ts).
 */
import type { EditorState } from "prosemirror-state";
import { bindSharedAttributes, changeAttributions, DRAFT_FRAGMENT, recordAuthorship, sharedSetup, type Attribution, type EntryChange } from "../../editor/shared";
import type { DocumentEditor } from "../../editor/documentEditor";
import type { SharedConnection } from "./sharedConnection";
import type { SharedSession } from "./sharedTypes";

/** The app's view of `connection`. */
export function createSharedSession(connection: SharedConnection): SharedSession {
  const person = { name: connection.session.person.name, office: connection.session.person.office };
  let recorder: { attributeNextTo(author: { name: string; office: string }): void } | null = null;
  const attributions = new WeakMap<EditorState, Map<string, Attribution>>();
  return {
    connection,
    content: {
      base: connection.base,
      draft: connection.base,
      shared: sharedSetup({
        fragment: connection.ydoc.getXmlFragment(DRAFT_FRAGMENT),
        readOnly: connection.draft.role !== "drafter",
        ...(connection.provider.awareness ? { awareness: connection.provider.awareness } : {}),
      }),
      currentUser: person,
    },
    bind(editor: DocumentEditor, onRefused: (reason: string) => void) {
      const provider = connection.provider;
      const binding = bindSharedAttributes(editor, connection.ydoc, {
        onInvalid: (problem) => console.warn(problem),
        ...(connection.draft.role === "drafter" ? {} : { sendChange: (change: EntryChange) => provider.sendStateless(JSON.stringify({ type: "entry", ...change })) }),
      });
      const onStateless = ({ payload }: { payload: string }) => {
        let message: Record<string, unknown> | null = null;
        try { message = JSON.parse(payload) as Record<string, unknown> | null; } catch { return; }
        if (!message || message.type !== "entry-refused") return;
        binding.resync();
        onRefused(`Your comment was not kept: ${typeof message.reason === "string" ? message.reason : "the server refused it"}.`);
      };
      provider.on("stateless", onStateless);
      // Who makes each text edit (drafters only: others do not edit).
      const started = connection.draft.role === "drafter" ? recordAuthorship(connection.ydoc, () => person) : null;
      recorder = started;
      return () => {
        provider.off("stateless", onStateless);
        binding.dispose();
        started?.dispose();
        if (recorder === started) recorder = null;
      };
    },
    creditNextEdit: (author) => recorder?.attributeNextTo(author),
    attributionOf: (state, changeId) => {
      let found = attributions.get(state);
      if (!found) { found = changeAttributions(state, connection.ydoc); attributions.set(state, found); }
      return found.get(changeId);
    },
  };
}
