/**
 * `npm run bench:collab [-- --seconds S] [--clients 2,10,50] [--postgres]`: the collaboration
 * server under simulated typists. Not part of `npm test`; prints figures, asserts nothing.
 *
 * - A real server process (`ordinance-redline serve` on a free port, SQLite in a temporary data
 *   directory, or with --postgres a throwaway PostgreSQL started for the run).
 * - For each client count, the clients (real @hocuspocus/provider clients over `ws`, all in this
 *   process) spread over 10 drafts (at least two per draft), each typing one character every
 *   200 ms for S seconds (default 60). Edit-to-remote-apply latency: from the insert on one
 *   client to the moment each other client on the draft sees it, p50/p95/max.
 * - Server memory per open 2 MB draft: the server's resident memory with five 2 MB drafts open
 *   against none open, divided by five (resident memory moves by several MB with the garbage
 *   collector's timing: read it to within that).
 * - Cold load of a 2 MB draft: server restarted, connect to synced.
 *
 * The clients share one event loop with each other, so at 50 clients part of the latency is this
 * process's own lag; the machine is shared and noisy: compare rows of one run.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import * as Y from "yjs";
// @ts-expect-error: a plain ES module script without types
import { startTestPostgres } from "../scripts/postgresForTests.mjs";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const SECONDS = Number(option("seconds", "60"));
const CLIENT_COUNTS = option("clients", "2,10,50").split(",").map(Number);
const USE_POSTGRES = args.includes("--postgres");
const DRAFTS = 10;
const BIG_DRAFTS = 5;
const PASSWORD = "a long enough password for the bench";
const bin = new URL("../bin/ordinance-redline.mjs", import.meta.url).pathname;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The server process and its address. */
interface Served {
  readonly child: ChildProcess;
  readonly url: string;
}

async function serve(storageArgs: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", ...storageArgs], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { child, url };
}

async function stop(served: Served): Promise<void> {
  const exited = new Promise((resolve) => served.child.once("exit", resolve));
  served.child.kill("SIGTERM");
  await exited;
}

/** Resident memory of a process in MB (Linux /proc). */
function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(/(\d+)/.exec(line)![1]) / 1024;
}

/** A signed-in session: cookie and CSRF token. */
interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function api(url: string, session: Session | null, method: string, path: string, body: unknown): Promise<{ status: number; json: any; cookie: string }> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-requested-with": "ordinance-redline" };
  if (session) Object.assign(headers, { cookie: session.cookie, "x-csrf-token": session.csrf });
  const response = await fetch(url + path, { method, headers, body: JSON.stringify(body) });
  const cookie = /^or_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  return { status: response.status, json: await response.json().catch(() => null), cookie: cookie ? `or_session=${cookie}` : "" };
}

