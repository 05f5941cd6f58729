/**
 * Outputs of a redline: plain text with [-deleted-] and {+inserted+}, HTML with <del> and <ins>
 * (all text escaped), and JSON. Marks never cross a line: a deleted or inserted paragraph is
 * marked line by line, and indentation and surrounding spaces stay outside the marks.
 */
import type { Change, Redline } from "./types";

export type SegmentMark = "same" | "deleted" | "inserted" | "moved-away" | "moved-here";

/** A run of redline text with one mark; `label` names the other end of a move. */
export interface Segment {
  readonly text: string;
  readonly mark: SegmentMark;
  readonly label?: string;
  readonly changeId?: string;
  /** Set on both halves of a paragraph split's or join's seam (see Change.seam). */
  readonly seam?: "split" | "join";
}

/** The pilcrow shown at the seam of a split or joined paragraph. */
export const PILCROW = "\u00b6";

/**
 * A seam's line-break text ("\n\n" + indentation + enumerator + " ") cut into its newlines,
 * indentation, the enumerator (may be empty) and the space after it.
 */
export function seamParts(text: string): { newlines: string; indent: string; label: string; trail: string } {
  const match = /^(\n*)( *)(.*?)(\s*)$/s.exec(text)!;
  return { newlines: match[1]!, indent: match[2]!, label: match[3]!, trail: match[4]! };
}

/** The changes that rebuild the draft from the base (edits inside moved sections excluded). */
export function topLevelChanges(redline: Redline): Change[] {
  return redline.changes.filter((change) => change.withinMove === undefined);
}

/** The redline as a sequence of marked runs, in reading order of the draft. */
export function redlineSegments(redline: Redline): Segment[] {
  const segments: Segment[] = [];
  const draft = redline.draftText;
  let posB = 0;
  for (const change of topLevelChanges(redline)) {
    if (change.fromB > posB) segments.push({ text: draft.slice(posB, change.fromB), mark: "same" });
    const move = change.move;
    if (change.seam) {
      if (change.deleted) segments.push({ text: change.deleted, mark: "deleted", changeId: change.id, seam: change.seam });
      if (change.inserted) segments.push({ text: change.inserted, mark: "inserted", changeId: change.id, seam: change.seam });
      posB = change.toB;
      continue;
    }
    if (change.deleted) {
      segments.push({ text: change.deleted, mark: move ? "moved-away" : "deleted", changeId: change.id, ...(move ? { label: `moved to ${move.otherSection}` } : {}) });
    }
    if (change.inserted) {
      segments.push({ text: change.inserted, mark: move ? "moved-here" : "inserted", changeId: change.id, ...(move ? { label: `moved from ${move.otherSection}` } : {}) });
    }
    posB = change.toB;
  }
  if (posB < draft.length) segments.push({ text: draft.slice(posB), mark: "same" });
  return segments;
}

/** Splits a marked text into pieces per line, each as [lead, core, trail] around its words. */
function lineParts(text: string): Array<{ lead: string; core: string; trail: string } | "\n"> {
  const parts: Array<{ lead: string; core: string; trail: string } | "\n"> = [];
  text.split("\n").forEach((line, index) => {
    if (index > 0) parts.push("\n");
    if (line === "") return;
    const lead = /^\s*/.exec(line)![0];
    const trail = line.length > lead.length ? /\s*$/.exec(line)![0] : "";
    parts.push({ lead, core: line.slice(lead.length, line.length - trail.length), trail });
  });
  return parts;
}

const TEXT_MARKS: Record<Exclude<SegmentMark, "same">, [string, string]> = {
  deleted: ["[-", "-]"],
  inserted: ["{+", "+}"],
  "moved-away": ["[-", "-]"],
  "moved-here": ["{+", "+}"],
};

/**
 * Text escaped for the [-…-] {+…+} format: a backslash is written before every backslash and
 * before the first character of every "[-", "-]", "{+" and "+}" the text itself contains, so a
 * reader that takes the character after a backslash literally never mistakes text for a mark.
 */
export function escapeMarks(text: string): string {
  return text.replace(/\\|\[(?=-)|-(?=\])|\{(?=\+)|\+(?=\})/g, "\\$&");
}

/**
 * Whether `segment` is the underscored half of a replacement printed on the same line as its
 * struck half: the previous segment was deleted and its last line and this one's first line
 * both carry words. Such a pair is printed "struck underscored", with exactly one space between.
 */
function joinsStruck(previous: Segment | undefined, segment: Segment): boolean {
  if (!previous || previous.mark !== "deleted" || segment.mark !== "inserted") return false;
  const lastLine = previous.text.slice(previous.text.lastIndexOf("\n") + 1);
  const firstLine = segment.text.split("\n", 1)[0]!;
  return lastLine.trim() !== "" && firstLine.trim() !== "";
}

/**
 * The redline as plain text: [-deleted-] {+inserted+} (a replacement keeps one space between
 * its struck and underscored words); moves carry a ⟦moved to/from …⟧ label; text that looks
 * like a mark, and backslashes, are escaped with a backslash (escapeMarks).
 */
