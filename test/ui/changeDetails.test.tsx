// @vitest-environment happy-dom
/**
 * The details form shows and saves the change it is for: after an edit that renumbers the
 * change ids of a section, the panel's selection and its justification box stay with the
 * change the person chose, and leaving the box never writes one change's text onto another.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Change } from "../../src/core/redline/types";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { annotationOf, selectChange } from "../../src/editor/redline/commands";
import { redlineState } from "../../src/editor/redline/plugin";
import { ChangeDetails } from "../../src/ui/panel/ChangeDetails";
import { ChangesPanel } from "../../src/ui/panel/ChangesPanel";
import { positionOf } from "../support/editorHarness";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { fakeLayoutForReact } from "../support/happyDomLayout";

let root: Root | null = null;
let host: HTMLElement | null = null;

beforeAll(fakeLayoutForReact);

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function fixtureEditor(): DocumentEditor {
  return new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended(), sponsors: parseSponsors(JSON.parse(fixtureText("sponsors.json"))) });
}

function mount(element: () => React.ReactElement): { view: HTMLElement; rerender: () => void } {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element()));
  return { view: host, rerender: () => act(() => root!.render(element())) };
}

function changeWhere(editor: DocumentEditor, test: (change: Change) => boolean): Change {
  const found = redlineState(editor.state).redline.changes.filter(test);
  if (found.length !== 1) throw new Error(`expected one change, found ${found.length}`);
  return found[0]!;
}

const insertedE = (change: Change) => change.section === "2-173-005" && change.inserted.includes("(e) Threats to report");
const residentToPerson = (change: Change) => change.section === "2-173-005" && change.deleted === "resident";

function box(view: HTMLElement): HTMLTextAreaElement {
  return view.querySelector<HTMLTextAreaElement>("textarea#justification")!;
}

/** Types `text` into the box as a person would, then leaves it. */
function typeAndLeave(area: HTMLTextAreaElement, text: string | null): void {
  act(() => area.focus());
  if (text !== null) {
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(area, text);
      area.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  act(() => { area.blur(); area.dispatchEvent(new FocusEvent("focusout", { bubbles: true })); });
}

/** Types " Indeed." at the end of 2-173-005(a): a new change before the others of the section. */
function editEarlierInSection(editor: DocumentEditor): void {
  const end = positionOf(editor.state, "born outside the United States.") + "born outside the United States.".length;
  editor.run((state, dispatch) => { dispatch?.(state.tr.insertText(" Indeed.", end)); return true; }, false);
}

describe("the change details form", () => {
  it("keeps the selection and its justification on the (e) insertion after an earlier edit (QA scenario 2)", () => {
    const editor = fixtureEditor();
    const { view, rerender } = mount(() => <ChangesPanel editor={editor} state={editor.state} />);
    act(() => { editor.run(selectChange(changeWhere(editor, insertedE).id), false); });
    rerender();
    typeAndLeave(box(view), "Why (e) is added");
    rerender();
    expect(annotationOf(editor.state, changeWhere(editor, insertedE).id)?.justification).toBe("Why (e) is added");
    act(() => editEarlierInSection(editor));
    rerender();
    expect(redlineState(editor.state).selectedId).toBe(changeWhere(editor, insertedE).id);
    expect(box(view).value).toBe("Why (e) is added");
    typeAndLeave(box(view), null);
    rerender();
    expect(annotationOf(editor.state, changeWhere(editor, residentToPerson).id)?.justification ?? "").toBe("");
    expect(annotationOf(editor.state, changeWhere(editor, insertedE).id)?.justification).toBe("Why (e) is added");
  });

  it("shows the change now under an id, not the text of the change that had it before", () => {
    const editor = fixtureEditor();
    const id = changeWhere(editor, insertedE).id;
    const { view, rerender } = mount(() => <ChangeDetails editor={editor} state={editor.state} changeId={id} />);
    typeAndLeave(box(view), "Why (e) is added");
    rerender();
    act(() => editEarlierInSection(editor));
    rerender();
    // The id now names another change of the section (ids are positional), one without a note.
    expect(changeWhere(editor, insertedE).id).not.toBe(id);
    const other = redlineState(editor.state).redline.changes.find((change) => change.id === id)!;
    expect(annotationOf(editor.state, other.id)).toBeUndefined();
    expect(box(view).value).toBe("");
    typeAndLeave(box(view), null);
    rerender();
    expect(annotationOf(editor.state, other.id)?.justification ?? "").toBe("");
  });
});
