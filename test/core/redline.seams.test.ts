/**
 * A paragraph split in two (Enter in its middle) or two paragraphs joined are shown as such: a
 * pilcrow at the seam, underscored for a split and struck for a join, in the redline's text and
 * HTML and in the exported ordinance — never as a paragraph deleted and others inserted — and
 * the pilcrow is no text of either side (the changes still rebuild the draft exactly, the clean
 * chapter and Word's tracked changes carry none).
 */
import { describe, expect, it, beforeEach } from "vitest";
import { buildOrdinance, cleanText, withRevisions, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { OrdinanceDocument, Paragraph } from "../../src/core/model/document";
import { compare, formatHtml, formatText } from "../../src/core/redline";
import { Random } from "../../src/core/samples/random";
import { generateDocument } from "../../src/core/samples/generateChapter";
import { fixtureText } from "../support/fixtures";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

const baseText = fixtureText("base.txt");
const base = parseCodeText(baseText).document;
const SAFETY = "(b) The safety of the public in every neighborhood depends on the willing cooperation of all residents with the City's agents";

/** 2-173-005(b) cut after "agents" into (b) and a new (c); the later items re-lettered by hand. */
const splitText = baseText
  .replace(`${SAFETY}, regardless`, `${SAFETY}.\n\n    (c) Regardless`)
  .replace("    (c) Victims", "    (d) Victims").replace("    (d) Every", "    (e) Every").replace("    (e) This chapter", "    (f) This chapter");
/** 2-173-005(a) and (b) made one paragraph; the later items re-lettered by hand. */
const joinText = baseText
  .replace("the United States.\n\n    (b) The safety", "the United States. The safety")
  .replace("    (c) Victims", "    (b) Victims").replace("    (d) Every", "    (c) Every").replace("    (e) This chapter", "    (d) This chapter");
/** 2-173-005(c) whole, with the blank line after it. */
const VICTIMS = baseText.slice(baseText.indexOf("    (c) Victims"), baseText.indexOf("    (d) Every"));
const VICTIMS_LINE = VICTIMS.trim();
/** The split of (b) above, and (c) deleted: the later items keep their letters. */
const splitDeletedText = baseText.replace(`${SAFETY}, regardless`, `${SAFETY}.\n\n    (c) Regardless`).replace(VICTIMS, "");
/** The join of (a) and (b) above, and (c) replaced by a new item (b). */
const NEW_ITEM = "(b) Every person who reports a crime to the police shall be heard without any question about immigration status.";
const joinReplacedText = baseText.replace("the United States.\n\n    (b) The safety", "the United States. The safety").replace(VICTIMS, `    ${NEW_ITEM}\n\n`)
  .replace("    (d) Every", "    (c) Every").replace("    (e) This chapter", "    (d) This chapter");
/** The same split at a space, the words unchanged. */
const plainSplitText = baseText.replace(`${SAFETY}, regardless`, `${SAFETY},\n\n    regardless`);

function draftOf(text: string): OrdinanceDocument {
  return parseCodeText(text).document;
}

function checkExact(draft: OrdinanceDocument): void {
  const redline = compare(base, draft);
  expect(applyChanges(redline)).toBe(redline.draftText);
  expect(revertChanges(redline)).toBe(redline.baseText);
  expect(slicesMatch(redline)).toEqual([]);
  expect(boundariesInsideTokens(redline)).toEqual([]);
}

describe("a paragraph split in two", () => {
  // Per test, so that mutation testing sees which tests cover the engine's code.
  let redline!: ReturnType<typeof compare>;
  beforeEach(() => {
    redline = compare(base, draftOf(splitText));
  });

  it("is one seam change, not a paragraph deleted and one inserted", () => {
    const seams = redline.changes.filter((change) => change.seam);
    expect(seams.map((change) => [change.seam, change.inserted])).toEqual([["split", "\n\n    (c) "]]);
    expect(redline.changes.some((change) => change.deleted.includes("The safety") || change.inserted.includes("of whether"))).toBe(false);
    checkExact(draftOf(splitText));
  });

  it("shows an underscored pilcrow at the seam and the new enumerator underscored", () => {
    const lines = formatText(redline).split("\n");
    expect(lines).toContain(`    ${SAFETY}[-, regardless-] {+.+}{+¶+}`);
    expect(lines).toContain("    {+(c)+} {+Regardless+} of whether a resident holds immigration documents.");
    expect(lines.some((line) => line.startsWith("    ([-c-] {+d+}) Victims"))).toBe(true);
    expect(formatHtml(redline)).toContain(`<ins class="pilcrow" data-change-id="`);
  });

  it("exports the same way, and the pilcrow is in neither the clean chapter nor Word's tracked changes", () => {
    const draft = draftOf(splitText);
    const exported = buildOrdinance({ base, draft });
    const lines = writeText(exported).split("\n");
    expect(lines).toContain(`    ${SAFETY}[-, regardless-] {+.+}{+¶+}`);
    expect(lines).toContain("    {+(c)+} {+Regardless+} of whether a resident holds immigration documents.");
    expect(cleanText(draft)).not.toContain("¶");
    const tracked = withRevisions(exported, { defaultAuthor: "A" });
    expect(tracked.blocks.some((block) => block.runs.some((run) => run.text.includes("¶")))).toBe(false);
  });

  it("at a space with the words unchanged marks only the pilcrow", () => {
    const lines = formatText(compare(base, draftOf(plainSplitText))).split("\n");
    expect(lines).toContain(`    ${SAFETY},{+¶+}`);
    expect(lines).toContain("    regardless of whether a resident holds immigration documents.");
    checkExact(draftOf(plainSplitText));
  });
});

describe("two paragraphs joined", () => {
  // Per test, so that mutation testing sees which tests cover the engine's code.
  let redline!: ReturnType<typeof compare>;
  beforeEach(() => {
    redline = compare(base, draftOf(joinText));
  });

  it("is one seam change with a struck pilcrow and the enumerator that goes", () => {
    expect(redline.changes.filter((change) => change.seam).map((change) => [change.seam, change.deleted, change.inserted])).toEqual([["join", "\n\n    (b) ", " "]]);
    const lines = formatText(redline).split("\n");
    expect(lines.some((line) => line.endsWith("born outside the United States. [-¶ (b)-] The safety of the public in every neighborhood depends on the willing cooperation of all residents with the City's agents, regardless of whether a resident holds immigration documents."))).toBe(true);
    checkExact(draftOf(joinText));
  });

  it("exports as one line with the struck pilcrow", () => {
    const lines = writeText(buildOrdinance({ base, draft: draftOf(joinText) })).split("\n");
    expect(lines.some((line) => line.includes("the United States. [-¶-] [-(b)-] The safety of the public"))).toBe(true);
    expect(lines.some((line) => line.startsWith("    [-(b)-]"))).toBe(false);
  });
});

describe("a seam beside a paragraph deleted or replaced", () => {
  const JOINED_A = "    (a) The City of Chicago counts itself among the most diverse cities in the world, and roughly one of every five of its residents was born outside the United States.";
  const JOINED_B = "The safety of the public in every neighborhood depends on the willing cooperation of all residents with the City's agents, regardless of whether a resident holds immigration documents.";

  it("a split beside a deleted item: the seam, the split's words, the item struck whole, nothing else", () => {
    const draft = draftOf(splitDeletedText);
    const redline = compare(base, draft);
    expect(redline.changes.map((change) => [change.seam ?? null, change.deleted, change.inserted])).toEqual([
      [null, ", regardless", "."], ["split", "", "\n\n    (c) "], [null, "", "Regardless"], [null, `\n\n    ${VICTIMS_LINE}`, ""],
    ]);
    checkExact(draft);
    const expected = [`    ${SAFETY}[-, regardless-] {+.+}{+¶+}`, "    {+(c)+} {+Regardless+} of whether a resident holds immigration documents.", `    [-${VICTIMS_LINE}-]`];
    const lines = formatText(redline).split("\n").filter((line) => line !== "");
    const at = lines.indexOf(expected[0]!);
    expect(lines.slice(at, at + 3)).toEqual(expected);
    const exported = buildOrdinance({ base, draft });
    const printed = writeText(exported).split("\n").filter((line) => line !== "");
    const from = printed.indexOf(expected[0]!);
    expect(printed.slice(from, from + 3)).toEqual(expected);
    // Tracked: the first half's mark inserted, the deleted item's words deleted, no pilcrow.
    const tracked = withRevisions(exported, { defaultAuthor: "A" }).blocks;
    const first = tracked.findIndex((block) => block.runs.some((run) => run.text.includes("The safety of the public")));
    expect(tracked[first]!.paragraphMark?.kind).toBe("insert");
    expect(tracked[first + 1]!.paragraphMark).toBeUndefined();
    expect(tracked[first + 2]!.runs.map((run) => [run.text, run.revision?.kind])).toEqual([[VICTIMS_LINE, "delete"]]);
    expect(tracked.some((block) => block.runs.some((run) => run.text.includes("¶")))).toBe(false);
    expect(cleanText(draft)).toBe(redline.draftText);
  });

  it("a join beside a replaced item: the struck pilcrow, the old item struck and the new one underscored, the later items re-lettered", () => {
    const draft = draftOf(joinReplacedText);
    const redline = compare(base, draft);
    expect(redline.changes.map((change) => [change.seam ?? null, change.deleted, change.inserted])).toEqual([
      ["join", "\n\n    (b) ", " "], [null, `\n\n    ${VICTIMS_LINE}`, ""], [null, "", `\n\n    ${NEW_ITEM}`], [null, "d", "c"], [null, "e", "d"],
    ]);
    checkExact(draft);
    const lines = formatText(redline).split("\n").filter((line) => line !== "");
    const at = lines.indexOf(`${JOINED_A} [-¶ (b)-] ${JOINED_B}`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 3)).toEqual([`    [-${VICTIMS_LINE}-]`, `    {+${NEW_ITEM}+}`]);
    expect(lines[at + 3]!.startsWith("    ([-d-] {+c+}) Every")).toBe(true);
    const exported = buildOrdinance({ base, draft });
    const printed = writeText(exported).split("\n").filter((line) => line !== "");
    const from = printed.indexOf(`${JOINED_A} [-¶-] [-(b)-] ${JOINED_B}`);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(printed.slice(from + 1, from + 3)).toEqual([`    [-${VICTIMS_LINE}-]`, `    {+${NEW_ITEM}+}`]);
    // Tracked: the join is two paragraphs, the first mark deleted; then the old item deleted and the new inserted.
    const tracked = withRevisions(exported, { defaultAuthor: "A" }).blocks;
    const first = tracked.findIndex((block) => block.runs.some((run) => run.text.includes("The City of Chicago counts")));
    expect(tracked[first]!.paragraphMark?.kind).toBe("delete");
    expect(tracked[first + 1]!.runs.map((run) => [run.text, run.revision?.kind ?? null])).toEqual([["(b)", "delete"], [` ${JOINED_B}`, null]]);
    expect(tracked[first + 2]!.runs.map((run) => [run.text, run.revision?.kind])).toEqual([[VICTIMS_LINE, "delete"]]);
    expect(tracked[first + 3]!.runs.map((run) => [run.text, run.revision?.kind])).toEqual([[NEW_ITEM, "insert"]]);
    expect(tracked.some((block) => block.runs.some((run) => run.text.includes("¶")))).toBe(false);
    expect(cleanText(draft)).toBe(redline.draftText);
  });
});

