/**
 * The XML parser the command line gives the Word importer: @xmldom/xmldom, which reads no DTD
 * and fetches no external entity. A malformed part is an error the importer reports as a
 * damaged file, never a parse that quietly drops text.
 */
import { DOMParser } from "@xmldom/xmldom";
import type { ParseXml, XmlElementLike } from "../core/wordImport";

/** Raised for a part that is not well-formed XML. */
export class MalformedXmlError extends Error {}

/** Parses one XML part of a .docx and returns its root element. */
export const parseXmlPart: ParseXml = (xml) => {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new MalformedXmlError(`not well-formed XML (${message.split("\n")[0]})`);
    },
  });
  const root = parser.parseFromString(xml, "application/xml").documentElement;
  if (!root) throw new MalformedXmlError("an XML part has no root element");
  return root as unknown as XmlElementLike;
};
