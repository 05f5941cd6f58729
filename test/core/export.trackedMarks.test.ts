/**
 * The tracked .docx marks the paragraph mark of every wholly inserted or wholly deleted
 * paragraph (w:pPr/w:rPr/w:ins or w:del), as Word's Compare does, and of no other paragraph.
 * Read from the file's XML: a paragraph's mark revision must agree with the revisions around
 * its text, on the fixture and on generated chapters with random edits.
 */
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { DEFAULT_EXPORT_SETTINGS, renderOrdinance } from "../../src/core/export";
import { syncDocumentContents } from "../../src/core/model/contents";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { generateDocument } from "../../src/core/samples/generateChapter";
import { childElements, isW, wChild, type XmlElementLike } from "../../src/core/wordImport/xml";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { parseXml } from "../support/wordFiles";

type Kind = "ins" | "del" | "plain";

/** Each paragraph's mark revision, and the revision kinds around its worded runs. */
async function paragraphs(base: OrdinanceDocument, draft: OrdinanceDocument): Promise<Array<{ mark: Kind; words: Set<Kind>; author: string | null }>> {
  const bytes = await renderOrdinance({ base, draft, format: "tracked-docx", settings: DEFAULT_EXPORT_SETTINGS, revisionDate: "2026-03-01T00:00:00Z" }) as Uint8Array;
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const body = wChild(parseXml(xml), "body")!;
  return childElements(body).filter((element) => isW(element, "p")).map((paragraph: XmlElementLike) => {
    const markProperties = wChild(paragraph, "pPr") && wChild(wChild(paragraph, "pPr")!, "rPr");
    const markRevision = markProperties ? wChild(markProperties, "ins") ?? wChild(markProperties, "del") : undefined;
    const words = new Set<Kind>();
    for (const child of childElements(paragraph)) {
      const kind: Kind = isW(child, "ins") ? "ins" : isW(child, "del") ? "del" : "plain";
      if (isW(child, "r") || kind !== "plain") if ((child.textContent ?? "").trim() !== "") words.add(kind);
    }
    return { mark: markRevision ? (markRevision.localName as Kind) : "plain", words, author: markRevision ? markRevision.getAttribute("w:author") : null };
  });
}

describe("paragraph marks in the tracked .docx", () => {
  it("carry the revision exactly when every word of the paragraph is inserted or every word deleted", async () => {
    const cases: Array<[OrdinanceDocument, OrdinanceDocument]> = [[fixtureBase(), fixtureAmended()]];
    for (const seed of [2, 5, 9, 13]) {
      const base = generateDocument(seed, 4000);
      cases.push([base, syncDocumentContents(randomlyEdited(base, seed * 11, 6), base).document]);
    }
    let marked = 0;
    for (const [base, draft] of cases) {
      for (const paragraph of await paragraphs(base, draft)) {
        const whole: Kind = paragraph.words.size === 1 && !paragraph.words.has("plain") ? [...paragraph.words][0]! : "plain";
        expect(paragraph.mark).toBe(whole);
        if (paragraph.mark !== "plain") { marked++; expect(paragraph.author).toBe("Ordinance Redline"); }
      }
    }
    expect(marked).toBeGreaterThan(10);
  });
});
