/**
 * A fresh server, set up from the browser as its first user would: Share… asks for the first
 * administrator, who shares the draft (inviting someone not yet on the server is refused before
 * anything is shared), adds a person in People and history…, invites them, and that person signs
 * in at the draft's address as a reviewer. Nothing is done through the API.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "../server/helpers";
import { launchBrowser } from "./browser";
import { signIn } from "./editing";
import { chooseFromToolbar } from "./toolbar";

const PASSWORD = "correct horse battery staple";

describe("setting up a server from the browser, in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof testServer>>;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await testServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => { await browser?.close(); await server?.close(); });

  async function page(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const opened = await context.newPage();
    opened.on("pageerror", (error) => errors.push(error.message));
    opened.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    return opened;
  }

  it("creates the first administrator, shares, adds and invites a person, who opens the draft as a reviewer", async () => {
    const ana = await page();
    await ana.goto(server.url + "/");
    await ana.waitForSelector("[data-testid=change-row]");
    await chooseFromToolbar(ana, "Share…");
    const first = ana.getByRole("form", { name: "Create the first administrator" });
    await first.getByLabel("Name").fill("Ana Admin");
    await first.getByLabel("Office").fill("Advancing Justice | Chicago");
    await first.getByLabel("Password").fill(PASSWORD);
    await first.getByRole("button", { name: "Create and sign in" }).click();
    const dialog = ana.getByRole("dialog", { name: "Share this draft" });
    await expect.poll(() => dialog.textContent()).toContain("Signed in as Ana Admin (Advancing Justice | Chicago)");
    // Inviting someone the server does not know yet says what to do, and shares nothing.
    await dialog.getByLabel(/^Invite/).fill("Ben Reviewer");
    await dialog.getByRole("button", { name: "Share" }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toContain("No person or office named “Ben Reviewer”");
    expect(await dialog.getByRole("alert").textContent()).toContain("People and history…");
    const drafts = () => ana.evaluate(async () => ((await (await fetch("/api/drafts")).json()) as { drafts: unknown[] }).drafts.length);
    expect(await drafts()).toBe(0);
    expect(ana.url()).not.toContain("shared=");
    await dialog.getByLabel(/^Invite/).fill("");
    await dialog.getByRole("button", { name: "Share" }).click();
    await ana.waitForURL(/\?shared=/, { timeout: 30_000 });
    await ana.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });

    await chooseFromToolbar(ana, "People and history…");
    const people = ana.getByRole("dialog", { name: "People and history of this draft" });
    const add = people.getByRole("form", { name: "Add a person to the server" });
    await add.getByLabel("Name").fill("Ben Reviewer");
    await add.getByLabel("Office").fill("Office of Ald. Ramirez-Rosa, 35th Ward");
    await add.getByLabel("Password").fill(PASSWORD);
    await add.getByRole("button", { name: "Add person" }).click();
    await expect.poll(() => people.getByTestId("members-done").textContent(), { timeout: 10_000 }).toContain("Added Ben Reviewer");
    await people.getByLabel("Invite a person or an office by name").fill("Ben Reviewer");
    await people.locator(".invite-form").getByLabel("as").selectOption("reviewer");
    await people.getByRole("button", { name: "Invite" }).click();
    await expect.poll(() => people.getByTestId("members-done").textContent(), { timeout: 10_000 }).toContain("Invited Ben Reviewer as reviewer");
    expect(await people.getByTestId("member").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Ben Reviewer (Office of Ald. Ramirez-Rosa, 35th Ward)")]));
    const address = await people.getByLabel("Address of this shared draft").inputValue();
    await people.getByRole("button", { name: "Close" }).click();

    const ben = await page();
    await ben.goto(address);
    await ben.getByRole("heading", { name: "Sign in to open the shared draft" }).waitFor({ timeout: 15_000 });
    await signIn(ben, "Ben Reviewer", PASSWORD);
    await ben.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    expect(await ben.getByTestId("shared-status").textContent()).toContain("reviewer");
    expect(errors.filter((error) => !error.includes("status of 401"))).toEqual([]);
  }, 180_000);
});
