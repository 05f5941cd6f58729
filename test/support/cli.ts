/** Runs the installed `ordinance-redline` command as a user would, through npx. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command's exit status and output (never throws for a non-zero exit). */
export async function cli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run("npx", ["--no-install", "ordinance-redline", ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
