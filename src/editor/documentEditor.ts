/**
 * The editor behind the UI: one EditorState with the live redline against a base, an optional
 * EditorView, and subscriptions. Headless until `mount` is called, so tests can drive it
 * through transactions alone. Every change of state goes through `dispatch`; listeners are
 * told after each one.
 */
import { Selection, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { Annotation } from "../core/annotations/annotation";
import type { CommentAuthor, TextThread } from "../core/annotations/comments";
import { syncDocumentContents, type ContentsFix } from "../core/model/contents";
import type { OrdinanceDocument } from "../core/model/document";
import type { SponsorRegistry } from "../core/sponsors/sponsors";
import { toModel } from "./convert";
import { createEditorState } from "./editorState";
import { refusalSaying, refusalTransaction, TEXT_NOT_YOURS } from "./plugins/refusedEdit";
import { structureProblem } from "./plugins/structureGuard";
import { locateChange, selectChange } from "./redline/commands";
import { mapOffset } from "./redline/docLayout";
import { draftPosition } from "./references";
import { caretSelectsChangePlugin } from "./redline/caretSelection";
import { redlinePlugin } from "./redline/plugin";
import { findPlugin } from "./plugins/find";
import { threadsPlugin } from "./comments/threadsPlugin";
import { suggestionsPlugin } from "./suggestions";
import { withWordUndo } from "./plugins/wordUndo";
import { spellcheckPlugin } from "./spellcheck";
import { isRemoteChange, narrowRemoteTransaction } from "./collab/remote";
import type { SharedSetup } from "./collab/remote";

export type EditorListener = (state: EditorState) => void;

/** What an editing session holds: the base, the draft, and what is stored with the draft. */
export interface EditorContent {
  readonly base: OrdinanceDocument;
  readonly draft: OrdinanceDocument;
  readonly sponsors?: SponsorRegistry | null;
  readonly annotations?: readonly Annotation[];
  readonly exportSettings?: unknown;
  /** The renumberings done in the editor, as saved with the draft (none when absent). */
  readonly renumberings?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** Comment threads on draft words that are not changes. */
  readonly threads?: readonly TextThread[];
  /** Who writes comments in this draft ("You are…"). */
  readonly currentUser?: CommentAuthor | null;
  /** A shared draft: its text is the shared document's (and `draft` is ignored), see editorState's `shared`. */
  readonly shared?: SharedSetup;
}

/**
 * The editor state for `content`, its draft's contents first brought in step with its headings
 * (a draft stored before the contents were kept in step, or written by another tool): the
 * editor then keeps them so (plugins/contentsSync). Returns the lines that had to change.
 */
function stateFor(content: EditorContent): { state: EditorState; fixes: readonly ContentsFix[] } {
  const { document, fixes } = syncDocumentContents(content.draft, content.base);
  const state = createEditorState(document, {
    plugins: [redlinePlugin({ base: content.base }), threadsPlugin(), suggestionsPlugin(), caretSelectsChangePlugin(), spellcheckPlugin(), findPlugin()],
    official: content.base,
    ...(content.shared ? { shared: content.shared } : {}),
    renumberings: content.renumberings ?? [],
    attrs: {
      sponsors: content.sponsors ?? null, annotations: content.annotations ?? [], exportSettings: content.exportSettings ?? null,
      threads: content.threads ?? [], currentUser: content.currentUser ?? null,
    },
  });
  return { state, fixes };
}

export class DocumentEditor {
  private current: EditorState;
  private view: EditorView | null = null;
  /** See canChangeDraft. */
  private draftChangesAllowed = true;
  /** The change the last goToChange went to, and the state it left. */
  private visited: { readonly changeId: string; readonly state: EditorState } | null = null;
  private readonly listeners = new Set<EditorListener>();

  private loadedFixes: readonly ContentsFix[];

  constructor(content: EditorContent) {
    const { state, fixes } = stateFor(content);
    this.current = state;
    this.loadedFixes = fixes;
  }

  /**
   * The contents lines of the loaded draft that were brought in step with their headings when
   * it was loaded (empty when they already were); `describeContentsFix` words each for a note.
   */
  get contentsFixes(): readonly ContentsFix[] {
    return this.loadedFixes;
  }

  /** The current editor state (immutable; a new object after every transaction). */
  get state(): EditorState {
    return this.current;
  }

  /** The current draft as a model document (derived from the editor state on each call). */
  draft(): OrdinanceDocument {
    return toModel(this.current.doc);
  }

  /**
   * Applies a transaction and tells every listener; typing undoes a word at a time (plugins/wordUndo).
   * A text change the structure guard refuses
   * leaves the text as it was and records why (see refusedEdit), for the UI to say.
   */
  dispatch = (tr: Transaction): void => {
    if (isRemoteChange(tr)) {
      // Another person's edit, already checked where it was made: applied as the smallest replacement.
      this.setState(this.current.apply(narrowRemoteTransaction(this.current, tr)));
      return;
    }
    const { state, transactions } = this.current.applyTransaction(withWordUndo(this.current, tr));
    const problem = tr.docChanged && transactions.length === 0 ? structureProblem(tr) : null;
    this.setState(problem === null ? state : this.current.apply(refusalTransaction(this.current, problem)));
  };

  /**
   * Replaces everything (a new import): history starts afresh. Returns the contents lines that
   * had to be brought in step with their headings (also kept as `contentsFixes`).
   */
  load(content: EditorContent): readonly ContentsFix[] {
    const { state, fixes } = stateFor(content);
    this.loadedFixes = fixes;
    this.setState(state);
    return fixes;
  }

  /**
   * Shows the editor in `element`. Returns the cleanup that removes the view. With `editable`
   * false the view takes no edit from the page (see readOnlyView's mountReadOnlyRedline); the
   * redline, selection and navigation still work.
   */
  mount(element: HTMLElement, attributes: Record<string, string> = {}, { editable = true }: { readonly editable?: boolean } = {}): () => void {
    this.view?.destroy();
    const view = new EditorView(element, { state: this.current, dispatchTransaction: this.dispatch, attributes, editable: () => editable });
    this.view = view;
    // Read only, a key that would type says why it does nothing (and a space does not scroll).
    const onKey = (event: KeyboardEvent) => {
      const types = (event.key.length === 1 || event.key === "Backspace" || event.key === "Delete" || event.key === "Enter") && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (!types) return;
      event.preventDefault();
      this.dispatch(refusalSaying(this.current, TEXT_NOT_YOURS));
    };
    if (!editable) view.dom.addEventListener("keydown", onKey);
    return () => {
      view.dom.removeEventListener("keydown", onKey);
      if (this.view === view) this.view = null;
      view.destroy();
    };
  }

  /**
   * Whether this person may change the draft: its text, and agreeing to or rejecting its changes
   * (false for a shared draft's reviewer, see allowDraftChanges). Comments stay open to all.
   */
  get canChangeDraft(): boolean {
    return this.draftChangesAllowed;
  }

  /** Sets canChangeDraft (the app sets it from the person's role before drawing the panel). */
  allowDraftChanges(allowed: boolean): void {
    this.draftChangesAllowed = allowed;
  }

  /** Focuses the view when there is one. */
  focus(): void {
    this.view?.focus();
  }

  /** Runs a ProseMirror command against the current state; returns whether it applied. */
  run(command: Command, focus = true): boolean {
    const applied = command(this.current, this.dispatch, this.view ?? undefined);
    if (focus) this.view?.focus();
    return applied;
  }

  /** Selects a change, puts the cursor at it and scrolls it into view. */
  goToChange(changeId: string): boolean {
    const found = locateChange(this.current, changeId);
    if (!found) return false;
    this.visited = null;
    const lines = found.unit.lines();
    const pos = lines ? mapOffset(lines, found.change.fromB - found.unit.entry.startB).pos : found.unit.before;
    const safe = Math.max(0, Math.min(pos, this.current.doc.content.size));
    const $pos = this.current.doc.resolve(safe);
    // The caret goes to the change's first words (into an inserted paragraph or heading when the
    // change starts before one), so what follows the caret (its card, typing) is about this change.
    // A change of whole lines starts at the end of the line before them.
    const startsLine = $pos.parent.inlineContent && $pos.parentOffset === $pos.parent.content.size && found.change.inserted.startsWith("\n");
    const caret = !$pos.parent.inlineContent ? Selection.findFrom($pos, 1, true)
      : startsLine ? Selection.findFrom(this.current.doc.resolve($pos.after()), 1, true) ?? TextSelection.create(this.current.doc, safe)
      : TextSelection.create(this.current.doc, safe);
    if (caret) this.dispatch(this.current.tr.setSelection(caret));
    // Selected after the caret moved: a caret at the edge of a neighbouring change selects that
    // one (redline/caretSelection), and this change is the one asked for.
    this.run(selectChange(changeId), false);
    this.visited = { changeId, state: this.current };
    this.scrollTo(caret ? caret.head : safe);
    return true;
  }

  /**
   * Whether nothing happened in the editor since `goToChange(changeId)` (no edit, no caret move):
   * next and previous then step from that change, not from the caret it left behind.
   */
  stillAtChange(changeId: string): boolean {
    return this.visited?.changeId === changeId && this.visited.state.doc === this.current.doc && this.visited.state.selection.eq(this.current.selection);
  }

  /** Selects the draft's text at canonical offsets [fromB, toB) (a citation) and scrolls it into view; false when the draft does not hold it. */
  goToDraftText(fromB: number, toB: number): boolean {
    const from = draftPosition(this.current, fromB);
    const to = draftPosition(this.current, toB);
    if (from === null || to === null || to < from) return false;
    this.dispatch(this.current.tr.setSelection(TextSelection.create(this.current.doc, from, to)));
    this.scrollTo(from);
    this.view?.focus();
    return true;
  }

  /** Scrolls the text at document position `pos` into view (a section off screen is laid out first). */
  reveal(pos: number): void {
    this.scrollTo(pos);
  }

  private scrollTo(pos: number): void {
    const view = this.view;
    if (!view) return;
    const { node } = view.domAtPos(pos);
    const element = node instanceof Element ? node : node.parentElement;
    if (element) keepInView(element);
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

/** Frames a scrolled-to element is watched for (about a second), and the frames in view that end the watch. */
const SETTLE_FRAMES = 60;
const STABLE_FRAMES = 8;

/**
 * Scrolls `element` to the middle of the view and keeps it there while the sections around it
 * are laid out: sections off screen are drawn at an estimated height (content-visibility), so
 * drawing those above it can push it out of view after the scroll; it is scrolled back then.
 */
function keepInView(element: Element): void {
  element.scrollIntoView({ block: "center" });
  let frames = 0;
  let stable = 0;
  const check = () => {
    if (!element.isConnected) return;
    const box = element.getBoundingClientRect();
    // In view of the pane that scrolls it (the window's bottom may be under the notices).
    const pane = element.closest(".editor-pane")?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    const inView = box.bottom > pane.top + 16 && box.top < pane.bottom - 16;
    if (inView) stable++;
    else { stable = 0; element.scrollIntoView({ block: "center" }); }
    if (++frames < SETTLE_FRAMES && stable < STABLE_FRAMES) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
