import { expect } from "vitest";

/**
 * A value made once per test, on first use inside it, instead of once while the file's tests
 * are collected: mutation testing (Stryker's per-test coverage) then ties the work to each test
 * that reads it, rather than running every test for every mutant of the code it touches.
 */
export function perTest<T>(make: () => T): () => T {
  let made: { test: string | undefined; value: T } | undefined;
  return () => {
    const test = expect.getState().currentTestName;
    if (!made || made.test !== test || test === undefined) made = { test, value: make() };
    return made.value;
  };
}
