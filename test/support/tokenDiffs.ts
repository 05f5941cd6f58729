/** Random token sequences and hunk application, for the token diff's tests. */
import type { DiffHunk } from "../../src/core/redline/linearDiff";
import type { Random } from "../../src/core/samples/random";

/** `length` tokens drawn from w0 … w(alphabet − 1). */
export function randomTokens(random: Random, length: number, alphabet: number): string[] {
  return Array.from({ length }, () => `w${random.int(0, alphabet - 1)}`);
}

/** B made from A by random deletions, replacements and insertions, each at a third of `rate`. */
export function randomEdit(random: Random, a: readonly string[], rate: number, alphabet: number): string[] {
  const b: string[] = [];
  for (const token of a) {
    const roll = random.next();
    if (roll < rate / 3) continue;
    if (roll < (2 * rate) / 3) b.push(`w${random.int(0, alphabet - 1)}`);
    else if (roll < rate) b.push(token, `w${random.int(0, alphabet - 1)}`);
    else b.push(token);
  }
  return b;
}

/** A with each hunk's A tokens replaced by its B tokens (the hunks in order). */
export function applyHunks(a: readonly string[], b: readonly string[], hunks: readonly DiffHunk[]): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const hunk of hunks) {
    out.push(...a.slice(pos, hunk.fromA), ...b.slice(hunk.fromB, hunk.toB));
    pos = hunk.toA;
  }
  return [...out, ...a.slice(pos)];
}
