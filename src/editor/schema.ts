/**
 * The ProseMirror schema of a Code document. Nodes mirror the core model one for one:
 * doc → code_title? chapter+; chapter → chapter_heading toc? editor_note* section+; section →
 * section_heading block+. Section numbers and enumerators are attributes shown as
 * non-editable labels: a drafter edits words, and renumbering is a deliberate command.
 *
 * One node has no counterpart in the model: `section_group`, an invisible run of consecutive
 * sections of a chapter (sectionGroups.ts), so that a long chapter's page has a few groups
 * to lay out, paint and redraw instead of a thousand sections. A chapter's sections
 * stand in groups or directly in the chapter; the model reads them in order either way.
 */
import { Schema, type DOMOutputSpec, type Node as PMNode } from "prosemirror-model";
import { estimatedBoxStyle, estimatedGroupHeight, estimatedSectionHeight } from "./sectionBoxes";

const paragraphIndentEm = 2;

export const codeSchema = new Schema({
  nodes: {
    // The document carries the sponsor registry and the annotations as attributes, so that
    // editing them is a step like any other: undone and redone with the text, in one history.
    // Text comment threads and the current user ("You are…") are kept the same way.
    doc: { content: "code_title? chapter+", attrs: { annotations: { default: [] }, sponsors: { default: null }, exportSettings: { default: null }, threads: { default: [] }, suggestions: { default: [] }, currentUser: { default: null } } },
    text: { group: "inline" },
    code_title: {
      attrs: { number: { default: "" } },
      content: "text*",
      defining: true,
      parseDOM: [{ tag: "h1.code-title", getAttrs: (dom) => ({ number: (dom as HTMLElement).dataset.number ?? "" }), contentElement: ".title-name" }],
      toDOM: (node) => ["h1", { class: "code-title", "data-number": node.attrs.number }, ["span", { class: "label", contenteditable: "false" }, `TITLE ${node.attrs.number}`], ["span", { class: "title-name" }, 0]],
    },
    chapter: {
      attrs: { id: { default: "" } },
      // A chapter's own editor's notes stand after its contents, before its first section.
      content: "chapter_heading toc? editor_note* (section | section_group)+",
      isolating: true,
      parseDOM: [{ tag: "article.chapter", getAttrs: (dom) => readData(dom, ["id"]) }],
      toDOM: (node) => ["article", { class: "chapter", "data-id": node.attrs.id }, 0],
    },
    chapter_heading: {
      attrs: { number: { default: "" } },
      content: "text*",
      defining: true,
      parseDOM: [{ tag: "h2.chapter-heading", getAttrs: (dom) => readData(dom, ["number"]), contentElement: ".chapter-title" }],
      toDOM: (node) => ["h2", { class: "chapter-heading", "data-number": node.attrs.number }, ["span", { class: "label", contenteditable: "false" }, `CHAPTER ${node.attrs.number}`], ["span", { class: "chapter-title" }, 0]],
    },
    // The contents are derived from the section headings (plugins/contentsSync.ts), so they
    // are shown but not editable: a drafter edits the heading and its contents line follows.
    toc: {
      content: "toc_entry+",
      parseDOM: [{ tag: "div.toc" }],
      toDOM: () => ["div", { class: "toc", "aria-label": "Table of contents", contenteditable: "false" }, 0],
    },
    toc_entry: {
      attrs: { number: { default: "" } },
      content: "text*",
      defining: true,
      parseDOM: [{ tag: "p.toc-entry", getAttrs: (dom) => readData(dom, ["number"]), contentElement: ".catchline" }],
      toDOM: (node) => ["p", { class: "toc-entry", "data-number": node.attrs.number }, ["span", { class: "section-number", contenteditable: "false" }, node.attrs.number], ["span", { class: "catchline" }, 0]],
    },
    // Holds no words of its own. May be empty (all its sections repealed), so that no edit has
    // to make a section up and an undo has the group to put a section back into.
    section_group: {
      content: "section*",
      parseDOM: [{ tag: "div.section-group" }],
      toDOM: (node) => ["div", { class: "section-group", ...estimatedBoxStyle(estimatedGroupHeight(node)) }, 0],
    },
    section: {
      attrs: { id: { default: "" } },
      content: "section_heading (paragraph | history_note | editor_note)+",
      isolating: true,
      parseDOM: [{ tag: "section.code-section", getAttrs: (dom) => readData(dom, ["id"]) }],
      toDOM: (node) => ["section", { class: "code-section", "data-id": node.attrs.id, ...estimatedBoxStyle(estimatedSectionHeight(node)) }, 0],
    },
    section_heading: {
      attrs: { number: { default: "" } },
      content: "text*",
      defining: true,
      parseDOM: [{ tag: "h3.section-heading", getAttrs: (dom) => readData(dom, ["number"]), contentElement: ".catchline" }],
      toDOM: (node) => ["h3", { class: "section-heading", "data-number": node.attrs.number, id: `sec-${node.attrs.number}` }, ["span", { class: "section-number", contenteditable: "false" }, node.attrs.number], " ", ["span", { class: "catchline" }, 0]],
    },
    paragraph: {
      attrs: { id: { default: "" }, enumerator: { default: null }, level: { default: 0 } },
      content: "text*",
      parseDOM: [{
        tag: "p",
        getAttrs: (dom) => {
          const element = dom as HTMLElement;
          const level = Number(element.dataset.level ?? 0);
          return { id: "", enumerator: element.dataset.enumerator || null, level: Number.isInteger(level) && level >= 0 && level <= 8 ? level : 0 };
        },
        contentElement: (dom) => (dom as HTMLElement).querySelector(".words") ?? dom,
      }],
      toDOM: paragraphDOM,
    },
    history_note: {
      attrs: { id: { default: "" } },
      content: "text*",
      parseDOM: [{ tag: "p.history-note", priority: 60 }],
      toDOM: (node) => ["p", { class: "history-note", "data-id": node.attrs.id }, 0],
    },
    // An editor's note of the Code: shown small like a history note, never reprinted.
    editor_note: {
      attrs: { id: { default: "" } },
      content: "text*",
      parseDOM: [{ tag: "p.editor-note", priority: 60 }],
      toDOM: (node) => ["p", { class: "editor-note", "data-id": node.attrs.id }, 0],
    },
  },
  marks: {},
});

function paragraphDOM(node: PMNode): DOMOutputSpec {
  const { id, enumerator, level } = node.attrs as { id: string; enumerator: string | null; level: number };
  const attrs = {
    class: `code-paragraph level-${level}`,
    "data-id": id,
    "data-level": String(level),
    "data-enumerator": enumerator ?? "",
    style: `margin-left: ${level * paragraphIndentEm}em`,
  };
  if (!enumerator) return ["p", attrs, ["span", { class: "words" }, 0]];
  return ["p", attrs, ["span", { class: "enumerator", contenteditable: "false" }, enumerator], ["span", { class: "words" }, 0]];
}

function readData(dom: HTMLElement | string, keys: string[]): Record<string, string> {
  const element = dom as HTMLElement;
  return Object.fromEntries(keys.map((key) => [key, element.dataset[key] ?? ""]));
}
