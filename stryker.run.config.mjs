import fast from "./stryker.fast.config.mjs";
/**
 * One file's mutation run at a time (concurrency 1, for a shared two-core machine), its JSON
 * report and sandbox named by MUT_NAME so that runs one after another keep their reports:
 *   MUT_NAME=lcs npx stryker run stryker.run.config.mjs --mutate src/core/redline/lcs.ts
 */
const name = process.env.MUT_NAME ?? "file";
export default {
  ...fast,
  concurrency: 1,
  reporters: ["clear-text", "json"],
  jsonReporter: { fileName: `test-output/mutation/${name}.json` },
  tempDirName: `test-output/stryker-tmp-${name}`,
};
