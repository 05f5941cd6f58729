/**
 * The amending ordinance, in the form the City Clerk receives: title, recitals, enacting
 * clause, one SECTION per amended unit (a chapter, or a Code section, as the settings choose)
 * with the matching formula, the changed passages only (omitted-text lines for the rest), the
 * effective-date SECTION, the lead sponsor's signature block and the co-sponsors.
 *
 * Guarantees: marks come only from the redline of base → draft; every deleted word that the
 * ordinance reprints is struck and every inserted word underscored, each exactly once, in
 * order; a mark never spans two blocks; history notes are never reprinted; whole repealed
 * units are repealed by formula (sections in section grouping, chapters always), everything
 * else is reprinted with its marks; a section moved into another chapter is reprinted once, at
 * its new place, labelled at both ends (in section grouping, by one moving formula); a reprinted contents line reads as its section's heading
 * (the draft's contents are brought in step first, see core/model/contents).
 */
import { withoutEmptyItems } from "../model/outline";
import { syncDocumentContents } from "../model/contents";
import type { OrdinanceDocument } from "../model/document";
import { compare } from "../redline";
import type { Redline } from "../redline/types";
import { describePerson, findPerson, NO_SPONSORS, type SponsorRegistry } from "../sponsors/sponsors";
import { plainBlock, type ExportBlock, type ExportDocument } from "./exportDocument";
import { mergedLines } from "./mergedLines";
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from "./settings";
import { amendedSectionItems, chapterHeadItems, collapseOmitted, lineBlock, underscoredSectionItems, OMITTED, wholeSectionItems, type Item } from "./unitBlocks";
import { chapterAmended, chapterHeadAmended, groupUnits, sectionAmended, type ChapterUnit, type SectionUnit } from "./units";
import * as wording from "./wording";

export interface OrdinanceInput {
  readonly base: OrdinanceDocument;
  readonly draft: OrdinanceDocument;
  readonly sponsors?: SponsorRegistry;
  readonly settings?: ExportSettings;
  /** compare(base, draft), when the caller already has it. */
  readonly redline?: Redline;
}

/** One amending SECTION before numbering: its formula (or repeal) and what it reprints. */
interface AmendingSection {
  /** The formula for the given marks; a repeal ignores them. */
  readonly formula: (marks: wording.MarkKinds) => string;
  readonly body: readonly ExportBlock[];
}

function markKinds(blocks: readonly ExportBlock[]): wording.MarkKinds {
  const runs = blocks.flatMap((block) => block.runs);
  return { deletes: runs.some((run) => run.style === "struck"), inserts: runs.some((run) => run.style === "underscored") };
}

function chapterNumberOf(unit: ChapterUnit): string {
  return (unit.chapterB ?? unit.chapterA)!.number;
}

/** A chapter present on one side only: repealed, or inserted and reprinted whole (underscored). */
function wholeChapterSection(unit: ChapterUnit, omitted: string): AmendingSection {
  const number = chapterNumberOf(unit);
  if (unit.presence === "deleted") return { formula: () => wording.repealFormula(`Chapter ${number}`), body: [] };
  const items: Item[] = [lineBlock(unit.heading), ...unit.toc.map((line) => lineBlock(line)), ...unit.sections.flatMap(underscoredSectionItems)];
  return { formula: () => wording.insertChapterFormula(number), body: collapseOmitted(items, omitted) };
}

/** Chapter grouping: the whole chapter in one SECTION, untouched parts as omitted-text lines. */
function chapterSection(unit: ChapterUnit, settings: ExportSettings, omitted: string, reenacted: Reenacted): AmendingSection {
  const items: Item[] = chapterHeadItems(unit);
  for (const section of unit.sections) {
    if (!sectionAmended(section)) items.push(OMITTED);
    else if (reenacted(section)) items.push(...underscoredSectionItems(section));
    else if (section.presence === "both") items.push(...amendedSectionItems(section));
    else items.push(...wholeSectionItems(section, true));
  }
  const subject = `Chapter ${chapterNumberOf(unit)}`;
  return { formula: (marks) => wording.amendFormula(subject, marks, settings), body: collapseOmitted(items, omitted) };
}

/** Section grouping: one SECTION for the chapter head when it changed, then one per amended section. */
function perSectionSections(unit: ChapterUnit, settings: ExportSettings, omitted: string, reenacted: Reenacted, intoNewChapter: ReadonlySet<string>): AmendingSection[] {
  const chapterNumber = chapterNumberOf(unit);
  const sections: AmendingSection[] = [];
  if (chapterHeadAmended(unit)) {
    const body = collapseOmitted([...chapterHeadItems(unit), OMITTED], omitted);
    sections.push({ formula: (marks) => wording.amendFormula(`Chapter ${chapterNumber}`, marks, settings), body });
  }
  for (const section of unit.sections.filter(sectionAmended)) {
    // A section moved out to another chapter is spoken of by the SECTION that reprints it there,
    // unless that is a new chapter's: then this SECTION repeals it here.
    if (section.presence === "deleted" && section.move && !intoNewChapter.has(section.move.otherSection)) continue;
    sections.push(sectionSection(section, chapterNumber, settings, omitted, reenacted));
  }
  return sections;
}