describe("splits and joins of every paragraph of the fixture", () => {
  const paragraphs = base.chapters[0]!.sections.flatMap((section) => section.blocks.filter((block): block is Paragraph => block.kind === "paragraph" && block.text.split(" ").length >= 6));

  it("each is one seam and rebuilds the draft exactly", () => {
    let count = 0;
    for (const [k, paragraph] of paragraphs.entries()) {
      const words = paragraph.text.split(" ");
      const cut = 2 + (k * 7) % (words.length - 3);
      const indent = "    ".repeat(Math.max(paragraph.level, 0));
      const before = words.slice(0, cut).join(" ");
      const after = words.slice(cut).join(" ");
      if (!baseText.includes(`${before} ${after}`) || baseText.split(paragraph.text).length !== 2) continue;
      const draft = draftOf(baseText.replace(`${before} ${after}`, `${before}\n\n${indent}${after}`));
      const redline = compare(base, draft);
      expect(redline.changes.filter((change) => change.seam === "split"), paragraph.text).toHaveLength(1);
      expect(redline.changes.some((change) => change.deleted.includes(before)), paragraph.text).toBe(false);
      checkExact(draft);
      count++;
    }
    expect(count).toBeGreaterThan(20);
  });
});

/** One paragraph of a random section cut at a random space, or two neighbours joined. */
function splitOrJoin(document: OrdinanceDocument, random: Random): { draft: OrdinanceDocument; kind: "split" | "join" } | null {
  const chapter = document.chapters[0]!;
  const s = random.int(0, chapter.sections.length - 1);
  const section = chapter.sections[s]!;
  const blocks = [...section.blocks];
  const k = random.int(0, blocks.length - 1);
  const block = blocks[k]!;
  if (block.kind !== "paragraph") return null;
  const kind = random.chance(0.5) ? "split" : "join";
  if (kind === "split") {
    const words = block.text.split(" ");
    if (words.length < 4) return null;
    const cut = random.int(1, words.length - 1);
    blocks.splice(k, 1, { ...block, text: words.slice(0, cut).join(" ") }, { ...block, id: `${block.id}-split`, enumerator: null, text: words.slice(cut).join(" ") });
  } else {
    const next = blocks[k + 1];
    if (!next || next.kind !== "paragraph") return null;
    blocks.splice(k, 2, { ...block, text: `${block.text} ${next.text}` });
  }
  const sections = chapter.sections.map((other, index) => (index === s ? { ...section, blocks } : other));
  return { draft: { ...document, chapters: [{ ...chapter, sections }] }, kind };
}

