/** Shared drafts in the editor: Yjs binding of the text and the attributes, remote transactions, undo. */
export { isRemoteChange, narrowRemoteTransaction } from "./remote";
export { DRAFT_FRAGMENT, SHARED_MAPS, type EntryChange } from "../../core/sharedDraft";
export { isSharedDraft, seedSharedDraft, sharedDraftNode, sharedEditingPlugins, type PresenceUser, type SharedEditing } from "./sharedEditing";
export { bindSharedAttributes, readShared, seedSharedAttributes, type AttributeBindingOptions, type AttributeHost, type SharedAttributeBinding } from "./sharedAttributes";
export { redoDraft, undoDraft } from "./history";
export { changeAttributions, recordAuthorship, recordUpload, type Attribution, type AuthorName } from "./authorship";
