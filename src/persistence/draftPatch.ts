/**
 * A draft expressed against an earlier saved draft (the checkpoint): the sections kept from it
 * are named by position, only the sections that differ are written out. Cheap to take and to
 * store while typing, whatever the size of the chapter: its size is that of the touched
 * sections plus a few numbers per run of kept ones.
 *
 * Guarantees: `applyPatch(checkpoint, makePatch(checkpoint, current))` equals `current`, also
 * after the patch has been through JSON or structured cloning. "Kept" means the very same
 * Section object (the editor's structural sharing); a section that is equal but not the same is
 * written out, which is correct, only larger. `applyPatch` refuses (returns null) a checkpoint
 * whose shape differs from the one the patch was taken against, rather than misplace sections.
 */
import type { AmendmentContent } from "../core/amendmentFile";
import type { Annotation } from "../core/annotations/annotation";
import type { Chapter, CodeTitle, EditorNote, OrdinanceDocument, Section, TocEntry } from "../core/model/document";
import type { SponsorRegistry } from "../core/sponsors/sponsors";

/** A value kept from the checkpoint, or a new one. */
export type Kept<T> = { readonly kept: true } | { readonly value: T };

/** Sections `from`…`from + count - 1` of the checkpoint's chapter `chapter` (the first numbered `first`), or new sections. */
export type SectionRun =
  | { readonly chapter: number; readonly from: number; readonly count: number; readonly first: string }
  | { readonly sections: readonly Section[] };

export interface ChapterPatch {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  /** The checkpoint chapter whose table of contents is kept, or new entries. */
  readonly toc: { readonly keptFrom: number } | { readonly entries: readonly TocEntry[] };
  /** The chapter's editor's notes, written out whole (a few lines); absent when it has none. */
  readonly notes?: readonly EditorNote[];
  readonly runs: readonly SectionRun[];
}

export interface DraftPatch {
  readonly name: string;
  /** How many sections each chapter of the checkpoint had: checked before applying. */
  readonly shape: readonly number[];
  readonly base: Kept<OrdinanceDocument>;
  readonly title: CodeTitle | null;
  readonly chapters: readonly ChapterPatch[];
  readonly sponsors: Kept<SponsorRegistry | null>;
  readonly annotations: Kept<readonly Annotation[]>;
  readonly exportSettings: Kept<unknown>;
  /** The renumbering log, written out whole (it is short); absent in journal entries written before it was kept: the checkpoint's. */
  readonly renumberings?: AmendmentContent["renumberings"];
  /** The text comment threads and the current user, written out whole; absent in entries written before they were kept: the checkpoint's. */
  readonly threads?: AmendmentContent["threads"];
  readonly currentUser?: AmendmentContent["currentUser"];
}

interface CheckpointIndex {
  readonly sections: Map<Section, readonly [number, number]>;
  readonly tocs: Map<readonly TocEntry[], number>;
}

const indexes = new WeakMap<OrdinanceDocument, CheckpointIndex>();

/** Where each section and table of contents of `draft` stands (built once per checkpoint). */
function indexOf(draft: OrdinanceDocument): CheckpointIndex {
  let index = indexes.get(draft);
  if (!index) {
    const sections = new Map<Section, readonly [number, number]>();
    const tocs = new Map<readonly TocEntry[], number>();
    draft.chapters.forEach((chapter, c) => {
      if (!tocs.has(chapter.toc)) tocs.set(chapter.toc, c);
      chapter.sections.forEach((section, s) => { if (!sections.has(section)) sections.set(section, [c, s]); });
    });
    index = { sections, tocs };
    indexes.set(draft, index);
  }
  return index;
}

function kept<T>(current: T, checkpoint: T): Kept<T> {
  return current === checkpoint ? { kept: true } : { value: current };
}

