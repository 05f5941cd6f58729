/**
 * What is kept with the draft besides its text — annotations, comment threads, sponsors and
 * export settings — lives in the editor's document attributes, which y-prosemirror does not
 * share. This binding keeps them in Y maps, one entry per annotation and per thread (so two
 * people commenting at once both keep their comment) and one entry each for sponsors and export
 * settings, and brings other clients' entries into the editor. Every value from the shared
 * document is validated before it reaches the editor; an invalid entry is left out and reported.
 */
import type { EditorState, Transaction } from "prosemirror-state";
import { PluginKey } from "prosemirror-state";
import * as Y from "yjs";
import { readAnnotations } from "../../core/amendmentFile";
import { parseExportSettings } from "../../core/export/settings";
import { parseSponsors } from "../../core/sponsors/sponsors";
import { readTextThreads } from "../../core/validation";
import { readSuggestions, SHARED_MAPS, type EntryChange, type SharedEntry, type SharedListMap } from "../../core/sharedDraft";


/** Marks a transaction that brings shared attributes in (so it is not written back). */
const sharedAttributesKey = new PluginKey("sharedAttributes");

/** Whether `tr` brings attributes in from the shared document (not a local change). */
export function isSharedAttributesPull(tr: Transaction): boolean {
  return tr.getMeta(sharedAttributesKey) === true;
}

/** The Y transaction origin of this binding's own writes. */
const LOCAL_ORIGIN = { binding: "sharedAttributes" };

/** What the binding needs of the editor (DocumentEditor has it). */
export interface AttributeHost {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
  subscribe(listener: (state: EditorState) => void): () => void;
}


export interface AttributeBindingOptions {
  /** Where a read-only client's changes of annotations and threads go; absent: written to the shared document. */
  readonly sendChange?: (change: EntryChange) => void;
  /** Told of every shared entry that is invalid and left out. */
  readonly onInvalid?: (problem: string) => void;
}

type Entry = SharedEntry;

type ListAttr = SharedListMap;
const LISTS = ["annotations", "threads", "suggestions"] as const satisfies readonly ListAttr[];

function listMaps(ydoc: Y.Doc): Record<ListAttr, Y.Map<Entry>> {
  return { annotations: ydoc.getMap<Entry>(SHARED_MAPS.annotations), threads: ydoc.getMap<Entry>(SHARED_MAPS.threads), suggestions: ydoc.getMap<Entry>(SHARED_MAPS.suggestions) };
}

/** A live binding of the attributes. */
export interface SharedAttributeBinding {
  /** Brings the editor back to what the shared document holds (after the server refused a change). */
  resync(): void;
  dispose(): void;
}

/**
 * Binds `host`'s document attributes to `ydoc`. The shared values win when the binding starts
 * (a draft opened from the server); call `seedSharedAttributes` first to upload a local draft's.
 */
export function bindSharedAttributes(host: AttributeHost, ydoc: Y.Doc, options: AttributeBindingOptions = {}): SharedAttributeBinding {
  const maps = listMaps(ydoc);
  const settings = ydoc.getMap<unknown>(SHARED_MAPS.settings);
  let last = host.state.doc.attrs;
  const pull = () => {
    const next = readShared(ydoc, options.onInvalid);
    const attrs = host.state.doc.attrs;
    let tr = host.state.tr;
    for (const key of [...LISTS, "sponsors", "exportSettings"] as const) {
      if (JSON.stringify(attrs[key]) !== JSON.stringify(next[key])) tr = tr.setDocAttribute(key, next[key]);
    }
    if (tr.steps.length === 0) return;
    host.dispatch(tr.setMeta(sharedAttributesKey, true).setMeta("addToHistory", false));
  };
  const observer = (_events: unknown, transaction: Y.Transaction) => {
    if (transaction.origin !== LOCAL_ORIGIN) pull();
  };
  for (const key of LISTS) maps[key].observeDeep(observer);
  settings.observeDeep(observer);
  pull();
  last = host.state.doc.attrs;
  const unsubscribe = host.subscribe((state) => {
    const attrs = state.doc.attrs;
    if (attrs === last) return;
    const before = last;
    last = attrs;
    const changes: EntryChange[] = [];
    for (const key of LISTS) if (attrs[key] !== before[key]) changes.push(...listChanges(key, before[key] as readonly { id: string }[], attrs[key] as readonly { id: string }[]));
    const settingsChanged = (["sponsors", "exportSettings"] as const).filter((key) => JSON.stringify(attrs[key]) !== JSON.stringify(before[key]));
    if (changes.length === 0 && settingsChanged.length === 0) return;
    if (isSharedEcho(changes, maps) && settingsChanged.every((key) => JSON.stringify(settings.get(key) ?? null) === JSON.stringify(attrs[key]))) return;
    if (options.sendChange) {
      for (const change of changes) options.sendChange(change);
      return;
    }
    ydoc.transact(() => {
      for (const change of changes) {
        if (change.value === null) maps[change.map].delete(change.id);
        else maps[change.map].set(change.id, { order: maps[change.map].get(change.id)?.order ?? nextOrder(maps[change.map]), value: change.value });
      }
      for (const key of settingsChanged) settings.set(key, attrs[key] ?? null);
    }, LOCAL_ORIGIN);
  });
  return {
    resync: pull,
    dispose: () => {
      unsubscribe();
      for (const key of LISTS) maps[key].unobserveDeep(observer);
      settings.unobserveDeep(observer);
    },
  };
}

