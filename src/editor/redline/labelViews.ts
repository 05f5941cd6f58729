/**
 * Node views for nodes whose label is an attribute — a paragraph's enumerator, a section
 * heading's number. They render like the schema's toDOM, and when a label decoration is
 * present they show the base label struck and the draft label underlined, a space between:
 * "[-(c)-] {+(d)+}" (the struck label and its space in one element, hidden with the struck words).
 */
import type { Node as PMNode } from "prosemirror-model";
import type { Decoration, EditorView, NodeView } from "prosemirror-view";
import type { LabelSpec } from "./decorations";

function labelChange(decorations: readonly Decoration[]): LabelSpec | null {
  for (const decoration of decorations) {
    const spec = decoration.spec as Partial<LabelSpec>;
    if (spec.oldLabel !== undefined && spec.changeId) return spec as LabelSpec;
  }
  return null;
}

/** Fills `target` with the label, or the old label struck and the new one underlined. */
function renderLabel(target: HTMLElement, label: string, change: LabelSpec | null): void {
  if (!change) {
    // Setting the text replaces whatever the label showed before.
    if (target.textContent !== label || target.childNodes.length > 1) target.textContent = label;
    return;
  }
  target.replaceChildren();
  const del = document.createElement("del");
  const classes = change.classes ?? [];
  del.className = classes.filter((name) => name !== "redline-agreed").join(" ");
  del.textContent = change.oldLabel;
  del.dataset.change = "delete";
  del.dataset.changeId = change.changeId;
  const ins = document.createElement("ins");
  ins.className = classes.join(" ");
  ins.textContent = label;
  ins.dataset.change = "insert";
  ins.dataset.changeId = change.changeId;
  // One space between the struck and the underscored label, as in a printed redline: "(f) (g)";
  // it goes with the struck label where the struck words are hidden (Simple and No markup),
  // as an inline replacement's does.
  const struck = document.createElement("span");
  struck.className = "redline-replaced";
  struck.append(del, document.createTextNode(" "));
  target.append(struck, ins);
}

const skeletons = new Map<"paragraph" | "heading", HTMLElement>();

/**
 * The element a view of `kind` starts from: the label (not editable) and the words' element,
 * with a space between them in a heading; its classes are those render gives.
 */
function skeleton(kind: "paragraph" | "heading"): HTMLElement {
  let element = skeletons.get(kind);
  if (!element) {
    element = document.createElement(kind === "paragraph" ? "p" : "h3");
    const label = document.createElement("span");
    label.contentEditable = "false";
    label.className = kind === "paragraph" ? "enumerator" : "section-number";
    const words = document.createElement("span");
    words.className = kind === "paragraph" ? "words" : "catchline";
    element.append(label, ...(kind === "heading" ? [document.createTextNode(" ")] : []), words);
    skeletons.set(kind, element);
  }
  return element;
}

class LabelledView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly label: HTMLElement;
  /** The classes this view put on `dom`; the rest (a decoration's, say) are not ours to touch. */
  private ownClasses: readonly string[] = [];
  /** What the view shows now (the node's attributes and its label change), to skip a render that changes nothing. */
  private shown = "";

  constructor(private node: PMNode, decorations: readonly Decoration[], private readonly kind: "paragraph" | "heading") {
    // A chapter opening builds thousands of these: one clone of a prepared element each.
    this.dom = skeleton(kind).cloneNode(true) as HTMLElement;
    this.label = this.dom.firstChild as HTMLElement;
    this.contentDOM = this.dom.lastChild as HTMLElement;
    this.render(node, decorations);
  }

  /**
   * Sets this view's own classes on `dom`, leaving every other class in place: ProseMirror
   * adds a node decoration's classes to the same element (an inserted paragraph's
   * "redline-insert-block") and re-adds them only when the decoration changes.
   */
  private setOwnClasses(classes: readonly string[]): void {
    if (this.ownClasses.length === 0 && this.dom.className === "") {
      // A new view (a chapter opening builds thousands): one write.
      this.dom.className = classes.join(" ");
    } else {
      for (const name of this.ownClasses) if (!classes.includes(name)) this.dom.classList.remove(name);
      for (const name of classes) this.dom.classList.add(name);
    }
    this.ownClasses = classes;
  }

  private render(node: PMNode, decorations: readonly Decoration[]): void {
    const change = labelChange(decorations);
    const heading = this.kind === "heading";
    const { id, enumerator, level, number } = node.attrs as { id?: string; enumerator?: string | null; level?: number; number?: string };
    // Typing re-renders the typed paragraph's view: when its label reads the same, touch
    // nothing, so the browser has no layout to redo for it.
    const shown = `${heading ? number : `${id}\u0000${enumerator}\u0000${level}`}\u0000${change ? `${change.oldLabel}\u0000${change.changeId}\u0000${(change.classes ?? []).join(" ")}` : ""}`;
    if (shown === this.shown) return;
    this.shown = shown;
    if (heading) {
      this.setOwnClasses(["section-heading"]);
      this.dom.setAttribute("data-number", number!);
      this.dom.id = `sec-${number}`;
      renderLabel(this.label, number!, change);
      return;
    }
    this.setOwnClasses(["code-paragraph", `level-${level}`]);
    this.dom.setAttribute("data-id", id!);
    this.dom.setAttribute("data-level", String(level));
    this.dom.setAttribute("data-enumerator", enumerator ?? "");
    // The indentation comes with the level's class (styles.css): 2em a level.
    this.label.hidden = !enumerator && !change;
    renderLabel(this.label, enumerator ?? "", change);
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render(node, decorations);
    return true;
  }

  ignoreMutation(mutation: MutationRecord | { type: "selection"; target: Node }): boolean {
    return mutation.type !== "selection" && !this.contentDOM.contains(mutation.target);
  }
}

/** Node views to pass to an EditorView (or a plugin's nodeViews prop). */
export const labelNodeViews = {
  paragraph: (node: PMNode, _view: EditorView, _getPos: () => number | undefined, decorations: readonly Decoration[]) => new LabelledView(node, decorations, "paragraph"),
  section_heading: (node: PMNode, _view: EditorView, _getPos: () => number | undefined, decorations: readonly Decoration[]) => new LabelledView(node, decorations, "heading"),
};
