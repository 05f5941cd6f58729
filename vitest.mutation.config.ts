import { defineConfig } from "vitest/config";

/**
 * The tests that pin the redline engine, for mutation testing (`npm run mutation`): the core
 * redline, token, golden and property tests. Kept standalone, like the other configs.
 */
export default defineConfig({
  test: {
    include: ["test/core/redline*.test.ts", "test/core/tokens.test.ts", "test/core/wordDiff*.test.ts", "test/core/linearDiff*.test.ts", "test/core/presentation*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
