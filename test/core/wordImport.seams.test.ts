/**
 * A Word redline with a split's or join's seam (an underscored or struck pilcrow) read back by
 * the Word importer gives the draft the editor made: Enter in the middle of a paragraph (split)
 * and Backspace at an item's start (join) in the editor, export as .docx (both groupings), import against the base — the same canonical draft text and the same
 * changes, the seam among them, in marked and in tracked files. The same with the item right
 * beside the seam deleted or replaced.
 */
import { TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_SETTINGS, renderOrdinance, type OrdinanceFormat } from "../../src/core/export";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { importWordDraft } from "../../src/core/wordImport";
import { redlineState } from "../../src/editor/redline/plugin";
import { positionOf, redlineEditor } from "../support/editorHarness";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { fixtureBase, fixtureText } from "../support/fixtures";
import { closed, press } from "../support/structuralChecks";
import { parseXml } from "../support/wordFiles";

const base = fixtureBase();
// The marked forms, and the tracked one (the seam carried by the paragraph mark's revision).
const FORMS: ReadonlyArray<readonly [OrdinanceFormat, "chapter" | "section"]> = [["docx", "chapter"], ["docx", "section"], ["tracked-docx", "chapter"], ["tracked-docx", "section"]];

function keyAt(words: string, key: string): OrdinanceDocument {
  let state: EditorState = redlineEditor(base);
  state = closed(state.apply(state.tr.setSelection(TextSelection.create(state.doc, positionOf(state, words)))));
  return redlineState(press(state, key).state).draft;
}

const changesOf = (draft: OrdinanceDocument) =>
  compare(base, draft).changes.map(({ kind, part, section, deleted, inserted, seam }) => ({ kind, part, section, deleted, inserted, seam: seam ?? null }));

describe("a Word redline with a seam, read back", () => {
  for (const [name, words, key, seam] of [
    ["split", "roughly one of every", "Enter", "split"],
    ["join", "The safety of the public", "Backspace", "join"],
  ] as const) {
    it(`gives the editor's ${name} draft`, async () => {
      const draft = keyAt(words, key);
      expect(changesOf(draft).filter((change) => change.seam === seam)).toHaveLength(1);
      for (const [format, grouping] of FORMS) {
        const label = `${name} ${format} ${grouping}`;
        const bytes = await renderOrdinance({ base, draft, format, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping } }) as Uint8Array;
        const imported = await importWordDraft(bytes, base, parseXml);
        expect(imported.warnings, label).toEqual([]);
        expect(serializeDocument(imported.draft), label).toBe(serializeDocument(draft));
        expect(changesOf(imported.draft), label).toEqual(changesOf(draft));
      }
    });
  }
});

describe("a Word redline with a seam beside a deleted or replaced item, read back", () => {
  const baseText = fixtureText("base.txt");
  const victims = baseText.slice(baseText.indexOf("    (c) Victims"), baseText.indexOf("    (d) Every"));
  const drafts = [
    ["split, the next item deleted", "split", baseText.replace("City's agents, regardless", "City's agents.\n\n    (c) Regardless").replace(victims, "")],
    ["join, the next item replaced", "join", baseText.replace("the United States.\n\n    (b) The safety", "the United States. The safety")
      .replace(victims, "    (b) Every person who reports a crime to the police shall be heard without any question about immigration status.\n\n")
      .replace("    (d) Every", "    (c) Every").replace("    (e) This chapter", "    (d) This chapter")],
  ] as const;
  for (const [name, seam, text] of drafts) {
    it(`gives the draft of a ${name}`, async () => {
      const draft = parseCodeText(text).document;
      expect(changesOf(draft).filter((change) => change.seam === seam)).toHaveLength(1);
      for (const [format, grouping] of FORMS) {
        const label = `${name} ${format} ${grouping}`;
        const bytes = await renderOrdinance({ base, draft, format, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping } }) as Uint8Array;
        const imported = await importWordDraft(bytes, base, parseXml);
        expect(imported.warnings, label).toEqual([]);
        expect(serializeDocument(imported.draft), label).toBe(serializeDocument(draft));
        expect(changesOf(imported.draft), label).toEqual(changesOf(draft));
      }
    });
  }
});
