import { defineConfig } from "vitest/config";

/**
 * Real-browser tests: Node drives Debian's Chromium through playwright-core against the built
 * app served by `vite preview`. Kept standalone (no mergeConfig) so unit tests never run here.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/browser/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
