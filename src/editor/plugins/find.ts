/**
 * Find and replace in the draft, as the app's own find bar drives it (the browser's Ctrl+F
 * cannot see sections the browser has not laid out). The plugin keeps the query, its matches in
 * the draft's words and which match is current, and shows them as decorations; the commands
 * move between matches and replace one or all. A replacement is an ordinary edit of the draft:
 * the live redline shows it as tracked word changes, and replacing all is one transaction, so
 * one undo takes it back.
 *
 * Where it looks: the words of every textblock (headings' catchlines, chapter titles,
 * paragraphs, history and editor's notes), found by walking the document's textblocks
 * (`doc.descendants`), whatever the nesting of the nodes around them. Section numbers and
 * enumerators are attributes, not words, so they are never matched nor replaced (renumbering is
 * a deliberate command). The contents lines are left out: they are made from the headings
 * (plugins/contentsSync), so a heading's replaced words reach its contents line by themselves.
 * A replacement the structure guard would refuse (a history note that no longer reads as one,
 * a paragraph whose words would read back as a heading: see plugins/structureGuard) is skipped,
 * line by line, and reported with the guard's reason; the other lines are replaced.
 */
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { closeHistory } from "prosemirror-history";
import { structureProblem } from "./structureGuard";

/** One match: document positions of its first character and just after its last. */
export interface FindMatch {
  readonly from: number;
  readonly to: number;
}

/** What is looked for. An empty text finds nothing. */
export interface FindQuery {
  readonly text: string;
  readonly caseSensitive: boolean;
}

export interface FindState {
  readonly query: FindQuery;
  /** Every match in document order. */
  readonly matches: readonly FindMatch[];
  /** The index of the current match in `matches`, or -1 when there is none. */
  readonly current: number;
  readonly decorations: DecorationSet;
}

type FindAction = { readonly type: "query"; readonly query: FindQuery } | { readonly type: "current"; readonly index: number };

export const findKey = new PluginKey<FindState>("find");

const EMPTY_QUERY: FindQuery = { text: "", caseSensitive: false };

/** Whether a textblock's words are searched: every textblock but the derived contents lines. */
function searched(node: PMNode): boolean {
  return node.isTextblock && node.type.name !== "toc_entry";
}

/**
 * Every match of `query` in the words of `doc`'s searched textblocks, in document order; matches
 * never overlap (the search goes on after each match) and never cross from one line to the next.
 */
export function findMatches(doc: PMNode, query: FindQuery): FindMatch[] {
  const matches: FindMatch[] = [];
  if (query.text === "") return matches;
  const needle = query.caseSensitive ? query.text : query.text.toLowerCase();
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (!searched(node)) return false;
    // No marks and no inline nodes but text: the block's text stands at pos + 1 onwards.
    const text = query.caseSensitive ? node.textContent : node.textContent.toLowerCase();
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      matches.push({ from: pos + 1 + at, to: pos + 1 + at + needle.length });
    }
    return false;
  });
  return matches;
}

function decorate(doc: PMNode, matches: readonly FindMatch[], current: number): DecorationSet {
  if (matches.length === 0) return DecorationSet.empty;
  return DecorationSet.create(doc, matches.map((match, index) =>
    Decoration.inline(match.from, match.to, { class: index === current ? "find-match find-current" : "find-match" }, { find: true })));
}

/** The index of the first match at or after `pos` (wrapping to the first), or -1 with none. */
function matchFrom(matches: readonly FindMatch[], pos: number): number {
  if (matches.length === 0) return -1;
  const at = matches.findIndex((match) => match.from >= pos);
  return at < 0 ? 0 : at;
}

/** The plugin. Its state follows the document: after an edit the matches are found afresh. */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => ({ query: EMPTY_QUERY, matches: [], current: -1, decorations: DecorationSet.empty }),
      apply(tr: Transaction, previous: FindState, _old: EditorState, state: EditorState): FindState {
        const action = tr.getMeta(findKey) as FindAction | undefined;
        if (!action && (!tr.docChanged || previous.query.text === "")) return previous;
        const query = action?.type === "query" ? action.query : previous.query;
        const matches = action?.type === "current" ? previous.matches : findMatches(state.doc, query);
        let current: number;
        if (action?.type === "current") current = action.index;
        else if (action?.type === "query") current = matchFrom(matches, state.selection.from);
        else {
          // After an edit, the current match is the first one from where the old one now stands.
          const old = previous.matches[previous.current];
          current = old ? matchFrom(matches, tr.mapping.map(old.from, -1)) : matchFrom(matches, state.selection.from);
        }
        return { query, matches, current, decorations: decorate(state.doc, matches, current) };
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations,
    },
  });
}

