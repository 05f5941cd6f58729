/** Reads the bundled fixture files for tests (Node only). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { generateChapter } from "../../src/core/samples/generateChapter";

// From the file path, not `new URL(…)`: under a DOM test environment the URL class is the DOM's.
const root = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/welcoming-city/");

export function fixtureText(name: "base.txt" | "amended.txt" | "sponsors.json"): string {
  return readFileSync(root + name, "utf8");
}

export function fixtureBase(): OrdinanceDocument {
  return parseCodeText(fixtureText("base.txt")).document;
}

export function fixtureAmended(): OrdinanceDocument {
  return parseCodeText(fixtureText("amended.txt")).document;
}

/**
 * The canonical text made messy the way copying from a web page makes it: CRLF, curly quotes,
 * non-breaking spaces, tabs or no indentation, extra blank lines, trailing spaces, navigation
 * lines and a chapter heading split over two lines.
 */
export function messyCopy(canonical: string, indentation: "tabs" | "none" = "tabs"): string {
  const lines = canonical.split("\n").map((line) => {
    const indent = /^ */.exec(line)![0].length;
    const body = line.slice(indent)
      .replace(/"([^"]*)"/g, "\u201c$1\u201d")
      .replace(/'/g, "\u2019")
      .replace(/^(\([a-zA-Z0-9]+\)) /, "$1\u00a0\u00a0 ");
    const lead = indentation === "tabs" ? "\t".repeat(indent / 4) : "";
    return `${lead}${body}${body ? "  " : ""}`;
  });
  const withFurniture: string[] = ["Municipal Code of Chicago > Title 2 > Chapter 2-173", "Share", "Print", ""];
  for (const line of lines) {
    if (/^CHAPTER /.test(line)) {
      const [, number, title] = /^(CHAPTER \S+) (.*?)\s*$/.exec(line)!;
      withFurniture.push(number!, title!);
      continue;
    }
    if (/^2-173-050 /.test(line) && withFurniture.includes("")) withFurniture.push("Click here for full text", "", "");
    withFurniture.push(line);
    if (line === "") withFurniture.push("");
  }
  withFurniture.push("Compare to: Chapter 2-172", "Back to top");
  return withFurniture.join("\r\n");
}

/** A generated title of three chapters (2-171 to 2-173, about 5 KB each), the same for a seed. */
export function generatedTitle(seed: number): OrdinanceDocument {
  return { title: { number: "2", name: "EXECUTIVE BRANCH" }, chapters: ["2-171", "2-172", "2-173"].map((number, i) => generateChapter(seed * 7 + i, 5000, number)) };
}
