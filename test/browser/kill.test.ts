/**
 * What is saved is what was typed, even when the browser dies: Chromium runs with a profile
 * directory of its own, text is typed into the draft, and the whole browser is killed with
 * SIGKILL at a random moment — some time after the last key, or in the middle of continuous
 * typing. The browser is then started again on the same profile and the editor's text is read.
 * Nothing typed more than one second before the kill may be missing. A table of typed and lost
 * characters per trial and per delay goes to test-output/ and to the console.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { chromePath, CHROMIUM_ARGS, outputDir } from "./browser";
import { caretAfter, documentText } from "./editing";

interface Running {
  readonly child: ChildProcess;
  readonly browser: Browser;
}

/** Starts Chromium on `profile` with a DevTools port and connects to it. */
async function start(profile: string): Promise<Running> {
  const child = spawn(chromePath(), [...CHROMIUM_ARGS, "--headless", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "about:blank"], { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not report its DevTools address:\n${seen}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found) { clearTimeout(timer); resolve(found[1]!); }
    });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}) before it listened:\n${seen}`)); });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return { child, browser };
}

/** Kills the browser and every process it started (its process group) at once, as a crash would. */
async function kill(running: Running): Promise<void> {
  const exited = new Promise<void>((resolve) => running.child.once("exit", () => resolve()));
  process.kill(-running.child.pid!, "SIGKILL");
  await exited;
}

async function openApp(running: Running): Promise<Page> {
  const context = running.browser.contexts()[0]!;
  const page = context.pages()[0] ?? await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(inject("baseUrl"));
  await page.waitForSelector("[data-testid=change-row]", { timeout: 60_000 });
  await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 30_000 }).toBe("All changes saved");
  return page;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXY";

/** What trial `index` types: a space, a marker "Z07" and then letters, all findable afterwards. */
function trialText(index: number, letters: number): string {
  let text = ` Z${String(index).padStart(2, "0")}`;
  for (let i = 0; i < letters; i++) text += LETTERS[i % LETTERS.length];
  return text;
}

/** How many characters of trial `index`'s text are in `editorText` (0 when its marker is gone). */
function survived(editorText: string, index: number, typed: string): number {
  const marker = typed.slice(0, 4);
  const at = editorText.indexOf(marker);
  if (at < 0) return 0;
  let count = marker.length;
  while (count < typed.length && editorText[at + count] === typed[count]) count++;
  return count;
}

interface Trial {
  readonly index: number;
  readonly kind: "after the last key" | "while typing";
  /** ms from the last key to the kill, or from the first key to the kill. */
  readonly delay: number;
  readonly text: string;
  /** When each character's key event was acknowledged by the page (Date.now()). */
  readonly times: number[];
  killedAt: number;
  kept: number;
}

describe("typing survives the browser being killed", () => {
  const profile = mkdtempSync(join(tmpdir(), "redline-kill-"));
  let running: Running | null = null;
  afterAll(async () => {
    if (running) await kill(running).catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  });

  it("loses nothing typed more than a second before a SIGKILL (24 trials)", async () => {
    const next = random(20261202);
    const trials: Trial[] = [];
    const plan: Array<Pick<Trial, "kind" | "delay">> = [];
    for (const delay of [0, 1000]) plan.push({ kind: "after the last key", delay });
    for (let i = 0; i < 14; i++) plan.push({ kind: "after the last key", delay: Math.round(next() * 1000) });
    for (let i = 0; i < 8; i++) plan.push({ kind: "while typing", delay: 1200 + Math.round(next() * 1800) });

    running = await start(profile);
    let page = await openApp(running);
    for (const [index, step] of plan.entries()) {
      const trial: Trial = { index, ...step, text: trialText(index, step.kind === "while typing" ? 200 : 20), times: [], killedAt: 0, kept: 0 };
      trials.push(trial);
      // Each trial's text starts with a space, so it stays a word of its own after "about,".
      await caretAfter(page, "ask any person about,");
      const typeAll = async () => {
        for (const char of trial.text) {
          await page.keyboard.type(char);
          trial.times.push(Date.now());
          await sleep(25);
        }
      };
      if (trial.kind === "after the last key") {
        await typeAll();
        await sleep(trial.delay);
      } else {
        const typing = typeAll().catch(() => {});
        await sleep(trial.delay);
        trial.killedAt = Date.now();
        await kill(running);
        await typing;
      }
      if (trial.kind === "after the last key") {
        trial.killedAt = Date.now();
        await kill(running);
      }
      running = await start(profile);
      page = await openApp(running);
      const text = await documentText(page);
      trial.kept = survived(text, index, trial.text);
    }

    const rows = trials.map((trial) => {
      const typed = trial.times.length;
      const required = trial.times.filter((time) => time <= trial.killedAt - 1000).length;
      return { ...trial, typed, lost: Math.max(0, typed - trial.kept), required };
    });
    const table = [
      "trial  kind                delay ms  typed  lost  typed >1 s before the kill  of those lost",
      ...rows.map((row) => `${String(row.index).padStart(5)}  ${row.kind.padEnd(18)}  ${String(row.delay).padStart(8)}  ${String(row.typed).padStart(5)}  ${String(row.lost).padStart(4)}  ${String(row.required).padStart(26)}  ${String(Math.max(0, row.required - row.kept)).padStart(13)}`),
      "",
      "by delay              trials  typed  lost",
      ...[[0, 250], [250, 500], [500, 750], [750, 1001]].map(([from, to]) => {
        const group = rows.filter((row) => row.kind === "after the last key" && row.delay >= from! && row.delay < to!);
        return `${`after key ${from}–${Math.min(to!, 1000)} ms`.padEnd(22)}${String(group.length).padStart(6)}  ${String(group.reduce((sum, row) => sum + row.typed, 0)).padStart(5)}  ${String(group.reduce((sum, row) => sum + row.lost, 0)).padStart(4)}`;
      }),
      (() => {
        const group = rows.filter((row) => row.kind === "while typing");
        return `${"while typing".padEnd(22)}${String(group.length).padStart(6)}  ${String(group.reduce((sum, row) => sum + row.typed, 0)).padStart(5)}  ${String(group.reduce((sum, row) => sum + row.lost, 0)).padStart(4)}`;
      })(),
    ].join("\n");
    writeFileSync(join(outputDir(), "kill-test.txt"), `${table}\n`);
    console.log(`\nSIGKILL trials (lost = typed but missing after the restart)\n${table}\n`);
    for (const row of rows) expect({ trial: row.index, keptAtLeast: row.kept >= row.required }).toEqual({ trial: row.index, keptAtLeast: true });
  }, 900_000);
});
