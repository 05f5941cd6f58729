/**
 * Reads a .docx the way an independent client would: unzip with jszip, parse
 * word/document.xml with happy-dom's DOMParser, and collect each paragraph's runs with their
 * strike, single underline, bold and revision (w:ins / w:del with author). happy-dom finds
 * nothing with getElementsByTagNameNS in XML, so the tree is walked through `children`.
 */
import { Window } from "happy-dom";
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export interface ReadRun {
  readonly text: string;
  readonly struck: boolean;
  readonly underlined: boolean;
  readonly bold: boolean;
  readonly revision: { readonly kind: "insert" | "delete"; readonly author: string; readonly date: string } | null;
}

export interface ReadParagraph {
  readonly runs: readonly ReadRun[];
  readonly text: string;
}

export interface ReadDocx {
  readonly paragraphs: readonly ReadParagraph[];
  /** The raw XML of word/document.xml, for checks on settings such as page size. */
  readonly documentXml: string;
  readonly stylesXml: string;
  readonly footerXml: string;
}

function wChildren(element: Element, localName: string): Element[] {
  return [...element.children].filter((child) => child.localName === localName && (child.namespaceURI === W || child.namespaceURI === null));
}

function wChild(element: Element, localName: string): Element | undefined {
  return wChildren(element, localName)[0];
}

function isOn(element: Element | undefined): boolean {
  if (!element) return false;
  const value = element.getAttribute("w:val");
  return value === null || value === "true" || value === "1" || value === "on";
}

function readRun(run: Element, revision: ReadRun["revision"]): ReadRun {
  const properties = wChild(run, "rPr");
  const underline = properties ? wChild(properties, "u") : undefined;
  let text = "";
  for (const child of run.children) {
    if (child.localName === "t" || child.localName === "delText") text += child.textContent ?? "";
    else if (child.localName === "tab") text += "\t";
  }
  return {
    text,
    struck: properties ? isOn(wChild(properties, "strike")) : false,
    underlined: underline?.getAttribute("w:val") === "single",
    bold: properties ? isOn(wChild(properties, "b")) : false,
    revision,
  };
}

function readParagraph(paragraph: Element): ReadParagraph {
  const runs: ReadRun[] = [];
  for (const child of paragraph.children) {
    if (child.localName === "r") runs.push(readRun(child, null));
    else if (child.localName === "ins" || child.localName === "del") {
      const revision = { kind: child.localName === "ins" ? "insert" as const : "delete" as const, author: child.getAttribute("w:author") ?? "", date: child.getAttribute("w:date") ?? "" };
      for (const run of wChildren(child, "r")) runs.push(readRun(run, revision));
    }
  }
  return { runs, text: runs.map((run) => run.text).join("") };
}

/** The paragraphs of a .docx body, in order, with their runs. */
export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file("word/document.xml")!.async("string");
  const stylesXml = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
  const footerXml = (await Promise.all(footerNames.map((name) => zip.file(name)!.async("string")))).join("\n");
  const window = new Window();
  const xml = new window.DOMParser().parseFromString(documentXml, "application/xml") as unknown as Document;
  const body = wChild(xml.documentElement, "body");
  if (!body) throw new Error("word/document.xml has no w:body");
  const paragraphs = wChildren(body, "p").map(readParagraph);
  await window.happyDOM.close();
  return { paragraphs, documentXml, stylesXml, footerXml };
}

/** Words of a text, whitespace collapsed. */
export function words(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The struck text, one passage per run of struck runs, whitespace collapsed and joined by " ". */
export function struckText(doc: ReadDocx): string {
  return words(doc.paragraphs.flatMap((paragraph) => paragraph.runs.filter((run) => run.struck || run.revision?.kind === "delete").map((run) => run.text)).join(" "));
}

/** The underscored text, likewise. */
export function underscoredText(doc: ReadDocx): string {
  return words(doc.paragraphs.flatMap((paragraph) => paragraph.runs.filter((run) => run.underlined || run.revision?.kind === "insert").map((run) => run.text)).join(" "));
}

/** A paragraph written with [-struck-] and {+underscored+} marks, like the text export. */
export function markedText(paragraph: ReadParagraph): string {
  return paragraph.runs.map((run) => (run.struck ? `[-${run.text}-]` : run.underlined ? `{+${run.text}+}` : run.text)).join("");
}
