/**
 * Typing a character as a transaction. Left to itself, the browser inserts a typed character
 * into the page, lays the page out, and then ProseMirror reads the change back, redraws the
 * marks around it and lays the page out again. Here a printable key typed into one text block
 * becomes a ProseMirror insertion at once (the browser's own insertion is prevented): one
 * update of the page and one layout per keystroke, which keeps typing in a long chapter as
 * quick as in a short one. A caret the page moved and the editor has not read yet is read at
 * the key. Compositions (IME, dead keys), Enter, shortcuts and selections across blocks take
 * ProseMirror's ordinary path.
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

/**
 * Where the page's caret stands when it has run ahead of the editor's selection but is plainly
 * in typed text: collapsed, in a text node of the editor outside any non-editable part (a
 * struck widget, a label), in a text block one may type into. Null otherwise (the browser's path).
 * Read as ProseMirror reads the page's selection, so the key lands exactly where it would.
 */
function caretAhead(view: EditorView): number | null {
  const selection = (view.root as Document).getSelection?.();
  const node = selection?.focusNode;
  if (!selection || !selection.isCollapsed || !node || node.nodeType !== Node.TEXT_NODE || !view.dom.contains(node)) return null;
  for (let element = node.parentElement; element && element !== view.dom; element = element.parentElement) {
    if (element.getAttribute("contenteditable") === "false") return null;
  }
  let pos: number;
  try {
    pos = view.posAtDOM(node, selection.focusOffset, 1);
  } catch {
    return null;
  }
  if (pos < 0 || pos > view.state.doc.content.size) return null;
  const parent = view.state.doc.resolve(pos).parent;
  return parent.inlineContent && parent.type.name !== "toc_entry" ? pos : null;
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
        let { from, to } = selection;
        let start = () => view.state.tr;
        if (!selectionInStep(view)) {
          // The caret was moved (a click, an arrow key, a script) and the editor has not read
          // it yet: read it now and type there in the same transaction, instead of leaving
          // the key to the browser and reading the changed page back (far dearer in a long chapter).
          const caret = caretAhead(view);
          if (caret === null) return false;
          from = to = caret;
          start = () => view.state.tr.setSelection(TextSelection.create(view.state.doc, caret));
        }
        if (view.someProp("handleTextInput", (handle) => handle(view, from, to, text, () => start().insertText(text, from, to)))) return true;
        view.dispatch(start().insertText(text, from, to).scrollIntoView());
        return true;
      },
    },
  });
}
