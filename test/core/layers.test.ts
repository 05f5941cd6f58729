/**
 * The layering rule, checked mechanically: the core imports nothing from the editor, the UI,
 * the DOM or React; the editor layer imports nothing from the UI or React.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\s)(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

function violations(layer: string, allowed: (specifier: string) => boolean, forbiddenCode: RegExp | null): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(root, "src", layer))) {
    for (const specifier of imports(file)) {
      if (!allowed(specifier)) found.push(`${relative(root, file)} imports ${specifier}`);
    }
    const code = readFileSync(file, "utf8");
    if (forbiddenCode?.test(code)) found.push(`${relative(root, file)} uses the DOM or browser globals`);
  }
  return found;
}

describe("layer boundaries", () => {
  it("keeps the core pure: only core modules and DOM-free libraries", () => {
    const pureLibraries = new Set(["diff", "docx", "jszip"]);
    const allowed = (specifier: string) =>
      (specifier.startsWith(".") && !/\.\.\/(editor|ui|cli)\b/.test(specifier) && !specifier.includes("../../")) ||
      pureLibraries.has(specifier);
    // A reach for `document` itself fails to compile under tsconfig.core.json (no DOM lib);
    // this catches the globals a local variable would not be named after.
    expect(violations("core", allowed, /\b(window|navigator|localStorage|sessionStorage|indexedDB)\.|\bHTMLElement\b/)).toEqual([]);
  });

  it("keeps the editor layer free of React and the UI", () => {
    const allowed = (specifier: string) =>
      specifier.startsWith("prosemirror-") || (specifier.startsWith(".") && !/\/ui\//.test(specifier) && !specifier.startsWith("../ui"));
    expect(violations("editor", allowed, null)).toEqual([]);
  });

  it("detects a violation when one is present", () => {
    const allowed = (specifier: string) => specifier.startsWith("prosemirror-");
    expect(violations("editor", allowed, null).length).toBeGreaterThan(0);
  });
});
