// Mutation testing of the redline engine: `npm run mutation` (slow on two cores; not part of
// `npm test`). Each mutant of src/core/redline must make some test of vitest.mutation.config.ts fail.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: ["src/core/redline/**/*.ts", "!src/core/redline/index.ts", "!src/core/redline/types.ts"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "test-output/mutation/mutation.json" },
  tempDirName: "test-output/stryker-tmp",
  cleanTempDir: true,
  // TypeScript 7 (the native port) has no JavaScript API, which Stryker's tsconfig rewriting
  // needs; the vitest runner compiles through Vite and needs no tsconfig, so point it nowhere.
  tsconfigFile: "no-tsconfig-for-stryker.json",
  disableTypeChecks: false,
};
