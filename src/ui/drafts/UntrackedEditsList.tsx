import type { UntrackedEdit } from "../../core/wordImport";

interface UntrackedEditsListProps {
  readonly edits: readonly UntrackedEdit[];
  /** Paragraph indexes of the edits ticked to be taken into the draft. */
  readonly take: ReadonlySet<number>;
  readonly onToggle: (paragraph: number) => void;
  readonly onBack: () => void;
  readonly onConfirm: () => void;
}

/**
 * The untracked edits of a returned redline (words neither struck nor underscored that differ
 * from the base), each with its place and a checkbox: ticked, the words are taken into the draft
 * as if marked; unticked, the base's wording stays.
 */
export function UntrackedEditsList({ edits, take, onToggle, onBack, onConfirm }: UntrackedEditsListProps) {
  return (
    <div role="group" aria-label="Untracked edits" className="untracked-edits">
      <p>{edits.length === 1 ? "One passage differs" : `${edits.length} passages differ`} from the base without being struck or underscored. Tick those to take into the draft:</p>
      <ul>
        {edits.map((edit) => (
          <li key={edit.paragraph}>
            <label>
              <input type="checkbox" checked={take.has(edit.paragraph)} onChange={() => onToggle(edit.paragraph)} />
              {` ${edit.section} ${edit.place}: `}
              {edit.missing.length > 0 && <>without “<del>{edit.missing.join(" ")}</del>”</>}
              {edit.missing.length > 0 && edit.typed.length > 0 && ", "}
              {edit.typed.length > 0 && <>typed “<ins>{edit.typed.join(" ")}</ins>”</>}
            </label>
          </li>
        ))}
      </ul>
      <div className="dialog-buttons">
        <button type="button" onClick={onBack}>Back</button>
        <button type="button" className="primary" onClick={onConfirm}>Import with these choices</button>
      </div>
    </div>
  );
}
