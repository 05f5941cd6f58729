/**
 * The rows of the changes panel, derived from the redline, the annotations and the filter:
 * one header per section with its count, then its changes in document order.
 *
 * Rows are kept per block of sections (`SECTIONS_PER_BLOCK`); a row is found by its block
 * (prefix sums of the blocks' row counts, summed once per model on first use) and its place
 * in the block. After a keystroke only the sections the redline reports as touched are redone,
 * which rebuilds their blocks alone: every other block is shared with the previous model. Rows
 * carry no offsets (those shift with each keystroke before them), only words and ids, which
 * stay as they were in untouched sections.
 */
import type { Change, Redline, SectionRedline } from "../../core/redline/types";
import type { AnnotationIndex } from "../../editor/redline/annotationIndex";
import { passesFilter, type ChangeFilter } from "../../editor/redline/plugin";

/**
 * What a change row shows: a change without its offsets. Offsets shift with every keystroke
 * before the change, so rows leave them out; look a change up by id for where it is.
 */
export type RowChange = Omit<Change, "fromA" | "toA" | "fromB" | "toB">;

export type PanelRow =
  | { readonly kind: "section"; readonly key: string; readonly label: string; readonly status: SectionRedline["status"]; readonly changeIds: readonly string[] }
  | {
    readonly kind: "change"; readonly key: string; readonly change: RowChange;
    /**
     * For a run of re-lettered labels shown as one row (the siblings after an item added or
     * removed): every change of the run, `change` first. Absent on a row of one change.
     */
    readonly members?: readonly RowChange[];
  };

const SECTIONS_PER_BLOCK = 64;

/** The rows of up to SECTIONS_PER_BLOCK consecutive sections, with what each section gave. */
interface RowBlock {
  readonly rows: readonly PanelRow[];
  /** The rows' list keys, unique in the block; null when every row's own key already is. */
  readonly keys: readonly string[] | null;
  readonly ids: readonly string[];
  readonly rowCounts: Int32Array;
  readonly idCounts: Int32Array;
  readonly changeCounts: Int32Array;
  readonly changeTotal: number;
}

function sectionLabel(entry: SectionRedline): string {
  if (entry.unit === "chapter") return `${entry.numberB ?? entry.numberA} — heading and contents`;
  const number = entry.numberB ?? entry.numberA ?? "";
  const catchline = entry.catchlineB ?? entry.catchlineA ?? "";
  return `${number} ${catchline}`.trim();
}

function rowChange(change: Change): RowChange {
  const { fromA: _fromA, toA: _toA, fromB: _fromB, toB: _toB, ...words } = change;
  return words;
}

/** Whether `row` shows change `id` (as its change or one of its members). */
export function rowShows(row: PanelRow, id: string): boolean {
  return row.kind === "change" && (row.change.id === id || (row.members?.some((member) => member.id === id) ?? false));
}

/** Appends the rows and shown ids of one section entry; returns how many changes it has. */
function addSection(entry: SectionRedline, annotations: AnnotationIndex, filter: ChangeFilter, rows: PanelRow[], ids: string[]): number {
  const changes = entry.changes;
  if (changes.length === 0) return 0;
  const shown = changes.filter((change) => passesFilter(change, filter, annotations));
  if (shown.length === 0) return changes.length;
  const shownIds = shown.map((change) => change.id);
  // Two sections may share a number while a draft is being renumbered, and then their
  // changes share ids: both numbers in the keys keep such rows apart.
  const numbers = `${entry.numberB ?? ""}:${entry.numberA ?? ""}`;
  rows.push({ kind: "section", key: `s:${numbers}:${entry.unit}`, label: sectionLabel(entry), status: entry.status, changeIds: shownIds });
  for (let k = 0; k < shown.length;) {
    // Labels re-lettered one after another (the siblings of an item added or removed) are one
    // row, as a word processor renumbers a list: the item's own change stays a row of its own.
    let end = k + 1;
    if (shown[k]!.part === "enumerator") while (end < shown.length && shown[end]!.part === "enumerator") end++;
    const words = shown.slice(k, end).map(rowChange);
    rows.push(words.length > 1
      ? { kind: "change", key: `c:${numbers}:${words[0]!.id}`, change: words[0]!, members: words }
      : { kind: "change", key: `c:${numbers}:${words[0]!.id}`, change: words[0]! });
    k = end;
  }
  for (const id of shownIds) ids.push(id);
  return changes.length;
}

/**
 * Block `block` of sections: sections in `redo` (a set of indices) are built from the redline,
 * the others copied from `old` (the same block of the previous model), when given.
 */
