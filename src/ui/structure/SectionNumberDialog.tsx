import { useState } from "react";
import type { DocumentEditor } from "../../editor/documentEditor";
import { adviseNewSection, numberProblem, placeAfter, type SectionNumberAdvice } from "../../editor/structure/numberAssistant";
import { insertSection, renumberSection, sectionPlace, type SectionPlace } from "../../editor/structure/sectionCommands";
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

/** Where the section numbered `number` goes: the position of the section it follows, or of the first section. */
function anchorPosition(editor: DocumentEditor, task: SectionNumberTask, number: string): { pos: number; after: string | null } | null {
  const place = sectionPlace(editor.state.doc, task.section.pos);
  if (!place) return null;
  const after = placeAfter(place.chapter, number, task.kind === "renumber" ? place.number : undefined);
  let pos = -1;
  place.chapter.forEach((child, offset) => {
    if (child.type.name !== "section") return;
    const childNumber = child.firstChild!.attrs.number as string;
    if (after === null ? pos < 0 : childNumber === after) pos = place.chapterPos + 1 + offset;
  });
  return pos < 0 ? null : { pos, after };
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
  const [catchline, setCatchline] = useState("");
  const [error, setError] = useState<string | null>(null);
  const dialog = useModalDialog(task !== null, () => {
    if (!task) return;
    const given = task.kind === "new" ? adviseNewSection(task.section.chapter, task.section.number) : null;
    setAdvice(given);
    setNumber(task.kind === "new" ? given?.number ?? "" : task.section.number);
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
    const problem = numberProblem(place.chapter, wanted, task.kind === "renumber" ? place.number : undefined);
    if (problem) { setError(problem); return; }
    if (task.kind === "new" && catchline.trim() === "") { setError("Give the new section a catchline, e.g. “Retaliation prohibited.”"); return; }
    const anchor = anchorPosition(editor, task, wanted);
    if (task.kind === "new") {
      if (!anchor || anchor.after === null) { setError(`Section ${wanted} would come before every section of the chapter; choose a number after ${place.number}'s neighbours.`); return; }
      if (!editor.run(insertSection(anchor.pos, wanted, catchline))) { setError(`Section ${wanted} could not be inserted.`); return; }
      finish(`Inserted Section ${wanted} after Section ${anchor.after}; its contents line follows.`);
    } else {
      if (wanted === place.number) { onClose(); return; }
      if (!editor.run(renumberSection(place.pos, wanted, anchor?.after ?? null))) { setError(`Section ${place.number} could not be renumbered ${wanted}.`); return; }
      finish(`Renumbered Section ${place.number} as ${wanted}${anchor?.after ? `, after Section ${anchor.after}` : ""}. Only the City Clerk renumbers Code sections.`);
    }
  };

  const title = task?.kind === "renumber" ? `Renumber Section ${task.section.number}` : `New section after ${task?.section.number ?? ""}`;
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
        <button type="button" onClick={() => { setNumber(advice.alternative!.number); setError(null); }}>
          Use {advice.alternative.number} (after {advice.alternative.after}), the nearest free gap
        </button>
      )}
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
