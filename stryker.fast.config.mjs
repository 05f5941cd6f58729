import base from "./stryker.config.mjs";
/** Per-file mutation runs against the quick tests only (a lower bound on `npm run mutation`'s score). */
export default { ...base, vitest: { configFile: "vitest.mutation-fast.config.ts" }, timeoutMS: 5_000, ignorePatterns: ["/test-output"] };
