/** The shared draft a page address names (`?shared=ID`, a 22-character draft id), or null. */
export function sharedDraftIdFromUrl(search: string): string | null {
  const id = new URLSearchParams(search).get("shared");
  return id && /^[A-Za-z0-9_-]{22}$/.test(id) ? id : null;
}
