import { afterEach, describe, expect, it, vi } from "vitest";
import { Random } from "../../src/core/samples/random";
import { MaxWaitTimer } from "../../src/ui/drafts/maxWaitTimer";

afterEach(() => vi.useRealTimers());

describe("a debounce with a maximum wait", () => {
  it("runs after each pause and at least every maximum wait, never without a poke (500 random schedules)", () => {
    vi.useFakeTimers();
    const random = new Random(11);
    for (let trial = 0; trial < 500; trial++) {
      const delay = random.int(10, 300);
      const maxWait = delay + random.int(0, 1000);
      const runs: number[] = [];
      const timer = new MaxWaitTimer(() => runs.push(Date.now()), delay, maxWait);
      const start = Date.now();
      const pokes: number[] = [];
      for (let i = random.int(1, 60); i > 0; i--) {
        vi.advanceTimersByTime(random.chance(0.15) ? random.int(0, delay * 3) : random.int(0, delay - 1));
        pokes.push(Date.now());
        timer.poke();
      }
      vi.advanceTimersByTime(maxWait + delay + 1);
      // The truth, step by step: a run is due `delay` after the last poke or `maxWait` after the first unserved one.
      const expected: number[] = [];
      let first: number | null = null;
      let last = 0;
      for (const [i, poke] of pokes.entries()) {
        first ??= poke;
        last = poke;
        const due = Math.min(last + delay, first + maxWait);
        const next = pokes[i + 1];
        if (next === undefined || next >= due) { expected.push(due); first = null; }
      }
      expect(runs.map((time) => time - start), `trial ${trial}`).toEqual(expected.map((time) => time - start));
      timer.settle();
    }
  });

  it("does not run once settled", () => {
    vi.useFakeTimers();
    const work = vi.fn();
    const timer = new MaxWaitTimer(work, 100, 500);
    timer.poke();
    timer.settle();
    vi.advanceTimersByTime(1000);
    expect(work).not.toHaveBeenCalled();
  });
});
