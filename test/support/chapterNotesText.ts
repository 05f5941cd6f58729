/**
 * A chapter page with editor's notes, written for this project in the shape of the online
 * Code's pages (site lines, a starred chapter title, contents, the footnote wrapped, a policy
 * list whose items end "; and"); none of it is copied from them.
 */
/** The chapter's note as the model keeps it (no star, one line). */
export const CHAPTER_NOTE = "Editor's note – Coun. J. 11-16-11, p. 14396, Art. III, § 1, renumbered former chapter 1-4 of this Code as chapter 2-4.";

/** A chapter page as it is copied: site lines, a starred title, contents, the footnote wrapped, lists ending "; and". */
export const NOTED_PAGE = [
  "Skip to code content (skip section selection)",
  "Codes Library > Illinois > Chicago > Title 2",
  "Share",
  "Print",
  "CHAPTER 2-4 CODE ADOPTION – ORGANIZATION*",
  "",
  "2-4-010 Title of Code.",
  "2-4-020 Declaration of policy.",
  "2-4-030 Parts of the Code.",
  "",
  "* Editor's note – Coun. J. 11-16-11, p. 14396, Art. III, § 1, renumbered former chapter 1-4",
  "of this Code as chapter 2-4.",
  "",
  "2-4-010 Title of Code.",
  "",
  "This Code shall be known and cited as the Municipal Code of the City.",
  "",
  "(Added Coun. J. 11-16-11, p. 14396, Art. III, § 1)",
  "",
  "2-4-020 Declaration of policy.",
  "",
  "The City Council declares:",
  "That the Code is to be read as one body of law; and",
  "That each part of it has the force of an ordinance of the City.",
  "",
  "(Added Coun. J. 11-16-11, p. 14396, Art. III, § 1)",
  "",
  "2-4-030 Parts of the Code.",
  "",
  "    (a) The Code is divided into titles, chapters and sections; and",
  "",
  "    (b) Each section is cited by its number alone.",
  "",
  "(Added Coun. J. 11-16-11, p. 14396, Art. III, § 1)",
  "",
  "* Editor's note – Coun. J. 5-4-15, p. 2210, § 2, corrected a cross-reference in subsection (b).",
  "",
].join("\n");
