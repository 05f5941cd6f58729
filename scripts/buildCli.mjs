#!/usr/bin/env node
// Builds the command line into one ES module bundle (build/cli/), so `ordinance-redline` starts
// without compiling TypeScript: run by npm's `prepare` step on every install, and by the test
// command. Packages stay external (resolved from node_modules as usual); only the project's own
// sources are bundled. build/cli/sources.json records the newest source time the bundle was
// made from; bin/ordinance-redline.mjs runs the sources through tsx instead whenever a source
// is newer, so an edited checkout never runs a stale bundle.
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { newestSource, SOURCES_RECORD } from "./sourceTimes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build", "cli");

const newest = newestSource(join(root, "src"));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, "src", "cli", "main.ts")],
  outdir: out,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
writeFileSync(join(out, SOURCES_RECORD), `${JSON.stringify({ newestSource: newest })}\n`);
