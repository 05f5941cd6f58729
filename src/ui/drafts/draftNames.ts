/** Names for drafts kept side by side. */

/**
 * `name` if no draft in `taken` has it, otherwise the first of "name (2)", "name (3)", … that
 * none has: a draft kept beside another of the same name is never given that same name.
 */
export function freeDraftName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!used.has(candidate)) return candidate;
  }
}
