/**
 * Decorations that show a redline in the editor. Inserted words are underlined (<ins>);
 * deleted words appear at their place as non-editable struck widgets (<del>); whole inserted
 * paragraphs and sections are underlined throughout; deleted ones appear as struck blocks; a
 * changed enumerator or section number shows old struck and new underlined (see labelViews).
 * Colour is only an aid: every mark is a real <ins>/<del> with an accessible label.
 */
import { Decoration } from "prosemirror-view";
import type { Change, SectionRedline } from "../../core/redline/types";
import { chapterNotePosition, mapOffset, type PlacedLine, type UnitPlace } from "./docLayout";

/** How each change is shown beyond its marks: dimmed by a filter, selected, agreed, sponsor colour. */
export interface MarkStyle {
  readonly visible: (change: Change) => boolean;
  /** Whether the change's annotation records agreement (shown with a tick after its words). */
  readonly agreed: (change: Change) => boolean;
  readonly selectedId: string | null;
  /**
   * The change's comment thread (its annotation has comments): open or resolved, null for none.
   * Its words are marked as commented; when selected, an open or resolved thread is highlighted too.
   */
  readonly thread: (change: Change) => "open" | "resolved" | null;
  readonly color: (change: Change) => string | null;
}

/** Spec carried by label decorations, read by the label node views. */
export interface LabelSpec {
  readonly oldLabel: string;
  readonly changeId: string;
  /** The change's state classes (dimmed, selected, agreed: see `stateClasses`), for the label's marks. */
  readonly classes?: readonly string[];
}

/**
 * What every redline decoration's spec carries: its change and the unit that made it — the
 * unit's place index in the editor, or "deleted" for a unit only the base has. Patching a
 * unit removes exactly the decorations tagged with it, never a neighbour's that touch it.
 */
export interface RedlineSpec {
  readonly changeId: string;
  readonly unit: number | "deleted";
}

/**
 * The attributes of a change's mark. They name the change, never its text (the text is the
 * element's content; a screen reader gets the insertion or deletion role of <ins>/<del> and a
 * hidden cue from the stylesheet): typing inside an insertion then leaves the mark as it is,
 * so the browser keeps the element and has nothing to lay out again.
 */
/**
 * The classes that show a change's state beyond its kind: dimmed by the filter, commented (an
 * open or a resolved thread, as a comment's words are marked), selected (and, selected with a
 * comment thread, its thread highlighted as an open thread's words are), agreed.
 */
export function stateClasses(change: Change, style: MarkStyle): string[] {
  const classes: string[] = [];
  if (!style.visible(change)) classes.push("redline-dimmed");
  const thread = style.thread(change);
  if (thread) classes.push(thread === "open" ? "redline-commented" : "redline-commented-resolved");
  if (style.selectedId === change.id) {
    classes.push("redline-selected");
    if (thread) classes.push("redline-thread");
  }
  if (style.agreed(change)) classes.push("redline-agreed");
  return classes;
}

function markAttrs(change: Change, kind: "insert" | "delete", style: MarkStyle): Record<string, string> {
  const classes = [`redline-${kind}`, ...stateClasses(change, style)];
  if (change.move) classes.push("redline-moved");
  const attrs: Record<string, string> = {
    class: classes.join(" "),
    "data-change": kind,
    "data-change-id": change.id,
  };
  const color = style.color(change);
  if (color) attrs.style = `--sponsor-color: ${color}`;
  return attrs;
}

/** Whether a replacement needs a space between its struck and its underscored words. */
export function needsSpacer(change: Change): boolean {
  return change.deleted !== "" && change.inserted !== "" && !/\s$/.test(change.deleted) && !/^\s/.test(change.inserted);
}

/**
 * A struck, non-editable rendering of deleted text, inline or as whole paragraphs, and its
 * widget key. The key names everything the widget shows, so ProseMirror redraws it exactly
 * when something it shows changed. An inline replacement's struck words are followed by a
 * space that belongs to neither the <del> nor the document: "struck underscored".
 */
function deletedWidget(change: Change, style: MarkStyle, paragraphs: readonly string[] | null, spacer: boolean): { toDOM: () => HTMLElement; key: string } {
  const attrs = markAttrs(change, "delete", style);
  const key = JSON.stringify([change.id, attrs, paragraphs ?? change.deleted, spacer, change.move?.otherSection ?? null]);
  const toDOM = () => {
    if (paragraphs === null) {
      const del = document.createElement("del");
      for (const [name, value] of Object.entries(attrs)) del.setAttribute(name, value);
      del.textContent = change.deleted;
      del.contentEditable = "false";
      if (!spacer) return del;
      const wrap = document.createElement("span");
      wrap.className = "redline-replaced";
      wrap.contentEditable = "false";
      wrap.append(del, document.createTextNode(" "));
      return wrap;
    }
    const block = document.createElement("div");
    block.className = `redline-delete-block${change.move ? " redline-move-source" : ""}`;
    block.contentEditable = "false";
    if (change.move) block.dataset.label = `moved to ${change.move.otherSection}`;
    for (const text of paragraphs) {
      const p = document.createElement("p");
      const del = document.createElement("del");
      for (const [name, value] of Object.entries(attrs)) del.setAttribute(name, value);
      del.textContent = text.trim();
      p.style.marginLeft = `${Math.floor((text.length - text.trimStart().length) / 4) * 2}em`;
      p.append(del);
      block.append(p);
    }
    return block;
  };
  return { toDOM, key };
}

