import { useLayoutEffect, useRef, useState } from "react";
import { keepReadingPlace, readingPlace, type ReadingPlace } from "./readingPlace";

/**
 * The markup views, as Word has them: every mark (today's redline); the draft as amended with a
 * bar beside each changed line; the clean draft; the base as it stands. A display choice only:
 * it never changes the draft.
 */
export type MarkupView = "all" | "simple" | "none" | "original";

export const MARKUP_VIEWS: ReadonlyArray<{ readonly value: MarkupView; readonly label: string; readonly title: string }> = [
  { value: "all", label: "All markup", title: "Every change: struck and underlined words" },
  { value: "simple", label: "Simple markup", title: "The draft as amended, a bar in the margin beside each changed line" },
  { value: "none", label: "No markup", title: "The draft as amended, without marks (still editable)" },
  { value: "original", label: "Original", title: "The base text as it stands (read only)" },
];

const KEY = "ordinance-redline:markup-view";

function stored(): MarkupView {
  try {
    const value = window.localStorage.getItem(KEY);
    return MARKUP_VIEWS.some((view) => view.value === value) ? (value as MarkupView) : "all";
  } catch {
    return "all";
  }
}

/**
 * The reviewer's markup view and its setter; the choice is kept in this browser (All markup until
 * chosen). A change of view keeps the reader's place: the line at the top of the chapter stays there.
 */
export function useMarkupView(): [MarkupView, (view: MarkupView) => void] {
  const [view, setView] = useState<MarkupView>(stored);
  const place = useRef<ReadingPlace | null>(null);
  useLayoutEffect(() => {
    // After the new view is laid out (the Original pane mounts in its own layout effect, before this one).
    const kept = place.current;
    place.current = null;
    return kept ? keepReadingPlace(document, kept) : undefined;
  }, [view]);
  const choose = (next: MarkupView) => {
    if (next === view) return;
    place.current = readingPlace(document);
    setView(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Storage refused: the choice lasts for this page only.
    }
  };
  return [view, choose];
}
