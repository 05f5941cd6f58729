/** Helpers for draft-session tests in happy-dom: sessions on the demonstration draft, typing, waiting. */
import { DocumentEditor } from "../../src/editor/documentEditor";
import { DraftSession, type SessionTimings } from "../../src/ui/drafts/draftSession";
import { fixtureAmended, fixtureBase } from "./fixtures";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A session on a new editor of the demonstration draft; added to `sessions` so the test can dispose it. */
export function openSession(sessions: DraftSession[], timings: SessionTimings): { editor: DocumentEditor; session: DraftSession } {
  const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() });
  const session = new DraftSession(editor, "Test draft", timings);
  sessions.push(session);
  return { editor, session };
}

/** Types `text` just before the first "investigate" in the draft, as one transaction. */
export function typeBeforeInvestigate(editor: DocumentEditor, text: string): void {
  let at = -1;
  editor.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes("investigate")) at = pos + node.text!.indexOf("investigate");
    return at < 0;
  });
  editor.dispatch(editor.state.tr.insertText(text, at));
}

/** Waits until `check` holds, polling every 10 ms; throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(10);
  }
}
