/**
 * The unit index of a plan (planUnits.ts) on a hand-made plan: the units in reading order, which
 * unit shows each draft chapter head and section, which deletion names a moved section; and
 * changedUnits, which finds from object identity the units an edit touches, or null when the
 * drafts are not laid out alike.
 *
 * Surviving mutants of planUnits.ts that no test can kill (equivalent for every valid plan):
 * - `new Int32Array(...).fill(-1)` → `fill(+1)` (headUnit, sectionUnit): a valid plan gives every
 *   draft chapter a head unit and every draft section a unit, so the fill value is always overwritten.
 * - `else if (sectionStep.moveTo !== undefined)` → `true`: a plain deletion is filed under the key
 *   `undefined`, which `moves.get(s)` with a section index never reads.
 * - `if (next !== plan)` → `true` in planUnitsCarried: caching the index again under the same plan.
 * - `c < after.chapters.length` → `<=` and `s < sectionsB.length` → `<=`: the extra pass reads
 *   `undefined` on both sides, which are identical, so it continues.
 * - `if (chapterA === chapterB) continue` and `if (sectionsA === sectionsB) continue` → `false`:
 *   shortcuts; the checks after them find nothing changed in an identical chapter or section list.
 * - `moves.size > 0 ? moves.get(s) : undefined` → `true` / `>= 0`: looking up an empty map gives undefined.
 */
import { describe, expect, it } from "vitest";
import type { Block, Chapter, OrdinanceDocument, Section } from "../../src/core/model/document";
import type { Plan } from "../../src/core/redline/plan";
import { changedUnits, planUnits, planUnitsCarried } from "../../src/core/redline/planUnits";

let ids = 0;
function section(number: string, text = `Text of ${number}.`): Section {
  const blocks: Block[] = [{ kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text }];
  return { id: `s${ids++}`, number, catchline: "Test.", blocks };
}
function chapter(number: string, sections: readonly Section[]): Chapter {
  return { id: `c${ids++}`, number, title: "TEST", toc: sections.map((s) => ({ number: s.number, catchline: s.catchline })), sections };
}
const title = { number: "2", name: "CITY GOVERNMENT AND ADMINISTRATION" };

const base: OrdinanceDocument = { title, chapters: [chapter("2-173", [section("2-173-010"), section("2-173-020")]), chapter("2-174", [section("2-174-010")])] };
const draft: OrdinanceDocument = {
  title,
  chapters: [chapter("2-173", [section("2-173-010"), section("2-173-015"), section("2-173-030")]), chapter("2-175", [section("2-175-010"), section("2-175-020")])],
};
const renumbered = new Map<string, string>();
/** Base chapter 0 pairs with draft chapter 0 (section 1 of A moves to section 2 of B); draft chapter 1 is added, base chapter 1 repealed. */
const steps = [
  { kind: "chapter-pair", a: 0, b: 0, renumbered, renumberedKey: "", match: null, sections: [
    { kind: "pair", a: 0, b: 0 }, { kind: "delete", a: 1, moveTo: 2 }, { kind: "insert", b: 1 }, { kind: "insert", b: 2, moveFrom: 1 },
  ] },
  { kind: "chapter-whole", side: "B", index: 1 },
  { kind: "chapter-whole", side: "A", index: 1 },
] as const;
const plan = { steps } as unknown as Plan;

describe("planUnits", () => {
  it("lists the units in plan order and indexes the draft's heads, sections and move sources", () => {
    const index = planUnits(plan, base, draft);
    expect(index.units.map((unit) => unit.kind)).toEqual(["title", "head", "section", "section", "section", "section", "whole-head", "whole-section", "whole-section", "whole-head", "whole-section"]);
    expect(index.units[1]).toEqual({ kind: "head", a: 0, b: 0, renumbered, renumberedKey: "" });
    expect(index.units[3]).toEqual({ kind: "section", a: 0, b: 0, step: { kind: "delete", a: 1, moveTo: 2 } });
    expect(index.units[8]).toEqual({ kind: "whole-section", side: "B", chapter: 1, section: 1 });
    expect(index.units[10]).toEqual({ kind: "whole-section", side: "A", chapter: 1, section: 0 });
    expect([...index.headUnit]).toEqual([1, 6]);
    expect(index.sectionUnit.map((units) => [...units])).toEqual([[2, 4, 5], [7, 8]]);
    expect(index.moveSources.map((sources) => [...sources])).toEqual([[[2, 3]], []]);
    expect(planUnits(plan, base, draft)).toBe(index);
  });

  it("has a title unit when either side has a title, and none when neither has", () => {
    const plain = { steps: [steps[1]] } as unknown as Plan;
    const untitled = { ...draft, title: null };
    expect(planUnits(plain, { ...base, title: null }, untitled).units.map((unit) => unit.kind)).toEqual(["whole-head", "whole-section", "whole-section"]);
    expect(planUnits({ steps: [steps[1]] } as unknown as Plan, { ...base, title: null }, draft).units[0]).toEqual({ kind: "title" });
    expect(planUnits({ steps: [steps[1]] } as unknown as Plan, base, untitled).units[0]).toEqual({ kind: "title" });
  });

  it("carries the index to a plan of the same pairing", () => {
    const first = { steps } as unknown as Plan;
    const next = { steps } as unknown as Plan;
    const index = planUnitsCarried(first, next, base, draft);
    expect(planUnits(next, base, draft)).toBe(index);
    expect(planUnitsCarried(first, first, base, draft)).toBe(index);
  });
});