function chapterPatch(chapter: Chapter, index: CheckpointIndex): ChapterPatch {
  const runs: SectionRun[] = [];
  let run: { chapter: number; from: number; count: number; first: string } | { sections: Section[] } | null = null;
  for (const section of chapter.sections) {
    const place = index.sections.get(section);
    if (place) {
      const [c, s] = place;
      if (run && "count" in run && run.chapter === c && run.from + run.count === s) run.count++;
      else { run = { chapter: c, from: s, count: 1, first: section.number }; runs.push(run); }
    } else if (run && "sections" in run) {
      run.sections.push(section);
    } else {
      run = { sections: [section] };
      runs.push(run);
    }
  }
  const keptToc = index.tocs.get(chapter.toc);
  return { id: chapter.id, number: chapter.number, title: chapter.title, toc: keptToc === undefined ? { entries: chapter.toc } : { keptFrom: keptToc }, ...(chapter.notes ? { notes: chapter.notes } : {}), runs };
}

/** `current` as a patch against `checkpoint`. Costs one step per section of `current`. */
export function makePatch(checkpoint: AmendmentContent, current: AmendmentContent): DraftPatch {
  const index = indexOf(checkpoint.draft);
  return {
    name: current.name,
    shape: checkpoint.draft.chapters.map((chapter) => chapter.sections.length),
    base: kept(current.base, checkpoint.base),
    title: current.draft.title,
    chapters: current.draft.chapters.map((chapter) => chapterPatch(chapter, index)),
    sponsors: kept(current.sponsors, checkpoint.sponsors),
    annotations: kept(current.annotations, checkpoint.annotations),
    exportSettings: kept(current.exportSettings, checkpoint.exportSettings),
    ...(current.renumberings ? { renumberings: current.renumberings } : {}),
    ...(current.threads ? { threads: current.threads } : {}),
    ...(current.currentUser !== undefined ? { currentUser: current.currentUser } : {}),
  };
}

function value<T>(patch: Kept<T>, checkpoint: T): T {
  return "value" in patch ? patch.value : checkpoint;
}

/** The content `patch` describes, rebuilt on `checkpoint`; null when it was taken against another shape. */
export function applyPatch(checkpoint: AmendmentContent, patch: DraftPatch): AmendmentContent | null {
  const chapters = checkpoint.draft.chapters;
  if (patch.shape.length !== chapters.length || patch.shape.some((count, c) => chapters[c]!.sections.length !== count)) return null;
  const rebuilt: Chapter[] = [];
  for (const chapter of patch.chapters) {
    const sections: Section[] = [];
    for (const run of chapter.runs) {
      if ("sections" in run) { sections.push(...run.sections); continue; }
      const source = chapters[run.chapter]?.sections;
      if (!source || run.from + run.count > source.length || source[run.from]!.number !== run.first) return null;
      for (let s = run.from; s < run.from + run.count; s++) sections.push(source[s]!);
    }
    const toc = "entries" in chapter.toc ? chapter.toc.entries : chapters[chapter.toc.keptFrom]?.toc;
    if (!toc) return null;
    rebuilt.push({ id: chapter.id, number: chapter.number, title: chapter.title, toc, ...(chapter.notes ? { notes: chapter.notes } : {}), sections });
  }
  const renumberings = patch.renumberings ?? checkpoint.renumberings;
  const threads = patch.threads ?? checkpoint.threads;
  const currentUser = patch.currentUser !== undefined ? patch.currentUser : checkpoint.currentUser;
  return {
    name: patch.name,
    base: value(patch.base, checkpoint.base),
    draft: { title: patch.title, chapters: rebuilt },
    sponsors: value(patch.sponsors, checkpoint.sponsors),
    annotations: value(patch.annotations, checkpoint.annotations),
    exportSettings: value(patch.exportSettings, checkpoint.exportSettings),
    ...(renumberings ? { renumberings } : {}),
    ...(threads ? { threads } : {}),
    ...(currentUser !== undefined ? { currentUser } : {}),
  };
}
