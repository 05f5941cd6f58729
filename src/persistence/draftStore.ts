/**
 * Drafts kept in the browser (IndexedDB through Dexie): many drafts, each the whole amendment
 * (base, draft, sponsors, annotations, export settings) stored as amendment-file JSON; named
 * versions of a draft; the last opened draft. Deletion is soft (restorable) until purged.
 *
 * Guarantees: every failure is a StorageError with a plain message (quota, unavailable, corrupt,
 * other); a stored draft or version is read through the amendment-file validator, so a corrupt
 * record is reported as "corrupt", never half-loaded; listing never reads draft content.
 */
import { AmendmentFileError, parseAmendment, toAmendmentFile, type AmendmentContent } from "../core/amendmentFile";
import { DRAFT_LIST_INDEX, DraftDatabase, type DraftRecord, type VersionRecord } from "./database";
import type { DraftPatch } from "./draftPatch";
import { StorageError, toStorageError, UNAVAILABLE_MESSAGE } from "./storageError";

/** The default IndexedDB database name. */
export const DEFAULT_DATABASE_NAME = "ordinance-redline";

export interface DraftSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: string;
}

export interface StoredDraft {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The token the content was saved under ("" for drafts saved before journals existed). */
  readonly checkpoint: string;
  readonly content: AmendmentContent;
}

/** What was typed since the draft was saved under `checkpoint` (see saveDraft, writeJournal). */
export interface JournalEntry {
  readonly checkpoint: string;
  readonly writtenAt: string;
  readonly patch: DraftPatch;
}

export interface VersionSummary {
  readonly id: string;
  readonly draftId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface StoredVersion extends VersionSummary {
  readonly content: AmendmentContent;
}

export interface DraftStoreOptions {
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date;
}

const LAST_OPENED = "lastOpened";

/** A random id of 20 hex digits. */
function newId(): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 200) throw new StorageError("other", "A draft or version name must be 1 to 200 characters long.");
  return trimmed;
}

export class DraftStore {
  private readonly now: () => Date;

