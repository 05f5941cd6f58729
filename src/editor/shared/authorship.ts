/**
 * Who made each change of a shared draft, and when. Every client records its own text edits as
 * runs in the shared "authorship" map: the person, when the run began and last grew, the span
 * of Y clock values its insertions took, and the Y items it deleted. A run grows while the same
 * person keeps editing within a minute. A change of the redline is then attributed by the Y
 * items at its place: the inserted words' items for an insertion, the deleted items (tombstones)
 * at its point for a deletion.
 */
import type { EditorState } from "prosemirror-state";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "y-prosemirror";
import * as Y from "yjs";
import { SHARED_MAPS } from "../../core/sharedDraft";
import { changeRanges } from "../redline/changeRanges";
import { unitPlaces } from "../redline/docLayout";
import { redlineState } from "../redline/plugin";

/** A person as authorship names them. */
export interface AuthorName {
  readonly name: string;
  readonly office: string;
}

/** Who made a change, and when (ISO 8601: when their run of edits last grew). */
export interface Attribution {
  readonly by: AuthorName;
  readonly at: string;
  /** True when the change was already in the draft when `by` shared it (made before, by whoever). */
  readonly uploaded?: boolean;
}

interface Run {
  readonly by: AuthorName;
  readonly since: string;
  readonly until: string;
  readonly client: number;
  /** Clock values [from, to) of the client's insertions. */
  readonly inserted: readonly [number, number];
  /** Deleted items: [client, clock, length]. */
  readonly deleted: ReadonlyArray<readonly [number, number, number]>;
}

/** A run grows while its person keeps editing within this time. */
const RUN_GAP_MS = 60_000;

const RECORD_ORIGIN = { authorship: true };

/**
 * Records this client's text edits of `ydoc` (made through the editor or its undo) as runs by
 * `who()`. `attributeNextTo` credits the next edit to someone else (an accepted suggestion is
 * its suggester's). Returns the recorder; `dispose` stops it.
 */
export function recordAuthorship(ydoc: Y.Doc, who: () => AuthorName | null, now: () => Date = () => new Date()): { attributeNextTo(author: AuthorName): void; dispose(): void } {
  const map = ydoc.getMap<Run>(SHARED_MAPS.authorship);
  let current: { key: string; run: Run } | null = null;
  let next: AuthorName | null = null;
  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local || transaction.origin === RECORD_ORIGIN) return;
    if (transaction.origin !== ySyncPluginKey && !(transaction.origin instanceof Y.UndoManager)) return;
    const by = next ?? who();
    const credited = next !== null;
    next = null;
    if (!by) return;
    const client = ydoc.clientID;
    const from = transaction.beforeState.get(client) ?? 0;
    const to = transaction.afterState.get(client) ?? 0;
    const deleted: Array<[number, number, number]> = [];
    transaction.deleteSet.clients.forEach((items, owner) => { for (const item of items) deleted.push([owner, item.clock, item.len]); });
    if (from === to && deleted.length === 0) return;
    const time = now();
    const at = time.toISOString();
    const last = current?.run;
    const grows = !credited && last && last.by.name === by.name && last.by.office === by.office && last.inserted[1] === from && time.getTime() - Date.parse(last.until) < RUN_GAP_MS;
    const run: Run = grows
      ? { ...last, until: at, inserted: [last.inserted[0], to], deleted: [...last.deleted, ...deleted] }
      : { by, since: at, until: at, client, inserted: [from, to], deleted };
    const key = grows ? current!.key : `${client}:${from}:${time.getTime()}`;
    current = credited ? null : { key, run };
    ydoc.transact(() => map.set(key, run), RECORD_ORIGIN);
  };
  ydoc.on("afterTransaction", onTransaction);
  return {
    attributeNextTo: (author) => { next = author; },
    dispose: () => ydoc.off("afterTransaction", onTransaction),
  };
}

/** Credits everything now in `ydoc` to `by` (the first upload of a draft, made by its sharer). */
export function recordUpload(ydoc: Y.Doc, by: AuthorName, time: Date = new Date()): void {
  const at = time.toISOString();
  ydoc.transact(() => {
    const map = ydoc.getMap<Run>(SHARED_MAPS.authorship);
    const clock = Y.getState(ydoc.store, ydoc.clientID);
    if (clock > 0) map.set(`${ydoc.clientID}:0:upload`, { by, since: at, until: at, client: ydoc.clientID, inserted: [0, clock], deleted: [] });
  }, RECORD_ORIGIN);
}

interface Index {
  readonly inserted: Map<number, Run[]>;
  readonly deleted: Map<number, Array<{ clock: number; len: number; run: Run }>>;
}

function buildIndex(ydoc: Y.Doc): Index {
  const inserted = new Map<number, Run[]>();
  const deleted = new Map<number, Array<{ clock: number; len: number; run: Run }>>();
  for (const run of ydoc.getMap<Run>(SHARED_MAPS.authorship).values()) {
    if (!run || typeof run.client !== "number" || !Array.isArray(run.inserted)) continue;
    const list = inserted.get(run.client) ?? [];
    list.push(run);
    inserted.set(run.client, list);
    for (const [client, clock, len] of run.deleted ?? []) {
      const ranges = deleted.get(client) ?? [];
      ranges.push({ clock, len, run });
      deleted.set(client, ranges);
    }
  }
  for (const list of inserted.values()) list.sort((a, b) => a.inserted[0] - b.inserted[0]);
  return { inserted, deleted };
}

function insertedBy(index: Index, id: Y.ID): Run | null {
  const runs = index.inserted.get(id.client);
  if (!runs) return null;
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle]!;
    if (id.clock < run.inserted[0]) high = middle - 1;
    else if (id.clock >= run.inserted[1]) low = middle + 1;
    else return run;
  }
  return null;
}

