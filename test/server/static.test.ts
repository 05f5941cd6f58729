/**
 * The built app from the same port: files with their types and the Content-Security-Policy,
 * index.html for the app's own paths, nothing outside the directory, a clear answer when the
 * app is not built; and the WebSocket's guards: a malformed or oversized message closes that
 * connection only, an update past the draft size limit is refused.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { connect, firstAdmin, newDraft, sleep, testServer, waitFor } from "./helpers";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A GET with the path exactly as given (fetch would normalise `..`). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the app on the server's port", () => {
  it("serves dist/ with the policy, index.html for app paths, and nothing outside it", async () => {
    const root = mkdtempSync(join(tmpdir(), "or-dist-"));
    const dist = join(root, "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dist, "assets", "main-abc.js"), "console.log(1)");
    writeFileSync(join(root, "secret.txt"), "secret");
    const server = await testServer({ distDir: dist });
    cleanups.push(() => server.close());
    const page = await rawGet(server.url, "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>app</title>");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(String(page.headers["content-security-policy"])).toMatch(/script-src 'self'/);
    const script = await rawGet(server.url, "/assets/main-abc.js");
    expect(script.body).toBe("console.log(1)");
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect((await rawGet(server.url, "/drafts/some-id")).body).toContain("<title>app</title>");
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const answer = await rawGet(server.url, path);
      expect(answer.body, path).not.toContain("secret");
    }
    expect((await rawGet(server.url, "/api/nothing")).status).toBe(404);
  });

  it("says to build the app when dist/ is missing", async () => {
    const server = await testServer({ distDir: join(tmpdir(), "or-no-such-dist") });
    cleanups.push(() => server.close());
    const answer = await rawGet(server.url, "/");
    expect(answer.status).toBe(503);
    expect(answer.body).toMatch(/npm run build/);
  });
});

describe("WebSocket guards", () => {
  it("closes only the connection that sends a malformed or oversized message", async () => {
    const server = await testServer({ maxMessageBytes: 64 * 1024 });
    cleanups.push(() => server.close());
    const admin = await firstAdmin(server.url);
    const draftId = await newDraft(admin);
    const good = await connect(server.wsUrl, draftId, admin.cookie);
    cleanups.push(() => good.destroy());
    for (const payload of [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), new Uint8Array(128 * 1024).fill(7)]) {
      const bad = new WebSocket(server.wsUrl, { headers: { cookie: admin.cookie } });
      await new Promise((resolve) => bad.on("open", resolve));
      const closed = new Promise<number>((resolve) => bad.on("close", (code) => resolve(code)));
      bad.on("error", () => {});
      bad.send(payload);
      expect(await closed).toBeGreaterThanOrEqual(1000);
    }
    good.text.insert(0, "still here");
    await good.acknowledged();
    await sleep(50);
    const reader = await connect(server.wsUrl, draftId, admin.cookie);
    cleanups.push(() => reader.destroy());
    await waitFor(() => reader.text.toString() === "still here", 15_000, "the good connection's edit");
  });

  it("refuses an update that would take a draft past its size limit, storing none of it", async () => {
    const server = await testServer({ maxDocumentBytes: 4096 });
    cleanups.push(() => server.close());
    const admin = await firstAdmin(server.url);
    const draftId = await newDraft(admin);
    const writer = await connect(server.wsUrl, draftId, admin.cookie);
    cleanups.push(() => writer.destroy());
    writer.text.insert(0, "small start. ");
    await writer.acknowledged();
    const closed = new Promise<void>((resolve) => writer.provider.on("close", () => resolve()));
    writer.text.insert(writer.text.length, "x".repeat(8000));
    await closed;
    const reader = await connect(server.wsUrl, draftId, admin.cookie);
    cleanups.push(() => reader.destroy());
    expect(reader.text.toString()).toBe("small start. ");
    const stored = await server.storage.loadDocument(draftId);
    const doc = new Y.Doc();
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update);
    expect(doc.getText("t").toString()).toBe("small start. ");
  });
});
