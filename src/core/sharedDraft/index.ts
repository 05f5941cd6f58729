/** Shared drafts: the shape of their Y document, and what a reviewer may change in one. */
export { DRAFT_FRAGMENT, SHARED_MAPS, type EntryChange, type SharedEntry, type SharedListMap } from "./shape";
export { readEntryChange, reviewerRefusal, type Writer } from "./reviewerChanges";
