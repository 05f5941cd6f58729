// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { referenceProblems } from "../../src/editor/references";
import { redlineState } from "../../src/editor/redline/plugin";
import { ExportDialog } from "../../src/ui/export/ExportDialog";
import { SidePanel } from "../../src/ui/panel/SidePanel";
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

/** The fixture base with 2-173-042 renumbered to 2-173-044 and a new (a) that re-letters the rest. */
function staleDraft() {
  return parseCodeText(fixtureText("base.txt")
    .split("2-173-042 Civil").join("2-173-044 Civil")
    .replace("    (c) Subsections (a) and (b) of this section shall not", "    (d) Subsections (a) and (b) of this section shall not")
    .replace("    (b) Except as provided in subsection (c)", "    (c) Except as provided in subsection (c)")
    .replace("    (a) Except as provided in subsection (c) of this section, no agent", "    (a) Nothing in this section applies to a judicial warrant.\n\n    (b) Except as provided in subsection (c) of this section, no agent")).document;
}

function render(editor: DocumentEditor, element: () => React.ReactElement): HTMLElement {
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element()));
  editor.subscribe(() => act(() => root!.render(element())));
  return host;
}

const click = (element: Element) => act(() => (element as HTMLElement).click());

describe("the Checks tab", () => {
  it("counts the problems, lists them, goes to the citing text and applies a certain fix as a tracked change", () => {
    const editor = new DocumentEditor({ base: fixtureBase(), draft: staleDraft() });
    const view = render(editor, () => <SidePanel editor={editor} state={editor.state} />);
    const badge = () => view.querySelector("[data-testid=checks-badge]")!.textContent;
    expect(badge()).toBe("5");
    expect(view.querySelector("[data-testid=change-total]")).not.toBeNull();
    click(view.querySelector("#tab-checks")!);
    const rows = () => [...view.querySelectorAll("[data-testid=check-row]")];
    expect(rows()).toHaveLength(5);
    expect(rows().map((row) => row.querySelector(".check-text")!.textContent)).toContain("2-173-050 cites 2-173-042(a): it is now 2-173-044(b).");

    const last = rows()[4]!;
    click(last.querySelector(".check-go")!);
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe("2-173-042(a)");

    const changesBefore = redlineState(editor.state).redline.changes.length;
    expect(last.querySelector("[data-testid=check-fix]")!.textContent).toBe("Fix: 2-173-042(a) → 2-173-044(b)");
    click(last.querySelector("[data-testid=check-fix]")!);
    expect(badge()).toBe("4");
    expect(rows()).toHaveLength(4);
    expect(editor.draft().chapters[0]!.sections.find((s) => s.number === "2-173-050")!.blocks[0]!.text).toContain("Section 2-173-044(b), shall");
    const changes = redlineState(editor.state).redline.changes;
    expect(changes.length).toBeGreaterThan(changesBefore);
    expect(changes.some((change) => change.inserted.includes("2-173-044(b)"))).toBe(true);
  });

  it("has no fix button where no fix is certain, and says when nothing is stale", () => {
    const base = fixtureBase();
    const repealed = { ...base, chapters: base.chapters.map((c) => ({ ...c, sections: c.sections.filter((s) => s.number !== "2-173-042"), toc: c.toc.filter((e) => e.number !== "2-173-042") })) };
    const editor = new DocumentEditor({ base, draft: repealed });
    const view = render(editor, () => <SidePanel editor={editor} state={editor.state} />);
    click(view.querySelector("#tab-checks")!);
    expect(view.querySelectorAll("[data-testid=check-row]")).toHaveLength(1);
    expect(view.querySelector("[data-testid=check-fix]")).toBeNull();
    act(() => root!.unmount());
    const clean = new DocumentEditor({ base, draft: fixtureAmended() });
    const cleanView = render(clean, () => <SidePanel editor={clean} state={clean.state} />);
    expect(cleanView.querySelector("[data-testid=checks-badge]")!.textContent).toBe("0");
    click(cleanView.querySelector("#tab-checks")!);
    expect(cleanView.querySelector(".checks-panel .empty")).not.toBeNull();
  });
});

describe("the Export dialog", () => {
  it("warns while cross-reference problems remain, and not otherwise", () => {
    const editor = new DocumentEditor({ base: fixtureBase(), draft: staleDraft() });
    const view = render(editor, () => <ExportDialog editor={editor} state={editor.state} open onClose={() => {}} />);
    expect(view.querySelector("[data-testid=export-check-warning]")!.textContent).toContain(`${referenceProblems(editor.state).length} cross-reference problems remain`);
    act(() => root!.unmount());
    const clean = new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() });
    const cleanView = render(clean, () => <ExportDialog editor={clean} state={clean.state} open onClose={() => {}} />);
    expect(cleanView.querySelector("[data-testid=export-check-warning]")).toBeNull();
  });
});
