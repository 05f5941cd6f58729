/**
 * A small, strict argument parser for the command line: a command, positional arguments and
 * `--name value` options with optional fixed choices. Anything unexpected is a UsageError.
 */

export class UsageError extends Error {}

export interface CommandSpec {
  /** How many positional arguments the command takes. */
  readonly positional: number;
  /** Allowed options: a list of choices, or null for a free value. */
  readonly options: Readonly<Record<string, readonly string[] | null>>;
}

export interface ParsedArguments {
  readonly command: string;
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

/** Parses argv against the command specs; `help`, `--help` and `-h` give the command "help". */
export function parseArguments(argv: readonly string[], commands: Readonly<Record<string, CommandSpec>>): ParsedArguments {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("no command given");
  if (command === "help" || command === "--help" || command === "-h") return { command: "help", positional: [], options: {} };
  const spec = commands[command];
  if (!spec) throw new UsageError(`unknown command "${command}"`);
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith("--")) { positional.push(arg); continue; }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!(name in spec.options)) throw new UsageError(`unknown option --${name} for ${command}`);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    const choices = spec.options[name];
    if (choices && !choices.includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(", ")}`);
    options[name] = value;
  }
  if (positional.length !== spec.positional) {
    throw new UsageError(`${command} takes ${spec.positional} file argument${spec.positional === 1 ? "" : "s"}, got ${positional.length}`);
  }
  return { command, positional, options };
}
