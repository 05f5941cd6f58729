/**
 * `npm run bench:cli` — whole-process times of the command line as a user runs it: `parse` of
 * the fixture and `compare` at 2 MB, each through the prebuilt bundle (bin/ordinance-redline.mjs
 * with a fresh build/cli), through the TypeScript sources (ORDINANCE_REDLINE_SOURCES=1, tsx),
 * and through npx. Median of 5 runs each, in turns, so the rows of one run compare.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serializeDocument } from "../src/core/model/canonicalText";
import { generateDocument } from "../src/core/samples/generateChapter";
import { amendedSample } from "../src/core/samples/editScripts";

const root = new URL("../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "redline-cli-bench-"));
const big = generateDocument(7, 2_000_000);
const bigBase = join(dir, "base.txt");
const bigAmended = join(dir, "amended.txt");
writeFileSync(bigBase, serializeDocument(big));
writeFileSync(bigAmended, serializeDocument(amendedSample(big, 5)));

const build = spawnSync(process.execPath, ["scripts/buildCli.mjs"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) throw new Error("the CLI bundle did not build");

const jobs: Array<[string, string[]]> = [
  ["parse fixture", ["parse", "fixtures/welcoming-city/base.txt", "--format", "text"]],
  ["compare 2 MB", ["compare", bigBase, bigAmended]],
];
const ways: Array<[string, (args: string[]) => [string, string[], NodeJS.ProcessEnv]]> = [
  ["bundle", (args) => [process.execPath, ["bin/ordinance-redline.mjs", ...args], process.env]],
  ["sources (tsx)", (args) => [process.execPath, ["bin/ordinance-redline.mjs", ...args], { ...process.env, ORDINANCE_REDLINE_SOURCES: "1" }]],
  ["npx, bundle", (args) => ["npx", ["--no-install", "ordinance-redline", ...args], process.env]],
];

const times = new Map<string, number[]>();
for (let round = 0; round < 5; round++) {
  for (const [job, args] of jobs) {
    for (const [way, command] of ways) {
      const [file, argv, env] = command(args);
      const began = performance.now();
      const result = spawnSync(file, argv, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
      if (result.status !== 0) throw new Error(`${job} via ${way} failed: ${result.stderr}`);
      const key = `${job} | ${way}`;
      times.set(key, [...(times.get(key) ?? []), performance.now() - began]);
    }
  }
}
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log("command line, whole process (median of 5 runs, ms; shared machine: compare rows of one run)");
for (const [key, values] of times) console.log(`${key.padEnd(34)} ${median(values).toFixed(0).padStart(6)} ms`);
