/**
 * Word tracked changes: the same ordinance with every struck run turned into a deletion and
 * every underscored run into an insertion, each attributed to an author — the sponsor the
 * caller annotated on its redline change, otherwise the default author (the lead sponsor).
 */
import { findPerson, type SponsorRegistry } from "../sponsors/sponsors";
import type { ExportBlock, ExportDocument, Run } from "./exportDocument";

export interface RevisionAuthors {
  /** Author name per redline change id, for changes annotated with a sponsor. */
  readonly byChangeId?: ReadonlyMap<string, string>;
  /** The author of every other change. */
  readonly defaultAuthor: string;
}

/** The author used when no lead sponsor is chosen. */
export const UNATTRIBUTED_AUTHOR = "Ordinance Redline";

/** The lead sponsor's name, or UNATTRIBUTED_AUTHOR when none is chosen. */
export function leadSponsorName(sponsors: SponsorRegistry): string {
  const lead = sponsors.leadSponsorId ? findPerson(sponsors, sponsors.leadSponsorId) : undefined;
  return lead?.name ?? UNATTRIBUTED_AUTHOR;
}

function authorOf(run: Run, authors: RevisionAuthors): string {
  return (run.changeId ? authors.byChangeId?.get(run.changeId) : undefined) ?? authors.defaultAuthor;
}

function withRevision(run: Run, authors: RevisionAuthors): Run {
  if (run.style === "plain") return run;
  return { ...run, revision: { author: authorOf(run, authors), kind: run.style === "struck" ? "delete" : "insert" } };
}

/** The runs with the whitespace at the start of the first that has text removed (a paragraph starts at its words). */
function trimmedStart(runs: readonly Run[]): Run[] {
  const out = [...runs];
  while (out.length > 0) {
    const text = out[0]!.text.replace(/^\s+/, "");
    if (text !== "") { out[0] = { ...out[0]!, text }; break; }
    out.shift();
  }
  return out;
}

/**
 * A block as tracked paragraphs. A split's underscored pilcrow (ending the first half) becomes
 * an inserted paragraph mark, so Reject All joins the halves again; a join's struck pilcrow
 * becomes two paragraphs, the first with a deleted mark, so Accept All joins them and Reject
 * All keeps the base's two. The pilcrows themselves are left out.
 */
function trackedBlocks(block: ExportBlock, authors: RevisionAuthors): ExportBlock[] {
  const join = block.runs.findIndex((run) => run.pilcrow && run.style === "struck");
  if (join >= 0 && block.runs.slice(join + 1).some((run) => run.text.trim() !== "")) {
    const first: ExportBlock = {
      ...block, runs: block.runs.slice(0, join).map((run) => withRevision(run, authors)),
      paragraphMark: { kind: "delete", author: authorOf(block.runs[join]!, authors) },
    };
    return [first, ...trackedBlocks({ kind: block.kind, level: block.level, runs: trimmedStart(block.runs.slice(join + 1)) }, authors)];
  }
  const split = block.runs.find((run) => run.pilcrow && run.style === "underscored");
  const runs = block.runs.filter((run) => !run.pilcrow).map((run) => withRevision(run, authors));
  return [split ? { ...block, runs, paragraphMark: { kind: "insert", author: authorOf(split, authors) } } : { ...block, runs }];
}

/**
 * The document with a revision on every marked run; plain runs are unchanged. A split's or
 * join's pilcrow is carried by the paragraph mark, as Word shows it, so that accepting or
 * rejecting gives each side's exact paragraphs (see trackedBlocks).
 */
export function withRevisions(exported: ExportDocument, authors: RevisionAuthors): ExportDocument {
  return { blocks: exported.blocks.flatMap((block) => trackedBlocks(block, authors)) };
}
