/** Browser storage of drafts and versions (IndexedDB through Dexie). No React, no editor. */
export { DEFAULT_DATABASE_NAME, DraftStore, type DraftStoreOptions, type DraftSummary, type JournalEntry, type StoredDraft, type StoredVersion, type VersionSummary } from "./draftStore";
export { StorageError, toStorageError, type StorageErrorKind } from "./storageError";
export { applyPatch, makePatch, type DraftPatch } from "./draftPatch";
