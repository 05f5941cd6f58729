import { describe, expect, it } from "vitest";
import {
  checkSectionNumber, chapterOfSection, compareSectionNumbers, formatSectionNumber, parseChapterNumber,
  parseSectionNumber, proposeSectionNumber, readsAsDate, sameSectionNumber,
} from "../../src/core/numbers";
import { Random } from "../../src/core/samples/random";
import { tokenize } from "../../src/core/redline/tokens";

const CHAPTER = ["2-173-005", "2-173-010", "2-173-020", "2-173-030", "2-173-040", "2-173-042", "2-173-050", "2-173-060", "2-173-070"];

describe("section numbers: parse and format", () => {
  it("reads the parts of title-chapter-section numbers in every accepted form", () => {
    expect(parseSectionNumber("2-173-042")).toEqual({ text: "2-173-042", title: "2", chapter: "2-173", serial: 42, fraction: null });
    expect(parseSectionNumber("2-173-042.5")).toEqual({ text: "2-173-042.5", title: "2", chapter: "2-173", serial: 42, fraction: "5" });
    expect(parseSectionNumber("4A-12B-100")).toEqual({ text: "4A-12B-100", title: "4A", chapter: "4A-12B", serial: 100, fraction: null });
    expect(parseSectionNumber("2-173-12345")?.serial).toBe(12345);
    expect(parseChapterNumber("2-173")).toEqual({ text: "2-173", title: "2", serial: 173 });
    expect(parseChapterNumber("4A-12B")).toEqual({ text: "4A-12B", title: "4A", serial: 12 });
    expect(parseChapterNumber("2-173-042")).toBeNull();
  });
  it("refuses what is not exactly a section number", () => {
    for (const text of ["2-173", "2-173-42", " 2-173-042", "2-173-042.", "Section 2-173-042", "2-173-042(a)", "a-173-042", ""]) {
      expect(parseSectionNumber(text), text).toBeNull();
    }
  });
  it("never reads a history note's date as a section number", () => {
    for (const date of ["3-29-06", "10-5-16", "1-27-21", "3-29-2006", "12-31-1999"]) {
      expect(readsAsDate(date), date).toBe(true);
      expect(parseSectionNumber(date), date).toBeNull();
    }
    for (const number of ["2-173-042", "2-12-100", "13-29-2006"]) expect(readsAsDate(number), number).toBe(false);
  });
  it("writes the section part with three digits", () => {
    expect(formatSectionNumber("2-173", 45)).toBe("2-173-045");
    expect(formatSectionNumber("2-173", 5)).toBe("2-173-005");
    expect(formatSectionNumber("2-173", 120)).toBe("2-173-120");
    expect(formatSectionNumber("2-173", 42, "5")).toBe("2-173-042.5");
    expect(() => formatSectionNumber("2-173", 4.5)).toThrow(RangeError);
    expect(() => formatSectionNumber("2-173", -1)).toThrow(RangeError);
  });
  it("round-trips format and parse for random serials", () => {
    const random = new Random(7);
    for (let i = 0; i < 500; i++) {
      const serial = random.int(0, 20000);
      const parsed = parseSectionNumber(formatSectionNumber("2-150", serial))!;
      expect(parsed.serial).toBe(serial);
      expect(parsed.chapter).toBe("2-150");
    }
  });
  it("names a section's chapter and compares numbers by value", () => {
    expect(chapterOfSection("2-173-042.5")).toBe("2-173");
    expect(chapterOfSection("4A-12B-100")).toBe("4A-12B");
    expect(sameSectionNumber("2-173-045", "2-173-0045")).toBe(true);
    expect(sameSectionNumber("2-173-045", "2-173-045.5")).toBe(false);
    expect(sameSectionNumber("2-173-045", "2-174-045")).toBe(false);
  });
});

