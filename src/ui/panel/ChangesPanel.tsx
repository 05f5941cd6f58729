import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { EditorState } from "prosemirror-state";
import { acceptChanges, rejectChanges } from "../../editor/redline/commands";
import type { DocumentEditor } from "../../editor/documentEditor";
import { docSponsors, redlineState } from "../../editor/redline/plugin";
import { ChangeDetails } from "./ChangeDetails";
import { ChangeRow } from "./ChangeRow";
import { DetachedNotes } from "./DetachedNotes";
import { FilterBar } from "./FilterBar";
import { panelModel, rowShows, type PanelModel } from "./panelRows";
import { ReviewBar } from "./ReviewBar";
import { groupOf } from "./reviewActions";
import { useRovingGrid } from "./useRovingGrid";

interface ChangesPanelProps {
  readonly editor: DocumentEditor;
  readonly state: EditorState;
  /**
   * A list to read and walk, not to act on (Versions → Compare): no Agree or Reject, no
   * details form, no filters, no detached notes; `label` names the list.
   */
  readonly readOnly?: boolean;
  readonly label?: string;
}

/**
 * Every change in document order, grouped by section with counts; only the rows in view are
 * rendered, so thousands of changes stay fast. Selecting a row selects the change in the editor.
 * The list is a grid with one Tab stop (useRovingGrid): the arrow keys walk its rows, Tab leaves
 * it for the selected change's details.
 */
