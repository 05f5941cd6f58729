/**
 * Key bindings of the structural commands, placed before the standard ones: Enter in an item
 * opens the next, Tab and Shift+Tab sink and lift it (and never move the focus out of the
 * editor: where an item cannot move, the key does nothing), Backspace and Delete over whole
 * items remove them whole, and at an item's seam join it onto the paragraph before.
 */
import { chainCommands } from "prosemirror-commands";
import type { Command } from "prosemirror-state";
import { deleteWholeItems, enterInList, joinItemBackward, joinItemForward, liftListItem, sinkListItem, startList } from "./listCommands";

/** Consumes the key: the browser's Tab would leave the editor. */
const stayInEditor: Command = () => true;

/** The bindings, for `keymap(…)`. */
export const structureBindings: Readonly<Record<string, Command>> = {
  Enter: enterInList,
  Tab: chainCommands(sinkListItem, startList, stayInEditor),
  "Shift-Tab": chainCommands(liftListItem, stayInEditor),
  Backspace: chainCommands(deleteWholeItems, joinItemBackward),
  Delete: chainCommands(deleteWholeItems, joinItemForward),
};
