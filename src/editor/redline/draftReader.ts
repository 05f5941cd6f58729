/**
 * Reads the draft model out of ProseMirror documents with structural sharing: a section node
 * that ProseMirror kept from one document to the next yields the very same Section value, so
 * the redline engine re-diffs only the sections a transaction touched.
 */
import type { Node as PMNode } from "prosemirror-model";
import { sameChapterNotes, type Chapter, type CodeTitle, type EditorNote, type OrdinanceDocument, type Section, type TocEntry } from "../../core/model/document";
import { tidyWords } from "../../core/model/lineText";
import { chapterNotesOfNode, sectionFromNode } from "../convert";
import { codeSchema } from "../schema";
import { forEachSection } from "../sectionGroups";

const { nodes } = codeSchema;

export class DraftReader {
  private readonly sections = new WeakMap<PMNode, Section>();
  private readonly tocs = new WeakMap<PMNode, readonly TocEntry[]>();
  private readonly noToc: readonly TocEntry[] = [];
  /** The notes last read per chapter id, handed out again while they read the same (few per chapter, compared by value). */
  private readonly notes = new Map<string, readonly EditorNote[]>();

  /** The model of `doc`; untouched sections are the same objects as in the previous read. */
  read(doc: PMNode): OrdinanceDocument {
    let title: CodeTitle | null = null;
    const chapters: Chapter[] = [];
    doc.forEach((child) => {
      if (child.type === nodes.code_title) title = { number: child.attrs.number as string, name: tidyWords(child.textContent) };
      else chapters.push(this.chapter(child));
    });
    return { title, chapters };
  }

  private chapter(node: PMNode): Chapter {
    let number = "";
    let title = "";
    let toc = this.noToc;
    node.forEach((child) => {
      if (child.type === nodes.chapter_heading) { number = child.attrs.number as string; title = tidyWords(child.textContent); }
      else if (child.type === nodes.toc) toc = this.toc(child);
    });
    const sections: Section[] = [];
    forEachSection(node, -1, (section) => { sections.push(this.section(section)); });
    const notes = this.chapterNotes(node);
    return { id: node.attrs.id as string, number, title, toc, ...(notes ? { notes } : {}), sections };
  }

  /** The chapter's notes (null for none), the same list as the last read while they are unchanged. */
  private chapterNotes(node: PMNode): readonly EditorNote[] | null {
    // Notes stand right after the heading and contents: look no further than the first section.
    const second = node.childCount > 1 ? node.child(1) : null;
    const third = node.childCount > 2 ? node.child(2) : null;
    if (second?.type !== nodes.editor_note && third?.type !== nodes.editor_note) {
      this.notes.delete(node.attrs.id as string);
      return null;
    }
    const read = chapterNotesOfNode(node);
    const id = node.attrs.id as string;
    const previous = this.notes.get(id);
    if (previous && sameChapterNotes({ notes: previous }, { notes: read })) return previous;
    this.notes.set(id, read);
    return read.length > 0 ? read : null;
  }

  private toc(node: PMNode): readonly TocEntry[] {
    let entries = this.tocs.get(node);
    if (!entries) {
      const list: TocEntry[] = [];
      node.forEach((entry) => list.push({ number: entry.attrs.number as string, catchline: tidyWords(entry.textContent) }));
      entries = list;
      this.tocs.set(node, entries);
    }
    return entries;
  }

  private section(node: PMNode): Section {
    let section = this.sections.get(node);
    if (!section) {
      section = sectionFromNode(node);
      this.sections.set(node, section);
    }
    return section;
  }
}
