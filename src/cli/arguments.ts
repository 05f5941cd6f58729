/**
 * A small, strict argument parser for the command line: a command, positional arguments,
 * `--name value` options with optional fixed choices, and `--name` flags that take no value.
 * Anything unexpected is a UsageError.
 */

export class UsageError extends Error {}

export interface CommandSpec {
  /** How many positional arguments the command takes. */
  readonly positional: number;
  /** Allowed options: a list of choices, or null for a free value. */
  readonly options: Readonly<Record<string, readonly string[] | null>>;
  /** Allowed flags: options that take no value (`--tracked`). */
  readonly flags?: readonly string[];
}

export interface ParsedArguments {
  readonly command: string;
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  /** The flags given, each once. */
  readonly flags: readonly string[];
}

/** Parses argv against the command specs; `help`, `--help` and `-h` give the command "help". */
export function parseArguments(argv: readonly string[], commands: Readonly<Record<string, CommandSpec>>): ParsedArguments {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("no command given");
  if (command === "help" || command === "--help" || command === "-h") return { command: "help", positional: [], options: {}, flags: [] };
  const spec = commands[command];
  if (!spec) throw new UsageError(`unknown command "${command}"`);
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const flags: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith("--")) { positional.push(arg); continue; }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      if (!flags.includes(name)) flags.push(name);
      continue;
    }
    if (!Object.hasOwn(spec.options, name)) throw new UsageError(`unknown option --${name} for ${command}`);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    const choices = spec.options[name];
    if (choices && !choices.includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(", ")}`);
    options[name] = value;
  }
  if (positional.length !== spec.positional) {
    throw new UsageError(`${command} takes ${spec.positional} file argument${spec.positional === 1 ? "" : "s"}, got ${positional.length}`);
  }
  return { command, positional, options, flags };
}
