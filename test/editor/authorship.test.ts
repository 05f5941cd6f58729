// @vitest-environment happy-dom
/**
 * Who made each change of a shared draft: two drafters edit, their updates cross, and each
 * client attributes every change of its redline to the person whose edit made it — insertions by
 * the inserted words, deletions by the deleted words — and the changes from before sharing to
 * the person who shared the draft. An accepted suggestion is its suggester's.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bindSharedAttributes, changeAttributions, DRAFT_FRAGMENT, recordAuthorship, recordUpload, seedSharedAttributes, seedSharedDraft, sharedSetup } from "../../src/editor/shared";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { redlineState } from "../../src/editor/redline/plugin";
import { acceptSuggestion, docSuggestions, suggestWording } from "../../src/editor/suggestions";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

const ANA = { name: "Ana Sharer", office: "Advancing Justice | Chicago" };
const BEN = { name: "Ben Drafter", office: "Office of Ald. Ramirez-Rosa, 35th Ward" };
const RITA = { name: "Rita Reviewer", office: "32nd Ward" };

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); document.body.replaceChildren(); });

function client(ydoc: Y.Doc, who: typeof ANA, clock: { now: number }) {
  const editor = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase(), shared: sharedSetup({ fragment: ydoc.getXmlFragment(DRAFT_FRAGMENT) }), currentUser: who });
  const place = document.createElement("div");
  document.body.append(place);
  cleanups.push(editor.mount(place));
  const binding = bindSharedAttributes(editor, ydoc);
  cleanups.push(() => binding.dispose());
  const recorder = recordAuthorship(ydoc, () => who, () => new Date(clock.now));
  cleanups.push(() => recorder.dispose());
  return { ydoc, editor, recorder };
}

function wire(a: Y.Doc, b: Y.Doc): void {
  a.on("update", (update: Uint8Array, origin: unknown) => { if (origin !== "wire") Y.applyUpdate(b, update, "wire"); });
  b.on("update", (update: Uint8Array, origin: unknown) => { if (origin !== "wire") Y.applyUpdate(a, update, "wire"); });
}

function textPosition(editor: DocumentEditor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const at = node.text!.indexOf(text);
    if (at >= 0) found = pos + at;
    return false;
  });
  if (found < 0) throw new Error(`not found: ${text}`);
  return found;
}

/** The base chapter shared by Ana (its upload recorded), and her client on it. */
function sharedByAna() {
  const clock = { now: Date.parse("2026-12-03T12:00:00Z") };
  const ydoc = new Y.Doc();
  const local = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase() });
  seedSharedDraft(local.state.doc, ydoc.getXmlFragment(DRAFT_FRAGMENT));
  recordUpload(ydoc, ANA, new Date(clock.now));
  return { ydoc, clock, ana: client(ydoc, ANA, clock) };
}

/** The person each change is attributed to, by what the change shows. */
function authors(editor: DocumentEditor, ydoc: Y.Doc): Map<string, string> {
  const attributions = changeAttributions(editor.state, ydoc);
  const shown = new Map<string, string>();
  for (const change of redlineState(editor.state).redline.changes) {
    shown.set(`${change.deleted.trim()}→${change.inserted.trim()}`, attributions.get(change.id)?.by.name ?? "unknown");
  }
  return shown;
}

