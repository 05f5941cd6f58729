/**
 * The editor behind the UI: one EditorState, an optional EditorView, and subscriptions.
 * Headless until `mount` is called, so tests can drive it through transactions alone. Every
 * change of state goes through `dispatch`; listeners are told after each one.
 */
import type { EditorState, Transaction } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { OrdinanceDocument } from "../core/model/document";
import { toModel } from "./convert";
import { createEditorState, type EditorStateOptions } from "./editorState";

export type EditorListener = (state: EditorState) => void;

export class DocumentEditor {
  private current: EditorState;
  private view: EditorView | null = null;
  private readonly listeners = new Set<EditorListener>();

  constructor(doc: OrdinanceDocument, private readonly options: EditorStateOptions = {}) {
    this.current = createEditorState(doc, options);
  }

  /** The current editor state (immutable; a new object after every transaction). */
  get state(): EditorState {
    return this.current;
  }

  /** The current draft as a model document (derived from the editor state on each call). */
  draft(): OrdinanceDocument {
    return toModel(this.current.doc);
  }

  /** Applies a transaction and tells every listener. */
  dispatch = (tr: Transaction): void => {
    this.setState(this.current.apply(tr));
  };

  /** Replaces the whole document (a new import): history starts afresh. */
  load(doc: OrdinanceDocument): void {
    this.setState(createEditorState(doc, this.options));
  }

  /** Shows the editor in `element`. Returns the cleanup that removes the view. */
  mount(element: HTMLElement, attributes: Record<string, string> = {}): () => void {
    this.view?.destroy();
    const view = new EditorView(element, {
      state: this.current,
      dispatchTransaction: this.dispatch,
      attributes,
    });
    this.view = view;
    return () => {
      if (this.view === view) this.view = null;
      view.destroy();
    };
  }

  /** Focuses the view when there is one. */
  focus(): void {
    this.view?.focus();
  }

  /** Runs a ProseMirror command against the current state; returns whether it applied. */
  run(command: (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean): boolean {
    const applied = command(this.current, this.dispatch);
    this.view?.focus();
    return applied;
  }

  /** Registers a listener for state changes. Returns its cleanup. */
  subscribe(listener: EditorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(state: EditorState): void {
    this.current = state;
    this.view?.updateState(state);
    for (const listener of this.listeners) listener(state);
  }
}
