/**
 * The little of an XML DOM that reading a .docx needs, declared structurally so that a DOM
 * Element (browser DOMParser, happy-dom) satisfies it without the core depending on DOM types.
 * Helpers walk `children` and compare `localName`/`namespaceURI`, which works in every DOM
 * (happy-dom's getElementsByTagNameNS finds nothing in XML documents).
 */

/** An XML element as the .docx reader uses it. A DOM `Element` satisfies this interface. */
export interface XmlElementLike {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly children: ArrayLike<XmlElementLike>;
  readonly textContent: string | null;
  getAttribute(qualifiedName: string): string | null;
  getAttributeNS(namespace: string | null, localName: string): string | null;
}

/** Parses an XML string and returns its root element (e.g. a parsed XML document's root). */
export type ParseXml = (xml: string) => XmlElementLike;

/** The WordprocessingML main namespace. */
export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** Whether the element is `w:<localName>` (a missing namespace is tolerated). */
export function isW(element: XmlElementLike, localName: string): boolean {
  return element.localName === localName && (element.namespaceURI === W_NS || element.namespaceURI === null);
}

/** The element's children as an array. */
export function childElements(element: XmlElementLike): XmlElementLike[] {
  return Array.from(element.children);
}

/** The first child `w:<localName>`, or undefined. */
export function wChild(element: XmlElementLike, localName: string): XmlElementLike | undefined {
  return childElements(element).find((child) => isW(child, localName));
}

/** A `w:`-namespaced attribute, read by namespace and, failing that, by its usual prefixed name. */
export function wAttribute(element: XmlElementLike, localName: string): string | null {
  return element.getAttributeNS(W_NS, localName) ?? element.getAttribute(`w:${localName}`);
}

/** The first descendant (depth first, document order) with this local name, or undefined; walked without recursion. */
export function findDescendant(element: XmlElementLike, localName: string): XmlElementLike | undefined {
  const stack = childElements(element).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.localName === localName) return next;
    const children = next.children;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return undefined;
}
