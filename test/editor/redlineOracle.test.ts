/**
 * The live redline equals a fresh one: over random transaction sequences on a real editor
 * state, after every transaction the patched decorations equal decorations built from scratch
 * and the plugin's changes equal `compare(base, draft)`. Fixed seeds; set ORACLE_SEEDS for more.
 */
import { describe, expect, it } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { Random } from "../../src/core/samples/random";
import { moveBetweenChapters } from "../../src/core/samples/structuralEdits";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { createEditorState } from "../../src/editor/editorState";
import { redlinePlugin, redlineState } from "../../src/editor/redline/plugin";
import { decorationFacts, disagreement } from "../support/redlineOracle";
import { randomAction } from "../support/randomTransactions";
import { fixtureAmended, fixtureBase, fixtureText, generatedTitle } from "../support/fixtures";

const SEEDS = Number(process.env.ORACLE_SEEDS ?? 30);
const STEPS = 40;
const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));

/** The draft with its first chapter's second section moved to the end under a new number. */
function withMovedSection(doc: OrdinanceDocument): OrdinanceDocument {
  const [first, ...rest] = doc.chapters;
  if (!first || first.sections.length < 3) return doc;
  const moved = first.sections[1]!;
  const last = first.sections[first.sections.length - 1]!;
  const number = `${first.number}-${String(Number(last.number.split("-").pop()) + 1).padStart(3, "0")}`;
  const sections = [...first.sections.filter((section) => section !== moved), { ...moved, number }];
  return { ...doc, chapters: [{ ...first, sections, toc: sections.map((section) => ({ number: section.number, catchline: section.catchline })) }, ...rest] };
}

function runSequence(base: OrdinanceDocument, draft: OrdinanceDocument, seed: number): void {
  const random = new Random(seed);
  let state = createEditorState(draft, { plugins: [redlinePlugin({ base })], attrs: { sponsors } });
  const history: string[] = [];
  const initial = disagreement(state, base);
  if (initial) throw new Error(`seed ${seed}, initial state: ${initial}`);
  for (let step = 0; step < STEPS; step++) {
    const { name, next } = randomAction(state, random);
    if (!next) continue;
    history.push(name);
    state = next;
    const problem = disagreement(state, base);
    if (problem) throw new Error(`seed ${seed}, after ${history.join(", ")}: ${problem.slice(0, 3000)}`);
  }
}

describe("the live redline equals a fresh one after every transaction", () => {
  it("on the demonstration draft", () => {
    const base = fixtureBase();
    const draft = fixtureAmended();
    for (let seed = 1; seed <= SEEDS; seed++) runSequence(base, draft, seed);
    expect(true).toBe(true);
  }, 120_000);

  it("on generated multi-chapter titles", () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const base = generatedTitle(seed);
      const edited = randomlyEdited(base, seed, 10);
      runSequence(base, seed % 2 ? withMovedSection(edited) : edited, 1000 + seed);
    }
    expect(true).toBe(true);
  }, 120_000);

  it("on generated titles with a section moved into another chapter, labelled at both ends", () => {
    let labelled = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const base = generatedTitle(seed + 500);
      const draft = moveBetweenChapters(randomlyEdited(base, seed, 4), new Random(seed));
      const state = createEditorState(draft, { plugins: [redlinePlugin({ base })], attrs: { sponsors } });
      const ends = redlineState(state).redline.changes.filter((change) => change.move && change.part === "section");
      if (ends.length === 0) continue;
      const source = ends.find((change) => change.move!.role === "source")!;
      const destination = ends.find((change) => change.move!.role === "destination")!;
      expect(source.section.split("-").slice(0, 2)).not.toEqual(destination.section.split("-").slice(0, 2));
      const facts = decorationFacts(redlineState(state).decorations);
      // The source is a struck widget naming its destination; the destination's heading says where it came from.
      expect(facts.filter((fact) => fact.startsWith("widget") && fact.includes(`change=${source.id} `) && fact.includes(destination.section))).toHaveLength(1);
      expect(facts.filter((fact) => fact.includes(`change=${destination.id} `) && fact.includes(`moved from ${source.section}`)).length).toBeGreaterThan(0);
      labelled++;
      if (labelled <= 10) runSequence(base, draft, 3000 + seed);
    }
    expect(labelled).toBeGreaterThan(SEEDS / 2);
  }, 120_000);
});