function makeBlock(redline: Redline, block: number, annotations: AnnotationIndex, filter: ChangeFilter, old: RowBlock | undefined, redo: ReadonlySet<number> | null): RowBlock {
  const first = block * SECTIONS_PER_BLOCK;
  const size = Math.min(SECTIONS_PER_BLOCK, redline.sectionCount - first);
  const rows: PanelRow[] = [];
  const ids: string[] = [];
  const rowCounts = new Int32Array(size);
  const idCounts = new Int32Array(size);
  const changeCounts = new Int32Array(size);
  let changeTotal = 0;
  let oldRow = 0;
  let oldId = 0;
  for (let k = 0; k < size; k++) {
    const rowsBefore = rows.length;
    const idsBefore = ids.length;
    if (old && redo && !redo.has(first + k)) {
      for (let r = 0; r < old.rowCounts[k]!; r++) rows.push(old.rows[oldRow + r]!);
      for (let r = 0; r < old.idCounts[k]!; r++) ids.push(old.ids[oldId + r]!);
      changeCounts[k] = old.changeCounts[k]!;
    } else {
      changeCounts[k] = addSection(redline.section(first + k), annotations, filter, rows, ids);
    }
    if (old) { oldRow += old.rowCounts[k]!; oldId += old.idCounts[k]!; }
    rowCounts[k] = rows.length - rowsBefore;
    idCounts[k] = ids.length - idsBefore;
    changeTotal += changeCounts[k]!;
  }
  return { rows, keys: uniqueKeys(rows), ids, rowCounts, idCounts, changeCounts, changeTotal };
}

/**
 * Keys for `rows` that are unique among them: a row's own key, or, for the second and later
 * rows with the same key, that key with its occurrence count. Null when no two rows share a key.
 */
function uniqueKeys(rows: readonly PanelRow[]): string[] | null {
  const seen = new Map<string, number>();
  let keys: string[] | null = null;
  for (let r = 0; r < rows.length; r++) {
    const key = rows[r]!.key;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    if (count === 0) { keys?.push(key); continue; }
    keys ??= rows.slice(0, r).map((row) => row.key);
    keys.push(`${key}~${count}`);
  }
  return keys;
}

const showsAll = (filter: ChangeFilter) => !filter.sponsorIds && !filter.statuses;

/** The panel's rows for one redline: counts, rows by index, shown change ids. Immutable. */
export class PanelModel {
  private rowStarts: Float64Array | undefined;
  private idList: readonly string[] | undefined;
  private rowList: readonly PanelRow[] | undefined;
  /** How many changes the redline has in all, filter aside. */
  readonly total: number;
  /** How many rows (section headers and changes) the panel lists. */
  readonly rowCount: number;
  /** How many changes the filter shows. */
  readonly shownCount: number;

  /** @internal use panelModel */
  constructor(private readonly blocks: readonly RowBlock[], readonly version: number, readonly filter: ChangeFilter) {
    let total = 0;
    let rowCount = 0;
    let shownCount = 0;
    for (const block of blocks) { total += block.changeTotal; rowCount += block.rows.length; shownCount += block.ids.length; }
    this.total = total;
    this.rowCount = rowCount;
    this.shownCount = shownCount;
  }

  /** Row `index` (0 ≤ index < rowCount), found in O(log blocks). */
  row(index: number): PanelRow | undefined {
    if (index < 0 || index >= this.rowCount) return undefined;
    const block = this.blockOf(index);
    return this.blocks[block]!.rows[index - this.rowStarts![block]!];
  }

