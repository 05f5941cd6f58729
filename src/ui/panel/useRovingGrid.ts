/**
 * The changes list as one Tab stop (the WAI-ARIA grid pattern, roving tabindex): of its cells
 * only one has tabindex 0 — the selected change's row, or the cell the keyboard last reached,
 * or else the first change — so Tab enters the list there and the next Tab leaves it. Inside,
 * ↑/↓ move a row, PageUp/PageDown ten, Home/End to the first and last row; ←/→ move between a
 * section header and its Agree to all / Reject all; → on a change selects it and goes on to its
 * details (Agree, Reject, …); Enter or Space on a change selects it, as a click does, and on a
 * section header selects the section's first change.
 *
 * The list is virtual, so the row with the focus can scroll out and be removed: the focus is
 * then parked on the list itself (arrow keys still work from there), and while the Tab stop's
 * row is not drawn the list itself is the Tab stop and hands the focus to that row on arrival.
 */
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type RefObject } from "react";
import type { PanelModel } from "./panelRows";

/** The cell of the list that holds the Tab stop: a row (by index, and by key to follow it through edits) and a column. */
interface GridFocus {
  readonly key: string;
  readonly index: number;
  readonly column: number;
  /** The selected change when the keyboard moved here: once the selection changes, the Tab stop follows it. */
  readonly selectedAt: string | null;
}

export interface RovingGrid {
  /** Index of the row holding the Tab stop, or -1 when the list is empty. */
  readonly stop: number;
  /** The Tab stop's column in that row. */
  readonly column: number;
  /** tabIndex for the cell in row `index`, column `column`. */
  readonly tabIndexOf: (index: number, column: number) => 0 | -1;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
  readonly onMouseDown: (event: MouseEvent<HTMLElement>) => void;
}

interface RovingGridOptions {
  readonly model: PanelModel;
  readonly selectedId: string | null;
  readonly selectedIndex: number;
  /** How many focusable cells row `index` has. */
  readonly cellCount: (index: number) => number;
  readonly list: RefObject<HTMLElement | null>;
  /** Brings row `index` into view (the virtual list draws it). */
  readonly scrollTo: (index: number) => void;
  /** Selects change `id` (Enter on a section header: its first change). */
  readonly select: (id: string) => void;
  /** Selects change `id` if need be and puts the focus on its details' first control. */
  readonly openDetails: (id: string) => void;
}

const PAGE = 10;

/** The index of the row keyed `key`: at `hint` (where it was last found), or looked for; -1 when it is gone. */
function indexOf(model: PanelModel, key: string, hint: number): number {
  if (model.key(hint) === key) return hint;
  for (let index = 0; index < model.rowCount; index++) if (model.key(index) === key) return index;
  return -1;
}

function firstChange(model: PanelModel): number {
  for (let index = 0; index < Math.min(model.rowCount, 64); index++) if (model.row(index)?.kind === "change") return index;
  return model.rowCount > 0 ? 0 : -1;
}

/** The cell element of row `index`, column `column` in `list`, if drawn. */
function cellElement(list: HTMLElement, index: number, column: number): HTMLElement | null {
  return list.querySelector<HTMLElement>(`[data-index="${index}"] [data-cell="${column}"]`);
}

