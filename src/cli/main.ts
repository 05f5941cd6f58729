/**
 * The `ordinance-redline` command line. Each command reads Municipal Code plain text and
 * writes to stdout or a file. Exit status: 0 success, 1 bad input (message on stderr),
 * 2 wrong usage.
 */
import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import {
  amendingSectionCount, buildOrdinance, DEFAULT_EXPORT_SETTINGS, describeProblems, leadSponsorName, parseExportSettings,
  renderClean, renderOrdinanceDocument, type ExportSettings, type OrdinanceFormat,
} from "../core/export";
import { ImportError } from "../core/importer/parseCodeText";
import { decodeText, parseCodeBytes } from "../core/importer/decodeText";
import { serializeDocument } from "../core/model/canonicalText";
import { describeContentsFix, syncDocumentContents } from "../core/model/contents";
import type { OrdinanceDocument } from "../core/model/document";
import { compare, formatHtml, formatJson, formatText } from "../core/redline";
import { checkReferences, formatProblemsJson, formatProblemsText } from "../core/references";
import { NO_SPONSORS, parseSponsors, SponsorDataError, type SponsorRegistry } from "../core/sponsors/sponsors";
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
  ordinance-redline ordinance BASE AMENDED [--sponsors FILE] [--settings FILE]
                    [--tracked] [--out FILE.docx|FILE.html|FILE.txt]
      Write the amending ordinance in the Chicago form: deleted language struck
      through, inserted language underscored, only changed passages reprinted.
      The format follows the --out extension; without --out, text goes to stdout
      ([-struck-] {+underscored+}). --sponsors: the sponsors JSON (lead sponsor
      signs, co-sponsors listed). --settings: JSON with any of title, recitals,
      effectiveDate, strikeWording, formulaOrder, omittedWording, grouping.
      --tracked (with .docx): changes as Word tracked changes (w:ins/w:del) by
      the lead sponsor, to accept or reject in Word.
  ordinance-redline check BASE AMENDED [--format text|json]
      List the citations AMENDED leaves stale: to sections it repeals,
      renumbers or moves, subsections it deletes or re-letters, sections in
      neither text, and contents lines out of step. One problem per line:
      citing section | cited target | kind | suggested fix. JSON gives the
      offsets of each citation and certain fix in AMENDED's canonical text.
      Exit status 0 whether or not problems are found.
  ordinance-redline import-word FILE.docx --base BASE [--format text|json]
                    [--out FILE]
      Read a Word file — a whole chapter, or an amending ordinance whose struck
      and underscored passages are merged into BASE — and print the draft it
      describes: its canonical text, or its model as JSON. What the file leaves
      uncertain is reported on stderr, one line per Word paragraph.
  ordinance-redline clean AMENDED [--out FILE.docx|FILE.txt]
      Write the chapter as amended, without marks: its canonical text (.txt or
      stdout), or a Word document.
  ordinance-redline serve [--port N] [--host H] [--data DIR | --database postgres://…]
      Run the shared workspace: the built app (npm run build), the JSON API and
      the collaboration WebSocket on one port (default 8787, on 127.0.0.1), with
      SQLite in DIR (default ./ordinance-redline-data, created on first start),
      or a PostgreSQL database given by its URL (the schema is made on first start).
  ordinance-redline users add NAME --office OFFICE [--admin] --password-stdin [--data DIR | --database postgres://…]
      Add a person (the first administrator, say); the password is the first line
      of standard input.
`;

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  parse: { positional: 1, options: { format: ["json", "text"], out: null } },
  compare: { positional: 2, options: { format: ["text", "html", "json"], out: null } },
  ordinance: { positional: 2, options: { sponsors: null, settings: null, out: null }, flags: ["tracked"] },
  clean: { positional: 1, options: { out: null } },
  check: { positional: 2, options: { format: ["text", "json"] } },
  "import-word": { positional: 1, options: { base: null, format: ["text", "json"], out: null } },
};

/** Runs the command line with `argv` (without node and script); resolves to the exit status. */
export async function main(argv: readonly string[], streams: Streams): Promise<number> {
  try {
    if (argv[0] === "serve" || argv[0] === "users") {
      // Loaded only for these commands: the database driver and the WebSocket server are not small.
      const { runServerCommand } = await import("../server");
      return await runServerCommand(argv, { ...streams, usage: USAGE });
    }
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
  return decodeText(await readInputBytes(path)).text;
}

async function readInputBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`);
  }
}

