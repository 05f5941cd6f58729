import { defineConfig } from "vitest/config";

/** The quick part of vitest.mutation.config.ts (no property tests), for per-file mutation runs. */
export default defineConfig({
  test: {
    // MUTATION_TESTS="a,b" runs only those test files (a lower bound on the score, sooner).
    include: process.env.MUTATION_TESTS
      ? process.env.MUTATION_TESTS.split(",")
      : ["test/core/redline*.test.ts", "test/core/linearDiff.test.ts", "test/core/tokens.test.ts", "test/core/wordDiff*.test.ts", "test/core/presentation*.test.ts"],
    // MUTATION_BEFORE=1 leaves out the mutation tests, to measure the score without them.
    exclude: ["**/*property*", "**/node_modules/**", ...(process.env.MUTATION_BEFORE ? ["**/redline.mutation-*"] : [])],
    // The large-document runs take seconds each; the per-mutant run leaves them to the full set.
    testNamePattern: /^(?!.*(10 MB chapters|2 MB-scale|multi-chapter titles)).*$/,
    environment: "node",
    testTimeout: 60_000,
  },
});
