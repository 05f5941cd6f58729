/**
 * The amending ordinance of a section moved into another chapter: reprinted once, at its new
 * place, old number struck and new one underscored, body marked only by its real edits and its
 * heading labelled "(moved from …)"; at its old place only its heading, struck, labelled
 * "(moved to …)"; in section grouping one SECTION moves it ("is hereby amended by moving it to
 * Chapter … as Section …") and none repeals it. Goldens in test/golden/structure/, read line by
 * line; then the same shape over generated titles.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare } from "../../src/core/redline";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { moveBetweenChapters } from "../../src/core/samples/structuralEdits";

const folder = join(dirname(fileURLToPath(import.meta.url)), "../golden/structure/");
const read = (name: string) => readFileSync(folder + name, "utf8");
const BY_SECTION = { ...DEFAULT_EXPORT_SETTINGS, grouping: "section" as const };

describe("the ordinance of a section moved into another chapter", () => {
  const base = parseCodeText(read("moved-between-chapters.base.txt")).document;
  const draft = parseCodeText(read("moved-between-chapters.draft.txt")).document;

  it("matches the golden, chapter by chapter", () => {
    expect(writeText(buildOrdinance({ base, draft }))).toBe(read("moved-between-chapters.ordinance.txt"));
  });

  it("matches the golden, section by section, moving it by one formula and repealing nothing", () => {
    const text = writeText(buildOrdinance({ base, draft, settings: BY_SECTION }));
    expect(text).toBe(read("moved-between-chapters.ordinance-by-section.txt"));
    expect(text).toContain("Section 2-176-050 of the Municipal Code of Chicago is hereby amended by moving it to Chapter 2-178 as Section 2-178-040, by deleting");
    expect(text).not.toContain("repealed");
  });

  it("labels both ends and reprints the moved body at most once, unmarked but for its edits, over generated titles (40 titles)", () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const title = generateTitle(seed, 6_000, 3);
      const moved = moveBetweenChapters(title, new Random(seed));
      const destination = compare(title, moved).changes.find((change) => change.move?.role === "destination" && change.part === "section");
      if (!destination) continue;
      checked++;
      const from = destination.move!.otherSection;
      const to = destination.section;
      for (const settings of [DEFAULT_EXPORT_SETTINGS, BY_SECTION]) {
        const text = writeText(buildOrdinance({ base: title, draft: moved, settings }));
        const label = `seed ${seed} (${settings.grouping}): ${from} → ${to}`;
        expect(text.split(`(moved from ${from})`).length - 1, label).toBe(1);
        expect(text, label).toContain(`[-${from}-] {+${to}+}`);
        if (settings.grouping === "chapter") expect(text.split(`(moved to ${to})`).length - 1, label).toBe(1);
        else expect(text, label).toContain(`hereby amended by moving it to Chapter ${to.split("-").slice(0, 2).join("-")} as Section ${to}`);
        // The body's first paragraph is printed at most once (an unedited one is omitted text), never struck or underscored whole.
        const body = moved.chapters.flatMap((chapter) => chapter.sections).find((section) => section.number === to)!.blocks.find((block) => block.kind === "paragraph")!.text;
        expect(text.split(body).length - 1, label).toBeLessThanOrEqual(1);
        expect(text, label).not.toContain(`[-${body}`);
        expect(text, label).not.toContain(`{+${body}`);
      }
    }
    expect(checked).toBeGreaterThan(25);
  });
});
