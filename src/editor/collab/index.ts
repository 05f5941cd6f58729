/** Shared drafts in the editor: Yjs binding of the text and the attributes, remote transactions, undo. */
export { isRemoteChange, narrowRemoteTransaction } from "./remote";
export { DRAFT_FRAGMENT, seedSharedDraft, sharedDraftNode, sharedEditingPlugins, type PresenceUser, type SharedEditing } from "./sharedEditing";
export { bindSharedAttributes, readShared, seedSharedAttributes, SHARED_MAPS, type AttributeBindingOptions, type AttributeHost, type EntryChange } from "./sharedAttributes";
export { redoDraft, undoDraft } from "./history";
