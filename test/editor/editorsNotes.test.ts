/**
 * Editor's notes (issue 11, item 2) through the layers: the ProseMirror document holds them as
 * their own small block, and an amending ordinance never reprints them, even when they change.
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, buildCleanChapter, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { toModel, toProseMirror } from "../../src/editor/convert";
import { codeSchema } from "../../src/editor/schema";

const NOTE = "Editor's note – Coun. J. 5-4-15, p. 2210, § 2, renumbered former Section 2-190-015 as Section 2-190-020.";
const BASE = `CHAPTER 2-190 SAMPLE RULES

2-190-010 Scope.

This chapter applies to every office.

(Added Coun. J. 1-1-10, p. 100, § 1)

2-190-020 Notice.

Each office shall post notice.

(Added Coun. J. 1-1-10, p. 100, § 1)

* ${NOTE}
`;

describe("editor's notes", () => {
  const base = parseCodeText(BASE).document;

  it("are their own ProseMirror block, shown like a history note, and convert back", () => {
    const pm = toProseMirror(base);
    pm.check();
    const section = pm.firstChild!.child(1).child(1); // the second section, in its group (editor/sectionGroups.ts)
    expect(section.lastChild!.type).toBe(codeSchema.nodes.editor_note);
    expect(section.lastChild!.textContent).toBe(NOTE);
    expect(toModel(pm)).toEqual(base);
  });

  it("are never reprinted in the amending ordinance, though printed in the clean chapter", () => {
    const draftText = BASE.replace("post notice", "post a written notice").replace("renumbered former", "renumbered the former");
    const draft = parseCodeText(draftText).document;
    const text = writeText(buildOrdinance({ base, draft, settings: DEFAULT_EXPORT_SETTINGS }));
    expect(text).toContain("written");
    expect(text).not.toContain("Editor's note");
    expect(writeText(buildCleanChapter(draft))).toContain("renumbered the former");
  });
});