export function ChangesPanel({ editor, state, readOnly = false, label = "Changes" }: ChangesPanelProps) {
  const { redline, annotations, filter, selectedId } = redlineState(state);
  const sponsors = docSponsors(state);
  // The last model built is the start of the next: only the sections touched since are redone.
  const lastModel = useRef<PanelModel | undefined>(undefined);
  const keyed = useRef<{ model: PanelModel; readonly rowKey: (index: number) => string } | undefined>(undefined);
  const model = useMemo(() => (lastModel.current = panelModel(redline, annotations, filter, lastModel.current)), [redline, annotations, filter]);
  // Measured heights are kept by row key, so a row added or removed above moves the heights
  // of the rows below with them (kept by index, each would take its neighbour's height).
  // The key function is new only when the keys are: a keystroke that leaves the rows as they
  // were then costs the virtual list nothing, however many rows there are.
  if (!keyed.current || !model.hasSameKeysAs(keyed.current.model)) {
    const holder = { model, rowKey: (index: number) => holder.model.key(index) };
    keyed.current = holder;
  } else {
    keyed.current.model = model;
  }
  const rowKey = keyed.current.rowKey;
  const scroller = useRef<HTMLDivElement>(null);
  const selectedIndex = selectedId ? model.rowOfChange(selectedId) : -1;
  // Agree to all / Reject all are a drafter's (not in a comparison, nor for a shared draft's reviewer).
  const decides = !readOnly && editor.canChangeDraft;
  const cellCount = useCallback((index: number) => (model.row(index)?.kind === "section" && decides ? 3 : 1), [model, decides]);
  const scrollToRow = useRef<(index: number) => void>(() => {});
  const openDetails = useCallback((id: string) => {
    const focusDetails = () => scroller.current?.closest(".changes-panel")?.querySelector<HTMLElement>(".change-details button:not(:disabled)")?.focus();
    if (readOnly) return;
    if (redlineState(editor.state).selectedId === id) { focusDetails(); return; }
    editor.goToChange(id);
    // The details are drawn for the new selection in the next render.
    requestAnimationFrame(focusDetails);
  }, [editor, readOnly]);
  const grid = useRovingGrid({
    model, selectedId, selectedIndex, cellCount, list: scroller,
    scrollTo: useCallback((index: number) => scrollToRow.current(index), []),
    select: useCallback((id: string) => { editor.goToChange(id); }, [editor]),
    openDetails,
  });
  const virtualizer = useVirtualizer({
    count: model.rowCount,
    getItemKey: rowKey,
    getScrollElement: () => scroller.current,
    // Heights as laid out in Chromium with the default font (a row with sponsors is taller);
    // only rows never rendered use them, so they shape the scroll bar, never the rows in view.
    estimateSize: (index) => (model.row(index)?.kind === "section" ? 29 : 48),
    overscan: 8,
    // Rows show before the list is first measured (and where nothing is measured, as in tests).
    initialRect: { width: 400, height: 900 },
  });
  scrollToRow.current = (index) => virtualizer.scrollToIndex(index, { align: "auto" });
  useEffect(() => {
    if (selectedIndex < 0) return;
    // After the details below the list have taken their room, so the row lands in view.
    const frame = requestAnimationFrame(() => virtualizer.scrollToIndex(selectedIndex, { align: "center" }));
    return () => cancelAnimationFrame(frame);
  }, [selectedIndex, virtualizer]);
  const items = virtualizer.getVirtualItems();
  // While the Tab stop's row is not drawn (scrolled away), the list itself takes Tab and hands it on.
  const stopDrawn = items.some((item) => item.index === grid.stop);

  return (
    <section className="changes-panel" aria-label={label} {...(readOnly ? {} : { role: "tabpanel", id: "panel-changes", "aria-labelledby": "tab-changes" })}>
      <div className="panel-header">
        <h2>{label} <span className="count" data-testid="change-total">{model.shownCount === model.total ? model.total : `${model.shownCount} of ${model.total}`}</span></h2>
        {!readOnly && <FilterBar editor={editor} filter={filter} sponsors={sponsors} shownIds={() => model.changeIds} shownCount={model.shownCount} />}
        <ReviewBar editor={editor} hasChanges={model.total > 0} readOnly={!decides} />
      </div>
      {model.rowCount === 0 && <p className="muted empty">No changes: the draft reads as the base text.</p>}
      <div className="change-list" ref={scroller} tabIndex={stopDrawn || grid.stop < 0 ? -1 : 0}
        {...(model.rowCount > 0 ? { role: "grid", "aria-label": "Tracked changes", "aria-rowcount": model.rowCount } : {})}
        onKeyDown={grid.onKeyDown} onFocus={grid.onFocus} onBlur={grid.onBlur} onMouseDown={grid.onMouseDown}>
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const row = model.row(item.index)!;
            const selected = row.kind === "change" && selectedId !== null && rowShows(row, selectedId);
            const tab = (column: number) => grid.tabIndexOf(item.index, column);
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="virtual-row" role="row" aria-rowindex={item.index + 1}
                aria-selected={row.kind === "change" ? selected : undefined} style={{ transform: `translateY(${item.start}px)` }}>
                {row.kind === "section"
                  ? (
                    <div className="section-row" role="presentation">
                      <div className="section-head" role="rowheader" data-cell={0} tabIndex={tab(0)}>
                        <span className="section-label">{row.label}</span>
                        {row.status !== "changed" && <span className={`badge badge-${row.status}`}>{row.status}</span>}
                        <span className="section-count">{row.changeIds.length}<span className="visually-hidden"> changes</span></span>
                      </div>
                      {decides && <>
                      <div role="gridcell"><button type="button" className="mini" data-cell={1} tabIndex={tab(1)} title={`Record agreement to every change in this section (they stay in the redline)`} onClick={() => editor.run(acceptChanges(row.changeIds))}>Agree to all</button></div>
                      <div role="gridcell"><button type="button" className="mini" data-cell={2} tabIndex={tab(2)} title="Reject every change in this section: its text goes back to the base" onClick={() => editor.run(rejectChanges(row.changeIds))}>Reject all</button></div>
                      </>}
                    </div>
                  )
                  : (
                    <div role="gridcell" className="change-cell">
                      <ChangeRow change={row.change} members={row.members} annotation={annotations.byChange.get(row.change.id)?.[0]} sponsors={sponsors}
                        selected={selected} tabIndex={tab(0)} onSelect={() => editor.goToChange(row.change.id)} />
                    </div>
                  )}
              </div>
            );
          })}
        </div>
      </div>
      {!readOnly && selectedId && <ChangeDetails key={selectedId} editor={editor} state={state} changeId={selectedId} groupIds={groupOf(model, selectedId)} />}
      {!readOnly && <DetachedNotes editor={editor} detached={annotations.detached} />}
    </section>
  );
}

