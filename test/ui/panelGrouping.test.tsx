/**
 * Deleting one subsection is one deletion in the changes panel plus one row for the siblings
 * re-lettered after it (as a word processor renumbers a list), not a row per label.
 */
import { TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { NO_FILTER, redlineState } from "../../src/editor/redline/plugin";
import { deleteSubsection } from "../../src/editor/structure/listCommands";
import { changeSummary, panelModel, type PanelRow } from "../../src/ui/panel/panelRows";
import { positionOf, redlineEditor, run } from "../support/editorHarness";
import { fixtureBase } from "../support/fixtures";

const base = fixtureBase();

function sectionRows(rows: readonly PanelRow[], number: string): PanelRow[] {
  const start = rows.findIndex((row) => row.kind === "section" && row.label.startsWith(number));
  const end = rows.findIndex((row, index) => index > start && row.kind === "section");
  return rows.slice(start, end < 0 ? rows.length : end);
}

describe("rows after deleting 2-173-010(b)", () => {
  let state = redlineEditor(base);
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, positionOf(state, "\"Agency\" means every department"))));
  state = run(state, deleteSubsection);
  const { redline, annotations } = redlineState(state);
  const model = panelModel(redline, annotations, NO_FILTER);
  const rows = sectionRows(model.rows, "2-173-010");

  it("are the section header, the deletion, and one row for the six re-lettered labels", () => {
    expect(redline.changes.filter((change) => change.section === "2-173-010")).toHaveLength(7);
    expect(rows.map((row) => row.kind)).toEqual(["section", "change", "change"]);
    const [, deletion, relettered] = rows as [PanelRow, Extract<PanelRow, { kind: "change" }>, Extract<PanelRow, { kind: "change" }>];
    expect(deletion.change.kind).toBe("delete");
    expect(deletion.change.deleted).toContain("\"Agency\" means every department");
    expect(relettered.members?.map((member) => member.part)).toEqual(Array(6).fill("enumerator"));
    expect(changeSummary(relettered.change, relettered.members)).toEqual({ before: "(c)–(h)", after: "(b)–(g)", label: "6 re-lettered" });
  });

  it("find the grouped row from any of its changes, and still count and list every change", () => {
    const relettered = rows[2] as Extract<PanelRow, { kind: "change" }>;
    const index = model.rowOfChange(relettered.change.id);
    for (const member of relettered.members!) expect(model.rowOfChange(member.id)).toBe(index);
    expect(model.shownCount).toBe(redline.changes.length);
    expect(model.changeIds).toEqual(redline.changes.map((change) => change.id));
  });

  it("keep a label change next to other edits a row of its own", () => {
    const one = rows[1] as Extract<PanelRow, { kind: "change" }>;
    expect(one.members).toBeUndefined();
    expect(changeSummary(one.change).label).toBe("delete");
  });
});