export function formatText(redline: Redline): string {
  // Pieces joined once at the end: trimming the end of one growing string flattens it each time.
  const out: string[] = [];
  let previous: Segment | undefined;
  for (const segment of redlineSegments(redline)) {
    if (segment.mark === "same") { out.push(escapeMarks(segment.text)); previous = segment; continue; }
    const [open, close] = TEXT_MARKS[segment.mark];
    if (segment.seam) { out.push(seamText(segment, open, close)); previous = segment; continue; }
    const label = segment.label ? `⟦${segment.label}⟧ ` : "";
    const joined = joinsStruck(previous, segment);
    if (joined) { trimTrailingBlanks(out); out.push(" "); }
    let labelled = false;
    for (const [index, part] of lineParts(segment.text).entries()) {
      if (part === "\n") { out.push(part); continue; }
      const lead = joined && index === 0 ? "" : part.lead;
      if (part.core === "") { out.push(lead + part.trail); continue; }
      const prefix = labelled ? "" : label;
      labelled = true;
      out.push(`${lead}${prefix}${open}${escapeMarks(part.core)}${close}${part.trail}`);
    }
    previous = segment;
  }
  return out.join("");
}

/** Removes the spaces and tabs at the end of the text the pieces make (whole pieces, then the last one's end). */
function trimTrailingBlanks(pieces: string[]): void {
  while (pieces.length > 0) {
    const last = pieces[pieces.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed !== "") { pieces[pieces.length - 1] = trimmed; return; }
    pieces.pop();
  }
}

/**
 * A seam as marked text: the line break of a split (inserted) as an underscored pilcrow, the
 * break itself and the new enumerator underscored; that of a join (deleted) as a struck
 * pilcrow with the enumerator that goes, on the line. The space on the other side is plain.
 */
function seamText(segment: Segment, open: string, close: string): string {
  if (!segment.text.includes("\n")) return segment.seam === "split" ? "" : escapeMarks(segment.text);
  const { newlines, indent, label, trail } = seamParts(segment.text);
  if (segment.mark === "inserted") return `${open}${PILCROW}${close}${newlines}${indent}${label ? `${open}${escapeMarks(label)}${close}` : ""}${trail}`;
  return ` ${open}${PILCROW}${label ? ` ${escapeMarks(label)}` : ""}${close}`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const HTML_TAGS: Record<Exclude<SegmentMark, "same">, string> = {
  deleted: "del",
  inserted: "ins",
  "moved-away": "del",
  "moved-here": "ins",
};

/**
 * The redline as an HTML fragment: one <p> per line (indentation as a margin), deleted words in
 * <del>, inserted in <ins> (one space between the two halves of a replacement), moved text with
 * class "moved" and a title naming the other end.
 */
export function formatHtml(redline: Redline): string {
  const lines: string[][] = [[]];
  const indents: number[] = [0];
  let previous: Segment | undefined;
  for (const segment of redlineSegments(redline)) {
    const joined = joinsStruck(previous, segment);
    previous = segment;
    if (segment.seam === "split" && segment.mark === "deleted") continue;
    if (segment.seam && segment.text.includes("\n")) {
      const tag = HTML_TAGS[segment.mark as Exclude<SegmentMark, "same">];
      const id = segment.changeId ? ` data-change-id="${escapeHtml(segment.changeId)}"` : "";
      const { newlines, indent, label, trail } = seamParts(segment.text);
      const current = lines[lines.length - 1]!;
      if (segment.mark === "deleted") { current.push(` <${tag} class="pilcrow"${id}>${PILCROW}${label ? ` ${escapeHtml(label)}` : ""}</${tag}>`); continue; }
      current.push(`<${tag} class="pilcrow"${id}>${PILCROW}</${tag}>`);
      for (let n = 0; n < newlines.length; n++) { lines.push([]); indents.push(0); }
      indents[indents.length - 1] = indent.length;
      if (label) lines[lines.length - 1]!.push(`<${tag}${id}>${escapeHtml(label)}</${tag}>${escapeHtml(trail)}`);
      continue;
    }
    lineParts(segment.text).forEach((part, index) => {
      if (part === "\n") { lines.push([]); indents.push(0); return; }
      const current = lines[lines.length - 1]!;
      if (current.length === 0) indents[indents.length - 1] = part.lead.length;
      if (joined && index === 0) {
        // One space between the struck and the underscored words of a replacement.
        current[current.length - 1] = current[current.length - 1]!.replace(/[ \t]+$/, "");
      }
      const lead = current.length === 0 ? "" : joined && index === 0 ? " " : escapeHtml(part.lead);
      if (segment.mark === "same" || part.core === "") { current.push(lead + escapeHtml(part.core) + escapeHtml(part.trail)); return; }
      const tag = HTML_TAGS[segment.mark];
      const moved = segment.label ? ` class="moved" title="${escapeHtml(segment.label)}"` : "";
      const id = segment.changeId ? ` data-change-id="${escapeHtml(segment.changeId)}"` : "";
      current.push(`${lead}<${tag}${moved}${id}>${escapeHtml(part.core)}</${tag}>${escapeHtml(part.trail)}`);
    });
  }
  return lines
    .map((parts, index) => ({ html: parts.join(""), indent: indents[index]! }))
    .filter((line) => line.html.trim() !== "")
    .map((line) => `<p${line.indent ? ` style="margin-left:${line.indent / 2}em"` : ""}>${line.html}</p>`)
    .join("\n") + "\n";
}

/** The redline as JSON: sections with their changes and offsets (texts are not repeated). */
export function formatJson(redline: Redline): string {
  return `${JSON.stringify({ sections: redline.sections, changes: redline.changes }, null, 2)}\n`;
}
