/**
 * The importer's faster clean-up and furniture tests (issue 11, item 9) against the slow truth
 * they replace, over random lines made of the characters that matter: the breadcrumb test
 * against its regular expression, the one-pass character clean-up against straightenQuotes and
 * plainSpaces in turn, and toSourceLines against the line split it had before.
 */
import { describe, expect, it } from "vitest";
import { BREADCRUMB_TRAIL } from "../../src/core/importer/furniture";
import { classifyLine } from "../../src/core/importer/lineKinds";
import { cleanCharacters, plainSpaces, straightenQuotes, toSourceLines } from "../../src/core/importer/normalize";
import { Random } from "../../src/core/samples/random";

const ALPHABET = ["a", "B", "e", "E", "*", " ", " ", "  ", "\t", ">", "\u203a", "\u00a0", "\u2003", "\u3000", "\u200b", "\u00ad", "\ufeff", "\u201c", "\u201d", "\u2019", "\u2032", "\u00ab", "\n", "\r\n", "\r", "\u2028", "\u0085", "\f", "Editor's note", "editors note", "x"];

function randomText(random: Random, length: number, alphabet: readonly string[] = ALPHABET): string {
  let text = "";
  for (let i = 0; i < length; i++) text += random.pick(alphabet);
  return text;
}

const TRAIL_ALPHABET = ["a", "Codes", " ", " ", "\t", ">", "\u203a", "\u00a0", "\u2003", "-"];

/** toSourceLines as it was written before the one-pass clean-up (the reference). */
function referenceLines(input: string) {
  return straightenQuotes(plainSpaces(input.replace(/^\ufeff/, ""))).split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).map((line, index) => {
    let indent = 0;
    for (let at = 0; at < line.length; at++) {
      const ch = line.charCodeAt(at);
      if (ch === 32) indent += 1; else if (ch === 9) indent += 4; else break;
    }
    const text = /[ \t]{2}|\t/.test(line) ? line.replace(/[ \t]+/g, " ").trim() : line.trim();
    return { lineNumber: index + 1, indent, text };
  });
}

const NOTE_REFERENCE = /^(?:\*+ ?)?(Editor'?s'? note\b.*)$/i;

describe("the importer's clean-up, against the slow truth", () => {
  it("finds breadcrumb trails exactly where /^.*(\\s[>›]\\s.*){2,}$/ does (20,000 random lines)", () => {
    const random = new Random(11);
    const regex = /^.*(\s[>›]\s.*){2,}$/;
    let trails = 0;
    for (let i = 0; i < 20_000; i++) {
      const line = randomText(random, random.int(0, 14), TRAIL_ALPHABET);
      const expected = regex.test(line);
      if (expected) trails++;
      expect(BREADCRUMB_TRAIL.test(line), JSON.stringify(line)).toBe(expected);
    }
    expect(trails).toBeGreaterThan(300);
    expect(trails).toBeLessThan(18_000);
  });

  it("cleans characters in one pass as straightenQuotes(plainSpaces(…)) does, and splits lines as before (5,000 random texts)", () => {
    const random = new Random(12);
    for (let i = 0; i < 5_000; i++) {
      const text = randomText(random, random.int(0, 40));
      expect(cleanCharacters(text)).toBe(straightenQuotes(plainSpaces(text)));
      expect(toSourceLines(text)).toEqual(referenceLines(text));
    }
  });

  it("reads an editor's note only where the case-blind pattern would (20,000 random lines)", () => {
    const random = new Random(13);
    let notes = 0;
    for (let i = 0; i < 20_000; i++) {
      const line = toSourceLines(randomText(random, random.int(1, 6)))[0]!.text;
      if (line === "") continue;
      const kind = classifyLine(line);
      const match = NOTE_REFERENCE.exec(line);
      // Titles, headings, history notes and enumerators are tried first; past them, the note pattern decides.
      if (kind.kind === "note") { notes++; expect(match?.[1]).toBe(kind.text); }
      else if (kind.kind === "text") expect(match, JSON.stringify(line)).toBeNull();
    }
    expect(notes).toBeGreaterThan(100);
  });
});
