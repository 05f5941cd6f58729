import { useEffect, useState } from "react";
import { STRUCTURE_SHORTCUTS } from "./structure/StructureTools";
import { SHORTCUTS } from "./useChangeNavigation";

/** A "Shortcuts" button with a popover listing the keyboard shortcuts. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    // Escape closes the list wherever focus is, not only inside it.
    const onKey = (event: KeyboardEvent) => { if (event.key === "Escape") setOpen(false); };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="shortcuts-help">
      <button type="button" aria-label="Shortcuts" title="Keyboard shortcuts" aria-expanded={open} aria-controls="shortcuts-popover" onClick={() => setOpen(!open)}>?</button>
      {open && (
        <div id="shortcuts-popover" className="popover" role="dialog" aria-label="Keyboard shortcuts">
          <table>
            <tbody>
              {[...SHORTCUTS, ...STRUCTURE_SHORTCUTS].map(([keys, action]) => <tr key={keys}><th scope="row"><kbd>{keys}</kbd></th><td>{action}</td></tr>)}
            </tbody>
          </table>
          <button type="button" className="mini" onClick={() => setOpen(false)}>Close</button>
        </div>
      )}
    </div>
  );
}
