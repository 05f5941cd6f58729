/**
 * The redline read as lines: every line of the base and the draft once, in draft order (a
 * deleted line at its base place), each cut into parts that are unchanged, deleted or inserted.
 * A line present on both sides carries both its base and its draft line; a line deleted or
 * inserted whole carries one. Marks never cross a line boundary, because every change of the
 * redline lies inside one line or covers whole lines with their separators.
 */
import type { OrdinanceDocument } from "../model/document";
import type { Change, Redline } from "../redline/types";
import { describeLayout, lineAt, type DescribedLayout, type DescribedLine } from "./describedLayout";
import { ownSegments, renumberPlan } from "./renumberedMoves";

export type PartMark = "same" | "deleted" | "inserted";

/** A run of one line's text with one mark; `change` is the redline change that marks it. */
export interface LinePart {
  readonly text: string;
  readonly mark: PartMark;
  readonly change?: Change;
  /** A split's or join's pilcrow (see renumberedMoves' seam segments). */
  readonly pilcrow?: true;
}

export interface MergedLine {
  /** The base line this line shows, or null for a line inserted whole. */
  readonly a: DescribedLine | null;
  /** The draft line this line shows, or null for a line deleted whole. */
  readonly b: DescribedLine | null;
  /** The line's text in order, indentation included; never empty. */
  readonly parts: readonly LinePart[];
}

/** Whether any part of the line is deleted or inserted. */
export function isMarked(line: MergedLine): boolean {
  return line.parts.some((part) => part.mark !== "same");
}

/** The role of the line: the draft's when it has one, else the base's. */
export function roleOf(line: MergedLine): DescribedLine["role"] {
  return (line.b ?? line.a)!.role;
}

/** Accumulates parts into lines, splitting at newlines and attributing each line to its spans. */
class LineCollector {
  readonly lines: MergedLine[] = [];
  private parts: LinePart[] = [];
  private a: DescribedLine | null = null;
  private b: DescribedLine | null = null;

  constructor(private readonly layoutA: DescribedLayout, private readonly layoutB: DescribedLayout) {}

  /** Adds `text` with its mark; `startA`/`startB` are its offsets in each text (null when absent there). */
  add(text: string, mark: PartMark, startA: number | null, startB: number | null, change?: Change, pilcrow?: true): void {
    let offset = 0;
    for (const [index, segment] of text.split("\n").entries()) {
      if (index > 0) { this.finishLine(); offset += 1; }
      if (segment !== "") {
        if (startA !== null && !this.a) this.a = lineAt(this.layoutA, startA + offset);
        if (startB !== null && !this.b) this.b = lineAt(this.layoutB, startB + offset);
        this.parts.push({ text: segment, mark, ...(change ? { change } : {}), ...(pilcrow ? { pilcrow } : {}) });
      }
      offset += segment.length;
    }
  }

  finishLine(): void {
    if (this.parts.length > 0) {
      if (!this.a && !this.b) throw new Error(`redline text "${this.parts.map((part) => part.text).join("")}" matches no line`);
      this.lines.push({ a: this.a, b: this.b, parts: this.parts });
    }
    this.parts = [];
    this.a = null;
    this.b = null;
  }
}

/**
 * Every line of base and draft, merged through the redline's top-level changes. Edits inside a
 * moved section are shown by its source struck and its destination underscored, except for a
 * section moved to a new number (a renumbering): that one is merged once, at its draft place,
 * from its base and draft lines with only its inner edits marked, and so is its contents line
 * (see renumberedMoves).
 * `redline` must be compare(base, draft).
 */
export function mergedLines(base: OrdinanceDocument, draft: OrdinanceDocument, redline: Redline): MergedLine[] {
  const layoutA = describeLayout(base);
  const layoutB = describeLayout(draft);
  const textB = layoutB.text;
  const collector = new LineCollector(layoutA, layoutB);
  let posA = 0;
  let posB = 0;
  const { instead } = renumberPlan(redline, layoutA, layoutB);
  for (const change of redline.changes) {
    if (change.withinMove !== undefined) continue;
    if (change.fromB > posB) collector.add(textB.slice(posB, change.fromB), "same", posA, posB);
    for (const segment of instead.get(change.id) ?? ownSegments(change)) {
      collector.add(segment.text, segment.mark, segment.startA, segment.startB, segment.change, segment.pilcrow);
    }
    posA = change.toA;
    posB = change.toB;
  }
  // The draft's final newline belongs to no line.
  if (posB < textB.length) collector.add(textB.slice(posB), "same", posA, posB);
  collector.finishLine();
  return collector.lines;
}
