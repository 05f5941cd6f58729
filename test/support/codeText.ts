/** Small canonical Code texts for structural tests, written for this project. */

export const PURPOSE = "The purpose of this chapter is to set out how the City and its agents treat the citizenship and immigration status of persons who live in, work in or visit the City.";
export const DISCLOSE = "No agent or agency shall disclose information about the citizenship or immigration status of any person unless the disclosure is required by law or has been authorized in writing by the person.";
export const DETAIN = "No agent or agency shall arrest, detain or continue to detain a person solely on the basis of an immigration detainer or of an administrative warrant entered into a federal database.";
export const HISTORY = "(Added Coun. J. 3-29-06, p. 74325, § 1)";

/** A chapter's canonical text from [number, catchline, body] triples, contents included. */
export function chapterText(sections: ReadonlyArray<readonly [string, string, string]>, heading = "CHAPTER 2-173 WELCOMING CITY ORDINANCE"): string {
  const toc = sections.map(([number, catchline]) => `${number} ${catchline}`).join("\n");
  const bodies = sections.map(([number, catchline, body]) => `${number} ${catchline}\n\n${body}\n\n${HISTORY}`).join("\n\n");
  return `${heading}\n\n${toc}\n\n${bodies}\n`;
}
