/**
 * A contents-line change stands for a heading change: the contents are derived from the
 * section headings (plugins/contentsSync), so the redline's changes in a contents line mirror
 * those in its section's heading, or the insertion or deletion of the section itself. Acting on
 * the contents line (rejecting it) means acting on what it mirrors; this module finds that.
 */
import type { Change, Redline, SectionRedline } from "../core/redline/types";

/** Whether a change lies in a chapter's contents (a contents line's words, number or whole line). */
function inContents(entry: SectionRedline, change: Change): boolean {
  return entry.unit === "chapter" && (change.part === "toc" || change.part === "number");
}

/** The first word of the line of `text` that holds offset `at`. */
function numberOfLineAt(text: string, at: number): string {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  return /^\S*/.exec(text.slice(start))![0];
}

const headingPart = (change: Change) => change.part === "number" || change.part === "catchline";

/**
 * The heading or section changes that the contents-line change `change` mirrors: for a line
 * inserted or deleted whole, the insertion or deletion of its section; for words or a number
 * in a line, the heading change at the same place in that line (all of the section's heading
 * changes when the two lines were not diffed alike). Null when `change` is not in a contents
 * line or no section answers to it: the caller then acts on the change itself.
 */
export function mirroredChanges(redline: Redline, change: Change): readonly Change[] | null {
  const chapter = redline.sections.find((entry) => entry.changes.some((each) => each.id === change.id));
  if (!chapter || !inContents(chapter, change)) return null;
  const wholeInserted = change.deleted === "" && change.inserted.startsWith("\n");
  const wholeDeleted = change.inserted === "" && change.deleted.startsWith("\n");
  if (wholeInserted || wholeDeleted) {
    const number = /^\S*/.exec((wholeInserted ? change.inserted : change.deleted).trim())![0];
    const section = redline.sections.find((entry) => entry.unit === "section" && (wholeInserted ? entry.numberB === number : entry.numberA === number && entry.numberB === null));
    const whole = section?.changes.filter((each) => each.part === "section" && each.withinMove === undefined) ?? [];
    return whole.length > 0 ? whole : null;
  }
  const number = numberOfLineAt(redline.draftText, change.fromB);
  const section = redline.sections.find((entry) => entry.unit === "section" && entry.numberB === number);
  if (!section) return null;
  const heading = section.changes.filter(headingPart);
  if (heading.length === 0) return null;
  const line = chapter.changes.filter((each) => {
    if (!inContents(chapter, each) || each.deleted.startsWith("\n") || each.inserted.startsWith("\n")) return false;
    return numberOfLineAt(redline.draftText, each.fromB) === number;
  });
  const alike = line.length === heading.length && line.every((each, index) => each.deleted === heading[index]!.deleted && each.inserted === heading[index]!.inserted);
  return alike ? [heading[line.findIndex((each) => each.id === change.id)]!] : heading;
}

/**
 * The change ids to act on for `changeIds`: each contents-line change replaced by the changes
 * it mirrors, every id once, in the order first met.
 */
export function withMirroredChanges(redline: Redline, changeIds: readonly string[]): string[] {
  const byId = new Map(redline.changes.map((change) => [change.id, change]));
  const out = new Set<string>();
  for (const id of changeIds) {
    const change = byId.get(id);
    const mirrored = change ? mirroredChanges(redline, change) : null;
    for (const each of mirrored ?? [{ id }]) out.add(each.id);
  }
  return [...out];
}
