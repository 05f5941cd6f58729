/**
 * Conversions between the core model and ProseMirror documents of `codeSchema`. Both ways are
 * lossless for documents the importer produces: `toModel(toProseMirror(doc))` equals `doc`.
 *
 * The model read from the editor is what the draft's canonical text says, so that saving and
 * reopening give back the same model: words are taken in their tidy form (single-spaced,
 * trimmed, straight quotes; see core/model/lineText, whose `wordsColumn` maps the redline's
 * offsets back to the typed text), and a paragraph or history note with no words and no
 * enumerator — an empty line just made with Enter — is no block of the model (no line of the
 * text), as `isWordless` tells.
 */
import type { CommentAuthor, TextThread } from "../core/annotations/comments";
import type { Node as PMNode } from "prosemirror-model";
import {
  chapterNotes,
  type Block, type Chapter, type CodeTitle, type EditorNote, type OrdinanceDocument, type Section, type TocEntry,
} from "../core/model/document";
import type { Annotation } from "../core/annotations/annotation";
import type { Suggestion } from "../core/sharedDraft";
import { tidyWords } from "../core/model/lineText";
import type { SponsorRegistry } from "../core/sponsors/sponsors";
import { codeSchema } from "./schema";
import { forEachSection, groupSections } from "./sectionGroups";

const { nodes } = codeSchema;

function textContent(text: string): PMNode[] {
  return text ? [codeSchema.text(text)] : [];
}

/** Document attributes stored alongside the text (see the schema's doc node). */
export interface DocAttrs {
  readonly annotations?: readonly Annotation[];
  readonly sponsors?: SponsorRegistry | null;
  /** Export settings of the amending ordinance, as validated JSON (null: the defaults). */
  readonly exportSettings?: unknown;
  /** Comment threads on draft words that are not changes. */
  readonly threads?: readonly TextThread[];
  /** Who writes comments in this draft. */
  readonly currentUser?: CommentAuthor | null;
  /** Reviewers' suggestions (shared drafts only). */
  readonly suggestions?: readonly Suggestion[];
}

/** Builds the ProseMirror document for a model document, with optional annotations and sponsors. */
export function toProseMirror(doc: OrdinanceDocument, attrs: DocAttrs = {}): PMNode {
  const children: PMNode[] = [];
  if (doc.title) children.push(nodes.code_title.create({ number: doc.title.number }, textContent(doc.title.name)));
  for (const chapter of doc.chapters) children.push(chapterNode(chapter));
  return nodes.doc.create(docAttributes(attrs), children);
}

/** The document node's attributes for `attrs`, each at its default where absent. */
export function docAttributes(attrs: DocAttrs = {}): Record<string, unknown> {
  return { annotations: attrs.annotations ?? [], sponsors: attrs.sponsors ?? null, exportSettings: attrs.exportSettings ?? null, threads: attrs.threads ?? [], suggestions: attrs.suggestions ?? [], currentUser: attrs.currentUser ?? null };
}

function chapterNode(chapter: Chapter): PMNode {
  const parts: PMNode[] = [nodes.chapter_heading.create({ number: chapter.number }, textContent(chapter.title))];
  if (chapter.toc.length > 0) {
    parts.push(nodes.toc.create(null, chapter.toc.map((entry) => nodes.toc_entry.create({ number: entry.number }, textContent(entry.catchline)))));
  }
  for (const note of chapterNotes(chapter)) parts.push(blockNode(note));
  // The sections go in groups (sectionGroups.ts), which the model read back does not show.
  parts.push(...groupSections(chapter.sections.map(sectionNode)));
  return nodes.chapter.create({ id: chapter.id }, parts);
}

/** The `section` node for a model section. */
export function sectionNode(section: Section): PMNode {
  const heading = nodes.section_heading.create({ number: section.number }, textContent(section.catchline));
  return nodes.section.create({ id: section.id }, [heading, ...section.blocks.map(blockNode)]);
}

/** The `paragraph`, `history_note` or `editor_note` node for a model block. */
export function blockNode(block: Block): PMNode {
  if (block.kind === "history") return nodes.history_note.create({ id: block.id }, textContent(block.text));
  if (block.kind === "note") return nodes.editor_note.create({ id: block.id }, textContent(block.text));
  return nodes.paragraph.create({ id: block.id, enumerator: block.enumerator, level: block.level }, textContent(block.text));
}

/** Reads the model document back out of a ProseMirror document of `codeSchema`. */
export function toModel(pmDoc: PMNode): OrdinanceDocument {
  let title: CodeTitle | null = null;
  const chapters: Chapter[] = [];
  pmDoc.forEach((child) => {
    if (child.type === nodes.code_title) title = { number: child.attrs.number as string, name: tidyWords(child.textContent) };
    else chapters.push(chapterFromNode(child));
  });
  return { title, chapters };
}

function chapterFromNode(node: PMNode): Chapter {
  let number = "";
  let title = "";
  let toc: TocEntry[] = [];
  node.forEach((child) => {
    if (child.type === nodes.chapter_heading) {
      number = child.attrs.number as string;
      title = tidyWords(child.textContent);
    } else if (child.type === nodes.toc) {
      toc = [];
      child.forEach((entry) => toc.push({ number: entry.attrs.number as string, catchline: tidyWords(entry.textContent) }));
    }
  });
  const notes = chapterNotesOfNode(node);
  const sections: Section[] = [];
  forEachSection(node, -1, (section) => { sections.push(sectionFromNode(section)); });
  return { id: node.attrs.id as string, number, title, toc, ...(notes.length > 0 ? { notes } : {}), sections };
}

/**
 * The editor's notes of a `chapter` node (its `editor_note` children), as the model's chapter
 * notes; a note emptied of words is none, as for a section's blocks.
 */
export function chapterNotesOfNode(node: PMNode): EditorNote[] {
  const notes: EditorNote[] = [];
  for (let index = 0; index < node.childCount; index++) {
    const child = node.child(index);
    if (child.type === nodes.section || child.type === nodes.section_group) break;
    if (child.type === nodes.editor_note && !isWordless(child)) notes.push({ kind: "note", id: child.attrs.id as string, text: tidyWords(child.textContent) });
  }
  return notes;
}

/** The model section for one `section` node. */
export function sectionFromNode(node: PMNode): Section {
  const heading = node.firstChild!;
  const blocks: Block[] = [];
  node.forEach((child, _offset, index) => {
    if (index === 0 || isWordless(child)) return;
    blocks.push(blockFromNode(child));
  });
  return { id: node.attrs.id as string, number: heading.attrs.number as string, catchline: tidyWords(heading.textContent), blocks };
}

/**
 * True for a paragraph or history note that is no block of the model: no enumerator and no
 * words (only spaces at most). The canonical text has no line for it.
 */
export function isWordless(node: PMNode): boolean {
  if (node.type !== nodes.paragraph && node.type !== nodes.history_note && node.type !== nodes.editor_note) return false;
  if (node.type === nodes.paragraph && node.attrs.enumerator) return false;
  return tidyWords(node.textContent) === "";
}

/** The model block for one `paragraph` or `history_note` node (words in their tidy form). */
export function blockFromNode(node: PMNode): Block {
  if (node.type === nodes.history_note) return { kind: "history", id: node.attrs.id as string, text: tidyWords(node.textContent) };
  if (node.type === nodes.editor_note) return { kind: "note", id: node.attrs.id as string, text: tidyWords(node.textContent) };
  const { id, enumerator, level } = node.attrs as { id: string; enumerator: string | null; level: number };
  return { kind: "paragraph", id, enumerator, level, text: tidyWords(node.textContent) };
}
