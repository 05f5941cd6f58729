/**
 * The text redline ([-deleted-] {+inserted+}) must be readable back without ambiguity even when
 * the texts themselves contain "[-", "-]", "{+", "+}" or backslashes, next to a mark or not.
 * Oracle: a reader written here from the format's description (a backslash takes the next
 * character literally; ⟦…⟧ move labels and seam pilcrows are not text) recovers the base and
 * the draft, up to spacing (a replacement's halves get one space between them), from the compare output and from the ordinance's text export, over
 * random pairs of chapters seeded with those character sequences.
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { compare, formatText } from "../../src/core/redline";
import { scatteredWordEdits } from "../../src/core/samples/editScripts";
import { generateDocument } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";

const TRICKY = ["[-", "-]", "{+", "+}", "\\", "a[-b", "c-]", "{+d+}", "[-e-]", "-", "+", "[", "]", "{", "}", "\\[-"];

/** The base and draft sides of a text redline, read as its description says. */
function readRedline(text: string): { base: string; draft: string } {
  let base = "";
  let draft = "";
  let mark: "same" | "deleted" | "inserted" = "same";
  for (let at = 0; at < text.length; ) {
    if (text[at] === "\\" && at + 1 < text.length) {
      const literal = text[at + 1]!;
      if (mark !== "inserted") base += literal;
      if (mark !== "deleted") draft += literal;
      at += 2;
      continue;
    }
    const two = text.slice(at, at + 2);
    if (mark === "same" && two === "[-") { mark = "deleted"; at += 2; continue; }
    if (mark === "same" && two === "{+") { mark = "inserted"; at += 2; continue; }
    if ((mark === "deleted" && two === "-]") || (mark === "inserted" && two === "+}")) { mark = "same"; at += 2; continue; }
    if (mark === "same" && text[at] === "\u27e6") { at = text.indexOf("\u27e7", at) + 2; continue; }
    if (mark !== "inserted") base += text[at];
    if (mark !== "deleted") draft += text[at];
    at += 1;
  }
  return { base, draft };
}

/** The text without spacing: the format puts one space between a replacement's halves even inside a word. */
const words = (text: string) => text.replace(/[\s\u00b6]+/g, "");

/** A generated chapter whose paragraphs have tricky sequences spliced in at random places. */
function seeded(seed: number) {
  const random = new Random(seed);
  const base = generateDocument(seed, 3000);
  const draft = scatteredWordEdits(base, seed, 0.3);
  const splice = (text: string) => text.split("\n").map((line) => {
    if (!/^ *\([a-z0-9]+\) \S/.test(line) && !/^ *[A-Z][a-z]/.test(line)) return line;
    const pieces = line.split(" ");
    for (let count = 0; count < 3; count++) {
      const at = random.int(1, Math.max(1, pieces.length - 1));
      pieces[at] = `${pieces[at] ?? ""}${random.pick(TRICKY)}`;
    }
    return pieces.join(" ");
  }).join("\n");
  const baseText = splice(serializeDocument(base));
  // The draft keeps some of the base's tricky words and gets its own.
  const draftText = splice(serializeDocument(draft));
  return { base: parseCodeText(baseText).document, draft: parseCodeText(draftText).document };
}

describe("the text redline with mark-like characters in the text", () => {
  it("reads back as the base and the draft from the compare output", () => {
    let tricky = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { base, draft } = seeded(seed);
      const text = formatText(compare(base, draft));
      if (/\[-|-\]|\{\+|\+\}/.test(serializeDocument(draft))) tricky++;
      const read = readRedline(text);
      expect(words(read.base), `seed ${seed} base`).toBe(words(serializeDocument(base)));
      expect(words(read.draft), `seed ${seed} draft`).toBe(words(serializeDocument(draft)));
    }
    expect(tricky).toBeGreaterThan(30);
  });

  it("reads back as the reprinted base and draft passages from the ordinance's text", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { base, draft } = seeded(seed);
      const exported = buildOrdinance({ base, draft, settings: DEFAULT_EXPORT_SETTINGS });
      const read = readRedline(writeText(exported));
      const side = (leftOut: string) => words(exported.blocks.map((block) => block.runs.filter((run) => run.style !== leftOut && !run.pilcrow).map((run) => run.text).join("")).join("\n"));
      expect(words(read.base), `seed ${seed} base`).toBe(side("underscored"));
      expect(words(read.draft), `seed ${seed} draft`).toBe(side("struck"));
    }
  });
});