  /** The block that holds row `index` (0 ≤ index < rowCount), by binary search. */
  private blockOf(index: number): number {
    const starts = (this.rowStarts ??= this.sumRows());
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid; else high = mid - 1;
    }
    return low;
  }

  /**
   * The list key of row `index`: its own key, made unique among the rows of its block of
   * sections (two sections with one number have rows with one key). Stays with the row while
   * rows are added or removed before it; "" outside 0 ≤ index < rowCount.
   */
  key(index: number): string {
    if (index < 0 || index >= this.rowCount) return "";
    const block = this.blockOf(index);
    const at = index - this.rowStarts![block]!;
    const { keys, rows } = this.blocks[block]!;
    return keys ? keys[at]! : rows[at]!.key;
  }

  /** Every row in order (built on first use; the panel itself reads rows one at a time). */
  get rows(): readonly PanelRow[] {
    return (this.rowList ??= this.blocks.flatMap((block) => block.rows));
  }

  /** Ids of the changes shown, in order (for next/previous and "accept shown"); built on first use. */
  get changeIds(): readonly string[] {
    return (this.idList ??= this.blocks.flatMap((block) => block.ids));
  }

  /** Index of the row of change `id`, or -1. */
  rowOfChange(id: string): number {
    let start = 0;
    for (const block of this.blocks) {
      if (block.ids.includes(id)) return start + block.rows.findIndex((row) => rowShows(row, id));
      start += block.rows.length;
    }
    return -1;
  }

  /**
   * Whether `other` lists the same row keys (see `key`) in the same order as this model. Blocks shared
   * with `other` are skipped, so after a keystroke this costs the rows of the rebuilt blocks.
   */
  hasSameKeysAs(other: PanelModel): boolean {
    if (other === this) return true;
    if (other.rowCount !== this.rowCount || other.blocks.length !== this.blocks.length) return false;
    for (let k = 0; k < this.blocks.length; k++) {
      const mine = this.blocks[k]!;
      const theirs = other.blocks[k]!;
      if (mine === theirs) continue;
      if (mine.rows.length !== theirs.rows.length) return false;
      for (let r = 0; r < mine.rows.length; r++) {
        if ((mine.keys ? mine.keys[r] : mine.rows[r]!.key) !== (theirs.keys ? theirs.keys[r] : theirs.rows[r]!.key)) return false;
      }
    }
    return true;
  }

  /** @internal */
  blockAt(index: number): RowBlock | undefined {
    return this.blocks[index];
  }

  /** @internal */
  get blockCount(): number {
    return this.blocks.length;
  }

  private sumRows(): Float64Array {
    const starts = new Float64Array(this.blocks.length);
    let sum = 0;
    for (let k = 0; k < this.blocks.length; k++) { starts[k] = sum; sum += this.blocks[k]!.rows.length; }
    return starts;
  }
}

/**
 * The panel rows for a redline, filtered. Given the model of an earlier redline that this one
 * was updated from (see Redline.touchedSince), with the same filter showing every change, only
 * the blocks of touched sections are rebuilt; the result equals a fresh build.
 */
export function panelModel(redline: Redline, annotations: AnnotationIndex, filter: ChangeFilter, previous?: PanelModel): PanelModel {
  const blockCount = Math.ceil(redline.sectionCount / SECTIONS_PER_BLOCK);
  const touched = previous && previous.filter === filter && showsAll(filter) ? redline.touchedSince(previous.version) : null;
  if (!previous || !touched || previous.blockCount !== blockCount) {
    const blocks: RowBlock[] = [];
    for (let k = 0; k < blockCount; k++) blocks.push(makeBlock(redline, k, annotations, filter, undefined, null));
    return new PanelModel(blocks, redline.version, filter);
  }
  if (touched.length === 0) return new PanelModel(Array.from({ length: blockCount }, (_, k) => previous.blockAt(k)!), redline.version, filter);
  const redo = new Set(touched);
  const blocks: RowBlock[] = [];
  for (let k = 0; k < blockCount; k++) blocks.push(previous.blockAt(k)!);
  for (const unit of touched) {
    const k = Math.floor(unit / SECTIONS_PER_BLOCK);
    if (blocks[k] === previous.blockAt(k)) blocks[k] = makeBlock(redline, k, annotations, filter, previous.blockAt(k), redo);
  }
  return new PanelModel(blocks, redline.version, filter);
}

function shorten(text: string, length = 48): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** An enumerator change's label as printed: "(c)" from "c", "(c) " or "    (c) ". */
function labelText(text: string): string {
  const bare = text.trim().replace(/^\(|\)$/g, "");
  return bare === "" ? "" : `(${bare})`;
}

/** A short "before → after" of a change for its row; of a run of re-lettered labels (`members`), its first and last. */
export function changeSummary(change: RowChange, members?: readonly RowChange[]): { before: string; after: string; label: string } {
  if (members && members.length > 1) {
    const last = members[members.length - 1]!;
    const span = (first: string, end: string) => (first && end ? `${labelText(first)}–${labelText(end)}` : labelText(first || end));
    return { before: span(change.deleted, last.deleted), after: span(change.inserted, last.inserted), label: `${members.length} re-lettered` };
  }
  if (change.move) {
    return { before: "", after: "", label: change.move.role === "source" ? `moved to ${change.move.otherSection}` : `moved from ${change.move.otherSection}` };
  }
  const label = change.part === "section"
    ? (change.inserted ? "new section" : "section deleted")
    : change.part === "number" ? "renumbered"
      : change.part === "enumerator" ? "re-lettered"
        : change.part === "catchline" ? "catchline"
          : change.part === "toc" ? "contents" : change.kind;
  return { before: shorten(change.deleted), after: shorten(change.inserted), label };
}
