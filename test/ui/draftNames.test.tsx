import { describe, expect, it } from "vitest";
import { freeDraftName } from "../../src/ui/drafts/draftNames";

describe("a free name for a draft kept beside another", () => {
  it("is the name itself when no draft has it", () => {
    expect(freeDraftName("Ward 32 draft", ["Other", "Ward 32 draft (2)"])).toBe("Ward 32 draft");
  });

  it("is never taken, and is the first free numbered name, over random sets of taken names", () => {
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    for (let round = 0; round < 300; round++) {
      const name = random() < 0.5 ? "Amendment" : "Amendment (2)";
      const taken = new Set<string>();
      if (random() < 0.9) taken.add(name);
      for (let k = 2; k < 9; k++) if (random() < 0.6) taken.add(`${name} (${k})`);
      const free = freeDraftName(name, taken);
      expect(taken.has(free)).toBe(false);
      // Every candidate before it, in the order name, name (2), name (3)…, is taken.
      const candidates = [name, ...Array.from({ length: 10 }, (_, k) => `${name} (${k + 2})`)];
      const at = candidates.indexOf(free);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(candidates.slice(0, at).every((candidate) => taken.has(candidate))).toBe(true);
    }
  });
});
