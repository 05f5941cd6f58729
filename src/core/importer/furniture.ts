/**
 * Page furniture: lines that copying a Code web page drags along (navigation, buttons,
 * notices) and that are never part of the law. Each pattern must match a whole line, so a
 * sentence that merely contains one of these words is never dropped.
 */

interface FurniturePattern {
  readonly pattern: { test(line: string): boolean };
  readonly what: string;
}

const isSpace = (ch: number) => ch === 32 || (ch >= 9 && ch <= 13) || (ch > 127 && /\s/.test(String.fromCharCode(ch)));

/**
 * A breadcrumb trail ("Codes > Illinois > Chicago"): exactly what /^.*(\s[>›]\s.*){2,}$/ matches —
 * two separators, each ">" or "›" with whitespace of its own on both sides — found in one pass.
 * The regular expression backtracks over every long line of body text and was the parser's
 * costliest single test on a 20 MB title.
 */
export const BREADCRUMB_TRAIL = {
  test(line: string): boolean {
    if (!line.includes(">") && !line.includes("\u203a")) return false;
    let found = 0;
    for (let at = 1; at < line.length - 1; at++) {
      const ch = line.charCodeAt(at);
      if ((ch === 0x3e || ch === 0x203a) && isSpace(line.charCodeAt(at - 1)) && isSpace(line.charCodeAt(at + 1))) {
        if (++found === 2) return true;
        at += 2; // the space after this separator is not the next one's space before
      }
    }
    return false;
  },
};

const PATTERNS: readonly FurniturePattern[] = [
  { pattern: /^click here for (the )?full text\.?$/i, what: "link to the full text" },
  { pattern: /^compare to:?.*$/i, what: "\"Compare to\" link" },
  { pattern: /^(share|print|email|e-mail|download|bookmark|search|menu|home|help|feedback|next|previous|prev|up|back|back to top|top|skip to (main )?content|toggle navigation|expand all|collapse all|select all|copy link|link to this (section|page)|view (the )?history|print this page|download pdf|print\/save|save as pdf)$/i, what: "navigation control" },
  { pattern: /^(<|>|«|»|‹|›|\||\u00b7|\u2022|\u25b8|\u25be|\u25bc|\u25b2)+$/, what: "navigation symbol" },
  { pattern: /^(municipal code of chicago|chicago,? (illinois|il)|code of ordinances)(\s*[>›/|].*)?$/i, what: "breadcrumb or site header" },
  { pattern: BREADCRUMB_TRAIL, what: "breadcrumb trail" },
  { pattern: /^(https?:\/\/|www\.)\S+$/i, what: "web address" },
  { pattern: /^page \d+ of \d+$/i, what: "page number" },
  { pattern: /^(printed|downloaded|retrieved) (from|on) .*$/i, what: "printing notice" },
  { pattern: /^(disclaimer|note):? this (code|document|page) .*$/i, what: "publisher's notice" },
  { pattern: /^(copyright|©) .*$/i, what: "copyright notice" },
  { pattern: /^american legal publishing.*$/i, what: "publisher's name" },
  { pattern: /^(current through|updated through|up to date through|last updated) .*$/i, what: "currency notice" },
];

/** When `line` is page furniture, a short description of what it is; otherwise null. */
export function furnitureKind(line: string): string | null {
  for (const { pattern, what } of PATTERNS) {
    if (pattern.test(line)) return what;
  }
  return null;
}
