/**
 * The rows of the changes panel, derived from the redline, the annotations and the filter:
 * one header per section with its count, then its changes in document order.
 */
import type { Annotation } from "../../core/annotations/annotation";
import type { Change, Redline, SectionRedline } from "../../core/redline/types";
import type { AnnotationIndex } from "../../editor/redline/annotationIndex";
import { passesFilter, type ChangeFilter } from "../../editor/redline/plugin";

export type PanelRow =
  | { readonly kind: "section"; readonly key: string; readonly label: string; readonly status: SectionRedline["status"]; readonly changeIds: readonly string[] }
  | { readonly kind: "change"; readonly key: string; readonly change: Change; readonly annotation: Annotation | undefined };

export interface PanelModel {
  readonly rows: readonly PanelRow[];
  /** Ids of the changes shown, in order (for next/previous). */
  readonly changeIds: readonly string[];
  readonly total: number;
}

function sectionLabel(entry: SectionRedline): string {
  if (entry.unit === "chapter") return `${entry.numberB ?? entry.numberA} — heading and contents`;
  const number = entry.numberB ?? entry.numberA ?? "";
  const catchline = entry.catchlineB ?? entry.catchlineA ?? "";
  return `${number} ${catchline}`.trim();
}

/** The panel rows for a redline, filtered. */
export function panelModel(redline: Redline, annotations: AnnotationIndex, filter: ChangeFilter): PanelModel {
  const rows: PanelRow[] = [];
  const changeIds: string[] = [];
  let total = 0;
  for (const entry of redline.sections) {
    if (entry.changes.length === 0) continue;
    total += entry.changes.length;
    const shown = entry.changes.filter((change) => passesFilter(change, filter, annotations));
    if (shown.length === 0) continue;
    rows.push({ kind: "section", key: `s:${entry.numberB ?? ""}:${entry.numberA ?? ""}:${entry.unit}`, label: sectionLabel(entry), status: entry.status, changeIds: shown.map((change) => change.id) });
    for (const change of shown) {
      rows.push({ kind: "change", key: `c:${change.id}`, change, annotation: annotations.byChange.get(change.id)?.[0] });
      changeIds.push(change.id);
    }
  }
  return { rows, changeIds, total };
}

function shorten(text: string, length = 48): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** A short "before → after" of a change for its row. */
export function changeSummary(change: Change): { before: string; after: string; label: string } {
  if (change.move) {
    return { before: "", after: "", label: change.move.role === "source" ? `moved to ${change.move.otherSection}` : `moved from ${change.move.otherSection}` };
  }
  const label = change.part === "section"
    ? (change.inserted ? "new section" : "section deleted")
    : change.part === "number" ? "renumbered"
      : change.part === "enumerator" ? "re-lettered"
        : change.part === "catchline" ? "catchline"
          : change.part === "toc" ? "contents" : change.kind;
  return { before: shorten(change.deleted), after: shorten(change.inserted), label };
}