function sectionSection(section: SectionUnit, chapterNumber: string, settings: ExportSettings, omitted: string, reenacted: Reenacted): AmendingSection {
  if (reenacted(section)) {
    return { formula: () => wording.insertSectionFormula(chapterNumber, section.sectionB!.number), body: collapseOmitted(underscoredSectionItems(section), omitted) };
  }
  if (section.presence === "both" && section.move) {
    const { sectionA, sectionB } = section;
    return { formula: (marks) => wording.moveFormula(sectionA!.number, chapterNumber, sectionB!.number, marks, settings), body: collapseOmitted(amendedSectionItems(section), omitted) };
  }
  if (section.presence === "deleted") {
    return { formula: () => wording.repealFormula(`Section ${section.sectionA!.number}`), body: [] };
  }
  if (section.presence === "inserted") {
    return { formula: () => wording.insertSectionFormula(chapterNumber, section.sectionB!.number), body: collapseOmitted(wholeSectionItems(section, false), omitted) };
  }
  const subject = `Section ${section.sectionA!.number}`;
  return { formula: (marks) => wording.amendFormula(subject, marks, settings), body: collapseOmitted(amendedSectionItems(section), omitted) };
}

/** Whether a section is printed as new text though the redline shows it moved (see reenactedMoves). */
type Reenacted = (section: SectionUnit) => boolean;

/**
 * The sections moved out of a chapter the ordinance repeals whole: the repeal takes their old
 * text with it, so the ordinance enacts them afresh at their new place, every word underscored
 * (labelled with where they came from), rather than amending a section it has just repealed.
 */
function reenactedMoves(units: readonly ChapterUnit[]): Reenacted {
  const repealed = new Set(units.filter((unit) => unit.presence === "deleted").flatMap((unit) => unit.chapterA!.sections.map((section) => section.number)));
  return (section) => section.presence === "both" && section.move?.role === "destination" && repealed.has(section.move.otherSection);
}

function amendingSections(units: readonly ChapterUnit[], settings: ExportSettings): AmendingSection[] {
  const omitted = wording.omittedTextLine(settings);
  const reenacted = reenactedMoves(units);
  const intoNewChapter = new Set(units.filter((unit) => unit.presence === "inserted").flatMap((unit) => unit.chapterB!.sections.map((section) => section.number)));
  return units.filter(chapterAmended).flatMap((unit) => {
    if (unit.presence !== "both") return [wholeChapterSection(unit, omitted)];
    return settings.grouping === "chapter" ? [chapterSection(unit, settings, omitted, reenacted)] : perSectionSections(unit, settings, omitted, reenacted, intoNewChapter);
  });
}

/** "SECTION n." in bold, then the sentence. */
function labelledBlock(kind: "section-formula" | "effective-date", number: number, sentence: string): ExportBlock {
  return { kind, level: 0, runs: [{ text: wording.sectionLabel(number), style: "plain", bold: true }, { text: ` ${sentence}`, style: "plain" }] };
}

function openingBlocks(settings: ExportSettings): ExportBlock[] {
  return [
    plainBlock("title", settings.title, { bold: true }),
    ...settings.recitals.map((body, index) => plainBlock("recital", wording.recitalText(body, index === settings.recitals.length - 1))),
    plainBlock("enacting", wording.ENACTING_CLAUSE),
  ];
}

function closingBlocks(sponsors: SponsorRegistry): ExportBlock[] {
  const lead = sponsors.leadSponsorId ? findPerson(sponsors, sponsors.leadSponsorId) ?? null : null;
  const blocks: ExportBlock[] = [plainBlock("signature-line", wording.SIGNATURE_LINE)];
  if (lead) blocks.push(plainBlock("signature-name", lead.name));
  blocks.push(plainBlock("signature-office", wording.aldermanOffice(lead)));
  const coSponsors = sponsors.coSponsorIds.map((id) => findPerson(sponsors, id)).filter((person) => person !== undefined);
  if (coSponsors.length > 0) {
    blocks.push(plainBlock("sponsors-heading", wording.CO_SPONSORS_HEADING));
    blocks.push(...coSponsors.map((person) => plainBlock("sponsor", describePerson(person))));
  }
  return blocks;
}

/** The amending ordinance as an export document (see the module comment for its guarantees). */
export function buildOrdinance(input: OrdinanceInput): ExportDocument {
  const settings = input.settings ?? DEFAULT_EXPORT_SETTINGS;
  // The contents reprinted are those the draft's headings call for, whatever contents the
  // draft carried; a given redline is used only when it is of that same draft.
  // An item opened and never written is not printed as a bare enumerator (withoutEmptyItems).
  const draft = syncDocumentContents(withoutEmptyItems(input.draft), input.base).document;
  const redline = (draft === input.draft ? input.redline : undefined) ?? compare(input.base, draft);
  const units = groupUnits(mergedLines(input.base, draft, redline));
  const blocks: ExportBlock[] = openingBlocks(settings);
  const sections = amendingSections(units, settings);
  sections.forEach((section, index) => {
    blocks.push(labelledBlock("section-formula", index + 1, section.formula(markKinds(section.body))));
    blocks.push(...section.body);
  });
  blocks.push(labelledBlock("effective-date", sections.length + 1, wording.effectiveDateSentence(settings.effectiveDate)));
  blocks.push(...closingBlocks(input.sponsors ?? NO_SPONSORS));
  return { blocks };
}

/** How many SECTIONs of the ordinance amend or repeal Code text (0 when the draft changes nothing). */
export function amendingSectionCount(exported: ExportDocument): number {
  return exported.blocks.filter((block) => block.kind === "section-formula").length;
}
