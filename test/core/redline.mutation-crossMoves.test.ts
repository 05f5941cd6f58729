/**
 * Moves between chapters by their meaning, against a plain reference over every pair: among
 * the sections each chapter pair leaves unpaired (deletes and inserts naming no partner), the
 * sections equal apart from their numbers are moved first, in reading order; then the most alike
 * pairs reaching the section similarity, best first (ties by source, then destination); each
 * section in one move at most, never both ends in one chapter pair. stepsWithMoves writes each
 * move into its two steps and keeps the array of a pair no move touches.
 */
import { describe, expect, it } from "vitest";
import type { Block, OrdinanceDocument, Section } from "../../src/core/model/document";
import type { SectionStep } from "../../src/core/redline/alignSections";
import { resolveOptions } from "../../src/core/redline/compare";
import { crossChapterMoves, stepsWithMoves, type ChapterSteps } from "../../src/core/redline/crossChapterMoves";
import { bodyOf, likeness } from "../../src/core/redline/sectionLikeness";
import { Random } from "../../src/core/samples/random";

const options = resolveOptions();
let ids = 0;
/** Paragraphs of 100 characters: sections alike only by whole paragraphs they share. */
const POOL = Array.from({ length: 12 }, (_, k) => `${`w${k}x `.repeat(30).slice(0, 99)}.`);

function section(number: string, paragraphs: readonly string[]): Section {
  const blocks: Block[] = paragraphs.map((text) => ({ kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text }));
  return { id: `s${ids++}`, number, catchline: "Test.", blocks };
}

interface Case { base: OrdinanceDocument; draft: OrdinanceDocument; pairs: ChapterSteps[] }

/**
 * 2–4 chapter pairs of 0–4 sections a side; some sections paired or moved within the pair, the
 * rest unpaired. As after alignSections, no pair leaves a delete and an insert that are alike
 * (equal, or reaching the similarity): those it would have paired.
 */
function randomCase(random: Random): Case {
  for (;;) {
    const value = anyCase(random);
    const alikeWithin = value.pairs.some((pair) => {
      const deleted = pair.steps.flatMap((step) => (step.kind === "delete" && step.moveTo === undefined ? [value.base.chapters[pair.a]!.sections[step.a]!] : []));
      const inserted = pair.steps.flatMap((step) => (step.kind === "insert" && step.moveFrom === undefined ? [value.draft.chapters[pair.b]!.sections[step.b]!] : []));
      return deleted.some((x) => inserted.some((y) => sameBody(x, y) || likeness(x, y) >= options.sectionSimilarity));
    });
    if (!alikeWithin) return value;
  }
}

function anyCase(random: Random): Case {
  const count = random.int(2, 4);
  const side = (prefix: string, c: number) => Array.from({ length: random.int(0, 4) }, (_, s) =>
    section(`2-${prefix}${c}-0${s}0`, Array.from({ length: random.int(1, 3) }, () => random.pick(POOL))));
  const chaptersA = Array.from({ length: count }, (_, c) => side("1", c));
  const chaptersB = Array.from({ length: count }, (_, c) => side("2", c));
  const pairs: ChapterSteps[] = chaptersA.map((sectionsA, c) => {
    const steps: SectionStep[] = [];
    const sectionsB = chaptersB[c]!;
    let a = 0;
    let b = 0;
    while (a < sectionsA.length || b < sectionsB.length) {
      const roll = random.int(0, 3);
      if (roll === 0 && a < sectionsA.length && b < sectionsB.length) steps.push({ kind: "pair", a: a++, b: b++ });
      else if (roll === 1 && a < sectionsA.length && b < sectionsB.length) {
        // A move within the pair: both ends name each other and take no part across chapters.
        steps.push({ kind: "delete", a, moveTo: b }, { kind: "insert", b, moveFrom: a });
        a++; b++;
      } else if (a < sectionsA.length && (b >= sectionsB.length || random.chance(0.5))) steps.push({ kind: "delete", a: a++ });
      else steps.push({ kind: "insert", b: b++ });
    }
    return { a: c, b: c, steps };
  });
  const doc = (chapters: Section[][]): OrdinanceDocument => ({ title: null, chapters: chapters.map((sections, c) => ({ id: `c${ids++}`, number: `2-1${c}`, title: "TEST", toc: [], sections })) });
  return { base: doc(chaptersA), draft: doc(chaptersB), pairs };
}