describe("changedUnits", () => {
  const index = planUnits(plan, base, draft);
  const withSections = (c: number, edit: (sections: Section[]) => void): OrdinanceDocument => {
    const sections = draft.chapters[c]!.sections.slice();
    edit(sections);
    return { ...draft, chapters: draft.chapters.map((ch, k) => (k === c ? { ...ch, sections } : ch)) };
  };

  it("finds nothing for the same draft, a new list of the same sections, or a chapter copied with the same sections", () => {
    expect(changedUnits(index, draft, draft)).toEqual({ units: [], sections: new Map() });
    const copied = { ...draft, chapters: [{ ...draft.chapters[0]! }, draft.chapters[1]!] };
    expect(changedUnits(index, draft, copied)).toEqual({ units: [], sections: new Map() });
    // A new section list of the same section objects: no chapter entry in the sections map.
    expect(changedUnits(index, draft, withSections(1, () => {}))).toEqual({ units: [], sections: new Map() });
  });

  it("names the unit of an edited section and the section", () => {
    const edited = withSections(1, (sections) => { sections[1] = section("2-175-020", "New text."); });
    expect(changedUnits(index, draft, edited)).toEqual({ units: [8], sections: new Map([[1, [1]]]) });
  });

  it("names a moved section's source unit with its destination, ascending", () => {
    const edited = withSections(0, (sections) => { sections[2] = section("2-173-030", "New text."); sections[0] = section("2-173-010", "Other."); });
    expect(changedUnits(index, draft, edited)).toEqual({ units: [2, 3, 5], sections: new Map([[0, [0, 2]]]) });
  });

  it("names a moved section's source before its destination when only the destination is edited", () => {
    const edited = withSections(0, (sections) => { sections[2] = section("2-173-030", "New text."); });
    expect(changedUnits(index, draft, edited)).toEqual({ units: [3, 5], sections: new Map([[0, [2]]]) });
  });

  it("names the title unit and a chapter head when the title, contents or chapter title change", () => {
    expect(changedUnits(index, draft, { ...draft, title: { ...title } })).toEqual({ units: [0], sections: new Map() });
    const retitled = { ...draft, chapters: [draft.chapters[0]!, { ...draft.chapters[1]!, title: "OTHER" }] };
    expect(changedUnits(index, draft, retitled)).toEqual({ units: [6], sections: new Map() });
    const toc = { ...draft, chapters: [draft.chapters[0]!, { ...draft.chapters[1]!, toc: [] }] };
    expect(changedUnits(index, draft, toc)?.units).toEqual([6]);
    const both = { ...toc, title: { ...title }, chapters: [{ ...draft.chapters[0]!, title: "NEW" }, toc.chapters[1]!] };
    expect(changedUnits(index, draft, both)?.units).toEqual([0, 1, 6]);
  });

  it("gives null when the drafts are not laid out alike", () => {
    expect(changedUnits(index, draft, { ...draft, title: null })).toBeNull();
    expect(changedUnits(index, draft, { ...draft, chapters: draft.chapters.slice(0, 1) })).toBeNull();
    expect(changedUnits(index, draft, { ...draft, chapters: [{ ...draft.chapters[0]!, number: "2-176" }, draft.chapters[1]!] })).toBeNull();
    expect(changedUnits(index, draft, withSections(1, (sections) => { sections.pop(); }))).toBeNull();
    expect(changedUnits(index, draft, withSections(1, (sections) => { sections[0] = section("2-175-011"); }))).toBeNull();
  });
});
