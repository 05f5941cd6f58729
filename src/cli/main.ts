/**
 * The `ordinance-redline` command line. Each command reads Municipal Code plain text and
 * writes to stdout or a file. Exit status: 0 success, 1 bad input (message on stderr),
 * 2 wrong usage.
 */
import { readFile, writeFile } from "node:fs/promises";
import { ImportError, parseCodeText } from "../core/importer/parseCodeText";
import { serializeDocument } from "../core/model/canonicalText";
import type { OrdinanceDocument } from "../core/model/document";
import { compare, formatHtml, formatJson, formatText } from "../core/redline";
import { parseArguments, UsageError, type CommandSpec, type ParsedArguments } from "./arguments";

export interface Streams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const USAGE = `Usage:
  ordinance-redline parse FILE [--format json|text] [--out FILE]
      Read a chapter of the Municipal Code (plain text) and print its model
      as JSON, or its canonical text.
  ordinance-redline compare BASE AMENDED [--format text|html|json] [--out FILE]
      Print the redline of AMENDED against BASE: [-deleted-]{+inserted+} text,
      HTML with <del>/<ins>, or JSON changes with offsets in the canonical texts.
`;

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  parse: { positional: 1, options: { format: ["json", "text"], out: null } },
  compare: { positional: 2, options: { format: ["text", "html", "json"], out: null } },
};

/** Runs the command line with `argv` (without node and script); resolves to the exit status. */
export async function main(argv: readonly string[], streams: Streams): Promise<number> {
  try {
    const args = parseArguments(argv, COMMANDS);
    return await run(args, streams);
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`ordinance-redline: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ImportError || error instanceof InputError) {
      streams.stderr.write(`ordinance-redline: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** A problem with an input file (missing, unreadable). */
class InputError extends Error {}

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`);
  }
}

/** Reads and parses one Code text file; warnings go to stderr. */
async function readDocument(path: string, streams: Streams): Promise<OrdinanceDocument> {
  let parsed;
  try {
    parsed = parseCodeText(await readInput(path));
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  for (const warning of parsed.warnings) streams.stderr.write(`${path}: line ${warning.line}: ${warning.reason}\n`);
  return parsed.document;
}

async function run(args: ParsedArguments, streams: Streams): Promise<number> {
  if (args.command === "help") {
    streams.stdout.write(USAGE);
    return 0;
  }
  const documents = await Promise.all(args.positional.map((path) => readDocument(path, streams)));
  const format = args.options.format;
  let output: string;
  if (args.command === "parse") {
    const doc = documents[0]!;
    output = format === "text" ? serializeDocument(doc) : `${JSON.stringify(doc, null, 2)}\n`;
  } else {
    const redline = compare(documents[0]!, documents[1]!);
    output = format === "html" ? formatHtml(redline) : format === "json" ? formatJson(redline) : formatText(redline);
  }
  await emit(output, args.options.out, streams);
  return 0;
}

async function emit(output: string, out: string | undefined, streams: Streams): Promise<void> {
  if (out) await writeFile(out, output);
  else streams.stdout.write(output);
}