/**
 * Who made the `length` characters of text starting at item id `start`: the run (not the
 * upload) that inserted most of them, else the upload. The words of a change are not all one
 * edit's: y-prosemirror rewrites a replaced passage only where it differs, so a new wording that
 * starts as the old one did keeps the old words' first letters ("in|vestigate" → "in|quire").
 */
function insertedRun(index: Index, ydoc: Y.Doc, start: Y.ID, length: number, upload: Run | null): Run | null {
  const counts = new Map<Run, number>();
  let item: Y.Item | null = Y.getItem(ydoc.store, start) as Y.Item;
  let offset = start.clock - item.id.clock;
  let remaining = Math.max(1, length);
  while (item && remaining > 0) {
    if (!item.deleted && item.countable) {
      const take = Math.min(item.length - offset, remaining);
      const run = insertedBy(index, item.id);
      if (run) counts.set(run, (counts.get(run) ?? 0) + take);
      remaining -= take;
    }
    offset = 0;
    item = item.right as Y.Item | null;
  }
  // Ranked by (not the upload, characters inserted); the first of equals wins.
  const rank = (run: Run) => (upload && isSameRun(run, upload) ? 0 : 1) * (length + 2) + counts.get(run)!;
  let best: Run | null = null;
  for (const run of counts.keys()) if (!best || rank(run) > rank(best)) best = run;
  return best;
}

function deletedBy(index: Index, item: Y.Item): Run | null {
  const ranges = index.deleted.get(item.id.client);
  if (!ranges) return null;
  let latest: Run | null = null;
  for (const range of ranges) {
    if (range.clock < item.id.clock + item.length && item.id.clock < range.clock + range.len && (!latest || range.run.until > latest.until)) latest = range.run;
  }
  return latest;
}

/** A run's attribution; the upload's says its words were in the draft when it was shared. */
const attribution = (run: Run | null, upload: Run | null): Attribution | null => (run ? { by: run.by, at: run.until, ...(upload && isSameRun(run, upload) ? { uploaded: true } : {}) } : null);

/** Whether two runs read from the map are the same record (the same client, start and first clock). */
function isSameRun(a: Run, b: Run): boolean {
  return a.client === b.client && a.since === b.since && a.inserted[0] === b.inserted[0];
}

/** The relative position of editor position `pos`, or null when there is none. */
function relativeAt(binding: { mapping: Map<unknown, unknown>; type: Y.XmlFragment }, pos: number): Y.RelativePosition | null {
  try {
    return absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never);
  } catch {
    return null;
  }
}

/**
 * What stands at a relative position: the id of the character right of it (null at the end of
 * its type), and the item just left of it (where a deletion's tombstones are).
 */
function around(ydoc: Y.Doc, relative: Y.RelativePosition): { right: Y.ID | null; left: Y.Item | null } {
  if (relative.item) {
    const found = Y.getItem(ydoc.store, relative.item);
    if (!(found instanceof Y.Item)) return { right: null, left: null };
    // Inside an item, the character left of the position is the item itself (not deleted).
    return { right: relative.item, left: found.id.clock === relative.item.clock ? (found.left as Y.Item | null) : found };
  }
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, ydoc);
  let last = (absolute?.type as unknown as { _start: Y.Item | null } | undefined)?._start ?? null;
  while (last?.right) last = last.right as Y.Item;
  return { right: null, left: last };
}

/**
 * Who made each change of the live redline of `state` (a shared draft's editor state bound to
 * `ydoc`), by change id. A change no run names (made before the draft was shared) is credited
 * to the person who shared it; without an upload record it is left out.
 */
export function changeAttributions(state: EditorState, ydoc: Y.Doc): Map<string, Attribution> {
  const binding = (ySyncPluginKey.getState(state) as { binding?: { mapping: Map<unknown, unknown>; type: Y.XmlFragment } } | undefined)?.binding;
  const result = new Map<string, Attribution>();
  if (!binding) return result;
  const index = buildIndex(ydoc);
  // What was already in the draft when it was shared is credited to the person who shared it.
  const uploadRun = [...ydoc.getMap<Run>(SHARED_MAPS.authorship).entries()].find(([key]) => key.endsWith(":upload"))?.[1] ?? null;
  const uploaded = attribution(uploadRun, uploadRun);
  const { draft, redline } = redlineState(state);
  const ranges = changeRanges(state.doc, draft, redline, unitPlaces(state.doc), null);
  for (const change of redline.changes) {
    const range = ranges.get(change.id);
    if (!range) continue;
    const relative = relativeAt(binding, range.from);
    if (!relative) continue;
    const { right } = around(ydoc, relative);
    if (change.inserted !== "" && right) {
      const found = attribution(insertedRun(index, ydoc, right, range.to - range.from, uploadRun), uploadRun);
      if (found) { result.set(change.id, found); continue; }
    }
    // A deletion: the items deleted at its point. The redline may put the point a space before
    // or after where the words stood (it aligns whole words), so one position on each side is
    // looked at too.
    let run: Run | null = null;
    for (const pos of [range.from, range.from + 1, range.from - 1]) {
      const near = pos === range.from ? relative : relativeAt(binding, pos);
      let left = near ? around(ydoc, near).left : null;
      while (left && left.deleted && !run) {
        run = deletedBy(index, left);
        left = left.left as Y.Item | null;
      }
      if (run) break;
    }
    const found = attribution(run, uploadRun) ?? uploaded;
    if (found) result.set(change.id, found);
  }
  return result;
}
