/**
 * The reader's place in the chapter view, kept across a change of markup view: switching from
 * All markup to No markup (or to Original) changes the heights of what is above the reader, so
 * the same scroll offset would show other words. The place is the first line at the top of the
 * visible chapter view that starts in it — a paragraph, a history note or a section heading —
 * and how far below the view's top edge it stands; restoring scrolls the newly visible view so
 * that the same line (found by its block id, else its section's heading) stands there again.
 */

/** A line of the chapter, and how far below the top of the chapter view it stood (negative when partly scrolled past). */
export interface ReadingPlace {
  readonly blockId: string | null;
  readonly sectionId: string | null;
  readonly sectionNumber: string | null;
  readonly offset: number;
}

/** The chapter views: the editor and the Original pane; the one shown is the one with a box. */
const VIEWS = ".editor-pane, .original-pane";
/** The lines a place can be: numbered and plain paragraphs, notes and the section heading. */
const LINES = "p[data-id], h3.section-heading";

function shown(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/** The first element under `root` that `selector` matches and that is shown. */
function firstShown<E extends Element = Element>(root: ParentNode, selector: string): E | null {
  return [...root.querySelectorAll<E>(selector)].find(shown) ?? null;
}

const visibleView = (root: ParentNode) => firstShown<HTMLElement>(root, VIEWS);

/** The first of `elements` (in document order, each shown) whose bottom is below `top`, by bisection. */
function firstBelow(elements: readonly Element[], top: number): Element | null {
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (elements[middle]!.getBoundingClientRect().bottom <= top) low = middle + 1;
    else high = middle;
  }
  return elements[low] ?? null;
}

/** Where the reader is in the chapter view shown under `root`, or null when no section is shown. */
export function readingPlace(root: ParentNode): ReadingPlace | null {
  const view = visibleView(root);
  if (!view) return null;
  const top = view.getBoundingClientRect().top;
  const sections = [...view.querySelectorAll("section.code-section")].filter(shown);
  const section = firstBelow(sections, top);
  if (!section) return null;
  // The first line that starts in view: a long paragraph partly scrolled past may change height
  // between views, so its top is a poor mark of where the reader is.
  const lines = [...section.querySelectorAll(LINES), ...nextLines(section)].filter(shown);
  const line = lines.find((element) => element.getBoundingClientRect().top >= top) ?? lines.find((element) => element.getBoundingClientRect().bottom > top) ?? section;
  const home = line.closest("section.code-section") ?? section;
  return {
    blockId: line.matches("p[data-id]") ? line.getAttribute("data-id") : null,
    sectionId: home.getAttribute("data-id"),
    sectionNumber: home.querySelector("h3.section-heading")?.getAttribute("data-number") ?? null,
    offset: line.getBoundingClientRect().top - top,
  };
}

/** The heading and first lines of the section after `section`, where the first line starting in view may be. */
function nextLines(section: Element): Element[] {
  let next = section.nextElementSibling;
  while (next && !next.matches("section.code-section")) next = next.nextElementSibling;
  return next ? [...next.querySelectorAll(LINES)].slice(0, 3) : [];
}

/**
 * Scrolls the chapter view now shown under `root` so that `place`'s line stands where it stood —
 * a line the view does not show (an inserted paragraph in Original) falls back to its section's
 * heading — now and again on the next frames while the line still drifts: sections off screen
 * are laid out at an estimated height until first shown (content-visibility), so a freshly shown
 * view settles over a few frames. Stops after `frames` frames, once the view has settled and the
 * line stood still for three, when neither line is shown, or as soon as the reader scrolls,
 * types or clicks. Returns the cancel.
 */
export function keepReadingPlace(root: ParentNode, place: ReadingPlace, frames = 40): () => void {
  let frame = 0;
  let still = 0;
  let request = 0;
  const stop = () => {
    cancelAnimationFrame(request);
    for (const kind of READER_ACTIONS) window.removeEventListener(kind, stop, true);
  };
  const step = () => {
    const moved = scrollToPlace(root, place);
    still = moved !== null && Math.abs(moved) < 1 ? still + 1 : 0;
    // The first frames are painted before content-visibility has laid out what is newly shown: not still yet.
    if (moved === null || (++frame >= SETTLING_FRAMES && still >= 3) || frame >= frames) stop();
    else request = requestAnimationFrame(step);
  };
  for (const kind of READER_ACTIONS) window.addEventListener(kind, stop, { capture: true, passive: true });
  step();
  return stop;
}

/** Frames a view takes to lay out the sections it newly shows (measured in Chromium: the shift comes in the third). */
const SETTLING_FRAMES = 8;

/** What a reader does to move on: after any of these the place is theirs to keep. */
const READER_ACTIONS = ["wheel", "keydown", "pointerdown", "touchstart"] as const;

/** Scrolls the shown view so that `place`'s line stands where it stood; the distance scrolled, or null when the line is not shown. */
function scrollToPlace(root: ParentNode, place: ReadingPlace): number | null {
  const view = visibleView(root);
  if (!view) return null;
  const byId = (id: string | null) => (id ? `[data-id="${CSS.escape(id)}"]` : null);
  const candidates = [
    byId(place.blockId),
    place.sectionId ? `section${byId(place.sectionId)} h3.section-heading` : null,
    place.sectionNumber ? `h3.section-heading[data-number="${CSS.escape(place.sectionNumber)}"]` : null,
  ].filter((selector): selector is string => selector !== null);
  for (const selector of candidates) {
    const line = firstShown(view, selector);
    if (!line) continue;
    const offset = selector === candidates[0] ? place.offset : Math.max(0, place.offset);
    const distance = line.getBoundingClientRect().top - view.getBoundingClientRect().top - offset;
    const before = view.scrollTop;
    view.scrollTop += distance;
    return view.scrollTop - before;
  }
  return null;
}
