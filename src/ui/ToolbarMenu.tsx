import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/** One action of a toolbar menu. */
export interface MenuAction {
  readonly label: string;
  readonly run: () => void;
  /** Greyed out and skipped by the arrow keys when true. */
  readonly disabled?: boolean;
  /** The tooltip: what the action does, and its shortcut if it has one. */
  readonly title?: string;
}

/**
 * A toolbar button that opens a menu of actions, as a desktop application's menus behave:
 * Enter, Space or ↓ opens it on the first enabled action, ↑/↓/Home/End move, Escape or Tab
 * closes it (Escape gives focus back to the button), a click outside closes it, and choosing an
 * action closes the menu and gives focus back to the button before the action runs (a dialog it
 * opens returns focus there when it closes).
 */
export function ToolbarMenu({ label, actions }: { readonly label: string; readonly actions: readonly MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = () => [...(root.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not([aria-disabled=true])") ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const move = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); close(true); return; }
    if (event.key === "Tab") { close(false); return; }
    if (next === undefined || list.length === 0) return;
    event.preventDefault();
    list[(next + list.length) % list.length]!.focus();
  };

  return (
    <div className="toolbar-menu" ref={root} onKeyDown={open ? move : undefined}>
      <button
        type="button"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => { if (!open && event.key === "ArrowDown") { event.preventDefault(); setOpen(true); } }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={menuId} className="menu-list" role="menu" aria-label={label}>
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              title={action.title}
              aria-disabled={action.disabled ? true : undefined}
              onClick={() => {
                if (action.disabled) return;
                close(true);
                action.run();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
