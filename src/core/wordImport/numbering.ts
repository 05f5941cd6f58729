/**
 * Word's automatic list numbering (word/numbering.xml): the label Word shows before a
 * numbered paragraph, such as "(a)", computed as Word counts. A w:num points to a
 * w:abstractNum whose w:lvl entries give each level's w:start, w:numFmt, w:lvlText ("(%1)")
 * and indentation; paragraphs of every w:num sharing an abstract list count together; a w:num's
 * w:lvlOverride replaces a level (which then restarts at its own w:start) or, with
 * w:startOverride, restarts it at the first paragraph of that w:num; numbering a level restarts the levels below it (unless w:lvlRestart is 0).
 */
import { childElements, isW, wAttribute, wChild, type XmlElementLike } from "./xml";

interface LevelDefinition {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  readonly suffix: string;
  readonly restart: number | null;
  readonly indentation: XmlElementLike | undefined;
}

interface NumDefinition {
  readonly abstractId: string;
  readonly starts: ReadonlyMap<number, number>;
  readonly levels: ReadonlyMap<number, LevelDefinition>;
}

/** A numbered paragraph's label (without the space or tab after it) and its level's indentation. */
export interface ListLabel {
  readonly text: string;
  /** The separator Word puts after the label: "" (w:suff nothing) or " " (tab or space). */
  readonly separator: string;
  readonly indentation: XmlElementLike | undefined;
}

function intValue(element: XmlElementLike | undefined, fallback: number): number {
  const value = element ? Number(wAttribute(element, "val")) : NaN;
  return Number.isInteger(value) ? value : fallback;
}

function readLevel(lvl: XmlElementLike): LevelDefinition {
  const format = wChild(lvl, "numFmt");
  const text = wChild(lvl, "lvlText");
  const suffix = wChild(lvl, "suff");
  const restart = wChild(lvl, "lvlRestart");
  const paragraph = wChild(lvl, "pPr");
  return {
    start: intValue(wChild(lvl, "start"), 0),
    format: (format ? wAttribute(format, "val") : null) ?? "decimal",
    text: (text ? wAttribute(text, "val") : null) ?? "",
    suffix: (suffix ? wAttribute(suffix, "val") : null) ?? "tab",
    restart: restart ? intValue(restart, 1) : null,
    indentation: paragraph ? wChild(paragraph, "ind") : undefined,
  };
}

function levelsOf(parent: XmlElementLike): Map<number, LevelDefinition> {
  const levels = new Map<number, LevelDefinition>();
  for (const lvl of childElements(parent)) {
    const level = Number(wAttribute(lvl, "ilvl"));
    if (isW(lvl, "lvl") && Number.isInteger(level)) levels.set(level, readLevel(lvl));
  }
  return levels;
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];

function roman(value: number): string {
  let rest = value;
  let text = "";
  for (const [amount, digits] of ROMAN) while (rest >= amount) { text += digits; rest -= amount; }
  return text;
}

/** A count in a w:numFmt; null for formats that show no enumerator (bullets, none). */
export function formatCount(value: number, format: string): string | null {
  switch (format) {
    case "lowerLetter":
    case "upperLetter": {
      if (value < 1) return String(value);
      // Word's letters after z repeat: aa, bb, … (as the Code's enumerators do).
      const letter = String.fromCharCode(97 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
      return format === "upperLetter" ? letter.toUpperCase() : letter;
    }
    case "lowerRoman": return value >= 1 ? roman(value) : String(value);
    case "upperRoman": return value >= 1 ? roman(value).toUpperCase() : String(value);
    case "decimalZero": return value < 10 && value >= 0 ? `0${value}` : String(value);
    case "bullet":
    case "none": return null;
    default: return String(value);
  }
}

/** The labels of a document's numbered paragraphs, computed in reading order. */
export class ListCounter {
  private readonly abstracts = new Map<string, Map<number, LevelDefinition>>();
  private readonly nums = new Map<string, NumDefinition>();
  private readonly counts = new Map<string, Array<number | undefined>>();
  private readonly started = new Set<string>();

  constructor(root: XmlElementLike | null) {
    for (const child of root ? childElements(root) : []) {
      if (isW(child, "abstractNum")) {
        const id = wAttribute(child, "abstractNumId");
        if (id !== null) this.abstracts.set(id, levelsOf(child));
      } else if (isW(child, "num")) {
        const id = wAttribute(child, "numId");
        const abstract = wChild(child, "abstractNumId");
        const abstractId = abstract ? wAttribute(abstract, "val") : null;
        if (id === null || abstractId === null) continue;
        const starts = new Map<number, number>();
        const levels = new Map<number, LevelDefinition>();
        for (const override of childElements(child)) {
          if (!isW(override, "lvlOverride")) continue;
          const level = Number(wAttribute(override, "ilvl"));
          if (!Number.isInteger(level)) continue;
          const lvl = wChild(override, "lvl");
          if (lvl) levels.set(level, readLevel(lvl));
          // A replaced level restarts at its own w:start, unless a w:startOverride says otherwise.
          const start = wChild(override, "startOverride");
          if (start || lvl) starts.set(level, start ? intValue(start, 0) : readLevel(lvl!).start);
        }
        this.nums.set(id, { abstractId, starts, levels });
      }
    }
  }

  private level(num: NumDefinition, level: number): LevelDefinition | undefined {
    return num.levels.get(level) ?? this.abstracts.get(num.abstractId)?.get(level);
  }

  /**
   * Counts the next paragraph of list `numId` at `level` and returns its label; null when the
   * list or level is undefined (w:numId 0 ends numbering) or shows no enumerator (a bullet).
   */
  next(numId: string, level: number): ListLabel | null {
    const num = this.nums.get(numId);
    const definition = num ? this.level(num, level) : undefined;
    if (!num || !definition || level < 0 || level > 8) return null;
    let counts = this.counts.get(num.abstractId);
    if (!counts) this.counts.set(num.abstractId, (counts = []));
    const overridden = new Set<number>();
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [overrideLevel, start] of num.starts) { counts[overrideLevel] = start - 1; overridden.add(overrideLevel); }
    }
    const current = counts[level];
    counts[level] = current === undefined ? definition.start : current + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      if (overridden.has(deeper)) continue;
      const restart = this.level(num, deeper)?.restart;
      // w:lvlRestart n restarts the level after a paragraph at level n-1 or above; 0 never.
      if (restart === null || restart === undefined || (restart > 0 && level <= restart - 1)) counts[deeper] = undefined;
    }
    let shown = true;
    const text = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const levelDefinition = this.level(num, index);
      const value = counts[index] ?? levelDefinition?.start ?? 0;
      const formatted = formatCount(value, index === level ? definition.format : levelDefinition?.format ?? "decimal");
      if (formatted === null) shown = false;
      return formatted ?? "";
    });
    if (!shown || definition.format === "bullet" || text.trim() === "") return null;
    return { text, separator: definition.suffix === "nothing" ? "" : " ", indentation: definition.indentation };
  }
}
