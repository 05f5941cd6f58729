import { defineConfig } from "vitest/config";

/** Node tests: the pure core, the editor layer on EditorState, the CLI, UI components and the collaboration server. */
export default defineConfig({
  test: {
    include: ["test/core/**/*.test.ts", "test/bench/**/*.test.ts", "test/editor/**/*.test.ts", "test/cli/**/*.test.ts", "test/ui/**/*.test.tsx", "test/persistence/**/*.test.ts", "test/server/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
