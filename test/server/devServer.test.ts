/**
 * `npm run dev`: Vite's dev server passes the API and the collaboration socket to the server
 * beside it, so the app in development talks to a real server (here one on a free port, named by
 * ORDINANCE_REDLINE_SERVER as the README says).
 */
import { createServer, type ViteDevServer } from "vite";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { testServer } from "./helpers";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });

describe("Vite's dev server against the server", () => {
  it("passes /api and the /collab socket through", async () => {
    const server = await testServer();
    cleanups.push(() => server.close());
    const before = process.env.ORDINANCE_REDLINE_SERVER;
    process.env.ORDINANCE_REDLINE_SERVER = server.url;
    let vite: ViteDevServer;
    try {
      vite = await createServer({ configFile: new URL("../../vite.config.ts", import.meta.url).pathname, server: { port: 0, strictPort: false, host: "127.0.0.1" }, logLevel: "silent" });
    } finally {
      if (before === undefined) delete process.env.ORDINANCE_REDLINE_SERVER; else process.env.ORDINANCE_REDLINE_SERVER = before;
    }
    await vite.listen();
    cleanups.push(() => vite.close());
    const address = vite.resolvedUrls!.local[0]!.replace(/\/$/, "");
    const setup = await (await fetch(`${address}/api/setup`)).json();
    expect(setup).toEqual({ needsAdministrator: true });
    // The socket reaches the server, which refuses it for want of a session (401), not Vite (404).
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${address.replace(/^http/, "ws")}/collab`);
      socket.on("unexpected-response", (_request, response) => { resolve(response.statusCode ?? 0); socket.terminate(); });
      socket.on("open", () => { resolve(101); socket.close(); });
      socket.on("error", reject);
    });
    expect(status).toBe(401);
  }, 60_000);
});
