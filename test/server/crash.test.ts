/**
 * The server killed with SIGKILL (a child process running `ordinance-redline serve`) while a
 * client types, at random moments and right after an acknowledgement: after a restart on the
 * same data (the SQLite data directory, or the same PostgreSQL database) every edit the server
 * acknowledged is there. The store debounce is Hocuspocus' default (2 s), so every kill lands
 * before any compaction: only the update log can keep the edits. `CRASH_ROUNDS=N` for more
 * kills than the default 12 per storage.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { runServerCommand } from "../../src/server";
import { connect, firstAdmin, newDraft, sleep, tempDataDir, withTimeout, type Client } from "./helpers";
import { freshPostgresDatabase, POSTGRES_MISSING, reportMissingPostgres } from "./postgres";

const bin = new URL("../../bin/ordinance-redline.mjs", import.meta.url).pathname;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Starts `serve` on a free port with these storage options; resolves to its URL once it listens. */
async function serve(storageArgs: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", ...storageArgs], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const url = await withTimeout(new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  }), 20_000, "the server to start");
  expect(url, "serve binds 127.0.0.1 unless --host says otherwise").toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  return { child, url };
}

async function killed(child: ChildProcess): Promise<void> {
  const exit = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exit;
}

function wsUrlOf(url: string): string {
  return `${url.replace(/^http/, "ws")}/collab`;
}

/** Every marker in the draft as a fresh client loads it from the restarted server. */
async function markersAfterRestart(url: string, draftId: string, admin: Client): Promise<Set<string>> {
  const reader = await connect(wsUrlOf(url), draftId, admin.cookie);
  const found = new Set(reader.text.toString().split(" ").filter((word) => word !== ""));
  reader.destroy();
  return found;
}

const STORAGES: readonly [string, () => Promise<string[]>][] = [
  ["SQLite", async () => ["--data", tempDataDir()]],
  ...(POSTGRES_MISSING ? [] : [["PostgreSQL", async () => ["--database", await freshPostgresDatabase()]] as [string, () => Promise<string[]>]]),
];

describe("crash safety", () => {
  reportMissingPostgres();

  it.each(STORAGES)("keeps every acknowledged edit when the server on %s is killed at random moments", async (storageName, storageArgs) => {
    const args = await storageArgs();
    let { child, url } = await serve(args);
    const admin = await firstAdmin(url);
    const draftId = await newDraft(admin);
    const acknowledged = new Set<string>();
    let lost = 0;
    const rounds = Number(process.env.CRASH_ROUNDS ?? 12);
    for (let round = 0; round < rounds; round++) {
      const typist = await connect(wsUrlOf(url), draftId, admin.cookie);
      const typed: string[] = [];
      typist.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
        if (number === 0) for (const marker of typed) acknowledged.add(marker);
      });
      const killAfter = round % 2 === 0 ? 50 + Math.random() * 500 : -1;
      const started = Date.now();
      let i = 0;
      // Odd rounds: kill right after the first acknowledgement that covers at least 5 edits.
      const killedNow = new Promise<void>((resolve) => {
        if (killAfter >= 0) return;
        typist.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
          if (number === 0 && typed.length >= 5 && child.exitCode === null) {
            child.kill("SIGKILL");
            resolve();
          }
        });
      });
      while (child.exitCode === null && child.signalCode === null) {
        const marker = `r${round}e${i++}`;
        typist.text.insert(typist.text.length, `${marker} `);
        typed.push(marker);
        await sleep(10);
        if (killAfter >= 0 && Date.now() - started > killAfter) {
          await killed(child);
          break;
        }
        if (Date.now() - started > 10_000) throw new Error("no acknowledgement within 10 s");
      }
      if (killAfter < 0) await killedNow;
      await sleep(20);
      typist.destroy();
      ({ child, url } = await serve(args));
      const present = await markersAfterRestart(url, draftId, admin);
      lost = [...acknowledged].filter((marker) => !present.has(marker)).length;
      expect(lost, `round ${round}: acknowledged edits missing after the restart`).toBe(0);
    }
    console.log(`crash test (${storageName}): ${rounds} SIGKILLs, ${lost} lost of ${acknowledged.size} acknowledged`);
    expect(acknowledged.size).toBeGreaterThan(rounds * 3);
    await killed(child);
  }, 600_000);

  it("refuses a bad port, an unknown option or a database that is not PostgreSQL as wrong usage (exit 2), and an unreachable database (exit 1)", async () => {
    const errors: string[] = [];
    const streams = { stdout: { write: () => {} }, stderr: { write: (text: string) => errors.push(text) } };
    expect(await runServerCommand(["serve", "--port", "eighty"], streams)).toBe(2);
    expect(await runServerCommand(["serve", "--colour", "red"], streams)).toBe(2);
    expect(errors.join("")).toMatch(/--port must be a port number[\s\S]*unknown option --colour/);
    errors.length = 0;
    expect(await runServerCommand(["serve", "--database", "mysql://db.example/x"], streams)).toBe(2);
    expect(await runServerCommand(["serve", "--data", "d", "--database", "postgres://db.example/x"], streams)).toBe(2);
    expect(errors.join("")).toMatch(/--database takes a postgres:\/\/ URL[\s\S]*not both/);
    errors.length = 0;
    // Nothing listens on port 1: a clear refusal, exit 1, and the password never printed.
    expect(await runServerCommand(["serve", "--port", "0", "--database", "postgres://clerk:s3cret-word@127.0.0.1:1/redline"], streams)).toBe(1);
    expect(errors.join("")).toMatch(/^ordinance-redline: cannot open the database postgres:\/\/clerk:\*\*\*\*@127\.0\.0\.1:1\/redline: /);
    expect(errors.join("")).not.toContain("s3cret");
  });
});
