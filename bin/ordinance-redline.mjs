#!/usr/bin/env node
// Entry point of the command line. Runs the TypeScript sources directly through tsx, so the
// command works right after `npm install` with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
