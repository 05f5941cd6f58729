/**
 * One process, one port: the built app, the JSON API under /api and the collaboration
 * WebSocket at /collab, bound to 127.0.0.1 unless told otherwise.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { WebSocketServer } from "ws";
import { Accounts, DEFAULT_ACCOUNT_OPTIONS, type AccountOptions } from "./accounts";
import { handleApi, type ApiContext } from "./api";
import { Collaboration } from "./collab";
import { sendText } from "./http";
import { serveStatic } from "./staticFiles";
import { openSqliteStorage } from "./storage/sqliteStorage";
import type { Storage } from "./storage/storage";

/** The path of the collaboration WebSocket. */
export const COLLAB_PATH = "/collab";

/** How to start a server; everything has a default. */
export interface ServerOptions {
  /** 0 picks a free port. Default 8787. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The data directory (created on first start) for the SQLite database. Default ./ordinance-redline-data. */
  readonly dataDir?: string;
  /** A storage to use instead of SQLite in dataDir. */
  readonly storage?: Storage;
  /** The built app. Default: dist/ of this checkout. */
  readonly distDir?: string;
  /** The clock (tests move it to expire sessions). */
  readonly now?: () => number;
  readonly accounts?: Partial<AccountOptions>;
  /** Compaction debounce of the collaboration documents (Hocuspocus' store debounce). */
  readonly debounceMs?: number;
  readonly maxDebounceMs?: number;
  /** Quiet time after which a person's next edit starts a new editing session in the audit trail (default 5 min). */
  readonly editSessionGapMs?: number;
  /** Largest JSON body (a base text travels in one), default 25 MB. */
  readonly maxBodyBytes?: number;
  /** Largest WebSocket message and Yjs update, default 32 MB. */
  readonly maxMessageBytes?: number;
  /** Largest stored draft (snapshot plus update log), default 256 MB. */
  readonly maxDocumentBytes?: number;
  /** Secure cookies (when served through HTTPS). */
  readonly secureCookies?: boolean;
  /** How often open sockets are checked for an expired session, default 15 s. */
  readonly sessionSweepMs?: number;
  readonly log?: (message: string) => void;
}

/** A started server. */
export interface RunningServer {
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  readonly storage: Storage;
  readonly collab: Collaboration;
  /** Stores every open document, closes every connection and the database. */
  close(): Promise<void>;
}

const DEFAULT_DIST = fileURLToPath(new URL("../../dist", import.meta.url));

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.error(message));
  const storage = options.storage ?? openSqliteStorage(options.dataDir ?? "ordinance-redline-data");
  const accounts = new Accounts(storage, { ...DEFAULT_ACCOUNT_OPTIONS, ...options.accounts }, now);
  const maxMessageBytes = options.maxMessageBytes ?? 32 * 1024 * 1024;
  const collab = new Collaboration(storage, {
    maxUpdateBytes: maxMessageBytes, maxDocumentBytes: options.maxDocumentBytes ?? 256 * 1024 * 1024, debounceMs: options.debounceMs ?? 2000, maxDebounceMs: options.maxDebounceMs ?? 10_000, now, log,
    editSessionGapMs: options.editSessionGapMs,
  });
  const context: ApiContext = { storage, accounts, collab, now, maxBodyBytes: options.maxBodyBytes ?? 25 * 1024 * 1024, secureCookies: options.secureCookies ?? false };
  const distDir = options.distDir ?? DEFAULT_DIST;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const done = url.pathname === "/api" || url.pathname.startsWith("/api/")
      ? handleApi({ request, response, method: request.method ?? "GET", segments: url.pathname.split("/").slice(2).filter((s) => s !== ""), query: url.searchParams, context })
      : serveStatic(distDir, request, response, url.pathname);
    done.catch((error: Error) => {
      log(`request failed: ${error.message}`);
      if (!response.headersSent) sendText(response, 500, "internal error\n", "text/plain; charset=utf-8");
      else response.destroy();
    });
  });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (url.pathname !== COLLAB_PATH) return refuseUpgrade(socket, 404, "Not Found");
      const origin = request.headers.origin;
      if (origin !== undefined) {
        let host = "";
        try {
          host = new URL(origin).host;
        } catch { /* refused below */ }
        if (host !== request.headers.host) return refuseUpgrade(socket, 403, "Forbidden");
      }
      const signed = await accounts.fromCookieHeader(request.headers.cookie);
      if (!signed) return refuseUpgrade(socket, 401, "Unauthorized");
      wss.handleUpgrade(request, socket, head, (ws) => collab.accept(ws, request, signed.person, signed));
    })().catch((error: Error) => {
      log(`upgrade failed: ${error.message}`);
      refuseUpgrade(socket, 500, "Internal Server Error");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const sweep = setInterval(() => collab.closeExpired(now()), options.sessionSweepMs ?? 15_000);
  sweep.unref();
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    storage,
    collab,
    close: () => (closing ??= (async () => {
      clearInterval(sweep);
      await collab.close();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await storage.close();
    })()),
  };
}
