/**
 * The shape of a shared draft's Y document, which the editor, the app and the server all read:
 * the draft text in an XML fragment, and Y maps for what is kept with it (one entry per
 * annotation and per thread; sponsors and export settings in one settings map).
 */

/** The XML fragment holding the draft text (y-prosemirror). */
export const DRAFT_FRAGMENT = "draft";

/** The Y maps: entries keyed by id; settings keyed "sponsors" and "exportSettings". */
export const SHARED_MAPS = { annotations: "annotations", threads: "threads", suggestions: "suggestions", settings: "settings", authorship: "authorship" } as const;

/** The list maps, whose entries a reviewer may add to through the server. */
export type SharedListMap = "annotations" | "threads" | "suggestions";

/** One entry of a list map: its value and where it stands in the list. */
export interface SharedEntry {
  readonly order: number;
  readonly value: unknown;
}

/** A change of one entry of a list map, as a read-only client sends it to the server. */
export interface EntryChange {
  readonly map: SharedListMap;
  readonly id: string;
  /** The new value, or null to remove the entry. */
  readonly value: unknown;
}
