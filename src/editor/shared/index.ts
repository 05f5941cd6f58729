/**
 * Shared drafts in the editor (loads Yjs): the y-prosemirror binding of the text, the attributes
 * in Y maps, authorship of changes. The app loads this only for a shared draft.
 */
export { DRAFT_FRAGMENT, SHARED_MAPS, type EntryChange } from "../../core/sharedDraft";
export { seedSharedDraft, sharedDraftNode, sharedEditingPlugins, sharedSetup, type PresenceUser, type SharedEditing } from "./sharedEditing";
export { bindSharedAttributes, readShared, seedSharedAttributes, type AttributeBindingOptions, type AttributeHost, type SharedAttributeBinding } from "./sharedAttributes";
export { changeAttributions, recordAuthorship, recordUpload, type Attribution, type AuthorName } from "./authorship";
