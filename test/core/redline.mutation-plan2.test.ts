/**
 * The plan through an update, by what a caller of updateRedline sees: an edit inside a section
 * of a title with a repealed chapter, an added one, a renumbered one or a section moved between
 * chapters gives the redline a fresh compare gives, and reuses the previous one (touchedSince
 * names just the edited entry) whenever the pairing stayed; an edit that changes the pairing
 * gives the fresh redline. And samePairing, which decides between the two, tells plans apart by
 * every part of their pairing.
 */
import { describe, expect, it } from "vitest";
import type { Block, Chapter, OrdinanceDocument, Section } from "../../src/core/model/document";
import { compare, updateRedline, type Redline } from "../../src/core/redline";
import { resolveOptions } from "../../src/core/redline/compare";
import { makePlan, planForUpdate, samePairing, type Plan, type PlanStep } from "../../src/core/redline/plan";

const options = resolveOptions();
let ids = 0;

/** A section of plain paragraphs. */
function section(number: string, catchline: string, paragraphs: readonly string[]): Section {
  const blocks: Block[] = paragraphs.map((text) => ({ kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text }));
  return { id: `s${ids++}`, number, catchline, blocks };
}

function chapter(number: string, title: string, sections: readonly Section[]): Chapter {
  return { id: `c${ids++}`, number, title, toc: sections.map((s) => ({ number: s.number, catchline: s.catchline })), sections };
}

const doc = (...chapters: Chapter[]): OrdinanceDocument => ({ title: null, chapters });

/** Three sections of a chapter, each with two paragraphs of municipal text about `topic`. */
function sections(chapterNumber: string, topic: string): Section[] {
  return [
    section(`${chapterNumber}-010`, "Definitions.", [`As used in this chapter, "${topic} permit" means a permit issued by the commissioner under this chapter.`, `"Applicant" means a person who applies for a ${topic} permit; and`]),
    section(`${chapterNumber}-020`, "Application.", [`Every application for a ${topic} permit shall be made in writing to the commissioner on a form the commissioner provides.`, `The application shall state the name and address of the applicant and the place where the ${topic} work will be done.`]),
    section(`${chapterNumber}-030`, "Fees.", [`The fee for a ${topic} permit shall be fifty dollars for each year or part of a year.`, `No fee shall be charged to a unit of government for a ${topic} permit.`]),
  ];
}

/** `document` with paragraph `p` of section `s` of chapter `c` replaced by `text` (new objects only along that path). */
function edited(document: OrdinanceDocument, c: number, s: number, p: number, text: string): OrdinanceDocument {
  const old = document.chapters[c]!;
  const target = old.sections[s]!;
  const blocks = target.blocks.map((block, k) => (k === p ? { ...block, text } : block));
  const sectionsAfter = old.sections.map((other, k) => (k === s ? { ...target, blocks } : other));
  return { ...document, chapters: document.chapters.map((other, k) => (k === c ? { ...old, sections: sectionsAfter } : other)) };
}

/** What a reader sees of a redline: its entries and changes. */
function plain(redline: Redline): unknown {
  return JSON.parse(JSON.stringify({ sections: redline.sections, changes: redline.changes }));
}

/** The index of the redline entry of the draft section numbered `number`. */
function entryOf(redline: Redline, number: string): number {
  return redline.sections.findIndex((entry) => entry.unit === "section" && entry.numberB === number);
}