/** Reads and parses one Code text file; warnings go to stderr. */
async function readDocument(path: string, streams: Streams): Promise<OrdinanceDocument> {
  let parsed;
  try {
    parsed = parseCodeBytes(await readInputBytes(path));
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  for (const warning of parsed.warnings) streams.stderr.write(`${path}: ${warning.line > 0 ? `line ${warning.line}: ` : ""}${warning.reason}\n`);
  return parsed.document;
}

async function run(args: ParsedArguments, streams: Streams): Promise<number> {
  if (args.command === "help") {
    streams.stdout.write(USAGE);
    return 0;
  }
  // Usage is checked before any file is read, so a wrong --out is a usage error (2) whatever the files.
  const ordinanceFormat = args.command === "ordinance" ? ordinanceFormatOf(args) : undefined;
  if (args.command === "import-word") return importWord(args, streams);
  const cleanFormat = args.command === "clean" ? (formatOfOut(args.options.out, ["docx", "txt"]) as "docx" | "txt") : undefined;
  const documents = await Promise.all(args.positional.map((path) => readDocument(path, streams)));
  if (ordinanceFormat) return writeOrdinance(args, ordinanceFormat, documents[0]!, documents[1]!, streams);
  if (cleanFormat) {
    await emit(await renderClean(documents[0]!, cleanFormat), args.options.out, streams);
    return 0;
  }
  const format = args.options.format;
  let output: string;
  if (args.command === "parse") {
    const doc = documents[0]!;
    output = format === "text" ? serializeDocument(doc) : `${JSON.stringify(doc, null, 2)}\n`;
  } else if (args.command === "check") {
    const problems = checkReferences(documents[0]!, documents[1]!);
    output = format === "json" ? formatProblemsJson(problems) : formatProblemsText(problems);
    streams.stderr.write(`${problems.length} ${problems.length === 1 ? "problem" : "problems"} found\n`);
  } else {
    const redline = compare(documents[0]!, documents[1]!);
    output = format === "html" ? formatHtml(redline) : format === "json" ? formatJson(redline) : formatText(redline);
  }
  await emit(output, args.options.out, streams);
  return 0;
}

async function emit(output: string | Uint8Array, out: string | undefined, streams: Streams): Promise<void> {
  if (out) await writeFile(out, output);
  else if (typeof output === "string") streams.stdout.write(output);
  else throw new UsageError("a Word document needs --out FILE.docx");
}

/** The output format named by the --out extension; text when there is no --out. */
function formatOfOut(out: string | undefined, allowed: readonly string[]): string {
  if (out === undefined) return "txt";
  const extension = extname(out).slice(1).toLowerCase();
  const format = extension === "htm" ? "html" : extension;
  if (!allowed.includes(format)) throw new UsageError(`--out must end in ${allowed.map((each) => `.${each}`).join(", ")} (got "${out}")`);
  return format;
}

/** Reads a JSON file; a syntax error is bad input. */
async function readJson(path: string): Promise<unknown> {
  const text = await readInput(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

async function readSponsors(path: string | undefined): Promise<SponsorRegistry> {
  if (path === undefined) return NO_SPONSORS;
  try {
    return parseSponsors(await readJson(path));
  } catch (error) {
    if (error instanceof SponsorDataError) throw new InputError(`${path}: ${error.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ")}`);
    throw error;
  }
}

async function readSettings(path: string | undefined): Promise<ExportSettings> {
  if (path === undefined) return DEFAULT_EXPORT_SETTINGS;
  const result = parseExportSettings(await readJson(path));
  if (!result.ok) throw new InputError(`${path}: invalid settings:\n${describeProblems(result.problems).replace(/^/gm, "  ")}`);
  return result.settings;
}

/** The ordinance format from --out and --tracked. */
function ordinanceFormatOf(args: ParsedArguments): OrdinanceFormat {
  const extension = formatOfOut(args.options.out, ["docx", "html", "txt"]) as OrdinanceFormat;
  if (!args.flags.includes("tracked")) return extension;
  if (extension !== "docx") throw new UsageError("--tracked needs --out FILE.docx");
  return "tracked-docx";
}

async function writeOrdinance(args: ParsedArguments, format: OrdinanceFormat, base: OrdinanceDocument, draft: OrdinanceDocument, streams: Streams): Promise<number> {
  const [sponsors, settings] = await Promise.all([readSponsors(args.options.sponsors), readSettings(args.options.settings)]);
  // The ordinance reprints the contents the draft's headings call for; say which lines differ.
  for (const fix of syncDocumentContents(draft, base).fixes) streams.stderr.write(`${args.positional[1]}: ${describeContentsFix(fix)}\n`);
  const ordinance = buildOrdinance({ base, draft, sponsors, settings });
  if (amendingSectionCount(ordinance) === 0) {
    throw new InputError(`${args.positional[1]}: makes no change to ${args.positional[0]} that an ordinance would reprint`);
  }
  await emit(await renderOrdinanceDocument(ordinance, format, { defaultAuthor: leadSponsorName(sponsors) }), args.options.out, streams);
  return 0;
}

/** `import-word`: the draft a Word file describes against --base, as canonical text or JSON. */
async function importWord(args: ParsedArguments, streams: Streams): Promise<number> {
  const basePath = args.options.base;
  if (basePath === undefined) throw new UsageError("import-word needs --base BASE (the Code text the file amends)");
  const [path] = args.positional as [string];
  const [base, bytes] = await Promise.all([readDocument(basePath, streams), readInputBytes(path)]);
  // Loaded only for this command: the zip reader and the XML parser.
  const [{ importWordDraft, WordImportError }, { parseXmlPart, MalformedXmlError }] = await Promise.all([import("../core/wordImport"), import("./xmlParser")]);
  let imported;
  try {
    imported = await importWordDraft(bytes, base, parseXmlPart);
  } catch (error) {
    if (error instanceof WordImportError || error instanceof MalformedXmlError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  for (const warning of imported.warnings) {
    streams.stderr.write(`${path}: ${warning.paragraph > 0 ? `paragraph ${warning.paragraph}: ` : ""}${warning.reason}${warning.text ? ` ("${warning.text.slice(0, 60)}")` : ""}\n`);
  }
  const draft = imported.draft;
  await emit(args.options.format === "json" ? `${JSON.stringify(draft, null, 2)}\n` : serializeDocument(draft), args.options.out, streams);
  return 0;
}
