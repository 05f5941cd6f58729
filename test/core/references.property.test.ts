/**
 * The checker against the plan of planted edits: random chapters get citations planted at
 * known places (and dates and money that a careless reader would take for citations of the
 * chapter: its number is 3-29, as in "Coun. J. 3-29-06" and "3-29-2006"); the draft repeals
 * and renumbers random sections. The expected problems come from the plan alone: every
 * planted citation of a repealed or renumbered section whose citing section survives, and
 * nothing else.
 */
import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { Chapter, OrdinanceDocument, Paragraph, Section } from "../../src/core/model/document";
import { checkReferences } from "../../src/core/references";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { withSections } from "../../src/core/samples/structuralEdits";

const SEEDS = Number(process.env.REFERENCE_SEEDS ?? 40);
const FALSE_FRIENDS = " It was recorded in Coun. J. 3-29-06, p. 74325, on 3-29-2006, with a fine of $2,000.00.";

interface Planted {
  readonly citing: string;
  readonly target: string;
  readonly path: readonly string[];
}

const serialOf = (number: string) => Number(number.split("-")[2]);
const pad = (serial: number) => `3-29-${String(serial).padStart(3, "0")}`;

function plantCitations(chapter: Chapter, random: Random): { chapter: Chapter; planted: Planted[] } {
  const planted: Planted[] = [];
  let sections = [...chapter.sections];
  const count = random.int(1, 8);
  for (let i = 0; i < count && sections.length > 1; i++) {
    const target = random.pick(sections);
    const letters = target.blocks.filter((block): block is Paragraph => block.kind === "paragraph" && block.level === 1 && block.enumerator !== null);
    const path = letters.length && random.chance(0.5) ? [random.pick(letters).enumerator!.slice(1, -1)] : [];
    const citingIndex = random.int(0, sections.length - 1);
    const citing = sections[citingIndex]!;
    if (citing === target) continue;
    const paragraphs = citing.blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.kind === "paragraph");
    const { index } = random.pick(paragraphs);
    const written = `${target.number}${path.map((label) => `(${label})`).join("")}`;
    const blocks = citing.blocks.map((block, at) => (at === index ? { ...block, text: `${block.text} See Section ${written}.${random.chance(0.5) ? FALSE_FRIENDS : ""}` } : block));
    sections = sections.map((section, at) => (at === citingIndex ? { ...section, blocks } : section));
    planted.push({ citing: citing.number, target: target.number, path });
  }
  return { chapter: withSections(chapter, sections), planted };
}

function repealAndRenumber(chapter: Chapter, random: Random): { chapter: Chapter; fate: Map<string, string | null> } {
  const fate = new Map<string, string | null>();
  const used = new Set(chapter.sections.map((section) => serialOf(section.number)));
  const kept: Section[] = [];
  chapter.sections.forEach((section, index) => {
    const roll = random.next();
    if (roll < 0.15 && chapter.sections.length > 2) {
      fate.set(section.number, null);
      return;
    }
    if (roll < 0.3) {
      const low = serialOf(kept[kept.length - 1]?.number ?? pad(0));
      const high = serialOf(chapter.sections[index + 1]?.number ?? pad(serialOf(section.number) + 10));
      const free = Array.from({ length: Math.max(0, high - low - 1) }, (_, i) => low + 1 + i).filter((serial) => !used.has(serial));
      if (free.length) {
        const serial = random.pick(free);
        used.add(serial);
        fate.set(section.number, pad(serial));
        kept.push({ ...section, number: pad(serial) });
        return;
      }
    }
    fate.set(section.number, section.number);
    kept.push(section);
  });
  return { chapter: withSections(chapter, kept), fate };
}

const doc = (chapter: Chapter): OrdinanceDocument => ({ title: null, chapters: [chapter] });

describe("checkReferences over random repeals and renumberings", () => {
  it(`reports every affected planted citation and nothing else (${SEEDS} seeds)`, () => {
    let affected = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = new Random(seed * 7919);
      const { chapter: base, planted } = plantCitations(generateChapter(seed, 3000 + (seed % 5) * 1500, "3-29"), random);
      const { chapter: draft, fate } = repealAndRenumber(base, random);
      const expected: string[] = [];
      for (const citation of planted) {
        const citingNow = fate.get(citation.citing);
        const targetNow = fate.get(citation.target);
        if (citingNow === null || targetNow === undefined || citingNow === undefined) continue;
        const labels = citation.path.map((label) => `(${label})`).join("");
        if (targetNow === null) expected.push(`${citingNow} ${citation.target}${labels} repealed-section -`);
        else if (targetNow !== citation.target) expected.push(`${citingNow} ${citation.target}${labels} renumbered-section ${targetNow}${labels}`);
      }
      const problems = checkReferences(doc(base), doc(draft));
      const found = problems.map((p) => `${p.citingSection} ${p.cited} ${p.kind} ${p.newTarget ?? "-"}`);
      expect([...found].sort(), `seed ${seed}`).toEqual([...expected].sort());
      affected += expected.length;
      const draftText = serializeDocument(doc(draft));
      for (const problem of problems.filter((p) => p.kind === "renumbered-section")) {
        const fix = problem.fix!;
        expect(draftText.slice(fix.fromB, fix.toB), `seed ${seed}`).toBe(problem.cited.replace(/\(.*$/, ""));
        expect(fix.text).toBe(problem.newTarget!.replace(/\(.*$/, ""));
      }
    }
    expect(affected).toBeGreaterThan(SEEDS / 2);
  });
});