describe("section numbers: order", () => {
  it("orders as the Code does", () => {
    const sorted = ["2-173-100", "2-173-042.5", "2-78-010", "2-173-045", "2-173-042", "2-173-1000", "10-8-010", "2-173-042.10", "2-173A-010"].sort(compareSectionNumbers);
    expect(sorted).toEqual(["2-78-010", "2-173-042", "2-173-042.5", "2-173-042.10", "2-173-045", "2-173-100", "2-173-1000", "2-173A-010", "10-8-010"]);
  });
  it("agrees with ordering by (title, chapter, serial) on random numbers", () => {
    const random = new Random(11);
    const keys = Array.from({ length: 400 }, () => [random.int(1, 17), random.int(1, 200), random.int(0, 1200)] as const);
    const texts = keys.map(([t, c, s]) => formatSectionNumber(`${t}-${c}`, s));
    const expected = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]).map(([t, c, s]) => formatSectionNumber(`${t}-${c}`, s));
    expect([...texts].sort(compareSectionNumbers)).toEqual(expected);
  });
});

describe("the number assistant", () => {
  const proposed = (existing: readonly string[], after: string) => {
    const result = proposeSectionNumber(existing, after);
    if (result.kind !== "proposed") throw new Error(result.explanation);
    return result;
  };
  it("proposes 2-173-045 between -042 and -050, explaining why", () => {
    const result = proposed(CHAPTER, "2-173-042");
    expect(result.number).toBe("2-173-045");
    expect(result.gap).toEqual({ after: "2-173-042", before: "2-173-050" });
    expect(result.explanation).toContain("between 2-173-042 and 2-173-050");
    expect(result.explanation).toContain("multiple of 5");
  });
  it("prefers a multiple of 5 in the middle of the gap", () => {
    expect(proposed(CHAPTER, "2-173-010").number).toBe("2-173-015");
    expect(proposed(["2-173-000", "2-173-100"], "2-173-000").number).toBe("2-173-050");
    expect(proposed(CHAPTER, "2-173-040").number).toBe("2-173-041");
  });
  it("takes any free number where no multiple of 5 is free", () => {
    const result = proposed([...CHAPTER, "2-173-045"], "2-173-045");
    expect(result.number).toBe("2-173-047");
    expect(result.explanation).toContain("no multiple of 5");
  });
  it("numbers after the last section with the next multiple of 10, and at a chapter's start", () => {
    expect(proposed(CHAPTER, "2-173-070").number).toBe("2-173-080");
    expect(proposed(["2-173-010"], "2-173").number).toBe("2-173-005");
    expect(proposed([], "2-174").number).toBe("2-174-010");
    expect(proposed(["2-173-042.5", "2-173-050"], "2-173-042.5").number).toBe("2-173-045");
  });
  it("ignores other chapters' numbers", () => {
    expect(proposed([...CHAPTER, "2-174-045"], "2-173-042").number).toBe("2-173-045");
  });
  it("says when a gap is full and offers the nearest free gap, renumbering nothing", () => {
    const full = ["2-173-040", "2-173-041", "2-173-042", "2-173-043", "2-173-050", "2-173-060"];
    const result = proposeSectionNumber(full, "2-173-042");
    expect(result.kind).toBe("no-free-number");
    if (result.kind !== "no-free-number") return;
    expect(result.gap).toEqual({ after: "2-173-042", before: "2-173-043" });
    expect(result.nearest).toEqual({ number: "2-173-045", gap: { after: "2-173-043", before: "2-173-050" } });
    expect(result.explanation).toContain("No number is free between 2-173-042 and 2-173-043");
    expect(result.explanation).toContain("City Clerk");
  });
  it("says when the whole chapter is full", () => {
    const all = Array.from({ length: 1000 }, (_, i) => formatSectionNumber("2-173", i));
    const result = proposeSectionNumber(all, "2-173-500");
    expect(result).toMatchObject({ kind: "no-free-number", nearest: null });
  });
  it("refuses a malformed place", () => {
    expect(proposeSectionNumber(CHAPTER, "3-29-06").kind).toBe("invalid");
  });
  it("over random chapters proposes an unused number strictly between the neighbours, or says none is free", () => {
    const random = new Random(3);
    for (let round = 0; round < 300; round++) {
      const serials = new Set<number>();
      const count = random.int(1, 30);
      for (let i = 0; i < count; i++) serials.add(random.int(1, 120));
      const numbers = [...serials].map((serial) => formatSectionNumber("2-173", serial));
      const after = random.pick(numbers);
      const low = Number(after.slice(-3));
      const above = [...serials].filter((serial) => serial > low);
      const high = above.length ? Math.min(...above) : 1000;
      const result = proposeSectionNumber(numbers, after);
      const freeInGap = high - low > 1;
      expect(result.kind, `${numbers.join(" ")} after ${after}`).toBe(freeInGap ? "proposed" : "no-free-number");
      if (result.kind === "proposed") {
        const serial = Number(result.number.slice(-3));
        expect(serials.has(serial)).toBe(false);
        expect(serial > low && serial < high).toBe(true);
        const fiveFree = Array.from({ length: high - low - 1 }, (_, i) => low + 1 + i).some((value) => value % 5 === 0);
        if (fiveFree) expect(serial % 5).toBe(0);
      }
    }
  });
});

