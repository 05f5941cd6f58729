/**
 * Pasted HTML of a redline (a browser's view of one, a Word web view) → paragraphs of marked
 * runs for the core (`readMarkedParagraphs`). Struck: `<s>`, `<strike>`, `<del>` or
 * `text-decoration(-line): line-through`; underlined: `<u>`, `<ins>` or `underline`, written
 * inline or in a class given by the paste's own `<style>` rules. The HTML is parsed into an
 * inert document (nothing in it runs or loads); scripts, styles, templates and hidden parts
 * are never read; the walk is iterative, so nesting depth costs no stack.
 */
import type { MarkedRun } from "../core/wordImport";

/** Pastes longer than this many characters are refused (a clipboard of a whole title is well under it). */
export const MAX_HTML_LENGTH = 20_000_000;

/** A paste that is not read (too long). */
export class HtmlPasteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HtmlPasteError";
  }
}

/** Deepest element nesting read; Chromium's own HTML parser takes time quadratic in the depth (30 s at 100,000). */
export const MAX_HTML_DEPTH = 3_000;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"]);
/** Elements whose end tag may be left out (a later tag closes them): never counted as nesting. */
const OPTIONAL_END = new Set(["p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body"]);

/**
 * An upper estimate of the HTML's element nesting, by one linear scan of its tags (before the
 * browser parses it): open tags less close tags, void, self-closed and optionally closed ones aside.
 */
export function nestingEstimate(html: string): number {
  let depth = 0;
  let deepest = 0;
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[2]!.toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || match[3] === "/") continue;
    if (match[1] === "/") depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

const SKIPPED = new Set(["script", "style", "template", "noscript", "head", "title", "meta", "link", "iframe", "object", "embed", "svg", "math", "select", "button", "textarea"]);
const BLOCKS = new Set(["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr", "table", "tbody", "thead", "pre", "dd", "dt", "dl", "header", "footer", "main", "nav", "aside", "center", "address", "hr"]);
const STRUCK_TAGS = new Set(["s", "strike", "del"]);
const UNDERLINED_TAGS = new Set(["u", "ins"]);

interface Marks { readonly struck: boolean; readonly underlined: boolean }

/** Decorations from a CSS declaration block: which of line-through / underline it sets, or removes ("none"). */
function declared(style: string): Partial<Record<keyof Marks, boolean>> {
  const result: Partial<Record<keyof Marks, boolean>> = {};
  const pattern = /text-decoration(?:-line)?\s*:\s*([^;]*)/gi;
  for (let match = pattern.exec(style); match; match = pattern.exec(style)) {
    const value = match[1]!.toLowerCase();
    if (/\bnone\b/.test(value)) { result.struck = false; result.underlined = false; }
    if (value.includes("line-through")) result.struck = true;
    if (value.includes("underline")) result.underlined = true;
  }
  return result;
}

/** Class name → decorations, from the paste's `<style>` rules of the simple forms `.c`, `tag.c`, `.a, .b`. */
function classRules(doc: Document): Map<string, Partial<Record<keyof Marks, boolean>>> {
  const rules = new Map<string, Partial<Record<keyof Marks, boolean>>>();
  for (const style of styleElements(doc)) {
    const css = (style.textContent ?? "").slice(0, 1_000_000).replace(/\/\*[^]*?\*\//g, "");
    const rule = /([^{}]+)\{([^{}]*)\}/g;
    for (let match = rule.exec(css); match; match = rule.exec(css)) {
      const marks = declared(match[2]!);
      if (marks.struck === undefined && marks.underlined === undefined) continue;
      for (const selector of match[1]!.split(",")) {
        const name = /^\s*[a-z0-9]*\.([\w-]+)\s*$/i.exec(selector)?.[1];
        if (name) rules.set(name, { ...rules.get(name), ...marks });
      }
    }
  }
  return rules;
}

/** The document's style elements, found by an iterative walk (a selector query may recurse over deep nesting). */
function styleElements(doc: Document): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [doc.documentElement];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== 1) continue;
    if ((node as Element).localName.toLowerCase() === "style") { found.push(node as Element); continue; }
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return found;
}

function isHidden(element: Element): boolean {
  const style = element.getAttribute("style") ?? "";
  return element.hasAttribute("hidden") || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * The paragraphs of marked runs in `html`, one per block element or line break, in reading
 * order. Throws HtmlPasteError for a paste over MAX_HTML_LENGTH characters or nested deeper than
 * MAX_HTML_DEPTH (estimated before parsing).
 */
export function markedRunsFromHtml(html: string): MarkedRun[][] {
  if (html.length > MAX_HTML_LENGTH) throw new HtmlPasteError(`The pasted HTML is too long (${html.length} characters; the limit is ${MAX_HTML_LENGTH}).`);
  const depth = nestingEstimate(html);
  if (depth > MAX_HTML_DEPTH) throw new HtmlPasteError(`The pasted HTML nests its elements ${depth.toLocaleString("en-US")} deep; no text needs more than ${MAX_HTML_DEPTH.toLocaleString("en-US")}, so it was not read.`);
  const doc = new DOMParser().parseFromString(html, "text/html");
  const rules = classRules(doc);
  const paragraphs: MarkedRun[][] = [];
  let current: MarkedRun[] = [];
  const breakParagraph = () => {
    if (current.some((run) => run.text.trim() !== "")) paragraphs.push(current);
    current = [];
  };
  // An explicit stack: a node to enter with the marks it inherits, or a marker to close a block.
  const stack: Array<{ node: Node; marks: Marks } | "end-block"> = [{ node: doc.body, marks: { struck: false, underlined: false } }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === "end-block") { breakParagraph(); continue; }
    const { node, marks } = item;
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? "").replace(/[\s\u00a0]+/g, (space) => (space.includes("\u00a0") ? "\u00a0" : " "));
      if (text !== "") current.push({ text, struck: marks.struck, underlined: marks.underlined });
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (SKIPPED.has(tag) || isHidden(element)) continue;
    if (tag === "br") { breakParagraph(); continue; }
    let next: Marks = { struck: marks.struck || STRUCK_TAGS.has(tag), underlined: marks.underlined || UNDERLINED_TAGS.has(tag) };
    for (const name of Array.from(element.classList)) {
      const rule = rules.get(name);
      if (rule) next = { struck: rule.struck ?? next.struck, underlined: rule.underlined ?? next.underlined };
    }
    const inline = declared(element.getAttribute("style") ?? "");
    next = { struck: inline.struck ?? next.struck, underlined: inline.underlined ?? next.underlined };
    const block = BLOCKS.has(tag) || /^t[dh]$/.test(tag);
    if (block) { breakParagraph(); stack.push("end-block"); }
    const children = element.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, marks: next });
  }
  breakParagraph();
  return paragraphs.map((runs) => trimRuns(runs));
}

/** The paragraph's runs with its leading and trailing spaces removed (the importer cleans the rest). */
function trimRuns(runs: MarkedRun[]): MarkedRun[] {
  const result = runs.map((run) => ({ ...run, text: run.text.replace(/\u00a0/g, " ") }));
  while (result.length > 0 && result[0]!.text.trim() === "") result.shift();
  while (result.length > 0 && result[result.length - 1]!.text.trim() === "") result.pop();
  if (result.length > 0) {
    result[0] = { ...result[0]!, text: result[0]!.text.replace(/^\s+/, "") };
    const last = result.length - 1;
    result[last] = { ...result[last]!, text: result[last]!.text.replace(/\s+$/, "") };
  }
  return result;
}
