/** `npm run bench` — every benchmark of the core, printed as tables. `--quick` skips the slow baseline. */
import { runRedlineBench } from "./redlineBench";

runRedlineBench(process.argv.includes("--quick"));
