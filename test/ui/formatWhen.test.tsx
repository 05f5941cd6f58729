import { describe, expect, it } from "vitest";
import { formatWhen } from "../../src/ui/formatWhen";

describe("formatWhen: one way of writing a moment", () => {
  it("writes the date with the year and the time to the minute, never the seconds", () => {
    const written = formatWhen("2026-12-03T14:05:37.000Z");
    expect(written).toContain("2026");
    expect(written).toMatch(/\d{1,2}:\d{2}/);
    expect(written).not.toContain(":37");
  });

  it("gives the same words for the same moment however it is written", () => {
    expect(formatWhen("2026-12-03T14:05:00.000Z")).toBe(formatWhen("2026-12-03T14:05:59Z"));
  });

  it("shows a value that is no date as it is, rather than 'Invalid Date'", () => {
    expect(formatWhen("sometime")).toBe("sometime");
    expect(formatWhen("")).toBe("");
  });
});
