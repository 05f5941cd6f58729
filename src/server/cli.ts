/**
 * The server's commands: `serve [--port N] [--host H] [--data DIR | --database URL]` and
 * `users add NAME --office O [--admin] --password-stdin [--data DIR | --database URL]`.
 */
import { AccountError, addPerson } from "./accounts";
import { startServer } from "./server";
import { describeStorage, openStorage, type StorageChoice } from "./storage/openStorage";
import { isPostgresUrl } from "./storage/postgresStorage";
import type { Storage } from "./storage/storage";

/** Output streams and, for --password-stdin, the input. */
export interface ServerCommandStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly stdin?: AsyncIterable<Buffer | string>;
  /** The command line's usage text, printed after a usage error. */
  readonly usage?: string;
}

/** Bad usage of a server command (exit status 2). */
export class ServerUsageError extends Error {}

function parse(args: readonly string[], options: readonly string[], flags: readonly string[]): { positional: string[]; options: Map<string, string>; flags: Set<string> } {
  const result = { positional: [] as string[], options: new Map<string, string>(), flags: new Set<string>() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) { result.positional.push(arg); continue; }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(name)) { result.flags.add(name); continue; }
    if (!options.includes(name)) throw new ServerUsageError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new ServerUsageError(`option --${name} needs a value`);
    result.options.set(name, value);
  }
  return result;
}

async function readFirstLine(input: AsyncIterable<Buffer | string>): Promise<string> {
  let text = "";
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/**
 * Runs `serve` or `users`; resolves to the exit status (serve: when stopped by a signal):
 * 0 done, 1 bad input, 2 wrong usage.
 */
export async function runServerCommand(argv: readonly string[], streams: ServerCommandStreams): Promise<number> {
  try {
    return await run(argv, streams);
  } catch (error) {
    if (!(error instanceof ServerUsageError)) throw error;
    streams.stderr.write(`ordinance-redline: ${error.message}\n\n${streams.usage ?? ""}`);
    return 2;
  }
}

function storageChoice(options: Map<string, string>): StorageChoice {
  if (options.has("data") && options.has("database")) throw new ServerUsageError("give --data (SQLite) or --database (PostgreSQL), not both");
  const database = options.get("database");
  if (database !== undefined && !isPostgresUrl(database)) throw new ServerUsageError("--database takes a postgres:// URL");
  return { dataDir: options.get("data"), database };
}

/** Opens the storage, or says on stderr why it cannot (an unreachable database, a newer schema). */
async function openOrExplain(choice: StorageChoice, streams: ServerCommandStreams): Promise<Storage | null> {
  try {
    return await openStorage(choice);
  } catch (error) {
    streams.stderr.write(`ordinance-redline: cannot open the ${describeStorage(choice)}: ${(error as Error).message}\n`);
    return null;
  }
}

async function run(argv: readonly string[], streams: ServerCommandStreams): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "serve") {
    const args = parse(rest, ["port", "host", "data", "database"], []);
    if (args.positional.length > 0) throw new ServerUsageError(`serve takes no arguments, got ${args.positional.join(" ")}`);
    const port = args.options.has("port") ? Number(args.options.get("port")) : 8787;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerUsageError(`--port must be a port number, got ${args.options.get("port")}`);
    const choice = storageChoice(args.options);
    const storage = await openOrExplain(choice, streams);
    if (!storage) return 1;
    const server = await startServer({ port, host: args.options.get("host") ?? "127.0.0.1", storage });
    streams.stdout.write(`ordinance-redline serving on ${server.url} (${describeStorage(choice)})\n`);
    return new Promise<number>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void server.close().then(() => resolve(0));
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
  }
  if (command === "users") {
    const [sub, ...more] = rest;
    if (sub !== "add") throw new ServerUsageError(`users takes "add", got ${sub ?? "nothing"}`);
    const args = parse(more, ["office", "data", "database"], ["admin", "password-stdin"]);
    if (args.positional.length !== 1) throw new ServerUsageError("users add takes one NAME (quote a name with spaces)");
    if (!args.options.has("office")) throw new ServerUsageError("users add needs --office");
    if (!args.flags.has("password-stdin")) throw new ServerUsageError("users add needs --password-stdin (the password is never an argument)");
    const password = await readFirstLine(streams.stdin ?? process.stdin);
    const storage = await openOrExplain(storageChoice(args.options), streams);
    if (!storage) return 1;
    try {
      const person = await addPerson(storage, { name: args.positional[0], office: args.options.get("office"), password, isAdmin: args.flags.has("admin") }, Date.now());
      await storage.appendAudit({ at: Date.now(), userName: person.name, office: person.office, draftId: null, action: "person-added", detail: `from the command line${person.isAdmin ? ", administrator" : ""}` });
      streams.stdout.write(`added ${person.name} (${person.office})${person.isAdmin ? " as administrator" : ""}\n`);
      return 0;
    } catch (error) {
      if (error instanceof AccountError) {
        streams.stderr.write(`ordinance-redline: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await storage.close();
    }
  }
  throw new ServerUsageError(`unknown server command "${command ?? ""}"`);
}
