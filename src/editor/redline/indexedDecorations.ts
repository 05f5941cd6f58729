/**
 * A decoration set whose lookup of one child's decorations is a binary search. ProseMirror asks
 * a node's decorations for each of its children in turn while it redraws it; DecorationSet
 * answers by scanning its children from the first, so a chapter of n sections costs n²/2 steps
 * on every keystroke (about a millisecond at 1,300 sections). This wrapper gives the same
 * answers: it only finds the child's set faster, and hands every other question to the set.
 *
 * It reads two fields DecorationSet keeps (`children`: offset, end and set of each decorated
 * child, by offset; `local`: the node's own decorations), checked at run time: a set without
 * them is passed through unwrapped, so a change of ProseMirror's internals costs speed only.
 */
import type { Node as PMNode } from "prosemirror-model";
import type { Mapping } from "prosemirror-transform";
import { Decoration, DecorationSet, type DecorationSource } from "prosemirror-view";

/** What DecorationSet keeps inside and what ProseMirror's drawing calls on a source. */
interface SetInternals {
  readonly children: ReadonlyArray<number | DecorationSet>;
  readonly local: readonly Decoration[];
  locals(node: PMNode): readonly Decoration[];
  localsInner(node: PMNode): readonly Decoration[];
  eq(other: unknown): boolean;
}

const wrappers = new WeakMap<DecorationSet, IndexedDecorations>();

function internals(set: DecorationSet): SetInternals | null {
  const inner = set as unknown as Partial<SetInternals>;
  return Array.isArray(inner.children) && Array.isArray(inner.local) && typeof inner.locals === "function" && typeof inner.localsInner === "function" ? (inner as SetInternals) : null;
}

/**
 * Whether a decoration may be an inline one (the only kind a parent hands down to a child,
 * cut to it); one that does not say (ProseMirror's internals changed) counts as inline.
 */
function mayBeInline(decoration: Decoration): boolean {
  return (decoration as unknown as { inline?: unknown }).inline !== false;
}

/**
 * `set` with a fast child lookup (the same wrapper for the same set, so ProseMirror's equality
 * check between redraws stays an identity check), or `set` itself when it cannot be wrapped.
 */
export function indexedDecorations(set: DecorationSet): DecorationSource {
  if (set === DecorationSet.empty) return set;
  const known = wrappers.get(set);
  if (known) return known;
  const inner = internals(set);
  if (!inner) return set;
  const wrapper = new IndexedDecorations(set, inner);
  wrappers.set(set, wrapper);
  return wrapper;
}

class IndexedDecorations implements DecorationSource {
  /** ProseMirror's group of sources flattens members it does not know through this. */
  readonly members: readonly DecorationSource[] = [this];
  /** Whether some decoration of this node spans text (then a child's answer is the set's own). */
  private readonly inlineLocals: boolean;

  constructor(readonly set: DecorationSet, private readonly inner: SetInternals) {
    this.inlineLocals = inner.local.some(mayBeInline);
  }

  map(mapping: Mapping, node: PMNode, options?: object): DecorationSource {
    const mapped = (this.set.map as (mapping: Mapping, node: PMNode, options?: object) => DecorationSet)(mapping, node, options);
    return indexedDecorations(mapped);
  }

  forChild(offset: number, child: PMNode): DecorationSource {
    if (child.isLeaf) return DecorationSet.empty;
    if (this.inlineLocals) {
      const answer = this.set.forChild(offset, child);
      return answer instanceof DecorationSet ? indexedDecorations(answer) : answer;
    }
    // children: [offset, end, set, offset, end, set, …] in order of offset.
    const children = this.inner.children;
    let low = 0;
    let high = children.length / 3;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((children[middle * 3] as number) < offset) low = middle + 1;
      else high = middle;
    }
    if (low * 3 < children.length && children[low * 3] === offset) return indexedDecorations(children[low * 3 + 2] as DecorationSet);
    return DecorationSet.empty;
  }

  forEachSet(f: (set: DecorationSet) => void): void {
    f(this.set);
  }

  /** Equal to another wrapper of an equal set (what DecorationSet.eq says). */
  eq(other: unknown): boolean {
    return other === this || (other instanceof IndexedDecorations && this.inner.eq(other.set));
  }

  locals(node: PMNode): readonly Decoration[] {
    return this.inner.locals(node);
  }

  localsInner(node: PMNode): readonly Decoration[] {
    return this.inner.localsInner(node);
  }
}