describe("authorship of a shared draft's changes", () => {
  it("credits each change to who made it, on both clients", () => {
    const clock = { now: Date.parse("2026-12-03T12:00:00Z") };
    const first = new Y.Doc();
    const local = new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() });
    seedSharedDraft(local.state.doc, first.getXmlFragment(DRAFT_FRAGMENT));
    seedSharedAttributes(local.state, first);
    recordUpload(first, ANA, new Date(clock.now));
    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    wire(first, second);
    const ana = client(first, ANA, clock);
    const ben = client(second, BEN, clock);

    clock.now += 5 * 60_000;
    ben.editor.dispatch(ben.editor.state.tr.insertText("promptly ", textPosition(ben.editor, "help with investigations")));
    const survives = textPosition(ben.editor, "physical abuse");
    ben.editor.dispatch(ben.editor.state.tr.delete(survives, survives + "physical ".length));
    clock.now += 5 * 60_000;
    const dignity = textPosition(ana.editor, "dignity");
    ana.editor.dispatch(ana.editor.state.tr.insertText("worth", dignity, dignity + "dignity".length));

    for (const [name, c] of [["Ana", ana], ["Ben", ben]] as const) {
      const shown = authors(c.editor, c.ydoc);

      expect(shown.get("→promptly"), name).toBe("Ben Drafter");
      expect(shown.get("physical→"), name).toBe("Ben Drafter");
      expect(shown.get("dignity→worth"), name).toBe("Ana Sharer");
      // Changes already in the draft when it was shared: the sharer's.
      expect(shown.get("in every neighborhood→"), name).toBe("Ana Sharer");
      expect([...shown.values()]).not.toContain("unknown");
      // Every change nobody made after sharing, the contents lines' among them, reads "in the
      // draft when shared", not as an edit of the sharer's at some time.
      const attributions = changeAttributions(c.editor.state, c.ydoc);
      const edited = new Set(["→promptly", "physical→", "dignity→worth"]);
      const notUploaded = redlineState(c.editor.state).redline.changes
        .filter((change) => !edited.has(`${change.deleted.trim()}→${change.inserted.trim()}`) && attributions.get(change.id)?.uploaded !== true)
        .map((change) => `${change.section} ${change.part}: ${change.deleted.trim()}→${change.inserted.trim()}`);
      expect(notUploaded, name).toEqual([]);
    }
    const times = changeAttributions(ben.editor.state, ben.ydoc);
    const promptly = redlineState(ben.editor.state).redline.changes.find((change) => change.inserted.trim() === "promptly")!;
    expect(times.get(promptly.id)!.at).toBe("2026-12-03T12:05:00.000Z");
  });

  it("credits an accepted suggestion to its suggester", () => {
    const { ydoc, ana, clock } = sharedByAna();
    const at = textPosition(ana.editor, "witnesses to crime");
    ana.editor.run(suggestWording(at, at + "witnesses to crime".length, "bystanders", RITA), false);
    const suggestion = docSuggestions(ana.editor.state)[0]!;
    ana.recorder.attributeNextTo({ name: suggestion.author, office: suggestion.office });
    ana.editor.run(acceptSuggestion(suggestion.id, ANA.name), false);
    const shown = authors(ana.editor, ydoc);

    expect(shown.get("witnesses to crime→bystanders")).toBe("Rita Reviewer");
    // The next edit is Ana's own again.
    ana.editor.dispatch(ana.editor.state.tr.insertText("all ", textPosition(ana.editor, "immigrants, must")));
    expect(authors(ana.editor, ydoc).get("→all")).toBe("Ana Sharer");
  });

  it("credits an accepted suggestion to its suggester when the new wording starts as the old did", () => {
    // The text is replaced character by character where it differs, so the new words' first
    // letters are still the old words' Y items ("in|vestigate" → "in|quire into").
    const { ydoc, ana, clock } = sharedByAna();
    for (const [old, wording] of [["investigate", "inquire into"], ["immigration documents", "immigration papers"]] as const) {
      clock.now += 60_000;
      const at = textPosition(ana.editor, old);
      ana.editor.run(suggestWording(at, at + old.length, wording, RITA), false);
      const suggestion = docSuggestions(ana.editor.state).find((each) => each.replacement === wording)!;
      ana.recorder.attributeNextTo({ name: suggestion.author, office: suggestion.office });
      ana.editor.run(acceptSuggestion(suggestion.id, ANA.name), false);
    }
    const shown = authors(ana.editor, ydoc);
    expect(shown.get("investigate→inquire into")).toBe("Rita Reviewer");
    expect(shown.get("documents→papers")).toBe("Rita Reviewer");
  });
});
