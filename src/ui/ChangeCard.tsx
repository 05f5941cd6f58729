import { AttributionLine } from "./shared/attribution";
import { useEffect, useRef, useState } from "react";
import type { DocumentEditor } from "../editor/documentEditor";
import { changesAtCaret } from "../editor/redline/caretSelection";
import { selectChange } from "../editor/redline/commands";
import { docSponsors, redlineState } from "../editor/redline/plugin";
import { describePerson, findPerson } from "../core/sponsors/sponsors";
import { changeSummary } from "./panel/panelRows";
import { AGREE_MEANS, DRAFTERS_DECIDE, REJECT_MEANS, agreeToSelected, rejectSelected } from "./panel/reviewActions";

/** How long the pointer rests on a change before its card shows, and stays off it before the card goes (ms). */
const SHOW_AFTER = 250;
const HIDE_AFTER = 300;
/** The height kept free below a change for its card (the card goes above the line when the view has less). */
const CARD_ROOM = 170;

interface Shown {
  readonly changeId: string;
  /** What opened it: the pointer over the change's marks, or the caret inside them. */
  readonly by: "pointer" | "caret";
}

/** The first element of the chapter's marks for `changeId`. */
function markOf(changeId: string): HTMLElement | null {
  const id = CSS.escape(changeId);
  return document.querySelector<HTMLElement>(`.editor-pane .code-document [data-change-id="${id}"], .editor-pane .code-document [data-label-change="${id}"]`);
}

/** The change id of the mark under `target`, if any. */
function changeAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const mark = target.closest<HTMLElement>(".editor-pane .code-document [data-change-id], .editor-pane .code-document [data-label-change]");
  return mark?.dataset.changeId ?? mark?.dataset.labelChange ?? null;
}

/**
 * A small card on a change in the text: its kind, its words before and after, its sponsors,
 * status and comment count, and Agree and Reject. It shows when the pointer rests on a change's
 * marks and when the caret is inside them; Alt+F10 moves the focus into it (as in editors'
 * contextual toolbars), Escape closes it (and gives the focus back to the text). Agree and
 * Reject act on the change as the panel's buttons do.
 */
