import { ANNOTATION_STATUSES } from "../../core/annotations/annotation";
import { describePerson, type SponsorRegistry } from "../../core/sponsors/sponsors";
import type { DocumentEditor } from "../../editor/documentEditor";
import { acceptChanges, rejectChanges, setFilter } from "../../editor/redline/commands";
import type { ChangeFilter } from "../../editor/redline/plugin";

interface FilterBarProps {
  readonly editor: DocumentEditor;
  readonly filter: ChangeFilter;
  readonly sponsors: SponsorRegistry | null;
  /** Ids of the changes the filter shows, for "accept/reject all shown" (asked for on click). */
  readonly shownIds: () => readonly string[];
  /** How many changes the filter shows. */
  readonly shownCount: number;
}

/** Filters the panel and the editor's highlighting by sponsor and status. */
export function FilterBar({ editor, filter, sponsors, shownIds, shownCount }: FilterBarProps) {
  const sponsorId = filter.sponsorIds?.[0] ?? "";
  const status = filter.statuses?.[0] ?? "";
  const apply = (next: ChangeFilter) => editor.run(setFilter(next), false);
  const filtered = sponsorId !== "" || status !== "";
  return (
    <div className="filter-bar">
      <select aria-label="Filter by sponsor" value={sponsorId} onChange={(event) => apply({ ...filter, sponsorIds: event.target.value ? [event.target.value] : null })}>
        <option value="">All sponsors</option>
        {(sponsors?.people ?? []).map((person) => <option key={person.id} value={person.id}>{describePerson(person)}</option>)}
      </select>
      <select aria-label="Filter by status" value={status} onChange={(event) => apply({ ...filter, statuses: event.target.value ? [event.target.value] : null })}>
        <option value="">All statuses</option>
        {ANNOTATION_STATUSES.map((each) => <option key={each} value={each}>{each}</option>)}
      </select>
      {filtered && shownCount > 0 && editor.canChangeDraft && (
        <>
          <button type="button" className="mini" onClick={() => editor.run(acceptChanges(shownIds()))}>Accept shown</button>
          <button type="button" className="mini" onClick={() => editor.run(rejectChanges(shownIds()))}>Reject shown</button>
        </>
      )}
    </div>
  );
}