/** The find plugin's state in `state` (an empty search when the plugin is missing). */
export function findState(state: EditorState): FindState {
  return findKey.getState(state) ?? { query: EMPTY_QUERY, matches: [], current: -1, decorations: DecorationSet.empty };
}

/** Sets what is looked for; the current match is the first at or after the selection. */
export function setFindQuery(query: FindQuery): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(findKey, { type: "query", query }).setMeta("addToHistory", false));
    return true;
  };
}

/** Makes the next (`step` 1) or previous (-1) match current, wrapping round, and selects its words. False with no match. */
export function findStep(step: 1 | -1): Command {
  return (state, dispatch) => {
    const { matches, current } = findState(state);
    if (matches.length === 0) return false;
    const index = current < 0 ? (step === 1 ? 0 : matches.length - 1) : (current + step + matches.length) % matches.length;
    const match = matches[index]!;
    dispatch?.(state.tr.setMeta(findKey, { type: "current", index })
      .setSelection(TextSelection.create(state.doc, match.from, match.to)).setMeta("addToHistory", false));
    return true;
  };
}

/** Replaces `match` in `tr` (whose document is still the one the matches were found in, for matches after `match`). */
function replaceIn(tr: Transaction, match: FindMatch, replacement: string): void {
  if (replacement === "") tr.delete(match.from, match.to);
  else tr.insertText(replacement, match.from, match.to);
}

/** What replacing did: how many matches were replaced, and why the others were left. */
export interface ReplaceOutcome {
  readonly replaced: number;
  /** The structure guard's reason for each line left as it was (one entry per line). */
  readonly refused: readonly string[];
}

/**
 * Replaces the current match with `replacement` and makes the next one current. Nothing is
 * done when there is no current match or the structure guard would refuse the edit (its reason is
 * in `refused`). `report` receives the outcome.
 */
export function replaceCurrent(replacement: string, report?: (outcome: ReplaceOutcome) => void): Command {
  return (state, dispatch) => {
    const { matches, current } = findState(state);
    const match = matches[current];
    if (!match) return false;
    const tr = state.tr;
    replaceIn(tr, match, replacement);
    const problem = structureProblem(tr);
    if (problem) { report?.({ replaced: 0, refused: [problem] }); return false; }
    dispatch?.(closeHistory(tr).setSelection(TextSelection.create(tr.doc, tr.mapping.map(match.to))));
    report?.({ replaced: 1, refused: [] });
    return true;
  };
}

/**
 * Replaces every match with `replacement` in one transaction (one undo takes all back). The
 * matches are replaced line by line; a line whose replacements the structure guard would refuse
 * keeps its words, and its reason goes in the outcome's `refused`.
 */
export function replaceAll(replacement: string, report?: (outcome: ReplaceOutcome) => void): Command {
  return (state, dispatch) => {
    const { matches } = findState(state);
    if (matches.length === 0) return false;
    // Group the matches by line: the guard judges a line by all its replacements together.
    const lines: FindMatch[][] = [];
    for (const match of matches) {
      const last = lines[lines.length - 1];
      const $at = state.doc.resolve(match.from);
      if (last && state.doc.resolve(last[0]!.from).start() === $at.start()) last.push(match);
      else lines.push([match]);
    }
    const accepted: FindMatch[] = [];
    const refused: string[] = [];
    for (const line of lines) {
      const trial = state.tr;
      for (const match of [...line].reverse()) replaceIn(trial, match, replacement);
      const problem = structureProblem(trial);
      if (problem) refused.push(problem);
      else accepted.push(...line);
    }
    if (accepted.length === 0) { report?.({ replaced: 0, refused }); return false; }
    const tr = state.tr;
    // From the last match back, so every earlier match still stands where it was found.
    for (const match of [...accepted].reverse()) replaceIn(tr, match, replacement);
    dispatch?.(closeHistory(tr));
    report?.({ replaced: accepted.length, refused });
    return true;
  };
}
