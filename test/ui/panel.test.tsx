// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { annotateChanges, rejectChanges, setFilter } from "../../src/editor/redline/commands";
import { redlineState } from "../../src/editor/redline/plugin";
import { ChangesPanel } from "../../src/ui/panel/ChangesPanel";
import { panelModel } from "../../src/ui/panel/panelRows";
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

function editorWithFixture(): DocumentEditor {
  return new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended(), sponsors: parseSponsors(JSON.parse(fixtureText("sponsors.json"))) });
}

function render(editor: DocumentEditor): HTMLElement {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ChangesPanel editor={editor} state={editor.state} />));
  return host;
}

function rerender(editor: DocumentEditor): void {
  act(() => root!.render(<ChangesPanel editor={editor} state={editor.state} />));
}

describe("the changes panel", () => {
  it("groups the fixture's changes by section with a count per section and in total", () => {
    const editor = editorWithFixture();
    const view = render(editor);
    const { redline } = redlineState(editor.state);
    expect(view.querySelector("[data-testid=change-total]")!.textContent).toBe(String(redline.changes.length));
    const model = panelModel(redline, redlineState(editor.state).annotations, { sponsorIds: null, statuses: null });
    const expected = model.rows.filter((row) => row.kind === "section").map((row) => [row.label, String(row.changeIds.length)]);
    expect(expected.slice(0, 3)).toEqual([["CHAPTER 2-173 — heading and contents", "4"], ["2-173-005 Purpose and intent.", "5"], ["2-173-010 Definitions.", "5"]]);
    expect(expected.map(([label]) => label)).not.toContain("2-173-020 Requesting information prohibited.");
    // The list is virtual: whatever headers it rendered must be the model's, with their counts.
    const rendered = [...view.querySelectorAll(".section-row")].map((row) => [row.querySelector(".section-label")!.textContent, row.querySelector(".section-count")!.firstChild!.textContent]);
    expect(rendered.length).toBeGreaterThan(3);
    for (const header of rendered) expect(expected).toContainEqual(header);
    const texts = [...view.querySelectorAll("[data-testid=change-row] .row-text")].map((row) => row.textContent);
    expect(texts).toContain("seeking → requesting");
  });

  it("filters by sponsor and by status, and shows the filtered count", () => {
    const editor = editorWithFixture();
    const { redline } = redlineState(editor.state);
    const seeking = redline.changes.find((change) => change.deleted === "seeking")!;
    editor.run(annotateChanges([seeking.id], { sponsorIds: ["waguespack"], status: "agreed" }), false);
    const view = render(editor);
    editor.run(setFilter({ sponsorIds: ["waguespack"], statuses: null }), false);
    rerender(editor);
    expect([...view.querySelectorAll("[data-testid=change-row]")].map((row) => row.getAttribute("data-change-id"))).toEqual([seeking.id]);
    expect(view.querySelector("[data-testid=change-total]")!.textContent).toBe(`1 of ${redline.changes.length}`);
    expect(view.querySelector("[data-testid=sponsor-chip]")!.getAttribute("aria-label")).toBe("Scott Waguespack (32nd Ward)");
    editor.run(setFilter({ sponsorIds: null, statuses: ["proposed"] }), false);
    rerender(editor);
    expect(view.querySelectorAll("[data-testid=change-row]").length).toBeGreaterThan(5);
    expect([...view.querySelectorAll("[data-testid=change-row]")].some((row) => row.getAttribute("data-change-id") === seeking.id)).toBe(false);
  });

  it("keeps an orphaned annotation in view, with its words, when its change is gone", () => {
    const editor = editorWithFixture();
    const seeking = redlineState(editor.state).redline.changes.find((change) => change.deleted === "seeking")!;
    editor.run(annotateChanges([seeking.id], { justification: "Plainer word." }), false);
    editor.run(rejectChanges([seeking.id]), false);
    const view = render(editor);
    const notes = view.querySelectorAll("[data-testid=detached-note]");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain("requesting");
    expect(notes[0]!.textContent).toContain("Plainer word.");
  });

  it("derives rows without a view: grouping follows the redline order", () => {
    const editor = editorWithFixture();
    const { redline, annotations } = redlineState(editor.state);
    const model = panelModel(redline, annotations, { sponsorIds: null, statuses: null });
    expect(model.changeIds).toEqual(redline.changes.map((change) => change.id));
    expect(model.rows.filter((row) => row.kind === "section")).toHaveLength(redline.sections.filter((s) => s.changes.length > 0).length);
  });
});
