// When the command-line bundle (build/cli/) is in step with the sources: shared by the build
// (scripts/buildCli.mjs), which records the newest source time, and the entry point
// (bin/ordinance-redline.mjs), which runs the bundle only when no source is newer.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The newest modification time (ms) of the .ts and .tsx files under `dir`, 0 when none. */
export function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts") || entry.name.endsWith(".tsx")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The record the build writes beside the bundle. */
export const SOURCES_RECORD = "sources.json";

/** Whether the bundle in `bundleDir` was built from sources no older than those now in `sourceDir`. */
export function bundleIsFresh(bundleDir, sourceDir) {
  try {
    const { newestSource: builtFrom } = JSON.parse(readFileSync(join(bundleDir, SOURCES_RECORD), "utf8"));
    return typeof builtFrom === "number" && newestSource(sourceDir) <= builtFrom;
  } catch {
    return false;
  }
}
