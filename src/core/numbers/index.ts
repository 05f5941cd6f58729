/** Code numbers (titles, chapters, sections) and the number assistant: the public surface. */
export {
  CHAPTER_NUMBER_SOURCE, DATE_SOURCE, SECTION_NUMBER_SOURCE, TITLE_NUMBER_SOURCE,
  chapterOfSection, compareChapterNumbers, compareSectionNumbers, formatSectionNumber, isSectionNumber,
  parseChapterNumber, parseSectionNumber, readsAsDate, sameSectionNumber, sectionSerial, titleOfNumber,
  type ChapterNumber, type SectionNumber,
} from "./sectionNumbers";
export { checkSectionNumber, proposeSectionNumber, type NumberCheck, type NumberGap, type NumberProposal } from "./proposeNumber";
