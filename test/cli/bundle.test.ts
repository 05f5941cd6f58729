/**
 * The prebuilt command line (build/cli, made by npm's prepare step): it prints exactly what the
 * TypeScript sources print, and the entry point runs it only while no source is newer.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the build scripts, without type declarations
import { bundleIsFresh, newestSource } from "../../scripts/sourceTimes.mjs";

const root = new URL("../../", import.meta.url).pathname;
const run = promisify(execFile);

async function output(args: string[], fromSources: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ORDINANCE_REDLINE_SOURCES: fromSources ? "1" : "0" };
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/ordinance-redline.mjs", ...args], { cwd: root, env, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the prebuilt command line", () => {
  it("is in step with the sources after the build", () => {
    expect(bundleIsFresh(join(root, "build", "cli"), join(root, "src"))).toBe(true);
  });

  it("prints what the sources print, for every command and for bad input", async () => {
    const BASE = "fixtures/welcoming-city/base.txt";
    const AMENDED = "fixtures/welcoming-city/amended.txt";
    for (const args of [
      ["parse", BASE, "--format", "text"], ["parse", AMENDED], ["compare", BASE, AMENDED], ["compare", BASE, AMENDED, "--format", "json"],
      ["check", BASE, AMENDED], ["ordinance", BASE, AMENDED], ["compare", BASE, "no-such-file.txt"], ["parse"], ["help"],
    ]) {
      const [bundled, sources] = await Promise.all([output(args, false), output(args, true)]);
      expect(bundled, args.join(" ")).toEqual(sources);
    }
  }, 120_000);
});

describe("when the bundle is fresh", () => {
  const tree = () => {
    const dir = mkdtempSync(join(tmpdir(), "redline-bundle-"));
    mkdirSync(join(dir, "src", "core"), { recursive: true });
    mkdirSync(join(dir, "bundle"));
    writeFileSync(join(dir, "src", "core", "a.ts"), "export {};\n");
    writeFileSync(join(dir, "src", "b.tsx"), "export {};\n");
    writeFileSync(join(dir, "src", "notes.md"), "not a source\n");
    utimesSync(join(dir, "src", "core", "a.ts"), 1000, 1000);
    utimesSync(join(dir, "src", "b.tsx"), 2000, 2000);
    utimesSync(join(dir, "src", "notes.md"), 9000, 9000);
    return dir;
  };

  it("takes the newest .ts or .tsx file under the sources, at any depth", () => {
    expect(newestSource(join(tree(), "src"))).toBe(2_000_000);
  });

  it("is fresh only with a record no older than every source", () => {
    const dir = tree();
    const bundle = join(dir, "bundle");
    expect(bundleIsFresh(bundle, join(dir, "src"))).toBe(false);
    writeFileSync(join(bundle, "sources.json"), JSON.stringify({ newestSource: 2_000_000 }));
    expect(bundleIsFresh(bundle, join(dir, "src"))).toBe(true);
    utimesSync(join(dir, "src", "core", "a.ts"), 3000, 3000);
    expect(bundleIsFresh(bundle, join(dir, "src"))).toBe(false);
    writeFileSync(join(bundle, "sources.json"), "{ not json");
    expect(bundleIsFresh(bundle, join(dir, "src"))).toBe(false);
  });
});
