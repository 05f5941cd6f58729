/** `npm run bench` — every benchmark of the core, printed as tables. `--quick` skips the slow baseline. */
import { runExportBench } from "./exportBench";
import { runParagraphBench } from "./paragraphBench";
import { runRedlineBench } from "./redlineBench";

runRedlineBench(process.argv.includes("--quick"));
runParagraphBench();
await runExportBench();
