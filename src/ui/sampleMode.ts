/**
 * Speed-test mode: `?sample=BYTES` opens a generated legal chapter of about that size with an
 * amended copy as the draft, instead of the demonstration chapter; `&perf` records the time
 * from each keystroke to the editor showing its updated redline, for the browser benchmark.
 */
import type { OrdinanceDocument } from "../core/model/document";
import { amendedSample } from "../core/samples/editScripts";
import { generateDocument } from "../core/samples/generateChapter";
import type { DocumentEditor } from "../editor/documentEditor";

/** The generated base and draft asked for in the URL, or null. */
export function sampleFromUrl(search: string): { base: OrdinanceDocument; draft: OrdinanceDocument } | null {
  const size = Number(new URLSearchParams(search).get("sample"));
  if (!Number.isFinite(size) || size <= 0) return null;
  const base = generateDocument(11, Math.min(size, 20_000_000));
  return { base, draft: amendedSample(base, 23) };
}

declare global {
  interface Window {
    /** Keystroke-to-updated-redline times in milliseconds, when `&perf` is in the URL. */
    __keystrokeTimes?: number[];
  }
}

/** Records key pressed → state applied and view updated, when `perf` is in the URL. Returns the cleanup. */
export function recordKeystrokeTimes(editor: DocumentEditor, search: string): () => void {
  if (!new URLSearchParams(search).has("perf")) return () => {};
  const times: number[] = (window.__keystrokeTimes = []);
  let started: number | null = null;
  // The event's own time stamp: when the key was pressed, so time spent waiting behind other
  // work on the page (a React commit, a timer) counts too.
  const onKey = (event: KeyboardEvent) => { started ??= event.timeStamp; };
  document.addEventListener("keydown", onKey, true);
  const unsubscribe = editor.subscribe(() => {
    if (started === null) return;
    times.push(performance.now() - started);
    started = null;
  });
  return () => {
    document.removeEventListener("keydown", onKey, true);
    unsubscribe();
  };
}
