/**
 * Fuzzing the importer (issue 11, item 9a): thousands of mutated copies of Code text — lines
 * wrapped at random spaces (after a section number, after "(Added"), indentation changed,
 * blank lines added or dropped, lines deleted, repeated or swapped, site lines and editor's
 * notes put in. Every input either parses or is refused with an ImportError (never another
 * exception), and whatever parses has the property `parse(serialize(m)) = m`.
 */
import { describe, expect, it } from "vitest";
import { ImportError, parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { fixtureText } from "../support/fixtures";

const INSERTS = ["Share", "Skip to code content (skip section selection)", "* Editor's note – Coun. J. 2-2-02, p. 10, § 1.", "(Added", "§ 2-173-045", "That this is so; and", ""];

export function mutate(text: string, random: Random): string {
  let lines = text.split("\n");
  const edits = random.int(1, 6);
  for (let n = 0; n < edits; n++) {
    const at = random.int(0, Math.max(0, lines.length - 1));
    const line = lines[at] ?? "";
    const roll = random.next();
    if (roll < 0.3) {
      // Wrap at a random space, or right after the first word (a number, "(Added").
      const spaces = [...line.matchAll(/ /g)].map((m) => m.index!);
      const cut = spaces.length === 0 ? -1 : random.chance(0.5) ? spaces[0]! : random.pick(spaces);
      if (cut > 0) lines.splice(at, 1, line.slice(0, cut), `${random.chance(0.5) ? /^ */.exec(line)![0] : ""}${line.slice(cut + 1)}`);
    } else if (roll < 0.4) {
      // Indentation changed on a run of lines (under- or over-indented items, a margin).
      const depth = random.int(0, 6);
      for (let i = at; i < Math.min(lines.length, at + random.int(1, 8)); i++) lines[i] = `${" ".repeat(depth)}${lines[i]!.trimStart()}`;
    }
    else if (roll < 0.5) lines.splice(at, 0, "");
    else if (roll < 0.6) { if (line === "") lines.splice(at, 1); }
    else if (roll < 0.68) lines.splice(at, 1);
    else if (roll < 0.74) lines.splice(at, 0, line);
    else if (roll < 0.82) { const other = random.int(0, lines.length - 1); [lines[at], lines[other]] = [lines[other]!, line]; }
    else lines.splice(at, 0, random.pick(INSERTS));
  }
  if (random.chance(0.2)) lines = lines.map((l) => l.replace(/^ +/, ""));
  return lines.join(random.chance(0.3) ? "\r\n" : "\n");
}

/** The first difference between two models, for a readable failure. */
function firstDifference(a: OrdinanceDocument, b: OrdinanceDocument): string {
  const left = serializeDocument(a).split("\n");
  const right = serializeDocument(b).split("\n");
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return `line ${i + 1}: ${JSON.stringify(left[i])} vs ${JSON.stringify(right[i])}`;
  }
  return JSON.stringify(a).length === JSON.stringify(b).length ? "same text, different levels or ids" : "same text, different model";
}

describe("the importer under fuzzing", () => {
  it("parses or refuses 3,000 mutated inputs, and what parses reads back from its canonical text as itself", () => {
    const sources = [fixtureText("base.txt"), fixtureText("amended.txt"), serializeDocument({ title: null, chapters: [generateChapter(11, 6000, "2-173")] })];
    const failures: string[] = [];
    let parsed = 0;
    for (let seed = Number(process.env.FUZZ_FIRST ?? 1); seed <= Number(process.env.FUZZ_LAST ?? 3000) && failures.length < 5; seed++) {
      const random = new Random(seed);
      const input = mutate(sources[seed % sources.length]!, random);
      let model: OrdinanceDocument;
      try {
        model = parseCodeText(input).document;
      } catch (error) {
        if (!(error instanceof ImportError)) failures.push(`seed ${seed}: ${String(error)}`);
        continue;
      }
      parsed++;
      try {
        const again = parseCodeText(serializeDocument(model)).document;
        if (JSON.stringify(again) !== JSON.stringify(model)) failures.push(`seed ${seed}: ${firstDifference(model, again)}`);
      } catch (error) {
        failures.push(`seed ${seed}: canonical text refused: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(parsed).toBeGreaterThan(1500);
  }, 240_000);

  it("reads a section of 130,000 paragraphs without overflowing the stack", () => {
    const body = Array.from({ length: 130_000 }, (_, i) => `Paragraph ${i}.`).join("\n\n");
    const doc = parseCodeText(`2-173-010 Definitions.\n\n${body}\n`).document;
    expect(doc.chapters[0]!.sections[0]!.blocks).toHaveLength(130_000);
  }, 60_000);
});