  /** Use DraftStore.open. `db` is public so tests can stub a table. */
  constructor(readonly db: DraftDatabase, options: DraftStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Opens (creating when needed) the drafts database. Throws a StorageError "unavailable" when
   * the browser has no IndexedDB or refuses to open it, "quota" when it is full.
   */
  static async open(name = DEFAULT_DATABASE_NAME, options: DraftStoreOptions = {}): Promise<DraftStore> {
    if (typeof indexedDB === "undefined" || indexedDB === null) throw new StorageError("unavailable", UNAVAILABLE_MESSAGE);
    const db = new DraftDatabase(name);
    try {
      await db.open();
    } catch (error) {
      const mapped = toStorageError(error, "opening the drafts database");
      throw mapped.kind === "quota" ? mapped : new StorageError("unavailable", UNAVAILABLE_MESSAGE, error);
    }
    // A database of the same name left by another version may lack our tables.
    const stores = db.backendDB().objectStoreNames;
    if (!db.tables.every((table) => stores.contains(table.name))) {
      db.close();
      throw new StorageError("unavailable", UNAVAILABLE_MESSAGE);
    }
    return new DraftStore(db, options);
  }

  close(): void {
    this.db.close();
  }

  /** Live drafts (not deleted), most recently saved first; content is not read. */
  async listDrafts(): Promise<DraftSummary[]> {
    return this.run("listing drafts", async () => {
      const summaries: DraftSummary[] = [];
      await this.db.drafts.where(DRAFT_LIST_INDEX).between([0], [1]).reverse().eachKey((key, cursor) => {
        const [, updatedAt, name] = key as [number, string, string];
        summaries.push({ id: cursor.primaryKey, name, updatedAt });
      });
      return summaries;
    });
  }

  /** Stores a new draft (saved under `checkpoint`, see saveDraft) and returns its id. */
  async createDraft(name: string, content: AmendmentContent, checkpoint = ""): Promise<string> {
    const checked = checkName(name);
    return this.run("creating the draft", async () => {
      const time = this.timestamp();
      const id = newId();
      await this.db.drafts.add({ id, name: checked, createdAt: time, updatedAt: time, deleted: 0, deletedAt: null, content: this.encode(content, checked, time), checkpoint });
      return id;
    });
  }

  /**
   * Saves a draft's content and returns the time saved. A draft in the bin is taken out of it
   * (someone is still editing it). Throws "other" for a draft that is not stored.
   *
   * `checkpoint` is the saver's token for this content. In the same transaction the draft's
   * journal is dropped: from then on only a journal written against this token applies. Writes
   * made on one connection apply in the order they were issued (IndexedDB orders read/write
   * transactions over shared stores), so a journal issued after this save lands after it.
   */
  async saveDraft(id: string, content: AmendmentContent, checkpoint = ""): Promise<string> {
    const time = this.timestamp();
    const encoded = this.encode(content, content.name, time);
    return this.run("saving the draft", () => this.db.transaction("rw", [this.db.drafts, this.db.journal], async () => {
      const updated = await this.db.drafts.update(id, { updatedAt: time, deleted: 0, deletedAt: null, content: encoded, checkpoint });
      if (updated === 0) throw new StorageError("other", "This draft is no longer stored (it may have been deleted in another tab). Save it as a new draft or download the amendment file.");
      await this.db.journal.delete(id);
      return time;
    }));
  }

  /**
   * Records what was typed since the draft was saved under `checkpoint`: a small write, meant
   * to be made many times a second. Replaces the draft's previous journal entry.
   */
  async writeJournal(draftId: string, entry: JournalEntry): Promise<void> {
    await this.run("journaling the draft", () => this.db.journal.put({ draftId, checkpoint: entry.checkpoint, writtenAt: entry.writtenAt, patch: entry.patch }));
  }

  /** The draft's journal entry, or null. It applies only if its checkpoint is the stored draft's. */
  async readJournal(draftId: string): Promise<JournalEntry | null> {
    const record = await this.run("reading the journal", () => this.db.journal.get(draftId));
    if (!record || typeof record.checkpoint !== "string" || typeof record.writtenAt !== "string" || typeof record.patch !== "object" || record.patch === null) return null;
    return { checkpoint: record.checkpoint, writtenAt: record.writtenAt, patch: record.patch as DraftPatch };
  }

  /** The draft with its content, or null when there is none (or it is deleted). Corrupt content → StorageError "corrupt". */
  async loadDraft(id: string): Promise<StoredDraft | null> {
    const record = await this.run("opening the draft", () => this.db.drafts.get(id));
    if (!record || record.deleted === 1) return null;
    const content = decode(record.content, `The stored draft "${record.name}"`);
    return { id: record.id, name: record.name, createdAt: record.createdAt, updatedAt: record.updatedAt, checkpoint: record.checkpoint ?? "", content: { ...content, name: record.name } };
  }

  async renameDraft(id: string, name: string): Promise<void> {
    const checked = checkName(name);
    await this.run("renaming the draft", async () => {
      if ((await this.db.drafts.update(id, { name: checked })) === 0) throw new StorageError("other", "There is no such draft to rename.");
    });
  }

  /** A copy of a draft under a new name (its versions are not copied). Returns the copy's id. */
  async duplicateDraft(id: string, name: string): Promise<string> {
    const checked = checkName(name);
    return this.run("duplicating the draft", () => this.db.transaction("rw", this.db.drafts, async () => {
      const record = await this.db.drafts.get(id);
      if (!record || record.deleted === 1) throw new StorageError("other", "There is no such draft to duplicate.");
      const time = this.timestamp();
      const copy: DraftRecord = { ...record, id: newId(), name: checked, createdAt: time, updatedAt: time };
      await this.db.drafts.add(copy);
      return copy.id;
    }));
  }

  /** Moves a draft to the bin; restoreDraft undoes it until purgeDeleted. */
  async deleteDraft(id: string): Promise<void> {
    await this.run("deleting the draft", () => this.db.drafts.update(id, { deleted: 1, deletedAt: this.timestamp() }));
  }

  async restoreDraft(id: string): Promise<boolean> {
    return this.run("restoring the draft", async () => (await this.db.drafts.update(id, { deleted: 0, deletedAt: null })) > 0);
  }

  /** Removes drafts in the bin (deleted at or before `before`, default all) with their versions. Returns how many. */
  async purgeDeleted(before?: Date): Promise<number> {
    const limit = before?.toISOString();
    return this.run("emptying the bin", () => this.db.transaction("rw", [this.db.drafts, this.db.versions, this.db.meta, this.db.journal], async () => {
      const ids = (await this.db.drafts.where(DRAFT_LIST_INDEX).between([1], [2]).primaryKeys());
      const doomed: string[] = [];
      for (const id of ids) {
        const record = await this.db.drafts.get(id);
        if (record && (limit === undefined || (record.deletedAt !== null && record.deletedAt <= limit))) doomed.push(id);
      }
      await this.db.versions.where("draftId").anyOf(doomed).delete();
      await this.db.drafts.bulkDelete(doomed);
      await this.db.journal.bulkDelete(doomed);
      const last = await this.db.meta.get(LAST_OPENED);
      if (last && doomed.includes(last.value as string)) await this.db.meta.delete(LAST_OPENED);
      return doomed.length;
    }));
  }

  /** The id of the last opened draft, when it is still stored and not deleted. */
  async lastOpened(): Promise<string | null> {
    return this.run("finding the last draft", async () => {
      const entry = await this.db.meta.get(LAST_OPENED);
      if (typeof entry?.value !== "string") return null;
      const record = await this.db.drafts.get(entry.value);
      return record && record.deleted === 0 ? record.id : null;
    });
  }

  async setLastOpened(id: string | null): Promise<void> {
    await this.run("remembering the open draft", async () => {
      if (id === null) await this.db.meta.delete(LAST_OPENED);
      else await this.db.meta.put({ key: LAST_OPENED, value: id });
    });
  }

  /** A named snapshot of a draft's content. Returns the version's id. */
  async createVersion(draftId: string, name: string, content: AmendmentContent): Promise<string> {
    const checked = checkName(name);
    return this.run("saving the version", async () => {
      const time = this.timestamp();
      const id = newId();
      await this.db.versions.add({ id, draftId, name: checked, createdAt: time, content: this.encode(content, content.name, time) });
      return id;
    });
  }

  /** A draft's versions, oldest first, without their content. */
  async listVersions(draftId: string): Promise<VersionSummary[]> {
    return this.run("listing versions", async () => {
      const records = await this.db.versions.where("draftId").equals(draftId).toArray();
      return records
        .map(({ id, draftId: owner, name, createdAt }) => ({ id, draftId: owner, name, createdAt }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    });
  }

  /** A version with its content, or null. Corrupt content → StorageError "corrupt". */
  async loadVersion(id: string): Promise<StoredVersion | null> {
    const record: VersionRecord | undefined = await this.run("opening the version", () => this.db.versions.get(id));
    if (!record) return null;
    const content = decode(record.content, `The stored version "${record.name}"`);
    return { id: record.id, draftId: record.draftId, name: record.name, createdAt: record.createdAt, content };
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private encode(content: AmendmentContent, name: string, time: string): string {
    return JSON.stringify(toAmendmentFile({ ...content, name }, time));
  }

  private async run<T>(action: string, work: () => PromiseLike<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, action);
    }
  }
}

/** Reads stored content through the amendment-file validator; any problem is "corrupt". */
function decode(content: unknown, what: string): AmendmentContent {
  if (typeof content !== "string") throw new StorageError("corrupt", `${what} is damaged (its content is missing) and cannot be opened.`);
  try {
    return parseAmendment(content);
  } catch (error) {
    if (!(error instanceof AmendmentFileError)) throw new StorageError("corrupt", `${what} is damaged and cannot be opened.`, error);
    throw new StorageError("corrupt", `${what} is damaged and cannot be opened: ${error.message}`, error);
  }
}
