import type { Annotation } from "../../core/annotations/annotation";
import type { SponsorRegistry } from "../../core/sponsors/sponsors";
import { changeSummary, type RowChange } from "./panelRows";
import { SponsorChip } from "./SponsorChip";
import { AttributionLine } from "../shared/attribution";

interface ChangeRowProps {
  readonly change: RowChange;
  /** The changes of a row of re-lettered labels (see PanelRow). */
  readonly members?: readonly RowChange[] | undefined;
  readonly annotation: Annotation | undefined;
  readonly sponsors: SponsorRegistry | null;
  readonly selected: boolean;
  /** 0 for the row that holds the list's one Tab stop, else -1 (see useRovingGrid). */
  readonly tabIndex?: 0 | -1;
  readonly onSelect: () => void;
}

/** One change in the panel: a short before → after, its sponsors and its status. */
export function ChangeRow({ change, members, annotation, sponsors, selected, tabIndex = 0, onSelect }: ChangeRowProps) {
  const summary = changeSummary(change, members);
  const status = annotation?.status ?? "proposed";
  return (
    <button type="button" data-testid="change-row" data-change-id={change.id} aria-current={selected ? "true" : undefined}
      data-cell={0} tabIndex={tabIndex} className={`change-row${selected ? " selected" : ""}`} onClick={onSelect}>
      <span className="row-top">
        <span className="row-kind">{summary.label}</span>
        {!change.precise && <span className="badge badge-imprecise" title="Shown as a whole replacement: a finer comparison was too costly">imprecise</span>}
        <span className={`status status-${status}`}>{status}</span>
        {annotation && annotation.comments.length > 0 && (
          <span className={`row-comments${annotation.resolved ? " resolved" : ""}`} data-testid="row-comments">
            {annotation.comments.length === 1 ? "1 comment" : `${annotation.comments.length} comments`}{annotation.resolved ? " (resolved)" : ""}
          </span>
        )}
      </span>
      <span className="row-text">
        {summary.before && <del>{summary.before}</del>}
        {summary.before && summary.after && <span aria-hidden="true"> → </span>}
        {summary.after && <ins>{summary.after}</ins>}
      </span>
      <AttributionLine changeId={change.id} className="row-author" />
      {annotation && annotation.sponsorIds.length > 0 && (
        <span className="chips">
          {annotation.sponsorIds.map((id) => <SponsorChip key={id} id={id} sponsors={sponsors} />)}
        </span>
      )}
    </button>
  );
}