/** Text with runs of whitespace made one space, trimmed. */
function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

describe("the pilcrow is no text of either side", () => {
  it("over random splits and joins: the changes rebuild both texts, the clean side of the text and HTML outputs is the draft, the struck side the base", () => {
    let seams = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const random = new Random(seed);
      const document = generateDocument(seed, 6000);
      const made = splitOrJoin(document, random);
      if (!made) continue;
      const redline = compare(document, made.draft);
      const label = `seed ${seed}`;
      expect(applyChanges(redline), label).toBe(redline.draftText);
      expect(revertChanges(redline), label).toBe(redline.baseText);
      expect(slicesMatch(redline), label).toEqual([]);
      expect(boundariesInsideTokens(redline), label).toEqual([]);
      const found = redline.changes.filter((change) => change.seam);
      seams += found.length;
      for (const change of found) expect(change.seam, label).toBe(made.kind);
      const text = formatText(redline);
      const clean = text.replace(/\{\+¶\+\}/g, "").replace(/\[-[\s\S]*?-\]/g, " ").replace(/\{\+|\+\}/g, "");
      const struck = text.replace(/\{\+[\s\S]*?\+\}/g, " ").replace(/\[-¶ ?/g, "[-").replace(/\[-|-\]/g, "");
      expect(collapse(clean), label).toBe(collapse(redline.draftText));
      expect(collapse(struck), label).toBe(collapse(redline.baseText));
      const html = formatHtml(redline);
      const cleanHtml = html.replace(/<ins class="pilcrow"[^>]*>¶<\/ins>/g, "").replace(/<del[^>]*>[\s\S]*?<\/del>/g, " ").replace(/<[^>]+>/g, " ");
      const struckHtml = html.replace(/<ins[^>]*>[\s\S]*?<\/ins>/g, " ").replace(/(<del class="pilcrow"[^>]*>)¶/g, "$1").replace(/<[^>]+>/g, " ");
      const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      expect(collapse(unescape(cleanHtml)), label).toBe(collapse(redline.draftText));
      expect(collapse(unescape(struckHtml)), label).toBe(collapse(redline.baseText));
      const exported = buildOrdinance({ base: document, draft: made.draft });
      const tracked = withRevisions(exported, { defaultAuthor: "A" });
      expect(tracked.blocks.some((block) => block.runs.some((run) => run.text.includes("¶"))), label).toBe(false);
    }
    expect(seams).toBeGreaterThan(30);
  });
});