describe("an update of a title with chapters repealed, added and kept", () => {
  const licensing = chapter("2-173", "LICENSING", sections("2-173", "sign"));
  const repealed = chapter("2-172", "PEDDLERS", sections("2-172", "peddler"));
  const kept = chapter("2-174", "BUILDING", sections("2-174", "building"));
  const base = doc(repealed, licensing, kept);
  const added = chapter("2-180", "FILMING", sections("2-180", "filming"));
  const draft = doc(licensing, kept, added);

  it("an edit in the last kept chapter: the fresh redline, the previous reused, only the edited section touched", () => {
    const previous = compare(base, draft);
    const next = edited(draft, 1, 1, 0, "Every application for a building permit shall be made in writing to the commissioner on a form the department provides.");
    const updated = updateRedline(previous, next);
    expect(plain(updated)).toEqual(plain(compare(base, next)));
    expect(updated.touchedSince(previous.version)).toEqual([entryOf(updated, "2-174-020")]);
    expect(updated.changes.filter((change) => change.section === "2-174-020").map((change) => [change.deleted, change.inserted])).toEqual([["commissioner", "department"]]);
  });

  it("an edit in the first kept chapter: the same", () => {
    const previous = compare(base, draft);
    const next = edited(draft, 0, 2, 1, "No fee shall be charged to a unit of government or to a school for a sign permit.");
    const updated = updateRedline(previous, next);
    expect(plain(updated)).toEqual(plain(compare(base, next)));
    expect(updated.touchedSince(previous.version)).toEqual([entryOf(updated, "2-173-030")]);
    expect(updated.changes.filter((change) => change.section === "2-173-030").map((change) => [change.deleted, change.inserted.trim()])).toEqual([["", "or to a school"]]);
  });

  it("a chapter's title edited: the fresh redline", () => {
    const previous = compare(base, draft);
    const next = { ...draft, chapters: draft.chapters.map((c, k) => (k === 1 ? { ...c, title: "BUILDING AND HOUSING" } : c)) };
    const updated = updateRedline(previous, next);
    expect(plain(updated)).toEqual(plain(compare(base, next)));
    expect(updated.changes.filter((change) => change.part === "chapter").map((change) => [change.deleted, change.inserted])).toEqual([["", " AND HOUSING"]]);
  });
});

describe("an update of a renumbered chapter", () => {
  const licensing = chapter("2-173", "LICENSING", sections("2-173", "sign"));
  const base = doc(licensing, chapter("2-174", "BUILDING", sections("2-174", "building")));
  /** 2-174 renumbered 2-175, its sections with it: paired by its text. */
  const renumbered = chapter("2-175", "BUILDING", sections("2-174", "building").map((s) => ({ ...s, number: s.number.replace("2-174", "2-175") })));
  const draft = doc(licensing, renumbered);

  it("rewritten until it is no longer the base chapter: the fresh redline, the chapter repealed and another added", () => {
    const previous = compare(base, draft);
    expect(previous.sections.filter((entry) => entry.unit === "chapter").map((entry) => [entry.numberA, entry.numberB])).toEqual([["CHAPTER 2-173", "CHAPTER 2-173"], ["CHAPTER 2-174", "CHAPTER 2-175"]]);
    let next: OrdinanceDocument = draft;
    for (let s = 0; s < 3; s++) for (let p = 0; p < 2; p++) next = edited(next, 1, s, p, `Reserved paragraph ${s}.${p} of the filming chapter, for rules the commissioner of cultural affairs may adopt.`);
    const updated = updateRedline(previous, next);
    const fresh = compare(base, next);
    expect(plain(updated)).toEqual(plain(fresh));
    expect(updated.sections.filter((entry) => entry.unit === "chapter").map((entry) => [entry.numberA, entry.numberB])).toEqual([["CHAPTER 2-173", "CHAPTER 2-173"], ["CHAPTER 2-174", null], [null, "CHAPTER 2-175"]]);
  });
});

describe("an update beside a section moved between chapters", () => {
  const licensingSections = sections("2-173", "sign");
  const buildingSections = sections("2-174", "building");
  const base = doc(chapter("2-173", "LICENSING", licensingSections), chapter("2-174", "BUILDING", buildingSections));
  /** 2-173-030 moved to 2-174 as 2-174-040. */
  const moved = { ...licensingSections[2]!, number: "2-174-040" };
  const draft = doc(chapter("2-173", "LICENSING", licensingSections.slice(0, 2)), chapter("2-174", "BUILDING", [...buildingSections, moved]));

  it("a definition rewritten in another section: the fresh redline, the previous reused, only the edited section touched", () => {
    const previous = compare(base, draft);
    expect(previous.changes.some((change) => change.move?.role === "destination" && change.section === "2-174-040")).toBe(true);
    const next = edited(draft, 1, 0, 1, `"Contractor" means a licensed firm that does the work under a building permit for an owner; and`);
    const updated = updateRedline(previous, next);
    expect(plain(updated)).toEqual(plain(compare(base, next)));
    expect(updated.touchedSince(previous.version)).toEqual([entryOf(updated, "2-174-010")]);
  });

  it("a section moved into an added chapter, and a definition rewritten in a kept one: the same", () => {
    const added = chapter("2-180", "SIGNS", [{ ...licensingSections[2]!, number: "2-180-010" }]);
    const withAdded = doc(chapter("2-173", "LICENSING", licensingSections.slice(0, 2)), chapter("2-174", "BUILDING", buildingSections), added);
    const previous = compare(base, withAdded);
    expect(previous.changes.some((change) => change.move?.role === "destination" && change.section === "2-180-010")).toBe(true);
    const next = edited(withAdded, 0, 0, 1, `"Contractor" means a licensed firm that does the work under a sign permit for an owner; and`);
    const updated = updateRedline(previous, next);
    expect(plain(updated)).toEqual(plain(compare(base, next)));
    expect(updated.touchedSince(previous.version)).toEqual([entryOf(updated, "2-173-010")]);
  });
});

