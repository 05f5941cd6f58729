/**
 * Checks on a section once read, for what a site may have dropped without a trace in the
 * structure: enumerators stripped from a list, a history note's closing parenthesis. They only
 * warn; the words are kept as they were pasted.
 */
import type { ImportWarning } from "./parseCodeText";
import type { PendingBlock } from "./unnumberedLevels";

const LIST_ITEM_END = /;(?:\s+(?:and|or|and\/or))?$/;
const OWN_SUBSECTION = /\b(?:subsection|paragraph|item|clause)s? \([a-z0-9]{1,4}\)/i;

/** Warnings about the section `number` (heading on input line `line`) and its blocks. */
export function sectionWarnings(number: string, line: number, pending: readonly PendingBlock[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const paragraphs = pending.flatMap(({ block }) => (block.kind === "paragraph" ? [block] : []));
  if (paragraphs.length >= 4 && paragraphs.every((paragraph) => paragraph.enumerator === null)) {
    const items = paragraphs.filter((paragraph) => LIST_ITEM_END.test(paragraph.text)).length;
    const leadIns = paragraphs.filter((paragraph) => paragraph.text.endsWith(":")).length;
    const cites = paragraphs.some((paragraph) => OWN_SUBSECTION.test(paragraph.text));
    if ((items >= 2 && leadIns >= 1) || (cites && items + leadIns >= 2)) {
      const evidence = [`${leadIns} lead-in${leadIns === 1 ? "" : "s"} ending ":"`, `${items} item${items === 1 ? "" : "s"} ending ";"`, ...(cites ? ["citations of its own subsections"] : [])].join(", ");
      warnings.push({
        line,
        text: number,
        reason: `section ${number} has ${paragraphs.length} paragraphs and no enumerators, but reads as a list (${evidence}): were its enumerators (a), (1)… dropped by the site? Compare it with the official text`,
      });
    }
  }
  for (const entry of pending) {
    if (entry.block.kind === "history" && !entry.block.text.trimEnd().endsWith(")")) {
      warnings.push({ line: entry.line ?? line, text: entry.block.text, reason: `the history note of section ${number} has no closing parenthesis: was its end cut off?` });
    }
  }
  // A section's history note ends it: text after one is most often the next section's, its heading left out in copying.
  const history = pending.findIndex(({ block }) => block.kind === "history");
  if (history >= 0 && pending.slice(history + 1).some(({ block }) => block.kind === "paragraph")) {
    const note = pending[history]!;
    warnings.push({
      line: note.line ?? line, text: note.block.text,
      reason: `section ${number} goes on after its history note: is a section heading missing after this line? The text below it is filed under ${number}`,
    });
  }
  return warnings;
}