const sameBody = (x: Section, y: Section) => JSON.stringify(bodyOf(x)) === JSON.stringify(bodyOf(y));

/** The moves as "pair:section>pair:section", by the rule of the module comment, over every pair. */
function referenceMoves({ base, draft, pairs }: Case): string[] {
  const sources = pairs.flatMap((pair, k) => pair.steps.flatMap((step) => (step.kind === "delete" && step.moveTo === undefined ? [{ k, s: step.a, section: base.chapters[pair.a]!.sections[step.a]! }] : [])));
  const destinations = pairs.flatMap((pair, k) => pair.steps.flatMap((step) => (step.kind === "insert" && step.moveFrom === undefined ? [{ k, s: step.b, section: draft.chapters[pair.b]!.sections[step.b]! }] : [])));
  const candidates: Array<{ i: number; j: number; score: number; equal: boolean }> = [];
  sources.forEach((x, i) => destinations.forEach((y, j) => {
    if (x.k === y.k) return;
    candidates.push({ i, j, score: likeness(x.section, y.section), equal: sameBody(x.section, y.section) });
  }));
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const moves: string[] = [];
  const claim = (i: number, j: number) => {
    if (takenA.has(i) || takenB.has(j)) return;
    takenA.add(i);
    takenB.add(j);
    moves.push(`${sources[i]!.k}:${sources[i]!.s}>${destinations[j]!.k}:${destinations[j]!.s}`);
  };
  for (const c of candidates.filter((c) => c.equal)) claim(c.i, c.j);
  for (const c of candidates.filter((c) => c.score >= options.sectionSimilarity).sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j)) claim(c.i, c.j);
  return moves;
}

describe("crossChapterMoves", () => {
  it("moves what the reference over every pair moves (600 random titles)", () => {
    const random = new Random(41);
    let moved = 0;
    let contested = 0;
    for (let trial = 0; trial < 600; trial++) {
      const value = randomCase(random);
      const expected = referenceMoves(value);
      const actual = crossChapterMoves(value.base, value.draft, value.pairs, options).map((move) => `${move.from.pair}:${move.from.section}>${move.to.pair}:${move.to.section}`);
      expect(actual, `trial ${trial}`).toEqual(expected);
      moved += expected.length;
      if (expected.length > 1) contested++;
    }
    // The sample must reach moves, and titles with several moves competing.
    expect(moved).toBeGreaterThan(200);
    expect(contested).toBeGreaterThan(50);
  });

  it("finds nothing with fewer than two chapter pairs", () => {
    const value = randomCase(new Random(3));
    expect(crossChapterMoves(value.base, value.draft, value.pairs.slice(0, 1), options)).toEqual([]);
  });
});

describe("stepsWithMoves", () => {
  it("names each move's other end in its two steps and keeps the arrays of untouched pairs", () => {
    const random = new Random(17);
    for (let trial = 0; trial < 300; trial++) {
      const value = randomCase(random);
      const moves = crossChapterMoves(value.base, value.draft, value.pairs, options);
      const written = stepsWithMoves(value.pairs, moves);
      value.pairs.forEach((pair, k) => {
        const touched = moves.some((move) => move.from.pair === k || move.to.pair === k);
        if (!touched) expect(written[k], `trial ${trial} pair ${k}`).toBe(pair.steps);
        const expected = pair.steps.map((step) => {
          if (step.kind === "delete" && step.moveTo === undefined) {
            const out = moves.find((move) => move.from.pair === k && move.from.section === step.a);
            if (out) return { kind: "delete", a: step.a, moveTo: out.to.section, moveToChapter: out.to.chapter };
          }
          if (step.kind === "insert" && step.moveFrom === undefined) {
            const into = moves.find((move) => move.to.pair === k && move.to.section === step.b);
            if (into) return { kind: "insert", b: step.b, moveFrom: into.from.section, moveFromChapter: into.from.chapter };
          }
          return step;
        });
        expect(written[k], `trial ${trial} pair ${k}`).toEqual(expected);
      });
    }
  });
});
