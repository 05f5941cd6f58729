/**
 * Word's styles (word/styles.xml) as the reader needs them: whether a run is struck or
 * underscored once its character style, its paragraph's style (each through its w:basedOn
 * chain) and the document defaults are taken into account; and the list numbering and
 * indentation a paragraph style gives. The nearest setting wins: direct formatting, then the
 * character style chain, then the paragraph style chain, then the defaults.
 */
import { childElements, isW, wAttribute, wChild, type XmlElementLike } from "./xml";

/** Whether an on/off property (w:strike, w:dstrike, w:vanish) is on: present and not "0"/"false"/"off". */
export function isOn(property: XmlElementLike | undefined): boolean {
  if (!property) return false;
  const value = wAttribute(property, "val");
  return value === null || !["0", "false", "off"].includes(value.toLowerCase());
}

/** The marks a set of run properties gives: struck, underscored, or nothing said. */
export interface RunMarks {
  readonly struck: boolean;
  readonly underscored: boolean;
}

interface StyleDefinition {
  readonly type: string;
  readonly basedOn: string | null;
  readonly runProperties: XmlElementLike | undefined;
  readonly paragraphProperties: XmlElementLike | undefined;
}

/** A paragraph's list membership: w:numPr's w:numId and w:ilvl. */
export interface NumberingReference {
  readonly numId: string;
  readonly level: number;
}

/** Longest w:basedOn chain followed (Word allows no cycles; a damaged file might have one). */
const MAX_CHAIN = 32;

/** The styles of a document; an empty set of styles when the file has none. */
export class WordStyles {
  private readonly styles = new Map<string, StyleDefinition>();
  private readonly defaultRunProperties: XmlElementLike | undefined;
  private readonly defaultParagraphStyle: string | null = null;

  constructor(root: XmlElementLike | null) {
    let defaults: XmlElementLike | undefined;
    for (const child of root ? childElements(root) : []) {
      if (isW(child, "docDefaults")) {
        const rPrDefault = wChild(child, "rPrDefault");
        defaults = rPrDefault ? wChild(rPrDefault, "rPr") : undefined;
      } else if (isW(child, "style")) {
        const id = wAttribute(child, "styleId");
        if (id === null) continue;
        const basedOn = wChild(child, "basedOn");
        const type = wAttribute(child, "type") ?? "paragraph";
        this.styles.set(id, { type, basedOn: basedOn ? wAttribute(basedOn, "val") : null, runProperties: wChild(child, "rPr"), paragraphProperties: wChild(child, "pPr") });
        const isDefault = wAttribute(child, "default");
        if (type === "paragraph" && (isDefault === "1" || isDefault === "true")) this.defaultParagraphStyle = id;
      }
    }
    this.defaultRunProperties = defaults;
  }

  /** The style chain from `id` up its w:basedOn links, nearest first. */
  private chain(id: string | null): StyleDefinition[] {
    const chain: StyleDefinition[] = [];
    const seen = new Set<string>();
    for (let current = id; current !== null && !seen.has(current) && chain.length < MAX_CHAIN; ) {
      seen.add(current);
      const style = this.styles.get(current);
      if (!style) break;
      chain.push(style);
      current = style.basedOn;
    }
    return chain;
  }

  /** The paragraph style in force: the paragraph's w:pStyle, else the default paragraph style. */
  paragraphStyle(paragraphProperties: XmlElementLike | undefined): string | null {
    const pStyle = paragraphProperties ? wChild(paragraphProperties, "pStyle") : undefined;
    return (pStyle ? wAttribute(pStyle, "val") : null) ?? this.defaultParagraphStyle;
  }

  /**
   * The marks of run properties `direct` (a run's w:rPr, or a paragraph mark's) in a paragraph
   * of style `paragraphStyle`: w:strike or w:dstrike on, or w:u with any value but "none".
   */
  marks(direct: XmlElementLike | undefined, paragraphStyle: string | null): RunMarks {
    const characterStyle = direct ? wChild(direct, "rStyle") : undefined;
    const sources: Array<XmlElementLike | undefined> = [
      direct,
      ...this.chain(characterStyle ? wAttribute(characterStyle, "val") : null).map((style) => style.runProperties),
      ...this.chain(paragraphStyle).map((style) => style.runProperties),
      this.defaultRunProperties,
    ];
    const nearest = (name: string) => {
      for (const source of sources) {
        const property = source ? wChild(source, name) : undefined;
        if (property) return property;
      }
      return undefined;
    };
    const underline = nearest("u");
    return {
      struck: isOn(nearest("strike")) || isOn(nearest("dstrike")),
      underscored: underline !== undefined && (wAttribute(underline, "val") ?? "single").toLowerCase() !== "none",
    };
  }

  /** The w:numPr a paragraph style gives (through its chain), or null. */
  styleNumbering(paragraphStyle: string | null): NumberingReference | null {
    let numId: string | null = null;
    let level: number | null = null;
    for (const style of this.chain(paragraphStyle)) {
      const numPr = style.paragraphProperties ? wChild(style.paragraphProperties, "numPr") : undefined;
      if (!numPr) continue;
      const id = wChild(numPr, "numId");
      const ilvl = wChild(numPr, "ilvl");
      numId ??= id ? wAttribute(id, "val") : null;
      level ??= ilvl ? Number(wAttribute(ilvl, "val")) : null;
    }
    return numId === null ? null : { numId, level: Number.isInteger(level) ? level! : 0 };
  }

  /** The w:ind a paragraph style gives (through its chain), or undefined. */
  styleIndentation(paragraphStyle: string | null): XmlElementLike | undefined {
    for (const style of this.chain(paragraphStyle)) {
      const indentation = style.paragraphProperties ? wChild(style.paragraphProperties, "ind") : undefined;
      if (indentation) return indentation;
    }
    return undefined;
  }
}
