/**
 * Suggestions in the editor: where each open one stands now (its words' live range, mapped
 * through every transaction and looked for again by its anchor when its words are gone), the
 * highlight of those words with the proposed wording beside them, and the commands that make,
 * accept and reject suggestions. The suggestions are a document attribute, shared like threads.
 */
import { Plugin, PluginKey, type Command, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { decideSuggestion, type Suggestion } from "../../core/sharedDraft";
import type { CommentAuthor } from "../../core/annotations/comments";
import type { PosRange } from "../redline/changeRanges";
import { freshId } from "../plugins/blockIds";
import { savedAnchorOf } from "../comments/commands";
import { liveThreads, type LiveThread } from "../comments/threadsPlugin";

interface SuggestionsState {
  readonly live: ReadonlyMap<string, LiveThread>;
  readonly decorations: DecorationSet;
}

const suggestionsKey = new PluginKey<SuggestionsState>("suggestions");

/** The suggestions stored with the draft. */
export function docSuggestions(state: EditorState): readonly Suggestion[] {
  return (state.doc.attrs.suggestions as readonly Suggestion[] | undefined) ?? [];
}

/** The range of an open suggestion's words now, or null when they are not in the draft. */
export function suggestionRange(state: EditorState, id: string): PosRange | null {
  return suggestionsKey.getState(state)?.live.get(id)?.range ?? null;
}

function decorationsFor(doc: PMNode, suggestions: readonly Suggestion[], live: ReadonlyMap<string, LiveThread>): DecorationSet {
  const decorations: Decoration[] = [];
  for (const suggestion of suggestions) {
    const range = suggestion.status === "open" ? live.get(suggestion.id)?.range : null;
    if (!range) continue;
    decorations.push(Decoration.inline(range.from, range.to, { class: "suggested-words", "data-suggestion-id": suggestion.id, title: `Suggested by ${suggestion.author}` }));
    decorations.push(Decoration.widget(range.to, () => {
      const proposed = document.createElement("span");
      proposed.className = "suggested-wording";
      proposed.setAttribute("contenteditable", "false");
      proposed.dataset.suggestionId = suggestion.id;
      proposed.textContent = suggestion.replacement === "" ? "(delete)" : suggestion.replacement;
      return proposed;
    }, { key: `suggestion:${suggestion.id}:${suggestion.replacement}`, side: 1, ignoreSelection: true }));
  }
  return decorations.length === 0 ? DecorationSet.empty : DecorationSet.create(doc, decorations);
}

/** The plugin; DocumentEditor adds it to every editor state. */
export function suggestionsPlugin(): Plugin<SuggestionsState> {
  return new Plugin<SuggestionsState>({
    key: suggestionsKey,
    state: {
      init(_config, state) {
        const open = docSuggestions(state).filter((each) => each.status === "open");
        const live = liveThreads(open, null, null, null, state.doc, undefined);
        return { live, decorations: decorationsFor(state.doc, open, live) };
      },
      apply(tr, previous, oldState, newState) {
        const suggestions = docSuggestions(newState);
        const changed = suggestions !== docSuggestions(oldState);
        if (!changed && (!tr.docChanged || suggestions.length === 0)) return previous;
        const open = suggestions.filter((each) => each.status === "open");
        const live = liveThreads(open, previous.live, tr, oldState.doc, newState.doc, undefined);
        return { live, decorations: decorationsFor(newState.doc, open, live) };
      },
    },
    props: {
      decorations: (state) => {
        const value = suggestionsKey.getState(state);
        return value && value.decorations !== DecorationSet.empty ? value.decorations : null;
      },
    },
  });
}

/**
 * Proposes `replacement` for the words `from`–`to` ("" proposes deleting them), signed by
 * `author`. With an empty range the word before the caret is the anchor and the wording is
 * proposed after it (an insertion). False when there are no words to anchor on or no author.
 */
export function suggestWording(from: number, to: number, replacement: string, author: CommentAuthor | null, time = new Date().toISOString()): Command {
  return (state, dispatch) => {
    if (!author || author.name.trim() === "") return false;
    let range = { from, to };
    let wording = replacement;
    if (from === to) {
      const $pos = state.doc.resolve(from);
      const before = $pos.parent.textBetween(0, $pos.parentOffset);
      const word = /\S+\s*$/.exec(before);
      if (!word || replacement.trim() === "") return false;
      range = { from: from - word[0].length, to: from };
      wording = word[0] + (/\s$/.test(word[0]) ? "" : " ") + replacement.trim() + (/\s$/.test(word[0]) ? " " : "");
    }
    const anchor = savedAnchorOf(state, range.from, range.to);
    if (!anchor) return false;
    if (anchor.quote.exact === wording.trim()) return false;
    if (dispatch) {
      const suggestion: Suggestion = { id: freshId("g"), anchor, replacement: wording.trim() === "" ? "" : wording.trim(), author: author.name, office: author.office, time, status: "open" };
      dispatch(state.tr.setDocAttribute("suggestions", [...docSuggestions(state), suggestion]));
    }
    return true;
  };
}

/**
 * Accepts open suggestion `id`: its words are replaced by its wording, and it is marked
 * accepted by `who` — one transaction. False when it is not open or its words are not found.
 */
export function acceptSuggestion(id: string, who: string, time = new Date().toISOString()): Command {
  return (state, dispatch) => {
    const suggestion = docSuggestions(state).find((each) => each.id === id);
    const range = suggestionRange(state, id);
    if (!suggestion || suggestion.status !== "open" || !range) return false;
    if (dispatch) {
      const tr = suggestion.replacement === "" ? state.tr.delete(range.from, deletionEnd(state, range)) : state.tr.insertText(suggestion.replacement, range.from, range.to);
      tr.setDocAttribute("suggestions", docSuggestions(state).map((each) => (each.id === id ? decideSuggestion(each, "accepted", who, time) : each)));
      dispatch(tr);
    }
    return true;
  };
}

/** Where deleting `range` ends: one space further when spaces stand on both sides (so no double space is left). */
function deletionEnd(state: EditorState, range: PosRange): number {
  const $from = state.doc.resolve(range.from);
  const before = range.from > $from.start() ? state.doc.textBetween(range.from - 1, range.from) : " ";
  const after = range.to < $from.end() ? state.doc.textBetween(range.to, range.to + 1) : "";
  return /\s/.test(before) && after === " " ? range.to + 1 : range.to;
}

/** Rejects open suggestion `id` (the text stays), marked rejected by `who`. */
export function rejectSuggestion(id: string, who: string, time = new Date().toISOString()): Command {
  return (state, dispatch) => {
    const suggestion = docSuggestions(state).find((each) => each.id === id);
    if (!suggestion || suggestion.status !== "open") return false;
    dispatch?.(state.tr.setDocAttribute("suggestions", docSuggestions(state).map((each) => (each.id === id ? decideSuggestion(each, "rejected", who, time) : each))));
    return true;
  };
}
