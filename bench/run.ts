/**
 * `npm run bench` — every benchmark of the core, printed as tables. `--quick` skips the slow
 * baseline; `--keystroke` runs only the keystroke rows. Each group runs in a child process of
 * its own, so the peak resident memory a group prints is its own (not that of larger rows run
 * before it); `--groups a,b` runs some groups, `--only <group>` runs one in this process.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runContentsBench } from "./contentsBench";
import { runExportBench } from "./exportBench";
import { runParagraphBench } from "./paragraphBench";
import { runParseBench } from "./parseBench";
import { runKeystrokeBench, runRedlineBench } from "./redlineBench";
import { runReferencesBench } from "./referencesBench";
import { runStructureBench } from "./structureBench";

const quick = process.argv.includes("--quick");
const groups: Record<string, () => void | Promise<void>> = {
  redline: () => runRedlineBench(quick),
  keystroke: runKeystrokeBench,
  structure: runStructureBench,
  paragraph: runParagraphBench,
  export: runExportBench,
  contents: runContentsBench,
  parse: runParseBench,
  references: runReferencesBench,
};

const onlyAt = process.argv.indexOf("--only");
if (onlyAt >= 0) {
  const name = process.argv[onlyAt + 1] ?? "";
  const group = groups[name];
  if (!group) throw new Error(`no benchmark group "${name}" (groups: ${Object.keys(groups).join(", ")})`);
  await group();
} else {
  const groupsAt = process.argv.indexOf("--groups");
  const names = process.argv.includes("--keystroke") ? ["keystroke"]
    : groupsAt >= 0 ? (process.argv[groupsAt + 1] ?? "").split(",") : Object.keys(groups);
  const script = fileURLToPath(import.meta.url);
  for (const name of names) {
    const args = [...process.execArgv, script, "--only", name, ...(quick ? ["--quick"] : [])];
    const result = spawnSync(process.execPath, args, { stdio: "inherit" });
    if (result.status !== 0) throw new Error(`benchmark group ${name} failed (exit ${result.status ?? result.signal})`);
  }
}
