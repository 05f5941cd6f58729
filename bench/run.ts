/** `npm run bench` — every benchmark of the core, printed as tables. `--quick` skips the slow baseline; `--keystroke` runs only the keystroke rows. */
import { runContentsBench } from "./contentsBench";
import { runExportBench } from "./exportBench";
import { runParagraphBench } from "./paragraphBench";
import { runKeystrokeBench, runRedlineBench } from "./redlineBench";
import { runStructureBench } from "./structureBench";

if (process.argv.includes("--keystroke")) {
  runKeystrokeBench();
} else {
  runRedlineBench(process.argv.includes("--quick"));
  runKeystrokeBench();
  runStructureBench();
  runParagraphBench();
  await runExportBench();
  runContentsBench();
}