/** Writes a local draft's attributes into an empty shared document (the first upload). */
export function seedSharedAttributes(state: EditorState, ydoc: Y.Doc): void {
  const attrs = state.doc.attrs;
  ydoc.transact(() => {
    for (const key of LISTS) {
      const map = ydoc.getMap<Entry>(SHARED_MAPS[key]);
      (attrs[key] as readonly { id: string }[]).forEach((value, order) => map.set(value.id, { order, value }));
    }
    const settings = ydoc.getMap<unknown>(SHARED_MAPS.settings);
    settings.set("sponsors", attrs.sponsors ?? null);
    settings.set("exportSettings", attrs.exportSettings ?? null);
  }, LOCAL_ORIGIN);
}

/** The shared attributes in `ydoc`, validated: invalid entries are left out and reported. */
export function readShared(ydoc: Y.Doc, onInvalid?: (problem: string) => void): { annotations: unknown[]; threads: unknown[]; suggestions: unknown[]; sponsors: unknown; exportSettings: unknown } {
  const read = (key: ListAttr) => {
    const entries = [...ydoc.getMap<Entry>(SHARED_MAPS[key]).entries()].sort(([idA, a], [idB, b]) => (a?.order ?? 0) - (b?.order ?? 0) || (idA < idB ? -1 : idA > idB ? 1 : 0));
    const values: unknown[] = [];
    for (const [id, entry] of entries) {
      const problems: { path: string; message: string }[] = [];
      const valid = key === "annotations" ? readAnnotations([entry?.value], `annotation ${id}`, problems)
        : key === "threads" ? readTextThreads([entry?.value], `thread ${id}`, problems)
        : readSuggestions([entry?.value], `suggestion ${id}`, problems);
      if (valid && valid.length === 1 && (valid[0] as { id: string }).id === id) values.push(valid[0]);
      else onInvalid?.(`${key === "annotations" ? "An annotation" : key === "threads" ? "A comment thread" : "A suggestion"} in the shared draft is not valid and is left out: ${problems[0] ? `${problems[0].path} ${problems[0].message}` : "its id does not match"}.`);
    }
    return values;
  };
  const settings = ydoc.getMap<unknown>(SHARED_MAPS.settings);
  let sponsors: unknown = settings.get("sponsors") ?? null;
  if (sponsors !== null) {
    try { sponsors = parseSponsors(sponsors); } catch { onInvalid?.("The shared sponsors are not valid and are left out."); sponsors = null; }
  }
  let exportSettings: unknown = settings.get("exportSettings") ?? null;
  if (exportSettings !== null && !parseExportSettings(exportSettings).ok) {
    onInvalid?.("The shared export settings are not valid; the defaults are used.");
    exportSettings = null;
  }
  return { annotations: read("annotations"), threads: read("threads"), suggestions: read("suggestions"), sponsors, exportSettings };
}

/** The entries of a list attribute that differ between `before` and `after`, by id. */
function listChanges(map: ListAttr, before: readonly { id: string }[], after: readonly { id: string }[]): EntryChange[] {
  const old = new Map(before.map((entry) => [entry.id, entry]));
  const changes: EntryChange[] = [];
  for (const entry of after) {
    const was = old.get(entry.id);
    old.delete(entry.id);
    if (was !== entry && JSON.stringify(was) !== JSON.stringify(entry)) changes.push({ map, id: entry.id, value: entry });
  }
  for (const id of old.keys()) changes.push({ map, id, value: null });
  return changes;
}

/** Whether every change only repeats what the shared maps hold already (an attribute pulled in). */
function isSharedEcho(changes: readonly EntryChange[], maps: Record<ListAttr, Y.Map<Entry>>): boolean {
  return changes.every((change) => JSON.stringify(maps[change.map].get(change.id)?.value ?? null) === JSON.stringify(change.value));
}

function nextOrder(map: Y.Map<Entry>): number {
  let max = -1;
  for (const entry of map.values()) if (entry && entry.order > max) max = entry.order;
  return max + 1;
}
