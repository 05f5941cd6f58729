/**
 * Subsections by their labels: the labels that lead to a paragraph ((a)(2) → ["a", "2"]), the
 * paragraph a path of labels names, and which base paragraph became which draft paragraph as
 * the redline paired them.
 */
import type { Section } from "../model/document";
import type { Change } from "../redline";

const labelCache = new WeakMap<Section, ReadonlyMap<string, readonly string[]>>();

function labelOf(enumerator: string | null): string | null {
  return enumerator === null ? null : enumerator.replace(/^\(|\)$/g, "");
}

/**
 * For each paragraph of the section, its labels and its ancestors', outermost first: a
 * paragraph's ancestors are the nearest enumerated paragraphs before it at lower levels. An
 * unlabelled paragraph carries its ancestors' labels only. Cached per section value.
 */
export function ancestorLabels(section: Section): ReadonlyMap<string, readonly string[]> {
  const cached = labelCache.get(section);
  if (cached) return cached;
  const result = new Map<string, readonly string[]>();
  const stack: Array<{ level: number; label: string }> = [];
  for (const block of section.blocks) {
    if (block.kind !== "paragraph") continue;
    const label = labelOf(block.enumerator);
    while (stack.length && stack[stack.length - 1]!.level >= block.level) stack.pop();
    if (label === null) {
      result.set(block.id, stack.map((each) => each.label));
      continue;
    }
    stack.push({ level: block.level, label });
    result.set(block.id, stack.map((each) => each.label));
  }
  labelCache.set(section, result);
  return result;
}

/** Index of the paragraph that `path` names in the section (["a", "2"]: (2) under (a)), or null. An empty path names no paragraph. */
export function resolvePath(section: Section, path: readonly string[]): number | null {
  if (path.length === 0) return null;
  let from = 0;
  let to = section.blocks.length;
  let found: number | null = null;
  for (const label of path) {
    let level = Infinity;
    for (let i = from; i < to; i++) {
      const block = section.blocks[i]!;
      if (block.kind === "paragraph" && block.enumerator !== null) level = Math.min(level, block.level);
    }
    found = null;
    for (let i = from; i < to; i++) {
      const block = section.blocks[i]!;
      if (block.kind === "paragraph" && block.level === level && labelOf(block.enumerator) === label) {
        found = i;
        break;
      }
    }
    if (found === null) return null;
    const own = section.blocks[found]!;
    let end = found + 1;
    while (end < to) {
      const next = section.blocks[end]!;
      if (next.kind !== "paragraph" || next.level <= (own.kind === "paragraph" ? own.level : 0)) break;
      end++;
    }
    from = found + 1;
    to = end;
  }
  return found;
}

/**
 * Which draft paragraph each base paragraph of a paired section became, as the redline's
 * changes of that pair say: a base paragraph a change deletes with no draft paragraph maps to
 * null, a draft paragraph a change inserts with no base paragraph has no base, and the rest pair
 * in order (the redline keeps paragraphs in order within a section).
 */
export function pairParagraphs(sectionA: Section, sectionB: Section, changes: readonly Change[]): ReadonlyMap<string, string | null> {
  const deleted = new Set<string>();
  const inserted = new Set<string>();
  const paired = new Map<string, string>();
  for (const change of changes) {
    if (change.blockIdA !== undefined && change.blockIdB === undefined && change.kind === "delete") deleted.add(change.blockIdA);
    if (change.blockIdB !== undefined && change.blockIdA === undefined && change.kind === "insert") inserted.add(change.blockIdB);
    if (change.blockIdA !== undefined && change.blockIdB !== undefined) paired.set(change.blockIdA, change.blockIdB);
  }
  const result = new Map<string, string | null>();
  const draftIds = sectionB.blocks.map((block) => block.id).filter((id) => !inserted.has(id));
  let next = 0;
  for (const block of sectionA.blocks) {
    if (deleted.has(block.id)) {
      result.set(block.id, null);
      continue;
    }
    const known = paired.get(block.id);
    if (known !== undefined) {
      const at = draftIds.indexOf(known, next);
      if (at >= 0) next = at + 1;
      result.set(block.id, known);
      continue;
    }
    result.set(block.id, draftIds[next] ?? null);
    next++;
  }
  return result;
}

/** The labels that lead to the paragraph at `index` in the section (its ancestors' and its own). */
export function pathOf(section: Section, index: number): readonly string[] {
  return ancestorLabels(section).get(section.blocks[index]!.id) ?? [];
}
