/**
 * The reader's place in a draft kept across a reload or a return to the page, as an editor
 * opens a document where one left it: when the page is hidden or left, the line at the top of
 * the chapter view is stored in this browser for the draft; when the draft is opened again it
 * is brought back there (readingPlace.ts, which also keeps it across markup views).
 */
import { useEffect } from "react";
import { keepReadingPlace, readingPlace, type ReadingPlace } from "./readingPlace";

const keyOf = (draftId: string) => `ordinance-redline:reading-place:${draftId}`;
/** How long scrolling must pause before the place is stored. */
const SCROLL_PAUSE_MS = 600;

/** The stored place, or null when there is none or it is not one (storage is the browser's: anything may be there). */
function storedPlace(draftId: string): ReadingPlace | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(keyOf(draftId)) ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const { blockId, sectionId, sectionNumber, offset } = value as Record<string, unknown>;
    const idOrNull = (each: unknown) => each === null || typeof each === "string";
    if (!idOrNull(blockId) || !idOrNull(sectionId) || !idOrNull(sectionNumber) || typeof offset !== "number" || !Number.isFinite(offset)) return null;
    return { blockId: blockId as string | null, sectionId: sectionId as string | null, sectionNumber: sectionNumber as string | null, offset };
  } catch {
    return null;
  }
}

function storePlace(draftId: string): void {
  const place = readingPlace(document);
  if (!place) return;
  try {
    window.localStorage.setItem(keyOf(draftId), JSON.stringify(place));
  } catch {
    // Storage full or refused: the place is a convenience, the draft is kept elsewhere.
  }
}

/** Brings the reader back to where they were in draft `draftId` (null while none is open), and keeps that place as they leave. */
export function useReadingPlaceKept(draftId: string | null): void {
  useEffect(() => {
    if (draftId === null) return;
    const place = storedPlace(draftId);
    const stopKeeping = place ? keepReadingPlace(document, place) : () => {};
    const store = () => storePlace(draftId);
    const onVisibility = () => { if (document.visibilityState === "hidden") store(); };
    // Also a moment after the reader stops scrolling, so that a browser killed keeps the place too.
    let timer = 0;
    const onScroll = () => { window.clearTimeout(timer); timer = window.setTimeout(store, SCROLL_PAUSE_MS); };
    window.addEventListener("pagehide", store);
    document.addEventListener("visibilitychange", onVisibility);
    document.addEventListener("scroll", onScroll, { capture: true, passive: true });
    return () => {
      // Not stored now: another draft may already be on the page.
      stopKeeping();
      window.clearTimeout(timer);
      window.removeEventListener("pagehide", store);
      document.removeEventListener("visibilitychange", onVisibility);
      document.removeEventListener("scroll", onScroll, { capture: true });
    };
  }, [draftId]);
}
