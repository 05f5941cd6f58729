/**
 * Comment threads as pure values: replies, edits and deletions by their own writer only,
 * resolving and reopening; and text-quote selectors found again in a text whose spacing or
 * surroundings changed, checked against a brute-force search over random texts.
 */
import { describe, expect, it } from "vitest";
import type { Comment } from "../../src/core/annotations/annotation";
import {
  addToThread, deleteFromThread, editInThread, isOwnComment, newComment, setThreadResolved, type CommentAuthor, type TextThread,
} from "../../src/core/annotations/comments";
import { findQuote, quoteAt } from "../../src/core/annotations/textQuote";
import { Random } from "../../src/core/samples/random";

const clerk: CommentAuthor = { name: "Dana Whitfield", office: "Office of the City Clerk" };
const ward: CommentAuthor = { name: "Luis Ortega", office: "32nd Ward" };
const T0 = "2026-11-02T09:00:00.000Z";
const T1 = "2026-11-02T10:30:00.000Z";

function thread(comments: Comment[]): TextThread {
  return { id: "t1", anchor: { section: "2-173-020", blockId: null, quote: { exact: "agency", prefix: "", suffix: "" } }, resolved: false, comments };
}

describe("comment threads", () => {
  it("makes a comment only with a named author and some text", () => {
    expect(newComment("c1", clerk, "  Please check the definition.  ", T0)).toEqual({ id: "c1", author: "Dana Whitfield", office: "Office of the City Clerk", time: T0, text: "Please check the definition." });
    expect(newComment("c1", null, "text", T0)).toBeNull();
    expect(newComment("c1", { name: "  ", office: "x" }, "text", T0)).toBeNull();
    expect(newComment("c1", clerk, " \n ", T0)).toBeNull();
    expect(newComment("c1", { name: "Ana", office: " " }, "text", T0)).not.toHaveProperty("office");
  });

  it("adds replies in order, and a reply reopens a resolved thread", () => {
    const first = newComment("c1", clerk, "Is this intended?", T0)!;
    const reply = newComment("c2", ward, "Yes, it is.", T1)!;
    const opened = addToThread(thread([]), first);
    const resolved = setThreadResolved(addToThread(opened, reply), true)!;
    expect(resolved.comments.map((each) => each.id)).toEqual(["c1", "c2"]);
    expect(resolved.resolved).toBe(true);
    const again = addToThread(resolved, newComment("c3", clerk, "One more thing.", T1)!);
    expect(again.resolved).toBe(false);
    expect(again.comments).toHaveLength(3);
  });

  it("lets only a comment's own writer edit or delete it", () => {
    const base = thread([newComment("c1", clerk, "First.", T0)!, newComment("c2", ward, "Second.", T0)!]);
    expect(isOwnComment(base.comments[0]!, clerk)).toBe(true);
    expect(isOwnComment(base.comments[0]!, { name: " dana whitfield ", office: "office of the city clerk" })).toBe(true);
    expect(isOwnComment(base.comments[0]!, { name: "Dana Whitfield", office: "32nd Ward" })).toBe(false);
    expect(isOwnComment(base.comments[0]!, null)).toBe(false);
    expect(editInThread(base, "c1", ward, "Changed.", T1)).toBeNull();
    expect(deleteFromThread(base, "c1", ward)).toBeNull();
    const edited = editInThread(base, "c1", clerk, " Changed. ", T1)!;
    expect(edited.comments[0]).toEqual({ ...base.comments[0], text: "Changed.", edited: T1 });
    expect(edited.comments[1]).toBe(base.comments[1]);
    expect(editInThread(base, "c1", clerk, "First.", T1)).toBeNull();
    expect(editInThread(base, "c1", clerk, "  ", T1)).toBeNull();
    expect(editInThread(base, "nope", clerk, "x", T1)).toBeNull();
    expect(deleteFromThread(base, "c2", ward)!.comments.map((each) => each.id)).toEqual(["c1"]);
    // An older file's comment signed with a sponsor id is nobody's own.
    expect(isOwnComment({ id: "c", author: "ramirez-rosa", time: T0, text: "x" }, clerk)).toBe(false);
  });

  it("resolves and reopens a thread with comments, and refuses what changes nothing", () => {
    const base = thread([newComment("c1", clerk, "First.", T0)!]);
    expect(setThreadResolved(base, false)).toBeNull();
    const resolved = setThreadResolved(base, true)!;
    expect(setThreadResolved(resolved, true)).toBeNull();
    expect(setThreadResolved(resolved, false)!.resolved).toBe(false);
    expect(setThreadResolved(thread([]), true)).toBeNull();
  });
});

const WORDS = ["the", "agency", "shall", "not", "disclose", "information", "of", "any", "person", "City", "(a)", "officer", "status"];

function randomText(random: Random, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(random.pick(WORDS), random.chance(0.1) ? "  " : random.chance(0.05) ? "\n" : " ");
  return parts.join("");
}

const tidy = (text: string) => text.replace(/\s+/g, " ");

describe("text-quote selectors", () => {
  it("find the very words quoted when their context is unique, over random texts (brute force as the truth)", () => {
    const random = new Random(12);
    for (let trial = 0; trial < 600; trial++) {
      const text = randomText(random, random.int(3, 40));
      const start = random.int(0, text.length - 1);
      const end = random.int(start + 1, Math.min(text.length, start + 40));
      const quote = quoteAt(text, start, end);
      const found = findQuote(text, quote);
      if (quote.exact.trim() === "") { expect(found).toBeNull(); continue; }
      expect(found, `trial ${trial}`).not.toBeNull();
      expect(tidy(text.slice(found!.start, found!.end))).toBe(tidy(quote.exact));
      // The truth: every place whose tidied words and whole 32-character context agree with the quote.
      const places: number[] = [];
      for (let at = 0; at < text.length; at++) {
        for (let to = at + 1; to <= text.length; to++) {
          const words = tidy(text.slice(at, to));
          if (words.length > tidy(quote.exact).length) break;
          if (words !== tidy(quote.exact)) continue;
          if (tidy(text.slice(Math.max(0, at - 32), at)).endsWith(tidy(quote.prefix).slice(-12)) && tidy(text.slice(to, to + 32)).startsWith(tidy(quote.suffix).slice(0, 12))) places.push(at);
        }
      }
      if (new Set(places).size === 1 && !/\s/.test(text[start]!)) expect(found!.start, `trial ${trial}`).toBe(start);
    }
  });

  it("find the words again after spacing is tidied and text is added away from them", () => {
    const text = "The agency shall  not disclose\n  information of any person.";
    const start = text.indexOf("disclose");
    const quote = quoteAt(text, start, start + "disclose\n  information".length);
    const saved = `Preface words. ${text.replace(/\s+/g, " ")} More words.`;
    const found = findQuote(saved, quote)!;
    expect(saved.slice(found.start, found.end)).toBe("disclose information");
  });

  it("refuse a quote whose words stand only in another context, and prefer the named paragraph in a tie", () => {
    expect(findQuote("one agency two", { exact: "agency", prefix: "completely different ", suffix: " context here" })).toBeNull();
    const text = "the agency shall\nthe agency shall";
    const quote = { exact: "agency", prefix: "the ", suffix: " shall" };
    expect(findQuote(text, quote)!.start).toBe(4);
    expect(findQuote(text, quote, { start: 17, end: 33 })!.start).toBe(21);
  });
});