/** The list's roving Tab stop and its keys (see the module's comment). */
export function useRovingGrid({ model, selectedId, selectedIndex, cellCount, list, scrollTo, select, openDetails }: RovingGridOptions): RovingGrid {
  const [focus, setFocus] = useState<GridFocus | null>(null);
  /** The focus is to go to the Tab stop's cell as soon as it is drawn. */
  const pending = useRef(false);
  /** The keyboard focus is in the list (kept while its row is removed under it). */
  const inside = useRef(false);
  /** The list itself was given the focus by this hook, not by Tab. */
  const parked = useRef(false);

  /** Where the focused row was last found: rows added above it move it, and it is looked for once, not at every render. */
  const found = useRef<{ readonly focus: GridFocus; readonly index: number } | null>(null);
  const hint = found.current && found.current.focus === focus && found.current.index >= 0 ? found.current.index : focus?.index ?? -1;
  const focusIndex = focus ? indexOf(model, focus.key, hint) : -1;
  found.current = focus ? { focus, index: focusIndex } : null;
  const follows = selectedIndex >= 0 && (focus === null || focus.selectedAt !== selectedId || focusIndex < 0);
  const stop = follows ? selectedIndex : focusIndex >= 0 ? focusIndex : firstChange(model);
  const column = !follows && focus && focusIndex >= 0 ? Math.min(focus.column, Math.max(0, cellCount(stop) - 1)) : 0;

  const moveTo = useCallback((index: number, toColumn: number) => {
    if (model.rowCount === 0) return;
    const row = Math.max(0, Math.min(model.rowCount - 1, index));
    const cell = Math.max(0, Math.min(cellCount(row) - 1, toColumn));
    setFocus({ key: model.key(row), index: row, column: cell, selectedAt: selectedId });
    pending.current = true;
    scrollTo(row);
  }, [model, cellCount, selectedId, scrollTo]);

  // After every render: hand the focus to the Tab stop's cell when asked; when the focused row
  // went (scrolled out, or its section rejected), park the focus on the list rather than lose it.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || stop < 0) return;
    if (pending.current) {
      const cell = cellElement(element, stop, column);
      if (cell) { pending.current = false; cell.focus({ preventScroll: true }); }
      return;
    }
    const active = document.activeElement;
    if (inside.current && (active === null || active === document.body)) {
      parked.current = true;
      element.focus({ preventScroll: true });
    }
  });

  // The selection moved (Alt+↓, a click in the text) while the list had the focus: the focus follows it.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || selectedIndex < 0 || !inside.current) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && element.contains(active) && active !== cellElement(element, selectedIndex, 0)) {
      pending.current = true;
      const cell = cellElement(element, selectedIndex, 0);
      if (cell) { pending.current = false; cell.focus({ preventScroll: true }); }
    }
  }, [selectedId, selectedIndex, list]);

  const where = (target: EventTarget): { index: number; column: number } | null => {
    if (!(target instanceof HTMLElement)) return null;
    const cell = target.closest<HTMLElement>("[data-cell]");
    const row = cell?.closest<HTMLElement>("[data-index]");
    return cell && row ? { index: Number(row.dataset.index), column: Number(cell.dataset.cell) } : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = where(event.target) ?? { index: stop, column };
    const row = model.row(at.index);
    const onList = event.target === list.current;
    const move = (index: number, toColumn = 0) => { event.preventDefault(); moveTo(index, toColumn); };
    switch (event.key) {
      case "ArrowDown": return move(onList ? at.index : at.index + 1);
      case "ArrowUp": return move(onList ? at.index : at.index - 1);
      case "PageDown": return move(at.index + PAGE);
      case "PageUp": return move(at.index - PAGE);
      case "Home": return move(0);
      case "End": return move(model.rowCount - 1);
      case "ArrowLeft": return row?.kind === "section" ? move(at.index, at.column - 1) : undefined;
      case "ArrowRight":
        if (row?.kind === "section") return move(at.index, at.column + 1);
        if (row?.kind === "change") { event.preventDefault(); openDetails(row.change.id); }
        return;
      case "Enter":
      case " ":
        if (onList) return move(at.index, at.column);
        // A button cell acts by itself (a click); a section header selects its first change.
        if (row?.kind === "section" && at.column === 0 && row.changeIds[0]) { event.preventDefault(); select(row.changeIds[0]); }
        return;
      default:
        return;
    }
  };

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    inside.current = true;
    if (event.target === list.current) {
      // Parked there by this hook: stay. Reached by Tab while the Tab stop's row is not drawn: go to it.
      if (parked.current) { parked.current = false; return; }
      if (stop >= 0) moveTo(stop, column);
      return;
    }
    const at = where(event.target);
    if (at && (at.index !== stop || at.column !== column)) setFocus({ key: model.key(at.index), index: at.index, column: at.column, selectedAt: selectedId });
  };

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && list.current?.contains(next)) return;
    if (next instanceof Node) { inside.current = false; return; }
    // The focus went nowhere: a click on the page, or the focused row removed (some browsers tell of that too).
    const left = event.target;
    setTimeout(() => {
      const element = list.current;
      if (!element) return;
      const active = document.activeElement;
      if (element.contains(active)) return;
      if (!left.isConnected && element.isConnected && (active === null || active === document.body)) {
        parked.current = true;
        element.focus({ preventScroll: true });
        return;
      }
      inside.current = false;
    }, 0);
  };

  // A click on the list's own background focuses it: that is no arrival by Tab.
  const onMouseDown = (event: MouseEvent<HTMLElement>) => { if (event.target === list.current) parked.current = true; };

  const tabIndexOf = (index: number, cell: number): 0 | -1 => (index === stop && cell === column ? 0 : -1);
  return { stop, column, tabIndexOf, onKeyDown, onFocus, onBlur, onMouseDown };
}
