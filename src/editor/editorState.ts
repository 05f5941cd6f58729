/**
 * Creates the editor state for a Code document: the schema, undo history, keymaps and the
 * plugins that keep the document well-formed (unique ids; contents in step with the headings;
 * a structure the canonical text can hold, see plugins/structureGuard). Later plugins (live redline, annotations) are
 * passed in by the caller so this module stays free of them.
 */
import { baseKeymap } from "prosemirror-commands";
import { history } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { EditorState, type Plugin } from "prosemirror-state";
import { settleLevels } from "../core/importer/readBack";
import { syncDocumentContents } from "../core/model/contents";
import type { OrdinanceDocument } from "../core/model/document";
import { docAttributes, toProseMirror, type DocAttrs } from "./convert";
import { blockIdsPlugin } from "./plugins/blockIds";
import { contentsSyncPlugin } from "./plugins/contentsSync";
import { directTypingPlugin } from "./plugins/directTyping";
import { refusedEditPlugin } from "./plugins/refusedEdit";
import { renumberLogPlugin } from "./plugins/renumberLog";
import { tabLeavesPlugin } from "./plugins/tabLeaves";
import { typedLabelPlugin } from "./plugins/typedLabel";
import { deleteKeepingStructure, enterCommand, structureGuardPlugin } from "./plugins/structureGuard";
import { codeSchema } from "./schema";
import { redoDraft, undoDraft } from "./collab/history";
import type { SharedSetup } from "./collab/remote";
import { sectionGroupsPlugin } from "./sectionGroups";
import { structureBindings } from "./structure/structureKeymap";

export interface EditorStateOptions {
  /** Extra plugins, placed before the keymaps so their key bindings win. */
  readonly plugins?: readonly Plugin[];
  /** Annotations and sponsors stored with the document. */
  readonly attrs?: DocAttrs;
  /** The base as the official text prints it: how its contents lines read (see plugins/contentsSync). */
  readonly official?: OrdinanceDocument;
  /** The renumberings saved with the draft (plugins/renumberLog). */
  readonly renumberings?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /**
   * A shared draft: the text comes from (and stays in step with) its Y fragment, whose
   * document is used as it is; undo is the shared one (this person's edits only).
   */
  readonly shared?: SharedSetup;
}

/**
 * A new editor state holding `doc`, with history and the standard key bindings. The contents of
 * `doc` are brought in step with its headings first (every state's are; DocumentEditor reports
 * what that changed), and its paragraph levels are those its canonical text reads back with
 * (importer/readBack; plugins/structureGuard keeps them so).
 */
export function createEditorState(doc: OrdinanceDocument, options: EditorStateOptions = {}): EditorState {
  const shared = options.shared;
  return EditorState.create({
    schema: codeSchema,
    doc: shared ? codeSchema.topNodeType.create(docAttributes(options.attrs), shared.doc.content) : toProseMirror(settleLevels(syncDocumentContents(doc, options.official).document), options.attrs),
    plugins: [
      ...(options.plugins ?? []),
      ...(shared ? shared.plugins : [history()]),
      tabLeavesPlugin(),
      keymap(structureBindings),
      keymap({ "Mod-z": undoDraft, "Mod-y": redoDraft, "Shift-Mod-z": redoDraft, Enter: enterCommand, Backspace: deleteKeepingStructure, Delete: deleteKeepingStructure }),
      keymap(baseKeymap),
      directTypingPlugin(),
      typedLabelPlugin(),
      blockIdsPlugin(),
      contentsSyncPlugin(options.official),
      structureGuardPlugin(),
      refusedEditPlugin(),
      renumberLogPlugin(options.renumberings),
      sectionGroupsPlugin(),
    ],
  });
}

