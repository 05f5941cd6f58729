/**
 * The IndexedDB schema of stored drafts (through Dexie): drafts, named versions and a small
 * key–value table for things such as the last opened draft. Content is always the amendment
 * file's JSON text, so a stored draft reads back through the same validator as a file.
 */
import Dexie, { type Table } from "dexie";

export interface DraftRecord {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 while the draft is in the bin (soft-deleted), else 0; indexable, unlike a boolean. */
  readonly deleted: 0 | 1;
  readonly deletedAt: string | null;
  /** The amendment file's JSON text (see amendmentFile). */
  readonly content: string;
  /**
   * The saver's token for this content (absent in drafts saved before journals existed): a
   * journal entry applies to the draft only when it was written against this same token.
   */
  readonly checkpoint?: string;
}

export interface VersionRecord {
  readonly id: string;
  readonly draftId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly content: string;
}

/**
 * What was typed since a draft was last saved, written many times a second while typing: a
 * patch (see draftPatch) against the content saved under `checkpoint`. One record per draft.
 */
export interface JournalRecord {
  readonly draftId: string;
  readonly checkpoint: string;
  /** ISO 8601 time the patch was taken. */
  readonly writtenAt: string;
  readonly patch: unknown;
}

export interface MetaRecord {
  readonly key: string;
  readonly value: unknown;
}

/** The compound index that lists live drafts, newest first, without reading their content. */
export const DRAFT_LIST_INDEX = "[deleted+updatedAt+name]";

export class DraftDatabase extends Dexie {
  drafts!: Table<DraftRecord, string>;
  versions!: Table<VersionRecord, string>;
  meta!: Table<MetaRecord, string>;
  journal!: Table<JournalRecord, string>;

  constructor(name: string) {
    super(name, { autoOpen: false });
    this.version(1).stores({
      drafts: `id, ${DRAFT_LIST_INDEX}`,
      versions: "id, draftId",
      meta: "key",
    });
    this.version(2).stores({ journal: "draftId" });
  }
}