describe("samePairing", () => {
  const licensing = chapter("2-173", "LICENSING", sections("2-173", "sign"));
  const base = doc(chapter("2-172", "PEDDLERS", sections("2-172", "peddler")), licensing);
  const draft = doc(licensing, chapter("2-180", "FILMING", sections("2-180", "filming")));
  const plan = makePlan(base, draft, options);
  /** The plan's steps: the repealed chapter, the pair, the added chapter. */
  const [repealed, pair, added] = plan.steps as [Extract<PlanStep, { kind: "chapter-whole" }>, Extract<PlanStep, { kind: "chapter-pair" }>, Extract<PlanStep, { kind: "chapter-whole" }>];
  const withSteps = (...steps: PlanStep[]): Plan => ({ steps });

  it("the plan has a repealed chapter, a pair and an added chapter", () => {
    expect(plan.steps.map((step) => (step.kind === "chapter-pair" ? `pair ${step.a} ${step.b}` : `${step.side}${step.index}`))).toEqual(["A0", "pair 1 0", "B1"]);
  });

  it("is true for a plan and itself, and for its steps in a new list or copied one by one", () => {
    expect(samePairing(plan, plan)).toBe(true);
    expect(samePairing(plan, withSteps(...plan.steps))).toBe(true);
    expect(samePairing(plan, withSteps(...plan.steps.map((step) => ({ ...step }))))).toBe(true);
  });

  it("is false for plans of different lengths, either way", () => {
    expect(samePairing(plan, withSteps(repealed, pair))).toBe(false);
    expect(samePairing(withSteps(repealed, pair), plan)).toBe(false);
  });

  it("is false for a whole chapter on the other side, at another index, or with other sections", () => {
    expect(samePairing(plan, withSteps({ ...repealed, side: "B" }, pair, added))).toBe(false);
    expect(samePairing(plan, withSteps({ ...repealed, index: 1 }, pair, added))).toBe(false);
    expect(samePairing(plan, withSteps({ ...repealed, sections: [{ kind: "delete", a: 0 }] }, pair, added))).toBe(false);
    expect(samePairing(plan, withSteps(repealed, pair, { ...added, sections: [{ kind: "insert", b: 0 }] }))).toBe(false);
  });

  it("is false for a whole chapter where a pair was, and a pair where a whole chapter was", () => {
    expect(samePairing(plan, withSteps(repealed, { kind: "chapter-whole", side: "A", index: 1 }, added))).toBe(false);
    expect(samePairing(plan, withSteps(pair, pair, added))).toBe(false);
  });

  it("is false for a pair whose sections or renumbered sections are others", () => {
    expect(samePairing(plan, withSteps(repealed, { ...pair, sections: [...pair.sections] }, added))).toBe(false);
    expect(samePairing(plan, withSteps(repealed, { ...pair, renumbered: new Map(pair.renumbered) }, added))).toBe(false);
  });
});

describe("planForUpdate after an edit that touches no section", () => {
  const licensing = chapter("2-173", "LICENSING", sections("2-173", "sign"));
  const base = doc(licensing, chapter("2-174", "BUILDING", sections("2-174", "building")));
  const draft = doc(licensing, chapter("2-174", "BUILDING", sections("2-174", "building")));
  const retitled = { ...draft, chapters: draft.chapters.map((c, k) => (k === 1 ? { ...c, title: "BUILDING AND HOUSING" } : c)) };

  it("keeps the plan itself when only a chapter's title changed, the edited sections found by scanning", () => {
    const plan = makePlan(base, draft, options);
    expect(planForUpdate(plan, draft, base, retitled, options)).toBe(plan);
  });

  it("keeps the plan itself when only a chapter's title changed, the edited sections given (none)", () => {
    const plan = makePlan(base, draft, options);
    expect(planForUpdate(plan, draft, base, retitled, options, new Map())).toBe(plan);
  });
});
