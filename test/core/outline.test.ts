/** Re-lettering a section's lists after a structural edit (core/model/outline), case by case. */
import { describe, expect, it } from "vitest";
import { childStyle, labelAt, reletteredEnumerators, type OutlineItem } from "../../src/core/model/outline";

/** Items from "level:label" strings; a trailing "*" marks the item touched, "0:-" is an unnumbered paragraph. */
function items(...specs: string[]): OutlineItem[] {
  return specs.map((spec) => {
    const touched = spec.endsWith("*");
    const [level, label] = spec.replace(/\*$/, "").split(":") as [string, string];
    return { level: Number(level), enumerator: label === "-" ? null : `(${label})`, touched };
  });
}

describe("labels", () => {
  it("writes each style the Code's way", () => {
    expect([1, 3, 26, 27, 28].map((n) => labelAt("lower-alpha", n))).toEqual(["a", "c", "z", "aa", "bb"]);
    expect([1, 4, 9, 14, 40].map((n) => labelAt("lower-roman", n))).toEqual(["i", "iv", "ix", "xiv", "xl"]);
    expect(labelAt("upper-alpha", 2)).toBe("B");
    expect(labelAt("digit", 12)).toBe("12");
    expect(() => labelAt("digit", 0)).toThrow(RangeError);
  });

  it("nests (a) → (1) → (A) → (i)", () => {
    expect([childStyle(null), childStyle("lower-alpha"), childStyle("digit"), childStyle("upper-alpha")]).toEqual(["lower-alpha", "digit", "upper-alpha", "lower-roman"]);
  });
});

describe("re-lettering", () => {
  it("letters a new item in sequence and moves the later siblings on", () => {
    expect(reletteredEnumerators(items("1:a", "1:b", "1:a*", "1:c", "1:d"))).toEqual(["(a)", "(b)", "(c)", "(d)", "(e)"]);
  });

  it("closes a list over a removed item, marked on the item after the gap", () => {
    expect(reletteredEnumerators(items("1:a", "1:c*", "1:d", "2:1", "2:2", "1:e"))).toEqual(["(a)", "(b)", "(c)", "(1)", "(2)", "(d)"]);
  });

  it("gives a sunk item the next style under its new parent and keeps untouched lists as they are", () => {
    expect(reletteredEnumerators(items("1:a", "1:b*", "1:c*", "0:-", "1:x"))).toEqual(["(a)", "(b)", "(c)", null, "(d)"]);
    expect(reletteredEnumerators(items("1:a", "2:b*", "1:c*"))).toEqual(["(a)", "(1)", "(b)"]);
    expect(reletteredEnumerators(items("1:a", "2:1", "3:b*"))).toEqual(["(a)", "(1)", "(A)"]);
    expect(reletteredEnumerators(items("1:a", "2:1", "3:A", "4:x*"))).toEqual(["(a)", "(1)", "(A)", "(i)"]);
    expect(reletteredEnumerators(items("1:a", "1:c", "2:7"))).toEqual(["(a)", "(c)", "(7)"]);
  });

  it("keeps a list that starts with (1) in digits, and a restarted list as its own", () => {
    expect(reletteredEnumerators(items("1:1", "1:2", "1:x*"))).toEqual(["(1)", "(2)", "(3)"]);
    expect(reletteredEnumerators(items("1:a", "1:b", "1:z*", "1:a", "1:b"))).toEqual(["(a)", "(b)", "(c)", "(a)", "(b)"]);
  });

  it("reads (i) after (h) as a letter of its list, not a roman numeral", () => {
    expect(reletteredEnumerators(items("1:g", "1:h", "1:i", "1:q*"))).toEqual(["(g)", "(h)", "(i)", "(j)"]);
  });
});