async function signIn(url: string): Promise<Session> {
  const answer = await api(url, null, "POST", "/api/session", { name: "Bench Admin", password: PASSWORD });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status}`);
  return { cookie: answer.cookie, csrf: answer.json.csrfToken };
}

/** One collaboration client. */
interface Typist {
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  readonly provider: HocuspocusProvider;
  destroy(): void;
}

async function connect(url: string, draftId: string, cookie: string): Promise<Typist> {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: `${url.replace(/^http/, "ws")}/collab`, WebSocketPolyfill: CookieSocket, maxAttempts: 1 });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: draftId, document: doc });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on("synced", () => resolve());
    provider.on("authenticationFailed", () => reject(new Error("refused")));
  });
  provider.attach();
  await synced;
  return { doc, text: doc.getText("t"), provider, destroy: () => { provider.destroy(); socket.destroy(); } };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** N typists on the drafts for SECONDS: the latencies from insert to each remote apply. */
async function typing(url: string, session: Session, drafts: readonly string[], clients: number): Promise<number[]> {
  const used = drafts.slice(0, Math.max(1, Math.min(DRAFTS, Math.floor(clients / 2))));
  const typists: Typist[] = [];
  for (let i = 0; i < clients; i++) typists.push(await connect(url, used[i % used.length]!, session.cookie));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  typists.forEach((typist, i) => {
    typist.text.observe((event, transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const op of event.delta) {
        if (typeof op.insert !== "string") continue;
        for (const marker of op.insert.match(/\u2063[^\u2063]+\u2063/g) ?? []) {
          const sent = sentAt.get(marker);
          if (sent !== undefined) latencies.push(now - sent);
        }
      }
    });
    void i;
  });
  let seq = 0;
  const end = performance.now() + SECONDS * 1000;
  const timers = typists.map((typist, i) => {
    // Staggered starts, one keystroke every 200 ms each.
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(() => {
      timer = setInterval(() => {
        if (performance.now() > end) return;
        const marker = `\u2063${i}.${seq++}\u2063`;
        sentAt.set(marker, performance.now());
        typist.text.insert(typist.text.length, marker);
      }, 200);
    }, (i * 200) / clients);
    return () => { clearTimeout(start); if (timer) clearInterval(timer); };
  });
  await sleep(SECONDS * 1000 + 2000);
  for (const clear of timers) clear();
  for (const typist of typists) typist.destroy();
  return latencies.sort((a, b) => a - b);
}

/** A 2 MB draft's text (words in the project's shape, not the ordinance's). */
function twoMegabytes(seed: number): string {
  const words = ["the", "City", "shall", "not", "agency", "person", "immigration", "status", "officer", "request", "section", "any"];
  const out: string[] = [];
  let size = 0;
  let x = seed;
  while (size < 2 * 1024 * 1024) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const word = words[x % words.length]!;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(" ");
}

async function main(): Promise<void> {
  let postgres: { url?: string; reason?: string; stop?: () => void } | null = null;
  let storageArgs: string[];
  if (USE_POSTGRES) {
    postgres = await startTestPostgres();
    if (!postgres!.url) throw new Error(`no PostgreSQL: ${postgres!.reason}`);
    storageArgs = ["--database", postgres!.url];
  } else {
    storageArgs = ["--data", mkdtempSync(join(tmpdir(), "or-bench-collab-"))];
  }
  try {
    let served = await serve(storageArgs);
    const setup = await api(served.url, null, "POST", "/api/setup", { name: "Bench Admin", office: "Advancing Justice | Chicago", password: PASSWORD });
    if (setup.status !== 201) throw new Error(`setup failed: ${setup.status}`);
    const session = await signIn(served.url);
    const drafts: string[] = [];
    for (let i = 0; i < DRAFTS; i++) {
      const made = await api(served.url, session, "POST", "/api/drafts", { title: `Bench draft ${i}`, baseText: "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n" });
      drafts.push(made.json.draft.id);
    }
    console.log(`collaboration bench: ${USE_POSTGRES ? "PostgreSQL" : "SQLite"}, ${SECONDS} s per row, one keystroke per client every 200 ms, ${DRAFTS} drafts`);
    console.log("| clients | remote applies | p50 ms | p95 ms | max ms |");
    console.log("|---:|---:|---:|---:|---:|");
    for (const clients of CLIENT_COUNTS) {
      const latencies = await typing(served.url, session, drafts, clients);
      console.log(`| ${clients} | ${latencies.length} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${(latencies.at(-1) ?? NaN).toFixed(1)} |`);
    }

    // Five 2 MB drafts, written and closed (the server unloads a document its last client leaves).
    const big: string[] = [];
    for (let i = 0; i < BIG_DRAFTS; i++) {
      const made = await api(served.url, session, "POST", "/api/drafts", { title: `2 MB draft ${i}`, baseText: "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n" });
      big.push(made.json.draft.id);
      const writer = await connect(served.url, made.json.draft.id, session.cookie);
      writer.text.insert(0, twoMegabytes(i + 1));
      await until(() => !writer.provider.hasUnsyncedChanges, 60_000, "the 2 MB write to be acknowledged");
      writer.destroy();
    }
    await sleep(4000);
    const closedMb = residentMb(served.child.pid!);
    const readers: Typist[] = [];
    for (const id of big) readers.push(await connect(served.url, id, session.cookie));
    await sleep(2000);
    const openMb = residentMb(served.child.pid!);
    for (const reader of readers) reader.destroy();
    console.log(`server memory per open 2 MB draft: ${((openMb - closedMb) / BIG_DRAFTS).toFixed(1)} MB (resident ${closedMb.toFixed(0)} MB with none open, ${openMb.toFixed(0)} MB with ${BIG_DRAFTS})`);

    await sleep(3000);
    await stop(served);
    served = await serve(storageArgs);
    const restartedSession = await signIn(served.url);
    const times: number[] = [];
    for (const [i, id] of big.entries()) {
      const started = performance.now();
      const reader = await connect(served.url, id, restartedSession.cookie);
      times.push(performance.now() - started);
      if (reader.text.toString() !== twoMegabytes(i + 1)) throw new Error("a 2 MB draft came back different after the restart");
      reader.destroy();
    }
    console.log(`cold load of a 2 MB draft after a restart (connect to synced): ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")}`);
    await stop(served);
  } finally {
    postgres?.stop?.();
  }
}

await main();
process.exit(0);
