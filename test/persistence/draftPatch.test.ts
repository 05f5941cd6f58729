import { describe, expect, it } from "vitest";
import type { AmendmentContent } from "../../src/core/amendmentFile";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { randomEdit } from "../../src/core/samples/editScripts";
import { generateDocument } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { applyPatch, makePatch } from "../../src/persistence";

function content(draft: OrdinanceDocument, base: OrdinanceDocument = draft): AmendmentContent {
  return { name: "Draft", base, draft, sponsors: null, annotations: [], exportSettings: null };
}

/** Two chapters side by side, so runs can cross chapters. */
function twoChapters(seed: number, bytes: number): OrdinanceDocument {
  const first = generateDocument(seed, bytes);
  const second = generateDocument(seed + 1, bytes);
  return { title: null, chapters: [...first.chapters, ...second.chapters.map((chapter) => ({ ...chapter, id: `${chapter.id}-b`, number: `${chapter.number}9` }))] };
}

describe("draft patches against a checkpoint", () => {
  it("rebuild the current draft exactly after random edits, through structured cloning (2,000 cases)", () => {
    const random = new Random(7);
    for (let trial = 0; trial < 2000; trial++) {
      const start = twoChapters(trial, 3_000 + random.int(0, 6_000));
      const checkpoint = content(start);
      let draft = start;
      const edits = random.int(0, 6);
      for (let i = 0; i < edits; i++) draft = randomEdit(draft, random);
      if (random.chance(0.2)) {
        // A section moved from one chapter to the other.
        const [a, b] = draft.chapters;
        if (a && b && a.sections.length > 1) draft = { ...draft, chapters: [{ ...a, sections: a.sections.slice(1) }, { ...b, sections: [a.sections[0]!, ...b.sections] }, ...draft.chapters.slice(2)] };
      }
      if (random.chance(0.2)) draft = { ...draft, chapters: draft.chapters.slice().reverse() };
      const current: AmendmentContent = {
        ...content(draft, random.chance(0.1) ? generateDocument(trial + 99, 2_000) : start),
        name: random.chance(0.5) ? "Draft" : "Renamed",
        annotations: random.chance(0.3) ? [{ id: `a${trial}`, anchor: { section: "x", blockId: "y", side: "inserted", quote: { exact: "z", prefix: "", suffix: "" }, changeId: null }, sponsorIds: [], justification: "", status: "proposed", comments: [] }] as unknown as AmendmentContent["annotations"] : checkpoint.annotations,
        exportSettings: random.chance(0.2) ? { grouping: "section" } : checkpoint.exportSettings,
      };
      const patch = structuredClone(makePatch(checkpoint, current));
      const rebuilt = applyPatch(checkpoint, patch);
      expect(rebuilt).toEqual(current);
    }
  });

  it("write out only the touched sections", () => {
    const start = generateDocument(3, 400_000);
    const chapter = start.chapters[0]!;
    const touched = { ...chapter.sections[5]!, catchline: "Touched." };
    const draft = { ...start, chapters: [{ ...chapter, sections: chapter.sections.map((section, i) => (i === 5 ? touched : section)) }, ...start.chapters.slice(1)] };
    const patch = makePatch(content(start), content(draft, start));
    const written = patch.chapters.flatMap((c) => c.runs.flatMap((run) => ("sections" in run ? run.sections : [])));
    expect(written).toEqual([touched]);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(touched).length + 2_000);
    expect(JSON.stringify(start).length).toBeGreaterThan(300_000);
  });

  it("refuse a checkpoint of another shape instead of misplacing sections", () => {
    const start = generateDocument(5, 20_000);
    const chapter = start.chapters[0]!;
    const patch = makePatch(content(start), content({ ...start, chapters: [{ ...chapter, catchlineEdited: true } as typeof chapter] }, start));
    const shorter = { ...start, chapters: [{ ...chapter, sections: chapter.sections.slice(1) }] };
    expect(applyPatch(content(shorter), patch)).toBeNull();
    const renumbered = { ...start, chapters: [{ ...chapter, sections: chapter.sections.map((section, i) => (i === 0 ? { ...section, number: "9-9-9" } : section)) }] };
    expect(applyPatch(content(renumbered), patch)).toBeNull();
  });
});
