/**
 * The layering rule, checked mechanically: the core imports nothing from the editor, the UI,
 * the DOM or React; the editor layer imports nothing from the UI or React; the server imports
 * only its own files, the core through its index modules, Node and its own few libraries.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
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

/** Libraries the server may use besides Node's own modules. */
const SERVER_LIBRARIES = new Set(["better-sqlite3", "pg", "ws", "yjs", "y-protocols", "@hocuspocus/server"]);

/** Whether a file of src/server may import `specifier`. */
function serverImportAllowed(file: string, specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  if (!specifier.startsWith(".")) return SERVER_LIBRARIES.has(specifier);
  const target = resolve(dirname(file), specifier);
  const server = join(root, "src", "server");
  if (target === server || target.startsWith(server + sep)) return true;
  const core = relative(join(root, "src", "core"), target).split(sep);
  // src/core/<module> or src/core/<module>/index, where the module has an index.ts.
  const indexOnly = core.length === 1 || (core.length === 2 && core[1] === "index");
  return !core[0]!.startsWith("..") && core[0] !== "" && indexOnly && existsSync(join(root, "src", "core", core[0]!, "index.ts"));
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
      specifier.startsWith("prosemirror-") || ["yjs", "y-prosemirror", "y-protocols/awareness"].includes(specifier) ||
      (specifier.startsWith(".") && !/\/ui\//.test(specifier) && !specifier.startsWith("../ui"));
    expect(violations("editor", allowed, null)).toEqual([]);
  });

  it("keeps the server on the core's index modules, Node and its own libraries", () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(root, "src", "server"))) {
      for (const specifier of imports(file)) if (!serverImportAllowed(file, specifier)) found.push(`${relative(root, file)} imports ${specifier}`);
    }
    expect(found).toEqual([]);
  });

  it("refuses the server's reach into the editor, the UI, a core file past its index, or another library", () => {
    const file = join(root, "src", "server", "storage", "x.ts");
    expect(serverImportAllowed(file, "./storage")).toBe(true);
    expect(serverImportAllowed(file, "../../core/redline")).toBe(true);
    expect(serverImportAllowed(file, "../../core/redline/index")).toBe(true);
    expect(serverImportAllowed(file, "../../core/redline/compare")).toBe(false);
    expect(serverImportAllowed(file, "../../core/model/document")).toBe(false);
    expect(serverImportAllowed(file, "../../editor")).toBe(false);
    expect(serverImportAllowed(file, "../../ui/App")).toBe(false);
    expect(serverImportAllowed(file, "../../persistence")).toBe(false);
    expect(serverImportAllowed(file, "react")).toBe(false);
    expect(serverImportAllowed(file, "prosemirror-model")).toBe(false);
  });

  it("detects a violation when one is present", () => {
    const allowed = (specifier: string) => specifier.startsWith("prosemirror-");
    expect(violations("editor", allowed, null).length).toBeGreaterThan(0);
  });
});
