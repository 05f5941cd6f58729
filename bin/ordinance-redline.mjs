#!/usr/bin/env node
// Entry point of the command line. Runs the bundle that `npm install` builds (scripts/buildCli.mjs)
// when no source file is newer than it; otherwise (no bundle yet, sources edited since, or
// ORDINANCE_REDLINE_SOURCES=1) runs the TypeScript sources through tsx, so the command always
// runs what is checked out, with no build step for the user.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleIsFresh } from "../scripts/sourceTimes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

let main;
if (process.env.ORDINANCE_REDLINE_SOURCES !== "1" && bundleIsFresh(join(root, "build", "cli"), join(root, "src"))) {
  ({ main } = await import("../build/cli/main.mjs"));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
