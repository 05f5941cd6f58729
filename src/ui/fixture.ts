/**
 * The bundled demonstration chapter. It is a rendering of Chapter 2-173 in the project's own
 * words, not the official Code; the app says so wherever it is shown.
 */
import baseText from "../../fixtures/welcoming-city/base.txt?raw";
import amendedText from "../../fixtures/welcoming-city/amended.txt?raw";
import { parseCodeText } from "../core/importer/parseCodeText";
import type { OrdinanceDocument } from "../core/model/document";

/** The demonstration base chapter (the 2017 form). */
export function demonstrationBase(): OrdinanceDocument {
  return parseCodeText(baseText).document;
}

/** The demonstration amendment as a full amended text. */
export function demonstrationAmendment(): OrdinanceDocument {
  return parseCodeText(amendedText).document;
}
