/**
 * Splits and joins in a Word redline. The exporter marks the seam of a paragraph the draft cut
 * in two with an underscored pilcrow ending the first half (the second half's new enumerator
 * underscored), and the seam of two paragraphs the draft made one with a struck pilcrow (and
 * the enumerator that goes, struck) where they meet. Read run by run, each side would then have
 * the wrong paragraphs: a split's base paragraph in two halves, a join's base paragraphs as
 * one. Here each seam is turned into the paragraphs each side has — the side with one paragraph
 * as a paragraph of that side alone, the side with two as two of that side alone — so the base
 * side matches the base's paragraphs and the draft side reads as the editor's draft. A tracked
 * file carries the seam on the paragraph mark instead (an inserted mark for a split, a deleted
 * one for a join); readDocx marks such a paragraph's end the same way.
 */
import type { RunSide, WordParagraph, WordRun } from "./readDocx";
import { sideRuns } from "./sides";

/** A run as read, with the seam's pilcrow kept as a marker (`seam`) until the seams are resolved. */
export interface ReadRun extends WordRun {
  readonly seam?: true;
}

/** The runs' text on one side as one run of that side (the space beside a left-out mark dropped as sideText drops it). */
const onSide = (runs: readonly ReadRun[], side: "base" | "draft"): WordRun[] =>
  [{ text: sideRuns(runs.filter((run) => !run.seam), side), side }];

function joined(runs: readonly WordRun[]): WordRun[] {
  const out: WordRun[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const last = out[out.length - 1];
    if (last && last.side === run.side) out[out.length - 1] = { text: last.text + run.text, side: run.side };
    else out.push(run);
  }
  return out;
}

const paragraph = (runs: readonly WordRun[], indent: number | null): WordParagraph => ({ runs: joined(runs), indent });

/**
 * The paragraphs with every seam resolved (see the module comment) and no seam markers left.
 * A pilcrow of the draft side ends a split's first half (the next paragraph is the second); one
 * of the base side stands where a join's two base paragraphs meet.
 */
export function resolveSeams(paragraphs: ReadonlyArray<{ readonly runs: readonly ReadRun[]; readonly indent: number | null }>): WordParagraph[] {
  const out: WordParagraph[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const { runs, indent } = paragraphs[i]!;
    const at = runs.findIndex((run) => run.seam);
    const side: RunSide | undefined = runs[at]?.side;
    const next = paragraphs[i + 1];
    if (at >= 0 && side === "draft" && next && !next.runs.some((run) => run.seam)) {
      out.push(paragraph([...onSide(runs, "base"), { text: " ", side: "base" }, ...onSide(next.runs, "base")], indent));
      out.push(paragraph(onSide(runs, "draft"), indent), paragraph(onSide(next.runs, "draft"), next.indent));
      i++;
      continue;
    }
    if (at >= 0 && side === "base" && runs.slice(at + 1).some((run) => run.side !== "draft" && run.text.trim() !== "")) {
      out.push(paragraph(onSide(runs.slice(0, at), "base"), indent), paragraph(onSide(runs.slice(at + 1), "base"), indent));
      out.push(paragraph(onSide(runs, "draft"), indent));
      continue;
    }
    if (at >= 0 && side === "base" && next && !next.runs.some((run) => run.seam)) {
      // A tracked join: the first base paragraph's deleted mark ends it; the next is the second.
      out.push(paragraph(onSide(runs, "base"), indent), paragraph(onSide(next.runs, "base"), next.indent));
      out.push(paragraph([...onSide(runs, "draft"), ...onSide(next.runs, "draft")], indent));
      i++;
      continue;
    }
    out.push(paragraph(runs.filter((run) => !run.seam), indent));
  }
  return out;
}
