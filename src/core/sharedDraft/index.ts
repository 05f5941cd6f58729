/** Shared drafts: the shape of their Y document, suggestions, and what a reviewer (or a drafter, of comments) may change in one. */
export { DRAFT_FRAGMENT, SHARED_MAPS, type EntryChange, type SharedEntry, type SharedListMap } from "./shape";
export { commentKey, drafterCommentRefusal, entryComments } from "./drafterComments";
export { entryWords } from "./entryWords";
export { readEntryChange, reviewerRefusal, type Writer } from "./reviewerChanges";
export { decideSuggestion, readSuggestion, readSuggestions, SUGGESTION_LIMITS, type Suggestion, type SuggestionStatus } from "./suggestions";
