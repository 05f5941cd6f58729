/**
 * The intermediate document every writer renders: blocks of runs. A run is plain, struck
 * (deleted language) or underscored (inserted language); a run may also carry a Word revision
 * (for the tracked-changes .docx). Writers decide fonts and layout from the block kind; they
 * never add, drop or reorder text, so every format says the same words with the same marks.
 */

export type RunStyle = "plain" | "struck" | "underscored";

/** A Word revision: who proposed the change, and whether the run is inserted or deleted. */
export interface Revision {
  readonly author: string;
  readonly kind: "insert" | "delete";
}

export interface Run {
  readonly text: string;
  readonly style: RunStyle;
  readonly bold?: boolean;
  /** Id of the redline change that marks this run (struck and underscored runs only). */
  readonly changeId?: string;
  readonly revision?: Revision;
  /**
   * A pilcrow marking where the draft splits a paragraph (underscored) or joins two (struck):
   * shown, but no text of the base or the draft (tracked changes leave it out).
   */
  readonly pilcrow?: true;
}

export type BlockKind =
  | "title"            // ORDINANCE
  | "recital"          // WHEREAS, …
  | "enacting"         // BE IT ORDAINED …
  | "section-formula"  // SECTION 1. Chapter 2-173 … is hereby amended …
  | "chapter-heading"  // CHAPTER 2-173 WELCOMING CITY ORDINANCE
  | "toc"              // one line of the table of contents
  | "code-heading"     // 2-173-045 Catchline.
  | "code-paragraph"   // (a) text …, indented by level
  | "history"          // history note (clean chapter only; never in an amending ordinance)
  | "omitted"          // (Omitted text is unaffected by this ordinance)
  | "effective-date"   // SECTION n. This ordinance shall take effect …
  | "signature-line"
  | "signature-name"
  | "signature-office" // Alderman, 35th Ward
  | "sponsors-heading" // Co-sponsors:
  | "sponsor";         // one co-sponsor

export interface ExportBlock {
  readonly kind: BlockKind;
  /** Indentation level: a code paragraph's nesting depth (0 = body text); 0 elsewhere. */
  readonly level: number;
  readonly runs: readonly Run[];
  /**
   * In a tracked export, the revision of the paragraph mark itself when it is not that of all
   * the paragraph's words: a split's new mark (inserted) or a join's mark that goes (deleted).
   */
  readonly paragraphMark?: { readonly kind: "insert" | "delete"; readonly author: string };
}

export interface ExportDocument {
  readonly blocks: readonly ExportBlock[];
}

/** A block of one plain run (or no run for empty text). */
export function plainBlock(kind: BlockKind, text: string, options: { bold?: boolean; level?: number } = {}): ExportBlock {
  const runs: Run[] = text === "" ? [] : [options.bold ? { text, style: "plain", bold: true } : { text, style: "plain" }];
  return { kind, level: options.level ?? 0, runs };
}

/** The block's text without marks. */
export function blockText(block: ExportBlock): string {
  return block.runs.map((run) => run.text).join("");
}

function sameFormat(a: Run, b: Run): boolean {
  return a.style === b.style && Boolean(a.bold) === Boolean(b.bold) && a.changeId === b.changeId && Boolean(a.pilcrow) === Boolean(b.pilcrow) &&
    a.revision?.author === b.revision?.author && a.revision?.kind === b.revision?.kind;
}

/** Runs with empty ones dropped and neighbours of the same format joined. */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  const joined: Run[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const last = joined[joined.length - 1];
    if (last && sameFormat(last, run)) joined[joined.length - 1] = { ...last, text: last.text + run.text };
    else joined.push(run);
  }
  return joined;
}

/**
 * The runs with whitespace at the edges of each struck or underscored run moved out into
 * plain runs, so a mark covers words, not the spaces around them (as a clerk marks by hand),
 * and with exactly one plain space between a struck run and the underscored run that replaces
 * it ("struck underscored", as Chicago's printed redlines have it). Runs that carry a revision
 * keep their spaces and get no separator: accepting or rejecting must give exact text.
 */
export function withMarksOnWords(runs: readonly Run[]): Run[] {
  const result: Run[] = [];
  for (const run of runs) {
    if (run.style === "plain" || run.revision) { result.push(run); continue; }
    const lead = /^\s*/.exec(run.text)![0];
    const core = run.text.trim();
    const trail = core === "" ? "" : /\s*$/.exec(run.text)![0];
    if (lead) result.push(plainLike(run, lead));
    if (core) result.push({ ...run, text: core });
    if (trail) result.push(plainLike(run, trail));
  }
  return separateReplacements(normalizeRuns(result));
}

function plainLike(run: Run, text: string): Run {
  return run.bold ? { text, style: "plain", bold: true } : { text, style: "plain" };
}

function isMark(run: Run | undefined, style: RunStyle): boolean {
  return run !== undefined && run.style === style && !run.revision;
}

/** Runs where each struck run followed by an underscored one (spaces aside) has one space between. */
function separateReplacements(runs: readonly Run[]): Run[] {
  const result: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    result.push(run);
    if (!isMark(run, "struck")) continue;
    let next = i + 1;
    while (next < runs.length && runs[next]!.style === "plain" && runs[next]!.text.trim() === "") next++;
    if (!isMark(runs[next], "underscored")) continue;
    result.push(plainLike(run, " "));
    i = next - 1;
  }
  return result;
}
