/**
 * The Code's order for what a redline shows between two paired sections: base-only items
 * (deleted, moved away) and draft-only items (inserted, moved here) merged by their section
 * numbers, each side keeping its own order; on a tie the base item comes first.
 */
import { compareSectionNumbers } from "../numbers";

/** `struck` and `inserted` merged by `numberOf` (each list already in its own reading order). */
export function mergeInCodeOrder<S, I>(struck: readonly S[], inserted: readonly I[], numberOfStruck: (item: S) => string, numberOfInserted: (item: I) => string): Array<S | I> {
  const merged: Array<S | I> = [];
  let x = 0;
  let y = 0;
  while (x < struck.length || y < inserted.length) {
    const strikeFirst = y >= inserted.length || (x < struck.length && compareSectionNumbers(numberOfStruck(struck[x]!), numberOfInserted(inserted[y]!)) <= 0);
    merged.push(strikeFirst ? struck[x++]! : inserted[y++]!);
  }
  return merged;
}
