/** `npm run bench` — every benchmark of the core, printed as tables. `--quick` skips the slow baseline. */
import { runContentsBench } from "./contentsBench";
import { runExportBench } from "./exportBench";
import { runRedlineBench } from "./redlineBench";
import { runStructureBench } from "./structureBench";

runRedlineBench(process.argv.includes("--quick"));
runStructureBench();
await runExportBench();
runContentsBench();