/**
 * The pilcrow at a seam: underscored at the end of the first paragraph of a split, struck with
 * the enumerator that goes where a join took the line break out.
 */
function pilcrowWidget(change: Change, style: MarkStyle, joined: boolean): { toDOM: () => HTMLElement; key: string } {
  const attrs = markAttrs(change, joined ? "delete" : "insert", style);
  attrs.class += " redline-pilcrow";
  const label = joined ? change.deleted.trim() : "";
  const shown = label ? `\u00b6 ${label}` : "\u00b6";
  const key = JSON.stringify([change.id, attrs, shown, joined]);
  const toDOM = () => {
    const mark = document.createElement(joined ? "del" : "ins");
    for (const [name, value] of Object.entries(attrs)) mark.setAttribute(name, value);
    mark.textContent = shown;
    mark.contentEditable = "false";
    return mark;
  };
  return { toDOM, key };
}

function wholeParagraphs(text: string): string[] {
  return text.split(/\n+/).filter((paragraph) => paragraph.trim() !== "");
}

function widget(pos: number, rendered: { toDOM: () => HTMLElement; key: string }, side: number, tag: RedlineSpec & { deletedUnit?: true }): Decoration {
  return Decoration.widget(pos, rendered.toDOM, { side, key: rendered.key, ignoreSelection: true, ...tag });
}

/**
 * Decorations for the changes of one unit placed in the editor, each tagged with `unit` (the
 * unit's place index) so that a later patch of this unit removes exactly these.
 */
export function unitDecorations(entry: SectionRedline, place: UnitPlace, lines: readonly PlacedLine[], style: MarkStyle, unit: number): Decoration[] {
  const decorations: Decoration[] = [];
  for (const change of entry.changes) {
    const tag: RedlineSpec = { changeId: change.id, unit };
    const from = change.fromB - entry.startB;
    const to = change.toB - entry.startB;
    if (change.part === "section") {
      if (change.inserted) {
        const attrs = markAttrs(change, "insert", style);
        attrs.class += " redline-insert-section";
        if (change.move) attrs["data-label"] = `moved from ${change.move.otherSection}`;
        decorations.push(Decoration.node(place.pos, place.end, attrs, tag));
      }
      continue;
    }
    if (change.part === "number" || change.part === "enumerator") {
      const target = mapOffset(lines, from);
      const placed = lines[target.index];
      if (!placed) continue;
      const oldLabel = change.part === "number" || change.deleted.trim().startsWith("(") ? change.deleted.trim() : `(${change.deleted})`;
      const classes = stateClasses(change, style);
      const spec: LabelSpec & RedlineSpec = { oldLabel, ...tag, classes };
      // The state is in the attributes too: ProseMirror compares a node decoration by its attributes only.
      const attrs: Record<string, string> = { "data-label-change": change.id, "data-label-state": classes.join(" ") };
      decorations.push(Decoration.node(placed.nodePos, placed.nodePos + placed.node.nodeSize, attrs, spec));
      continue;
    }
    if (change.seam) {
      // A split's or join's seam: a pilcrow where the line break was added or taken out.
      const joined = change.seam === "join";
      const text = joined ? change.deleted : change.inserted;
      if (!text.includes("\n")) continue;
      decorations.push(widget(mapOffset(lines, from).pos, pilcrowWidget(change, style, joined), -1, tag));
      continue;
    }
    const crossesLines = change.inserted.includes("\n") || change.deleted.includes("\n");
    if (crossesLines) {
      for (const placed of lines) {
        if (change.inserted && placed.line.lineFrom >= from && placed.line.to <= to) {
          const attrs = markAttrs(change, "insert", style);
          attrs.class += " redline-insert-block";
          decorations.push(Decoration.node(placed.nodePos, placed.nodePos + placed.node.nodeSize, attrs, tag));
        }
      }
      if (change.deleted) {
        const at = mapOffset(lines, from);
        // A chapter's struck note shows where the note stood: after the contents, not inside them.
        const pos = place.kind === "chapter" && change.part === "history" ? chapterNotePosition(place, lines, at.index)
          : at.between || at.index < 0 ? at.pos : lines[at.index]!.nodePos + lines[at.index]!.node.nodeSize;
        decorations.push(widget(pos, deletedWidget(change, style, wholeParagraphs(change.deleted), false), 1, tag));
      }
      continue;
    }
    const start = mapOffset(lines, from);
    const end = mapOffset(lines, to);
    if (change.deleted) decorations.push(widget(start.pos, deletedWidget(change, style, null, needsSpacer(change)), -1, tag));
    if (change.inserted && end.pos > start.pos) {
      decorations.push(Decoration.inline(start.pos, end.pos, { nodeName: "ins", ...markAttrs(change, "insert", style) }, tag));
    }
  }
  return decorations;
}

/** The struck block for a section that the draft no longer has, at `pos` between sections. */
export function deletedUnitDecorations(entry: SectionRedline, pos: number, style: MarkStyle): Decoration[] {
  return entry.changes.filter((change) => change.deleted).map((change) =>
    widget(pos, deletedWidget(change, style, wholeParagraphs(change.deleted), false), 1, { changeId: change.id, unit: "deleted", deletedUnit: true }));
}
