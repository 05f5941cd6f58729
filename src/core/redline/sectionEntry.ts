/**
 * One entry of a redline's section list. It holds its changes as local offsets plus the
 * starts of its pieces, and turns them into global Change values on first access. The engine
 * keeps each unit's entry with its pieces at 0 and places it (`shifted`) only when it is read,
 * so an update that shifts offsets creates no entries and no changes for untouched units.
 */
import { sectionPiece } from "../model/canonicalText";
import type { Section } from "../model/document";
import type { LocalChange } from "./pieceDiff";

/** Where a group's text comes from: the text itself, or a section whose piece is built on demand. */
export type TextSource = string | Section;

function textOf(source: TextSource): string {
  return typeof source === "string" ? source : sectionPiece(source).text;
}
import type { Change, SectionRedline, SectionStatus } from "./types";

/** Local changes of one piece pair, where the pieces start, and fields every change gets. */
export interface ChangeGroup {
  readonly local: readonly LocalChange[];
  readonly textA: TextSource;
  readonly textB: TextSource;
  readonly startA: number;
  readonly startB: number;
  readonly extra: Partial<Change>;
}

export interface SectionEntryInit extends Omit<SectionRedline, "changes" | "status" | "startA" | "startB"> {
  readonly pieceStartA: number;
  readonly pieceStartB: number;
  /** Null: "changed" when there are changes, else "unchanged". */
  readonly status: SectionStatus | null;
  readonly groups: readonly ChangeGroup[];
  /** What change ids start with when not the section's number (a number another unit also has). */
  readonly idLabel?: string;
}

/** The fields an entry shares with its shifted copies. */
export interface EntryInfo extends Omit<SectionRedline, "changes" | "startA" | "startB"> {
  /** Piece starts when the entry was made (before any shift). */
  readonly pieceStartA: number;
  readonly pieceStartB: number;
  readonly groups: readonly ChangeGroup[];
  readonly idLabel?: string;
}

export class SectionEntry implements SectionRedline {
  private materialized: readonly Change[] | undefined;

  /** `shiftA`/`shiftB`: how much later than its groups say the entry's pieces start. */
  constructor(private readonly info: EntryInfo, private readonly shiftA = 0, private readonly shiftB = 0) {}

  get unit(): SectionRedline["unit"] { return this.info.unit; }
  get status(): SectionStatus { return this.info.status; }
  get numberA(): string | null { return this.info.numberA; }
  get numberB(): string | null { return this.info.numberB; }
  get catchlineA(): string | null { return this.info.catchlineA; }
  get catchlineB(): string | null { return this.info.catchlineB; }
  get startA(): number { return this.info.pieceStartA + this.shiftA; }
  get startB(): number { return this.info.pieceStartB + this.shiftB; }

  /** The same entry with its pieces starting `deltaA` and `deltaB` characters later. O(1). */
  shifted(deltaA: number, deltaB: number): SectionEntry {
    if (deltaA === 0 && deltaB === 0) return this;
    return new SectionEntry(this.info, this.shiftA + deltaA, this.shiftB + deltaB);
  }

  /** The id of the `index`-th change of a section; move ends carry their role. */
  static changeId(label: string, index: number, role?: "source" | "destination"): string {
    return `${label}#${index + 1}${role ? `-${role}` : ""}`;
  }

  /** The plain value, for JSON output. */
  toJSON(): SectionRedline {
    const { unit, status, numberA, numberB, catchlineA, catchlineB, startA, startB, changes } = this;
    return { unit, status, numberA, numberB, catchlineA, catchlineB, startA, startB, changes };
  }

  /** This section's changes with global offsets, in document order. */
  get changes(): readonly Change[] {
    return (this.materialized ??= this.materialize());
  }

  private materialize(): Change[] {
    const label = this.numberB ?? this.numberA ?? "";
    const idLabel = this.info.idLabel ?? label;
    const changes: Change[] = [];
    for (const group of this.info.groups) {
      if (group.local.length === 0) continue;
      const textA = textOf(group.textA);
      const textB = textOf(group.textB);
      // Edits inside a moved section keep their own base start (at the move's source).
      const startA = group.startA + (group.extra.withinMove ? 0 : this.shiftA);
      const startB = group.startB + this.shiftB;
      for (const change of group.local) {
        const role = group.extra.move?.role;
        const fromA = Math.max(change.fromA, -startA);
        const fromB = Math.max(change.fromB, -startB);
        const made: { -readonly [K in keyof Change]: Change[K] } = {
          id: SectionEntry.changeId(idLabel, role ? 0 : changes.length, role),
          kind: change.fromA === change.toA ? "insert" : change.fromB === change.toB ? "delete" : "replace",
          part: change.part,
          section: label,
          // The first piece of a text has no separator before it: clamp its offsets to 0.
          fromA: startA + fromA,
          toA: Math.max(0, startA + change.toA),
          fromB: startB + fromB,
          toB: Math.max(0, startB + change.toB),
          deleted: textA.slice(fromA, change.toA),
          inserted: textB.slice(fromB, change.toB),
          precise: change.precise,
        };
        if (change.blockIdA) made.blockIdA = change.blockIdA;
        if (change.blockIdB) made.blockIdB = change.blockIdB;
        if (change.seam) made.seam = change.seam;
        if (group.extra.kind) made.kind = group.extra.kind;
        if (group.extra.move) made.move = group.extra.move;
        if (group.extra.withinMove) made.withinMove = group.extra.withinMove;
        changes.push(made);
      }
    }
    return changes;
  }
}
