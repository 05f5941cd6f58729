/**
 * Small helpers for the JSON API on node:http: reading a bounded JSON body, answering with
 * JSON or text, and the error a handler throws to answer with a status.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** An answer other than success: a status and a message for the client. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** Headers on every answer of the server. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

/** Reads the request body as JSON (an object), refusing more than `limit` bytes. */
export async function readJson(request: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = request.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, "the body must be JSON (Content-Type: application/json)");
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > limit) throw new HttpError(413, `the body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the body is not valid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new HttpError(400, "the body must be a JSON object");
  return value as Record<string, unknown>;
}

/** Answers with JSON. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...COMMON_HEADERS, "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  response.end(text);
}

/** Answers with text of the given type. */
export function sendText(response: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...COMMON_HEADERS, "content-type": type, "cache-control": "no-store", ...headers });
  response.end(body);
}

/** A required string field of a JSON body, trimmed; a clear 400 when missing or too long. */
export function stringField(body: Record<string, unknown>, name: string, maxLength: number): string {
  const value = body[name];
  if (typeof value !== "string" || value.trim() === "") throw new HttpError(400, `"${name}" must be a non-empty string`);
  if (value.length > maxLength) throw new HttpError(400, `"${name}" is too long (at most ${maxLength} characters)`);
  return value.trim();
}
