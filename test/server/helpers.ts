/**
 * Test helpers for the collaboration server: a server on a free port with its own data
 * directory, an HTTP client that keeps its session cookie and CSRF token, and real
 * collaboration clients (@hocuspocus/provider over `ws`, carrying the cookie).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { vi } from "vitest";
import * as Y from "yjs";
import { openStorage, startServer, type RunningServer, type ServerOptions, type Storage } from "../../src/server";
import { freshPostgresDatabase } from "./postgres";

// Server tests hash passwords, open sockets and start processes: on a loaded machine they need
// more than the suite's default 20 s.
vi.setConfig({ testTimeout: 60_000 });

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "or-server-"));
}

/**
 * The storage the server tests run on: SQLite, or PostgreSQL when
 * ORDINANCE_REDLINE_SERVER_STORAGE=postgres (npm test runs the server tests once more so).
 */
export const SERVER_STORAGE: "sqlite" | "postgres" = process.env.ORDINANCE_REDLINE_SERVER_STORAGE === "postgres" ? "postgres" : "sqlite";

/** Where a test server keeps its data: a SQLite data directory, or a PostgreSQL database of its own. */
export interface TestData {
  readonly dataDir: string;
  readonly database?: string;
}

/** Fresh, empty data on the storage the tests run on. */
export async function freshTestData(): Promise<TestData> {
  return SERVER_STORAGE === "postgres" ? { dataDir: tempDataDir(), database: await freshPostgresDatabase() } : { dataDir: tempDataDir() };
}

/** Opens the storage holding `data` (as a restarted server would). */
export function openTestStorage(data: TestData): Promise<Storage> {
  return openStorage(data);
}

/** The command-line options that name `data`. */
export function storageFlags(data: TestData): string[] {
  return data.database ? ["--database", data.database] : ["--data", data.dataDir];
}

/** Starts a server on a free port, quiet, on `data` (fresh by default) unless a storage is given. */
export async function testServer(options: ServerOptions & { data?: TestData } = {}): Promise<RunningServer & { data: TestData; dataDir: string; wsUrl: string }> {
  const data = options.data ?? await freshTestData();
  const storage = options.storage ?? await openTestStorage(data);
  const server = await startServer({ port: 0, debounceMs: 100, maxDebounceMs: 500, log: () => {}, ...options, storage });
  return Object.assign(server, { data, dataDir: data.dataDir, wsUrl: `${server.url.replace(/^http/, "ws")}/collab` });
}

/** One answer of the API. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

/** An HTTP client with one session (cookie and CSRF token kept from the last sign-in). */
export class Client {
  cookie = "";
  csrf = "";

  constructor(readonly baseUrl: string) {}

  /** Sends a request; JSON bodies get the content type. `csrf: false` leaves the token out. */
  async call(method: string, path: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrf) headers["x-csrf-token"] = this.csrf;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json: unknown = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      const value = /^or_session=([^;]*)/.exec(setCookie)?.[1] ?? "";
      this.cookie = value ? `or_session=${value}` : "";
    }
    if (json && typeof json === "object" && typeof (json as { csrfToken?: unknown }).csrfToken === "string") this.csrf = (json as { csrfToken: string }).csrfToken;
    return { status: response.status, headers: response.headers, text, json };
  }

  /** Signs in (with the custom header a same-site page sends). */
  signIn(name: string, password: string): Promise<Answer> {
    return this.call("POST", "/api/session", { name, password }, { headers: { "x-requested-with": "ordinance-redline" } });
  }
}

/** The first administrator's password in tests. */
export const PASSWORD = "a long enough password";

/** Creates the first administrator through the first-start API and returns their client. */
export async function firstAdmin(baseUrl: string, name = "Ada Admin", office = "Advancing Justice | Chicago"): Promise<Client> {
  const client = new Client(baseUrl);
  const answer = await client.call("POST", "/api/setup", { name, office, password: PASSWORD }, { headers: { "x-requested-with": "ordinance-redline" } });
  if (answer.status !== 201) throw new Error(`setup failed: ${answer.status} ${answer.text}`);
  return client;
}

/** Adds a person (as the administrator `admin`) and returns their signed-in client. */
export async function person(admin: Client, name: string, office: string): Promise<Client> {
  const added = await admin.call("POST", "/api/people", { name, office, password: PASSWORD });
  if (added.status !== 201) throw new Error(`adding ${name} failed: ${added.status} ${added.text}`);
  const client = new Client(admin.baseUrl);
  const signed = await client.signIn(name, PASSWORD);
  if (signed.status !== 200) throw new Error(`sign-in of ${name} failed: ${signed.status} ${signed.text}`);
  return client;
}

/** Creates a draft as `client`; returns its id. */
export async function newDraft(client: Client, title = "Welcoming City amendments", baseText = "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n"): Promise<string> {
  const answer = await client.call("POST", "/api/drafts", { title, baseText });
  if (answer.status !== 201) throw new Error(`draft creation failed: ${answer.status} ${answer.text}`);
  return answer.json.draft.id as string;
}

/** A collaboration client on one draft. */
export interface Peer {
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  /** Resolves when the server has acknowledged every local change. */
  acknowledged(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/** Connects a provider to `draftId` with the client's cookie and waits until it is synced (or refused). */
export async function connect(wsUrl: string, draftId: string, cookie: string, options: { expectRefusal?: boolean } = {}): Promise<Peer> {
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: CookieSocket, maxAttempts: 1 });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: draftId, document: doc });
  const outcome = new Promise<"synced" | "refused">((resolve) => {
    provider.on("synced", () => resolve("synced"));
    provider.on("authenticationFailed", () => resolve("refused"));
    socket.on("close", () => resolve("refused"));
  });
  provider.attach();
  const result = await withTimeout(outcome, 15_000, "connection");
  if (result !== (options.expectRefusal ? "refused" : "synced")) {
    provider.destroy();
    socket.destroy();
    throw new Error(`expected ${options.expectRefusal ? "refusal" : "sync"}, got ${result}`);
  }
  return {
    provider, doc, text: doc.getText("t"),
    acknowledged: (timeoutMs = 15_000) => waitFor(() => !provider.hasUnsyncedChanges, timeoutMs, "acknowledgement"),
    destroy: () => { provider.destroy(); socket.destroy(); },
  };
}

/** Rejects after `ms` with a message naming what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

/** Polls `condition` every 10 ms until true. */
export async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits a little. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A comment thread on "witnesses to crime" in 2-173-020, its comments written at one time, as clients send threads. */
export function commentThread(id: string, comments: Array<{ id: string; author: string; office: string; text: string }>, resolved = false) {
  return {
    id, resolved,
    anchor: { section: "2-173-020", blockId: null, quote: { exact: "witnesses to crime", prefix: "and ", suffix: ", including" } },
    comments: comments.map((comment) => ({ ...comment, time: "2026-12-03T12:00:00.000Z" })),
  };
}

/** The reasons of the refusals the server sends `peer` from now on (a list that fills as they come). */
export function refusalsTo(peer: Peer): string[] {
  const said: string[] = [];
  peer.provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as { type?: string; reason?: string };
    if (message.type === "entry-refused") said.push(message.reason ?? "");
  });
  return said;
}
