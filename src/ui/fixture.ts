/**
 * The bundled demonstration chapter. It is a rendering of Chapter 2-173 in the project's own
 * words, not the official Code; the app says so wherever it is shown.
 */
import baseText from "../../fixtures/welcoming-city/base.txt?raw";
import amendedText from "../../fixtures/welcoming-city/amended.txt?raw";
import sponsorsJson from "../../fixtures/welcoming-city/sponsors.json";
import { parseCodeText } from "../core/importer/parseCodeText";
import { parseSponsors, type SponsorRegistry } from "../core/sponsors/sponsors";
import type { OrdinanceDocument } from "../core/model/document";

/** The demonstration base chapter (the 2017 form). */
export function demonstrationBase(): OrdinanceDocument {
  return parseCodeText(baseText).document;
}

/** The demonstration amendment as a full amended text. */
export function demonstrationAmendment(): OrdinanceDocument {
  return parseCodeText(amendedText).document;
}

/** The demonstration sponsors: the 2017 amendment's aldermen and the drafting organisation. */
export function demonstrationSponsors(): SponsorRegistry {
  return parseSponsors(sponsorsJson);
}
