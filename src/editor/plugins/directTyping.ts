/**
 * Typing a character as a transaction. Left to itself, the browser inserts a typed character
 * into the page, lays the page out, and then ProseMirror reads the change back, redraws the
 * marks around it and lays the page out again. Here a printable key typed into one text block
 * becomes a ProseMirror insertion at once (the browser's own insertion is prevented): one
 * update of the page and one layout per keystroke, which keeps typing in a long chapter as
 * quick as in a short one. Compositions (IME, dead keys), Enter, shortcuts and selections
 * across blocks take ProseMirror's ordinary path.
 */
import { Plugin, TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { CONTENTS_NOT_EDITABLE, refusalSaying } from "./refusedEdit";

const isMac = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);

/** The character a keypress types, or null when it is not plain typing this plugin takes. */
function typedCharacter(view: EditorView, event: KeyboardEvent): string | null {
  if (view.composing || event.isComposing || !event.charCode) return null;
  // As ProseMirror does: Ctrl without Alt, and Cmd on a Mac, are shortcuts (AltGr is Ctrl+Alt).
  if ((event.ctrlKey && !event.altKey) || (isMac && event.metaKey)) return null;
  const text = String.fromCharCode(event.charCode);
  return /[\r\n]/.test(text) ? null : text;
}

/**
 * Whether the editor's selection is where the page's selection is. The page's selection can
 * run ahead (a click or a script placed it and ProseMirror has not read it yet); then the
 * browser must insert the character, and ProseMirror reads it back from the page.
 */
function selectionInStep(view: EditorView): boolean {
  const selection = (view.root as Document).getSelection?.();
  if (!selection?.anchorNode || !selection.focusNode || !view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return false;
  try {
    const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
    return anchor === view.state.selection.anchor && head === view.state.selection.head;
  } catch {
    return false;
  }
}

/** The plugin: printable keys in one text block are inserted by a transaction. */
export function directTypingPlugin(): Plugin {
  return new Plugin({
    props: {
      handleKeyPress(view, event) {
        const text = typedCharacter(view, event);
        const { selection } = view.state;
        if (text === null || !(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to) || !selection.$from.parent.inlineContent) return false;
        // A contents line is derived from its heading: typing there changes nothing, and says why.
        if (selection.$from.parent.type.name === "toc_entry") {
          view.dispatch(refusalSaying(view.state, CONTENTS_NOT_EDITABLE));
          return true;
        }
        if (!selectionInStep(view)) return false;
        const { from, to } = selection;
        if (view.someProp("handleTextInput", (handle) => handle(view, from, to, text, () => view.state.tr.insertText(text, from, to)))) return true;
        view.dispatch(view.state.tr.insertText(text, from, to).scrollIntoView());
        return true;
      },
    },
  });
}
