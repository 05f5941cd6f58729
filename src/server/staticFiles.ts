/**
 * Serves the built app (dist/) with a Content-Security-Policy; paths that name no file get
 * index.html, so the app's own routes load. Nothing outside the directory is ever read.
 */
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { COMMON_HEADERS, sendText } from "./http";

/** The policy of every page: only the app's own scripts, connections to its own origin. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Answers a GET or HEAD for the app from `root`. */
export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    sendText(response, 405, "method not allowed\n", "text/plain; charset=utf-8", { allow: "GET, HEAD" });
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendText(response, 400, "bad path\n", "text/plain; charset=utf-8");
    return;
  }
  const candidate = normalize(join(root, decoded));
  const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
  const index = join(root, "index.html");
  const path = inside && !decoded.includes("\0") && (await isFile(candidate)) ? candidate : index;
  if (!(await isFile(path))) {
    sendText(response, 503, "The app is not built: run `npm run build`, then start the server again.\n", "text/plain; charset=utf-8");
    return;
  }
  const body = await readFile(path);
  const immutable = path !== index && /[/\\]assets[/\\]/.test(path);
  response.writeHead(200, {
    ...COMMON_HEADERS,
    "content-type": TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
    "content-length": String(body.byteLength),
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}
