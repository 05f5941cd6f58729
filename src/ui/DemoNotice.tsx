import { useState } from "react";

/** Where the choice to hide the notice is kept (this browser; the toolbar's badge brings it back). */
const HIDDEN_KEY = "ordinance-redline:demo-notice-hidden";

function storedHidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === "1";
  } catch {
    return false;
  }
}

function storeHidden(hidden: boolean): void {
  try {
    if (hidden) localStorage.setItem(HIDDEN_KEY, "1");
    else localStorage.removeItem(HIDDEN_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

/**
 * Whether the demonstration notice is hidden, and the setter that remembers it. Hidden, the
 * toolbar keeps a "Demonstration text" badge, so the app still says what the chapter is.
 */
export function useDemoNoticeHidden(): readonly [boolean, (hidden: boolean) => void] {
  const [hidden, setHidden] = useState(storedHidden);
  return [hidden, (next: boolean) => { storeHidden(next); setHidden(next); }] as const;
}

/** The notice that the bundled chapter is a demonstration rendering, and how to use the real text. */
export function DemoNotice({ onImport, onHide }: { onImport: () => void; onHide: () => void }) {
  return (
    <aside className="demo-notice" role="note" aria-label="About the bundled text">
      <span>
        <strong>Demonstration text.</strong> The chapter shown is a rendering of Chapter 2-173 (Welcoming City
        Ordinance) written for this tool, not the official Municipal Code. Before drafting, copy the chapter from
        the online Municipal Code of Chicago (or save it from Word as plain text) and{" "}
        <button type="button" className="link-button" onClick={onImport}>import the official text</button>.
      </span>
      <button type="button" className="link-button notice-hide" onClick={onHide} title="The toolbar keeps a Demonstration text badge that shows this again">Hide</button>
    </aside>
  );
}

/** The toolbar's badge while the notice is hidden: says the text is a demonstration; a click shows the notice again. */
export function DemoBadge({ onShow }: { onShow: () => void }) {
  return (
    <button type="button" className="demo-badge" onClick={onShow} title="The chapter shown is a demonstration rendering, not the official Municipal Code: show the notice">
      Demonstration text
    </button>
  );
}
