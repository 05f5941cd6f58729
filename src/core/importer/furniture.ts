/**
 * Page furniture: lines that copying a Code web page drags along (navigation, buttons,
 * notices) and that are never part of the law. Each pattern must match a whole line, so a
 * sentence that merely contains one of these words is never dropped.
 */

interface FurniturePattern {
  readonly pattern: RegExp;
  readonly what: string;
}

const PATTERNS: readonly FurniturePattern[] = [
  { pattern: /^click here for (the )?full text\.?$/i, what: "link to the full text" },
  { pattern: /^compare to:?.*$/i, what: "\"Compare to\" link" },
  { pattern: /^(share|print|email|e-mail|download|bookmark|search|menu|home|help|feedback|next|previous|prev|up|back|back to top|top|skip to (main )?content|toggle navigation|expand all|collapse all|select all|copy link|link to this (section|page)|view (the )?history|print this page|download pdf|print\/save|save as pdf)$/i, what: "navigation control" },
  { pattern: /^(<|>|«|»|‹|›|\||\u00b7|\u2022|\u25b8|\u25be|\u25bc|\u25b2)+$/, what: "navigation symbol" },
  { pattern: /^(municipal code of chicago|chicago,? (illinois|il)|code of ordinances)(\s*[>›/|].*)?$/i, what: "breadcrumb or site header" },
  { pattern: /^.*(\s[>›]\s.*){2,}$/, what: "breadcrumb trail" },
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