export function ChangeCard({ editor }: { editor: DocumentEditor }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [tick, setTick] = useState(0);
  const card = useRef<HTMLDivElement>(null);
  const dismissed = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const later = (run: () => void, ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(run, ms);
  };

  // The pointer: resting on a change shows its card; leaving both the change and the card hides it.
  // While one types, the pointer left resting on the text opens nothing (the words moving under
  // it are not a hover) and a card it opened goes, until the mouse moves again.
  useEffect(() => {
    let typing = false;
    let last = { x: -1, y: -1 };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest(".editor-pane .ProseMirror") || event.altKey || event.ctrlKey || event.metaKey) return;
      typing = true;
      if (timer.current) clearTimeout(timer.current);
      setShown((now) => (now?.by === "pointer" ? null : now));
    };
    const onMove = (event: MouseEvent) => {
      const moved = event.clientX !== last.x || event.clientY !== last.y;
      last = { x: event.clientX, y: event.clientY };
      // The first real move after typing: whatever the pointer is on now is hovered.
      if (typing && moved) { typing = false; pointAt(event.target); }
    };
    const onOver = (event: MouseEvent) => { if (!typing) pointAt(event.target); };
    const pointAt = (target: EventTarget | null) => {
      if (card.current?.contains(target as Node)) { if (timer.current) clearTimeout(timer.current); return; }
      const id = changeAt(target);
      if (id !== dismissed.current) dismissed.current = null;
      // A card closed with Escape stays closed while the pointer stays on its change.
      if (id) later(() => { if (id !== dismissed.current) setShown({ changeId: id, by: "pointer" }); }, SHOW_AFTER);
      else later(() => setShown((now) => (now?.by === "pointer" ? null : now)), HIDE_AFTER);
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("mousemove", onMove, true);
    document.addEventListener("mouseover", onOver);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("mousemove", onMove, true);
      document.removeEventListener("mouseover", onOver);
    };
  }, []);

  // The caret: inside a change's marks (in the focused text) shows that change's card — when it
  // arrives there (arrow keys, a click, next/previous change), not while one types: a card
  // popping up at every keystroke would cover the lines being written.
  useEffect(() => {
    let lastDoc = editor.state.doc;
    return editor.subscribe((state) => {
    const typed = state.doc !== lastDoc;
    lastDoc = state.doc;
    if (!document.activeElement?.closest(".editor-pane .ProseMirror")) return;
    if (typed) {
      setShown((now) => (now?.by === "caret" ? null : now));
      return;
    }
    const ids = state.selection.empty ? changesAtCaret(state, state.selection.head) : [];
    const { selectedId } = redlineState(state);
    const id = ids.length === 0 ? null : selectedId && ids.includes(selectedId) ? selectedId : ids[0]!;
    if (id !== dismissed.current) dismissed.current = null;
    setShown((now) => {
      if (id === null || id === dismissed.current) return now?.by === "caret" ? null : now;
      return now?.changeId === id ? now : { changeId: id, by: "caret" };
    });
    setTick((n) => n + 1);
    });
  }, [editor]);

  // A card the caret opened goes when the focus leaves the text for anything but the card.
  useEffect(() => {
    if (shown?.by !== "caret") return;
    const onFocus = (event: FocusEvent) => {
      const target = event.target as Element | null;
      if (card.current?.contains(target) || target?.closest?.(".editor-pane .ProseMirror")) return;
      setShown(null);
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, [shown]);

  // Alt+F10 reaches the card; Escape closes it wherever focus is.
  useEffect(() => {
    if (!shown) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "F10" && event.altKey) {
        event.preventDefault();
        card.current?.querySelector<HTMLElement>("button")?.focus();
      } else if (event.key === "Escape") {
        const inside = card.current?.contains(document.activeElement) ?? false;
        dismissed.current = shown.changeId;
        if (timer.current) clearTimeout(timer.current);
        setShown(null);
        if (inside) editor.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shown, editor]);

  const [place, setPlace] = useState<{ top: number; left: number; above: boolean } | null>(null);
  useEffect(() => {
    if (!shown) { setPlace(null); return; }
    const mark = markOf(shown.changeId);
    if (!mark) { setPlace(null); return; }
    const rect = mark.getBoundingClientRect();
    // The card stays over the chapter's view: below the change's line, or above it when the
    // line is near the view's bottom, never over the notices or the panel beside it.
    const pane = mark.closest(".editor-pane")?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight, left: 0, right: window.innerWidth };
    if (rect.bottom < pane.top || rect.top > pane.bottom) { setPlace(null); return; }
    const width = card.current?.offsetWidth || 320;
    const left = Math.max(pane.left + 8, Math.min(rect.left, pane.right - width - 8));
    const above = rect.bottom + 6 + CARD_ROOM > pane.bottom;
    setPlace({ top: above ? Math.max(pane.top, rect.top - 6) : rect.bottom + 6, left, above });
  }, [shown, tick]);
  // The card follows its change when the text scrolls; listening from the start, so that the
  // scroll that brings a change into view (next change, a row chosen) is never missed.
  const showing = useRef(false);
  showing.current = shown !== null;
  useEffect(() => {
    const onScroll = () => { if (showing.current) setTick((n) => n + 1); };
    document.addEventListener("scroll", onScroll, true);
    return () => document.removeEventListener("scroll", onScroll, true);
  }, []);

  if (!shown || !place) return null;
  const state = editor.state;
  const change = redlineState(state).redline.changes.find((each) => each.id === shown.changeId);
  if (!change) return null;
  const annotation = redlineState(state).annotations.byChange.get(change.id)?.[0];
  const sponsors = docSponsors(state);
  const names = (annotation?.sponsorIds ?? []).map((id) => {
    const person = sponsors ? findPerson(sponsors, id) : undefined;
    return person ? describePerson(person) : id;
  });
  const summary = changeSummary(change);
  const comments = annotation?.comments.length ?? 0;
  const act = (how: "agree" | "reject") => {
    editor.run(selectChange(change.id), false);
    if (how === "agree") agreeToSelected(editor, false);
    else rejectSelected(editor, false);
    setShown(null);
    editor.focus();
  };
  return (
    <div ref={card} className="change-card" role="dialog" aria-label={`Change: ${summary.label}`} data-testid="change-card"
      style={{ top: place.top, left: place.left, ...(place.above ? { transform: "translateY(-100%)" } : {}) }}
      onMouseLeave={() => { if (shown.by === "pointer") later(() => setShown(null), HIDE_AFTER); }}>
      <p className="card-kind"><strong>{summary.label}</strong> <span className={`status status-${annotation?.status ?? "proposed"}`}>{annotation?.status ?? "proposed"}</span></p>
      {(summary.before || summary.after) && (
        <p className="card-text">
          {summary.before && <del>{summary.before}</del>}
          {summary.before && summary.after && <span aria-hidden="true"> → </span>}
          {summary.after && <ins>{summary.after}</ins>}
        </p>
      )}
      <AttributionLine changeId={change.id} className="card-author" />
      <p className="card-meta">Sponsors: {names.length > 0 ? names.join(", ") : "none yet"} · {comments === 1 ? "1 comment" : `${comments} comments`}</p>
      <div className="card-actions">
        <button type="button" className="mini" title={editor.canChangeDraft ? AGREE_MEANS : DRAFTERS_DECIDE} disabled={!editor.canChangeDraft} aria-label="Agree to this change" onClick={() => act("agree")}>Agree</button>
        <button type="button" className="mini" title={editor.canChangeDraft ? REJECT_MEANS : DRAFTERS_DECIDE} disabled={!editor.canChangeDraft} aria-label="Reject this change" onClick={() => act("reject")}>Reject</button>
        <span className="card-hint">Alt+F10 to reach · Esc to close</span>
      </div>
    </div>
  );
}
