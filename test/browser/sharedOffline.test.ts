/**
 * A shared draft away from the server, in Chromium: what a drafter types while the server is
 * out of reach (stopped) is kept in the browser (IndexedDB) — even when the tab is closed and
 * opened again — and reaches the other drafter once the server is back. A drafter whose role
 * was lowered meanwhile is told on reconnecting, the server takes none of those edits, and they
 * can be downloaded rather than lost.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstAdmin, openTestStorage, PASSWORD, person, testServer } from "../server/helpers";
import { launchBrowser } from "./browser";
import { caretBefore, documentText, signIn } from "./editing";
import { chooseFromToolbar } from "./toolbar";

describe("a shared draft offline, in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof testServer>>;
  let port = 0;

  /** Stops the server (its data stays), as a crash or restart would. */
  async function stopServer(): Promise<void> {
    await server.close();
  }

  /** Starts it again on the same address and data. */
  async function startServer(): Promise<void> {
    server = await testServer({ data: server.data, port });
  }
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await testServer();
    port = Number(new URL(server.url).port);
    const admin = await firstAdmin(server.url);
    await person(admin, "Dana Drafter", "Advancing Justice | Chicago");
    await person(admin, "Ben Second", "Office of Ald. Ramirez-Rosa, 35th Ward");
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    return context;
  }

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    await page.goto(url);
    return page;
  }


  it("keeps offline typing through a closed tab and sends it when back; a role lowered meanwhile is said, and the typing can be downloaded", async () => {
    const danaContext = await newContext();
    const dana = await open(danaContext, server.url + "/");
    await dana.waitForSelector("[data-testid=change-row]");
    await chooseFromToolbar(dana, "Share…");
    await signIn(dana, "Dana Drafter", PASSWORD);
    const dialog = dana.getByRole("dialog", { name: "Share this draft" });
    await dialog.getByLabel(/Invite/).fill("Ben Second");
    await dialog.getByLabel("as").selectOption("drafter");
    await dialog.getByRole("button", { name: "Share" }).click();
    await dana.waitForURL(/\?shared=/, { timeout: 30_000 });
    await dana.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    const link = dana.url();
    const id = new URL(link).searchParams.get("shared")!;

    const benContext = await newContext();
    const benPage = await open(benContext, link);
    await signIn(benPage, "Ben Second", PASSWORD);
    await benPage.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });

    // Ben's network goes (the server stays): his status says so at once, and comes back with it.
    await benContext.setOffline(true);
    await expect.poll(() => benPage.getByTestId("shared-status").textContent(), { timeout: 5_000 }).toContain("Offline");
    await benContext.setOffline(false);
    await expect.poll(() => benPage.getByTestId("shared-status").textContent(), { timeout: 20_000 }).toContain("Saved on the server");

    // The server goes away: Dana types; the status says where her words are; Ben does not get them.
    await stopServer();
    await expect.poll(() => dana.getByTestId("shared-status").textContent(), { timeout: 20_000 }).toContain("Offline");
    await caretBefore(dana, "help with investigations");
    await dana.keyboard.type("readily ");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await documentText(benPage)).not.toContain("readily");
    // The tab is closed before the connection comes back; the words are in this browser only.
    await dana.close();
    await startServer();
    const again = await open(danaContext, link);
    await again.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    expect(await documentText(again)).toContain("readily help with investigations");
    await expect.poll(() => documentText(benPage), { timeout: 20_000 }).toContain("readily help with investigations");

    // Away again; Dana is made a reviewer meanwhile; her new typing is refused on reconnecting.
    await stopServer();
    await expect.poll(() => again.getByTestId("shared-status").textContent(), { timeout: 20_000 }).toContain("Offline");
    await caretBefore(again, "without fear");
    await again.keyboard.type("truly ");
    const storage = await openTestStorage(server.data);
    const danaRecord = (await storage.findPersonByName("Dana Drafter"))!;
    await storage.setMember(id, { kind: "person", userId: danaRecord.id }, "reviewer");
    await storage.close();
    await startServer();
    const banner = again.getByTestId("role-banner");
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain("Your role on this draft is now");
    expect(await banner.textContent()).toContain("download it");
    const [downloaded] = await Promise.all([again.waitForEvent("download"), banner.getByRole("button", { name: "Download what I typed (.txt)" }).click()]);
    expect(readFileSync((await downloaded.path())!, "utf8")).toContain("readily help with investigations truly without fear");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await documentText(benPage)).not.toContain("truly");
    // Loading the shared draft afresh shows the server's text, as a reviewer.
    await banner.getByRole("button", { name: "Load the shared draft" }).click();
    await again.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    await expect.poll(() => again.getByTestId("shared-status").textContent(), { timeout: 20_000 }).toContain("reviewer");
    expect(await documentText(again)).not.toContain("truly");
    expect(errors.filter((error) => !/status of 401|ERR_INTERNET_DISCONNECTED|WebSocket/.test(error))).toEqual([]);
  }, 240_000);
});
