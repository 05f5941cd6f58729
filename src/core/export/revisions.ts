/**
 * Word tracked changes: the same ordinance with every struck run turned into a deletion and
 * every underscored run into an insertion, each attributed to an author — the sponsor the
 * caller annotated on its redline change, otherwise the default author (the lead sponsor).
 */
import { findPerson, type SponsorRegistry } from "../sponsors/sponsors";
import type { ExportDocument, Run } from "./exportDocument";

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

function withRevision(run: Run, authors: RevisionAuthors): Run {
  if (run.style === "plain") return run;
  const author = (run.changeId ? authors.byChangeId?.get(run.changeId) : undefined) ?? authors.defaultAuthor;
  return { ...run, revision: { author, kind: run.style === "struck" ? "delete" : "insert" } };
}

/**
 * The document with a revision on every marked run; plain runs are unchanged. A split's or
 * join's pilcrow is left out: Word shows the paragraph mark itself, and accepting or rejecting
 * must give exact text.
 */
export function withRevisions(exported: ExportDocument, authors: RevisionAuthors): ExportDocument {
  return { blocks: exported.blocks.map((block) => ({ ...block, runs: block.runs.filter((run) => !run.pilcrow).map((run) => withRevision(run, authors)) })) };
}
