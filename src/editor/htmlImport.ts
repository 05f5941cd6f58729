/**
 * Pasted or dropped HTML → plain Code text, through the ProseMirror schema: only the schema's
 * nodes survive (paragraphs and headings, as text), everything else — scripts, styles, event
 * handlers, images — is dropped. The HTML is parsed into an inert document first, so nothing in
 * it runs or loads.
 */
import { DOMParser as SchemaParser, type Node as PMNode } from "prosemirror-model";
import { codeSchema } from "./schema";

const parser = SchemaParser.fromSchema(codeSchema);

/** The text of `html`, one line per block, as the importer reads it. */
export function textFromHtml(html: string): string {
  const inert = new DOMParser().parseFromString(html, "text/html");
  const slice = parser.parseSlice(inert.body, { preserveWhitespace: false });
  const lines: string[] = [];
  slice.content.descendants((node: PMNode) => {
    if (!node.isTextblock) return true;
    const enumerator = node.type === codeSchema.nodes.paragraph ? (node.attrs.enumerator as string | null) : null;
    lines.push(`${enumerator ? `${enumerator} ` : ""}${node.textContent}`);
    return false;
  });
  return lines.join("\n\n");
}
