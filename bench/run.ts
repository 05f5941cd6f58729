/** `npm run bench` — every benchmark of the core, printed as tables. `--quick` skips the slow baseline; `--keystroke` runs only the keystroke rows. */
import { runExportBench } from "./exportBench";
import { runKeystrokeBench, runRedlineBench } from "./redlineBench";

if (process.argv.includes("--keystroke")) {
  runKeystrokeBench();
} else {
  runRedlineBench(process.argv.includes("--quick"));
  runKeystrokeBench();
  await runExportBench();
}
