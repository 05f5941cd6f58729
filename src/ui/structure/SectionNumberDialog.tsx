import { useState } from "react";
import type { DocumentEditor } from "../../editor/documentEditor";
import { adviseNewSection, newSectionProblem, placeAfter, type SectionNumberAdvice } from "../../editor/structure/numberAssistant";
import { forEachSection } from "../../editor/sectionGroups";
import { insertSection, renumberSection, sectionNumberProblem, sectionPlace, type SectionPlace } from "../../editor/structure/sectionCommands";
import { useModalDialog } from "../useModalDialog";

/** What the dialog is for: a new section after `section`, or another number for `section`. */
export type SectionNumberTask = { readonly kind: "new" | "renumber"; readonly section: SectionPlace };

interface SectionNumberDialogProps {
  readonly editor: DocumentEditor;
  readonly task: SectionNumberTask | null;
  readonly onClose: () => void;
  /** Called with what was done, for the status line. */
  readonly onDone: (message: string) => void;
}

/** The position of the section numbered `number` in `chapter` (at `chapterPos`), or the chapter's own position when `number` is none of its sections (its start). */
function sectionPosition(place: SectionPlace, number: string): number {
  let pos = place.chapterPos;
  forEachSection(place.chapter, place.chapterPos, (section, sectionPos) => {
    if (section.firstChild!.attrs.number === number) pos = sectionPos;
  });
  return pos;
}

/**
 * The number assistant: proposes the number for a new section (the unused one the Code's habit
 * picks in the gap after the chosen section) with the reason, lets the drafter type another,
 * refuses one already used, and where the gap has no free number says so and offers the nearest
 * free gap. For renumbering it warns that renumbering is the Clerk's call.
 */
export function SectionNumberDialog({ editor, task, onClose, onDone }: SectionNumberDialogProps) {
  const [advice, setAdvice] = useState<SectionNumberAdvice | null>(null);
  const [number, setNumber] = useState("");
  // The section the new one follows (its chapter's number for the chapter's start): the chosen one, or the nearest free gap's.
  const [after, setAfter] = useState("");
  const [catchline, setCatchline] = useState("");
  const [error, setError] = useState<string | null>(null);
  const dialog = useModalDialog(task !== null, () => {
    if (!task) return;
    const given = task.kind === "new" ? adviseNewSection(task.section.chapter, task.section.number) : null;
    setAdvice(given);
    setNumber(task.kind === "new" ? given?.number ?? "" : task.section.number);
    setAfter(task.section.number);
    setCatchline("");
    setError(null);
  });

  /** Closes the dialog (which gives the focus back to the button that opened it), then reports, so the caret goes to the editor. */
  const finish = (message: string) => {
    dialog.current?.close();
    onDone(message);
  };

  const submit = () => {
    if (!task) return;
    const wanted = number.trim();
    const place = sectionPlace(editor.state.doc, task.section.pos);
    if (!place) { setError("The section is no longer in the draft."); return; }
    if (task.kind === "new") {
      const problem = newSectionProblem(place.chapter, after, wanted);
      if (problem) { setError(problem); return; }
      if (catchline.trim() === "") { setError("Give the new section a catchline, e.g. “Retaliation prohibited.”"); return; }
      if (!editor.run(insertSection(sectionPosition(place, after), wanted, catchline))) { setError(`Section ${wanted} could not be inserted.`); return; }
      const where = after === place.number || place.chapter.firstChild!.attrs.number !== after ? `after Section ${after}` : `at the start of Chapter ${after}`;
      finish(`Inserted Section ${wanted} ${where}; its contents line follows.`);
      return;
    }
    const problem = sectionNumberProblem(place.chapter, wanted, place.number);
    if (problem) { setError(problem); return; }
    if (wanted === place.number) { onClose(); return; }
    const follows = placeAfter(place.chapter, wanted, place.number);
    if (!editor.run(renumberSection(place.pos, wanted, follows))) { setError(`Section ${place.number} could not be renumbered ${wanted}.`); return; }
    finish(`Renumbered Section ${place.number} as ${wanted}${follows ? `, after Section ${follows}` : ""}. Only the City Clerk renumbers Code sections.`);
  };

  const title = task?.kind === "renumber" ? `Renumber Section ${task.section.number}` : `New section after ${task?.section.number ?? ""}`;
  const movedGap = task?.kind === "new" && after !== task.section.number;
  return (
    <dialog ref={dialog} className="import-dialog section-number-dialog" aria-labelledby="section-number-title" onClose={onClose}>
      <h2 id="section-number-title">{title}</h2>
      {task?.kind === "renumber" && (
        <p role="note" className="warning">
          Renumbering is the City Clerk's call: only the Clerk renumbers Code sections. Renumber only on the
          Clerk's instruction; the redline shows the old number struck and the new one underscored.
        </p>
      )}
      {advice && <p role="note" className="assistant-advice" data-testid="number-advice">{advice.explanation}</p>}
      {advice && advice.number === null && advice.alternative && (
        <button type="button" onClick={() => { setNumber(advice.alternative!.number); setAfter(advice.alternative!.after); setError(null); }}>
          Use {advice.alternative.number} (after {advice.alternative.after}), the nearest free gap
        </button>
      )}
      {movedGap && <p className="muted">The new section will follow {after} instead, in the nearest free gap.</p>}
      <form onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <label htmlFor="section-number">Section number</label>
        <input id="section-number" value={number} autoFocus onChange={(event) => { setNumber(event.target.value); setError(null); }} />
        {task?.kind === "new" && (
          <>
            <label htmlFor="section-catchline">Catchline</label>
            <input id="section-catchline" value={catchline} placeholder="Retaliation prohibited." onChange={(event) => { setCatchline(event.target.value); setError(null); }} />
          </>
        )}
        {error && <p role="alert" className="error">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">{task?.kind === "renumber" ? "Renumber" : "Insert section"}</button>
        </div>
      </form>
    </dialog>
  );
}
