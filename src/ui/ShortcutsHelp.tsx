import { useEffect, useRef, useState } from "react";
import { STRUCTURE_SHORTCUTS } from "./structure/StructureTools";
import { SHORTCUTS } from "./useChangeNavigation";

/** A "Shortcuts" button with a popover listing the keyboard shortcuts. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  // Closing with the focus inside the list gives it back to the button (never to the page's body).
  const close = () => {
    if (popover.current?.contains(document.activeElement)) button.current?.focus();
    setOpen(false);
  };
  useEffect(() => {
    if (!open) return;
    // Escape closes the list wherever focus is, not only inside it.
    const onKey = (event: KeyboardEvent) => { if (event.key === "Escape") close(); };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="shortcuts-help">
      <button type="button" ref={button} aria-label="Shortcuts" title="Keyboard shortcuts" aria-expanded={open} aria-controls="shortcuts-popover" onClick={() => setOpen(!open)}>?</button>
      {open && (
        <div id="shortcuts-popover" ref={popover} className="popover" role="dialog" aria-label="Keyboard shortcuts">
          <table>
            <tbody>
              {[...SHORTCUTS, ...STRUCTURE_SHORTCUTS].map(([keys, action]) => <tr key={keys}><th scope="row"><kbd>{keys}</kbd></th><td>{action}</td></tr>)}
            </tbody>
          </table>
          <button type="button" className="mini" onClick={close}>Close</button>
        </div>
      )}
    </div>
  );
}
