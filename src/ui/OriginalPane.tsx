import { useLayoutEffect, useRef } from "react";
import type { OrdinanceDocument } from "../core/model/document";
import type { Redline } from "../core/redline";
import { mountReadOnly } from "../editor/readOnlyView";

/**
 * Where the change `selectedId` stands in the base: its paragraph's id (null for words only the
 * draft has), and the number of its section there — for a section only the draft has, the base
 * section it goes before (or, at the end, the one it follows). Null when nothing is selected.
 */
export function baseTarget(redline: Redline, selectedId: string | null): { readonly blockIdA: string | null; readonly sectionA: string | null } | null {
  if (selectedId === null) return null;
  const entries = redline.sections;
  const at = entries.findIndex((entry) => entry.changes.some((each) => each.id === selectedId));
  if (at < 0) return null;
  const change = entries[at]!.changes.find((each) => each.id === selectedId)!;
  const inBase = (entry: (typeof entries)[number]) => entry.unit === "section" && entry.numberA !== null;
  const section = inBase(entries[at]!) || entries[at]!.unit !== "section" ? entries[at]! : entries.slice(at + 1).find(inBase) ?? entries.slice(0, at).reverse().find(inBase);
  return { blockIdA: change.blockIdA ?? null, sectionA: section?.numberA ?? null };
}

const TARGET_CLASS = "original-target";

/**
 * The base text as it stands, read only: the Original markup view. The selected change's place
 * in it (its paragraph, or its section's heading; nothing for words only the draft has) is
 * scrolled to and outlined, so Previous, Next and a click in the panel walk the base too.
 */
export function OriginalPane({ base, redline, selectedId }: { readonly base: OrdinanceDocument; readonly redline: Redline; readonly selectedId: string | null }) {
  const host = useRef<HTMLDivElement>(null);
  // Mounted before the page paints, so the markup view can put the reader back at their place in it.
  useLayoutEffect(() => mountReadOnly(host.current!, base, { "aria-label": "Base text (read only)", class: "code-document", tabindex: "0" }), [base]);
  const target = baseTarget(redline, selectedId);
  const blockIdA = target?.blockIdA ?? null;
  const sectionA = target?.sectionA ?? null;
  // The view opens at the reader's place (App keeps it across markup views); a change selected after that is followed.
  const followed = useRef(selectedId);
  useLayoutEffect(() => {
    const root = host.current;
    if (!root || followed.current === selectedId) return;
    followed.current = selectedId;
    for (const element of root.querySelectorAll(`.${TARGET_CLASS}`)) element.classList.remove(TARGET_CLASS);
    const byId = blockIdA ? root.querySelector(`[data-id="${CSS.escape(blockIdA)}"]`) : null;
    const element = byId ?? (sectionA ? root.querySelector(`h3.section-heading[data-number="${CSS.escape(sectionA)}"]`) : null);
    if (!element) return;
    element.classList.add(TARGET_CLASS);
    element.scrollIntoView({ block: "center" });
  }, [blockIdA, sectionA, selectedId]);
  return <div className="original-pane" ref={host} data-testid="original-pane" />;
}
