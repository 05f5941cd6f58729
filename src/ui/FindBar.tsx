import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { DocumentEditor } from "../editor/documentEditor";
import { findState, findStep, replaceAll, replaceCurrent, setFindQuery, type ReplaceOutcome } from "../editor/plugins/find";

/**
 * The app's own find bar (the browser's Ctrl+F cannot see sections it has not laid out).
 * Ctrl+F opens it on the search box and Ctrl+H on the replacement box, from anywhere on the page;
 * Enter finds the next match and Shift+Enter the previous; Escape closes it, clears the
 * highlighting and gives focus back to the text. It floats over the top of the chapter, so
 * opening it never moves the page. The matches are the editor's (plugins/find).
 */
export function FindBar({ editor }: { editor: DocumentEditor }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [replacement, setReplacement] = useState("");
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [, setTick] = useState(0);
  const [outcome, setOutcome] = useState<string>("");
  const findBox = useRef<HTMLInputElement>(null);
  const replaceBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.code !== "KeyF" && event.code !== "KeyH") return;
      event.preventDefault();
      setOpen(true);
      const selected = editor.state.selection;
      const words = selected.empty ? "" : editor.state.doc.textBetween(selected.from, selected.to);
      if (words && !words.includes("\n") && words.length <= 200) setText(words);
      const box = event.code === "KeyF" ? findBox : replaceBox;
      requestAnimationFrame(() => { box.current?.focus(); box.current?.select(); });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [editor]);

  // The bar shows the editor's matches: re-render when the editor's state changes while open.
  useEffect(() => (open ? editor.subscribe(() => setTick((n) => n + 1)) : undefined), [editor, open]);

  useEffect(() => {
    if (!open && findState(editor.state).query.text === "") return;
    editor.run(setFindQuery({ text: open ? text : "", caseSensitive }), false);
    if (open) revealCurrent();
    setOutcome("");
  }, [editor, open, text, caseSensitive]);

  const revealCurrent = () => {
    const { matches, current } = findState(editor.state);
    const match = matches[current];
    if (match) editor.reveal(match.from);
  };
  const step = (direction: 1 | -1) => {
    if (editor.run(findStep(direction), false)) revealCurrent();
  };
  const say = (what: ReplaceOutcome, all: boolean) => {
    const refused = what.refused.length === 0 ? "" : ` ${what.refused.length} ${what.refused.length === 1 ? "line was" : "lines were"} left as they were: ${[...new Set(what.refused)].join("; ")}.`;
    setOutcome(`${all ? `Replaced ${what.replaced} ${what.replaced === 1 ? "match" : "matches"}.` : what.replaced ? "Replaced 1 match." : "Not replaced."}${refused}`);
  };
  const close = () => {
    setOpen(false);
    editor.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); close(); return; }
    if (event.key === "Enter" && event.target === findBox.current) { event.preventDefault(); step(event.shiftKey ? -1 : 1); }
    if (event.key === "Enter" && event.target === replaceBox.current) { event.preventDefault(); editor.run(replaceCurrent(replacement, (o) => say(o, false)), false); revealCurrent(); }
  };

  if (!open) return null;
  const { matches, current } = findState(editor.state);
  const count = text === "" ? "" : matches.length === 0 ? "No matches" : `${current + 1} of ${matches.length}`;
  return (
    <div className="find-bar" role="search" aria-label="Find and replace in the draft" onKeyDown={onKeyDown}>
      <label className="find-field">
        <span>Find</span>
        <input ref={findBox} type="search" value={text} onChange={(event) => setText(event.target.value)} aria-describedby="find-count" />
      </label>
      <span id="find-count" className="find-count" aria-live="polite" data-testid="find-count">{count}</span>
      <button type="button" className="mini" onClick={() => step(-1)} disabled={matches.length === 0} title="Previous match (Shift+Enter)">Previous</button>
      <button type="button" className="mini" onClick={() => step(1)} disabled={matches.length === 0} title="Next match (Enter)">Next</button>
      <label className="find-case"><input type="checkbox" checked={caseSensitive} onChange={(event) => setCaseSensitive(event.target.checked)} /> Match case</label>
      <label className="find-field">
        <span>Replace with</span>
        <input ref={replaceBox} type="text" value={replacement} onChange={(event) => setReplacement(event.target.value)} />
      </label>
      <button type="button" className="mini" disabled={current < 0} title="Replace this match, as a tracked edit"
        onClick={() => { editor.run(replaceCurrent(replacement, (o) => say(o, false)), false); revealCurrent(); }}>Replace</button>
      <button type="button" className="mini" disabled={matches.length === 0} title="Replace every match, as one tracked edit (one Undo takes it back)"
        onClick={() => editor.run(replaceAll(replacement, (o) => say(o, true)), false)}>Replace all</button>
      <button type="button" className="mini" onClick={close} aria-label="Close find">✕</button>
      {outcome && <p className="find-outcome" role="status" data-testid="find-outcome">{outcome}</p>}
    </div>
  );
}