describe("a number the drafter types", () => {
  it("accepts an unused number in the gap", () => {
    expect(checkSectionNumber(CHAPTER, "2-173-042", "2-173-047")).toMatchObject({ kind: "accepted", number: "2-173-047" });
    expect(checkSectionNumber(CHAPTER, "2-173-042", " 2-173-042.5 ")).toMatchObject({ kind: "accepted", number: "2-173-042.5" });
  });
  it("refuses a used number, by value too", () => {
    expect(checkSectionNumber(CHAPTER, "2-173-042", "2-173-050")).toMatchObject({ kind: "refused", reason: "used" });
    expect(checkSectionNumber(CHAPTER, "2-173-042", "2-173-0050")).toMatchObject({ kind: "refused", reason: "used" });
  });
  it("refuses a number outside the gap, of another chapter, or malformed", () => {
    expect(checkSectionNumber(CHAPTER, "2-173-042", "2-173-065")).toMatchObject({ kind: "refused", reason: "out-of-order" });
    expect(checkSectionNumber(CHAPTER, "2-173-042", "2-174-045")).toMatchObject({ kind: "refused", reason: "other-chapter" });
    expect(checkSectionNumber(CHAPTER, "2-173-042", "45")).toMatchObject({ kind: "refused", reason: "malformed" });
    expect(checkSectionNumber(CHAPTER, "2-173-042", "3-29-06")).toMatchObject({ kind: "refused", reason: "malformed" });
  });
});

describe("the date false friend in the redline's tokens", () => {
  const words = (text: string) => tokenize(text).map((token) => token.text);
  it("keeps a date one word but never joins a following enumerator to it", () => {
    expect(words("Coun. J. 3-29-06(a)")).toEqual(["Coun", ".", "J", ".", "3-29-06", "(a)"]);
    expect(words("Section 2-173-030(a)(2) and 2-173-042.5")).toEqual(["Section", "2-173-030(a)(2)", "and", "2-173-042.5"]);
    expect(words("Chapter 2-173 and 10-5-2016")).toEqual(["Chapter", "2-173", "and", "10-5-2016"]);
  });
});

describe("the importer reads numbers through the module", () => {
  it("takes a section heading and a repeal formula, never a date", async () => {
    const { classifyLine } = await import("../../src/core/importer/lineKinds");
    const { formulaKind } = await import("../../src/core/wordImport/lines");
    expect(classifyLine("2-173-042.5 Catchline.")).toMatchObject({ kind: "section", number: "2-173-042.5" });
    expect(classifyLine("3-29-06 Council approved.").kind).toBe("text");
    expect(formulaKind("Section 2-173-070 of the Municipal Code of Chicago is hereby repealed in its entirety.")).toEqual({ kind: "repeal", unit: "section", number: "2-173-070" });
    expect(formulaKind("Chapter 2-173 of the Municipal Code of Chicago is hereby repealed in its entirety.")).toEqual({ kind: "repeal", unit: "chapter", number: "2-173" });
  });
});
