/**
 * Accounts and sessions over real HTTP: first start, sign-in and sign-out, the cookie's
 * attributes, expiry, CSRF refusals, the limit on wrong passwords, and `users add`.
 */
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runServerCommand } from "../../src/server";
import { Client, firstAdmin, freshTestData, PASSWORD, person, storageFlags, testServer } from "./helpers";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function started(options: Parameters<typeof testServer>[0] = {}) {
  const server = await testServer(options);
  cleanups.push(() => server.close());
  return server;
}

const REQUESTED_WITH = { "x-requested-with": "ordinance-redline" };

describe("first start", () => {
  it("asks for the first administrator once, then refuses another", async () => {
    const server = await started();
    const anonymous = new Client(server.url);
    expect((await anonymous.call("GET", "/api/setup")).json).toEqual({ needsAdministrator: true });
    const admin = await firstAdmin(server.url);
    expect((await admin.call("GET", "/api/session")).json.person).toEqual({ name: "Ada Admin", office: "Advancing Justice | Chicago", admin: true });
    expect((await anonymous.call("GET", "/api/setup")).json).toEqual({ needsAdministrator: false });
    const again = await anonymous.call("POST", "/api/setup", { name: "Mallory", office: "X", password: PASSWORD }, { headers: REQUESTED_WITH });
    expect(again.status).toBe(409);
    expect((await new Client(server.url).signIn("Mallory", PASSWORD)).status).toBe(401);
  });

  it("refuses a short password and a missing office with a clear message, creating no one", async () => {
    const server = await started();
    const anonymous = new Client(server.url);
    const short = await anonymous.call("POST", "/api/setup", { name: "Ada", office: "A", password: "short" }, { headers: REQUESTED_WITH });
    expect(short.status).toBe(400);
    expect(short.json.error).toMatch(/at least 10 characters/);
    const noOffice = await anonymous.call("POST", "/api/setup", { name: "Ada", password: PASSWORD }, { headers: REQUESTED_WITH });
    expect(noOffice.status).toBe(400);
    expect(noOffice.json.error).toMatch(/office/);
    expect(await server.storage.countPeople()).toBe(0);
  });

  it("adds the first administrator from the command line with the password on stdin", async () => {
    const data = await freshTestData();
    const out: string[] = [];
    const status = await runServerCommand(["users", "add", "Cli Admin", "--office", "Office of the City Clerk", "--admin", "--password-stdin", ...storageFlags(data)],
      { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, stdin: Readable.from([`${PASSWORD}\n`]) });
    expect(status).toBe(0);
    expect(out.join("")).toContain("added Cli Admin (Office of the City Clerk) as administrator");
    const server = await started({ data });
    const client = new Client(server.url);
    expect((await client.signIn("cli admin", PASSWORD)).json.person).toEqual({ name: "Cli Admin", office: "Office of the City Clerk", admin: true });
    const usage = await runServerCommand(["users", "add", "X", "--office", "O"], { stdout: { write: () => {} }, stderr: { write: () => {} } });
    expect(usage).toBe(2);
  });
});

describe("sessions", () => {
  it("gives an HttpOnly, SameSite=Strict cookie; sign-out ends the session", async () => {
    const server = await started();
    await firstAdmin(server.url);
    const client = new Client(server.url);
    const signed = await client.signIn("Ada Admin", PASSWORD);
    expect(signed.status).toBe(200);
    const cookie = signed.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^or_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    const stolen = client.cookie;
    expect((await client.call("GET", "/api/drafts")).status).toBe(200);
    const out = await client.call("DELETE", "/api/session");
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    // The old cookie, replayed, no longer works.
    client.cookie = stolen;
    expect((await client.call("GET", "/api/drafts")).status).toBe(401);
  });

  it("expires a session after its lifetime", async () => {
    let now = Date.parse("2026-12-01T09:00:00Z");
    const server = await started({ now: () => now, accounts: { sessionTtlMs: 60 * 60 * 1000 } });
    const admin = await firstAdmin(server.url);
    now += 59 * 60 * 1000;
    expect((await admin.call("GET", "/api/session")).status).toBe(200);
    now += 2 * 60 * 1000;
    const expired = await admin.call("GET", "/api/session");
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatch(/expired/);
    expect((await admin.call("GET", "/api/drafts")).status).toBe(401);
  });

  it("limits wrong passwords per name, even when the right one follows", async () => {
    let now = Date.parse("2026-12-01T09:00:00Z");
    const server = await started({ now: () => now, accounts: { attemptsPerName: 3, attemptWindowMs: 10 * 60 * 1000 } });
    await firstAdmin(server.url);
    const client = new Client(server.url);
    for (let i = 0; i < 3; i++) expect((await client.signIn("Ada Admin", "wrong password!")).status).toBe(401);
    const blocked = await client.signIn("Ada Admin", PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The name, not the spelling: another case is the same person.
    expect((await client.signIn("ADA ADMIN", PASSWORD)).status).toBe(429);
    now += 11 * 60 * 1000;
    expect((await client.signIn("Ada Admin", PASSWORD)).status).toBe(200);
    const audit = (await client.call("GET", "/api/audit")).json.audit as { action: string }[];
    expect(audit.map((row) => row.action)).toEqual(["first-administrator", "sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-blocked", "sign-in-blocked", "sign-in"]);
  });

  it("limits wrong passwords per address across names", async () => {
    const server = await started({ accounts: { attemptsPerAddress: 4, attemptsPerName: 100 } });
    await firstAdmin(server.url);
    const client = new Client(server.url);
    for (let i = 0; i < 4; i++) expect((await client.signIn(`Nobody ${i}`, "wrong password!")).status).toBe(401);
    expect((await client.signIn("Ada Admin", PASSWORD)).status).toBe(429);
  });
});

describe("CSRF protection", () => {
  it("refuses a state-changing call without the session's token, or with another's", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const other = await person(admin, "Bea", "Office of Ald. Ramirez-Rosa, 35th Ward");
    const body = { title: "T", baseText: "CHAPTER 2-173\n" };
    expect((await admin.call("POST", "/api/drafts", body, { csrf: false })).status).toBe(403);
    expect((await admin.call("POST", "/api/drafts", body, { csrf: false, headers: { "x-csrf-token": other.csrf } })).status).toBe(403);
    expect((await admin.call("DELETE", "/api/session", undefined, { csrf: false })).status).toBe(403);
    expect((await admin.call("GET", "/api/drafts")).json.drafts).toEqual([]);
    expect((await admin.call("POST", "/api/drafts", body)).status).toBe(201);
  });

  it("refuses a cross-origin request even with the token, and a sign-in without the custom header", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const body = { title: "T", baseText: "CHAPTER 2-173\n" };
    expect((await admin.call("POST", "/api/drafts", body, { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await admin.call("POST", "/api/drafts", body, { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await admin.call("POST", "/api/drafts", body, { headers: { origin: server.url } })).status).toBe(201);
    const anonymous = new Client(server.url);
    expect((await anonymous.call("POST", "/api/session", { name: "Ada Admin", password: PASSWORD })).status).toBe(403);
    expect(anonymous.cookie).toBe("");
  });
});
