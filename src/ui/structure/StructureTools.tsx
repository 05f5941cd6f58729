import { useEffect, useState } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../../editor/documentEditor";
import { deleteSubsection } from "../../editor/structure/listCommands";
import { repealSection, selectedSection } from "../../editor/structure/sectionCommands";
import { ToolbarMenu } from "../ToolbarMenu";
import { SectionNumberDialog, type SectionNumberTask } from "./SectionNumberDialog";

/** The structural shortcuts, as the help popover lists them. */
export const STRUCTURE_SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ["Enter (in a subsection)", "Next subsection or item at the same level"],
  ["Tab  /  Shift + Tab", "Sink / lift the subsection a level"],
  ["Alt + Shift + N", "New section after the one with the caret"],
];

interface StructureToolsProps {
  readonly editor: DocumentEditor;
  readonly state: EditorState;
  /** Reports what was done, or why nothing was. */
  readonly onStatus: (message: string) => void;
}

/** The toolbar's Section menu: the section and subsection commands, with the number assistant's dialog. */
export function StructureTools({ editor, state, onStatus }: StructureToolsProps) {
  const [task, setTask] = useState<SectionNumberTask | null>(null);
  const section = selectedSection(state);
  const open = (kind: SectionNumberTask["kind"]) => {
    const place = selectedSection(editor.state);
    if (!place) { onStatus("Put the caret in a section first."); return; }
    setTask({ kind, section: place });
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.code !== "KeyN") return;
      event.preventDefault();
      const place = selectedSection(editor.state);
      if (place) setTask({ kind: "new", section: place });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [editor]);
  const repeal = () => {
    const place = selectedSection(editor.state);
    if (!place) { onStatus("Put the caret in a section first."); return; }
    if (editor.run(repealSection(place.pos))) onStatus(`Repealed Section ${place.number} (Undo takes it back).`);
    else onStatus(`Section ${place.number} is its chapter's only section and cannot be repealed here.`);
  };
  return (
    <>
      <ToolbarMenu label="Section" actions={[
        { label: "New section…", run: () => open("new"), disabled: !section, title: "New section after this one (Alt+Shift+N)" },
        { label: "Renumber section…", run: () => open("renumber"), disabled: !section, title: "Renumber the section (the Clerk's call)" },
        { label: "Repeal section", run: repeal, disabled: !section, title: "Repeal the section with the caret" },
        { label: "Delete subsection", run: () => editor.run(deleteSubsection), disabled: !deleteSubsection(state), title: "Delete the subsection with the caret, with its items" },
      ]} />
      <SectionNumberDialog editor={editor} task={task} onClose={() => setTask(null)} onDone={(message) => { setTask(null); onStatus(message); editor.focus(); }} />
    </>
  );
}
