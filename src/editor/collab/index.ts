/**
 * What every editor needs to know of shared drafts, without loading Yjs: remote transactions,
 * whether a state is shared, and undo/redo for either history. The binding itself is editor/shared.
 */
export { isRemoteChange, isSharedDraft, narrowRemoteTransaction, type SharedSetup } from "./remote";
export { redoDraft, sharedHistoryKey, undoDraft, type SharedHistory } from "./history";
