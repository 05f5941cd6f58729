/**
 * Two people on one shared draft, in two browser contexts against a real server: the drafter
 * shares the draft from the browser (signing in there), the reviewer opens the link and signs in;
 * each sees the other in the presence list, the drafter's typing reaches the reviewer as an
 * underscored insertion of the redline, with the drafter's caret named; the reviewer cannot type,
 * but suggests wording, which the drafter accepts: the text, the panel (who made each change),
 * the audit trail, the exported ordinance and the tracked-changes Word file (each revision's
 * author) all show it.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstAdmin, PASSWORD, person, testServer } from "../server/helpers";
import { launchBrowser, outputDir } from "./browser";
import { caretBefore, documentText, selectWords, signIn } from "./editing";
import { chooseFromToolbar } from "./toolbar";

describe("a shared draft, two people in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof testServer>>;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await testServer();
    const admin = await firstAdmin(server.url);
    await person(admin, "Dana Drafter", "Advancing Justice | Chicago");
    await person(admin, "Rita Reviewer", "Office of Ald. Ramirez-Rosa, 35th Ward");
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    return page;
  }


  it("shares; shows presence both ways; brings typing across as an insertion; a reviewer's suggestion is accepted, credited to her and exported", async () => {
    const drafter = await newPage();
    await drafter.goto(server.url + "/");
    await drafter.waitForSelector("[data-testid=change-row]");
    await chooseFromToolbar(drafter, "Share…");
    const dialog = drafter.getByRole("dialog", { name: "Share this draft" });
    await signIn(drafter, "Dana Drafter", PASSWORD);
    await dialog.getByLabel(/Invite/).fill("Rita Reviewer");
    await dialog.getByLabel("as").selectOption("reviewer");
    await drafter.screenshot({ path: join(outputDir(), "shared-share-dialog.png") });
    await dialog.getByRole("button", { name: "Share" }).click();
    await drafter.waitForURL(/\?shared=/, { timeout: 30_000 });
    await drafter.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    expect(await drafter.getByTestId("shared-status").textContent()).toContain("drafter");
    // Right after sharing, the address to send is shown, with Copy; the page's own address drops the one-time flag.
    await expect.poll(() => drafter.url()).not.toContain("just-shared");
    const link = drafter.url();
    expect(await drafter.locator("footer.notices").getByTestId("share-link").getByLabel("Address of this shared draft").inputValue()).toBe(link);

    const reviewer = await newPage();
    await reviewer.goto(link);
    await signIn(reviewer, "Rita Reviewer", PASSWORD);
    await reviewer.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    expect(await reviewer.getByTestId("shared-status").textContent()).toContain("reviewer");

    const present = (page: Page) => page.getByTestId("present-person").allTextContents();
    await expect.poll(() => present(drafter), { timeout: 15_000 }).toEqual(["Dana Drafter (you)", "Rita Reviewer"]);
    await expect.poll(() => present(reviewer), { timeout: 15_000 }).toEqual(["Rita Reviewer (you)", "Dana Drafter"]);
    // The same redline on both sides before anyone types.
    expect(await documentText(reviewer)).toBe(await documentText(drafter));

    await caretBefore(drafter, "help with investigations");
    await drafter.keyboard.type("gladly ");
    await expect.poll(() => documentText(reviewer), { timeout: 15_000 }).toContain("gladly help with investigations");
    // What the reviewer sees: the new word underscored as an insertion, and the drafter's caret with her name.
    const insertion = reviewer.locator("ins.redline-insert", { hasText: "gladly" }).first();
    await expect.poll(async () => insertion.evaluate((element) => getComputedStyle(element).textDecorationLine), { timeout: 10_000 }).toContain("underline");
    await expect.poll(() => reviewer.locator(".remote-caret-name").allTextContents(), { timeout: 10_000 }).toContain("Dana Drafter");
    await reviewer.screenshot({ path: join(outputDir(), "shared-reviewer.png") });

    // The reviewer's view takes no typing, and the drafter's text stays as it is.
    await reviewer.locator(".editor-pane p", { hasText: "witnesses to crime" }).first().click();
    await reviewer.keyboard.type("zzz");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await documentText(drafter)).not.toContain("zzz");
    expect(await documentText(reviewer)).not.toContain("zzz");
    // She is told why, and her place stays (a space does not scroll the chapter).
    await expect.poll(() => reviewer.getByTestId("refused-edit").textContent()).toContain("Suggest…");
    const scrolled = await reviewer.locator(".editor-pane").evaluate((pane) => pane.scrollTop);
    await reviewer.keyboard.press(" ");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await reviewer.locator(".editor-pane").evaluate((pane) => pane.scrollTop)).toBe(scrolled);
    // Agreeing and rejecting are the drafters': her buttons say so, and nothing bulk is offered.
    await reviewer.getByTestId("change-row").first().click();
    const agree = reviewer.locator(".change-details").getByRole("button", { name: "Agree", exact: true });
    expect(await agree.isDisabled()).toBe(true);
    expect(await agree.getAttribute("title")).toMatch(/a drafter agrees/);
    expect(await reviewer.locator(".change-details").getByRole("button", { name: "Reject", exact: true }).isDisabled()).toBe(true);
    expect(await reviewer.getByRole("button", { name: "Agree to all…" }).count()).toBe(0);
    expect(await reviewer.getByRole("button", { name: "Agree to all", exact: true }).count()).toBe(0);
    // The drafter's are live.
    await drafter.getByTestId("change-row").first().click();
    expect(await drafter.locator(".change-details").getByRole("button", { name: "Agree", exact: true }).isDisabled()).toBe(false);

    // The reviewer proposes other wording for words she selects; the drafter sees who proposed what and accepts it.
    await selectWords(reviewer, "witnesses to crime");
    await reviewer.getByRole("button", { name: "Suggest…" }).click();
    const suggest = reviewer.getByRole("dialog", { name: "Suggest wording" });
    await suggest.getByLabel(/Proposed wording/).fill("witnesses of crime");
    await suggest.getByRole("button", { name: "Suggest" }).click();
    await drafter.getByRole("tab", { name: "Suggestions" }).click();
    const card = drafter.getByTestId("suggestion").first();
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain("witnesses of crime");
    expect(await card.textContent()).toContain("Rita Reviewer, Office of Ald. Ramirez-Rosa, 35th Ward");
    // In the drafter's text: the words highlighted, the wording beside them.
    expect(await drafter.locator(".suggested-wording").first().textContent()).toBe("witnesses of crime");
    await drafter.screenshot({ path: join(outputDir(), "shared-suggestion.png") });
    await card.getByRole("button", { name: "Accept" }).click();
    // Both see "to" struck and "of" underscored.
    await expect.poll(() => documentText(reviewer), { timeout: 15_000 }).toContain("and witnesses to of crime,");
    expect(await documentText(drafter)).toContain("and witnesses to of crime,");
    await reviewer.getByRole("tab", { name: "Suggestions" }).click();
    await expect.poll(() => reviewer.getByTestId("suggestion").first().textContent(), { timeout: 10_000 }).toContain("Accepted by Dana Drafter");
    // The accepted wording is in the redline (underscored) and in the exported ordinance.
    expect(await drafter.locator("ins.redline-insert", { hasText: "of" }).count()).toBeGreaterThan(0);
    // Each change names who made it: the accepted suggestion its suggester, the typing its typist.
    await drafter.getByRole("tab", { name: "Changes" }).click();
    const row = (words: string) => drafter.getByTestId("change-row").filter({ has: drafter.locator("ins", { hasText: new RegExp(`^${words}$`) }) }).first();
    await expect.poll(() => row("of").getByTestId("change-author").textContent(), { timeout: 10_000 }).toContain("Rita Reviewer, Office of Ald. Ramirez-Rosa, 35th Ward");
    expect(await row("gladly").getByTestId("change-author").textContent()).toContain("Dana Drafter, Advancing Justice | Chicago");
    await drafter.getByRole("button", { name: "Export…" }).click();
    const exportDialog = drafter.getByRole("dialog", { name: "Export the amending ordinance" });
    const [downloaded] = await Promise.all([drafter.waitForEvent("download"), exportDialog.getByRole("button", { name: "Text (.txt)" }).click()]);
    const ordinanceText = readFileSync((await downloaded.path())!, "utf8");
    expect(ordinanceText).toContain("and witnesses [-to-] {+of+} crime");
    expect(ordinanceText).toContain("report offenses and {+gladly+} help with investigations");
    // The tracked-changes Word file credits each revision to its author.
    const [tracked] = await Promise.all([drafter.waitForEvent("download"), exportDialog.getByRole("button", { name: "Word, tracked changes" }).click()]);
    const documentXml = await (await JSZip.loadAsync(readFileSync((await tracked.path())!))).file("word/document.xml")!.async("string");
    const revisionBy = (words: string) => new RegExp(`<w:ins [^>]*w:author="([^"]+)"[^>]*>(?:(?!</w:ins>).)*${words}`, "s").exec(documentXml)?.[1];
    expect(revisionBy(">of<")).toBe("Rita Reviewer");
    expect(revisionBy("gladly")).toBe("Dana Drafter");
    await exportDialog.getByRole("button", { name: "Close" }).click();
    // The audit trail has the suggestion, its acceptance and the export, each by its person.
    const auditUrl = `${server.url}/api/drafts/${new URL(link).searchParams.get("shared")}/audit`;
    const actions = async () => ((await (await drafter.request.get(auditUrl)).json()) as { audit: Array<{ action: string; person: string }> }).audit.map((row) => `${row.action} ${row.person}`);
    await expect.poll(actions, { timeout: 10_000 }).toEqual(expect.arrayContaining(["suggestion-made Rita Reviewer", "suggestion-accepted Dana Drafter", "export Dana Drafter"]));

    // The reviewer comments on words; the server signs nothing for her: the comment carries her session's name, and the drafter sees it.
    await reviewer.getByRole("tab", { name: "Comments" }).click();
    expect(await reviewer.getByTestId("you-are").textContent()).toContain("Rita Reviewer, Office of Ald. Ramirez-Rosa, 35th Ward (signed in)");
    expect(await reviewer.getByTestId("you-are").getByRole("button", { name: "Change" }).count()).toBe(0);
    await selectWords(reviewer, "report offenses");
    await reviewer.keyboard.press("Control+Alt+m");
    const box = reviewer.getByTestId("new-thread");
    await box.waitFor();
    await box.getByLabel("Comment").fill("Does this cover reports made online?");
    await box.getByRole("button", { name: "Post" }).click();
    await drafter.getByRole("tab", { name: "Comments" }).click();
    const drafterThread = drafter.getByTestId("thread").first();
    await expect.poll(() => drafterThread.textContent(), { timeout: 15_000 }).toContain("Does this cover reports made online?");
    expect(await drafterThread.textContent()).toContain("report offenses");
    await drafterThread.getByRole("button").first().click();
    await expect.poll(() => drafterThread.getByTestId("comment").first().textContent(), { timeout: 10_000 }).toMatch(/Rita Reviewer, Office of Ald\. Ramirez-Rosa, 35th Ward.*Does this cover reports made online\?/);
    await expect.poll(actions, { timeout: 10_000 }).toEqual(expect.arrayContaining(["comment Rita Reviewer"]));

    // People and history: the members with their roles (the drafter changes one), and the audit trail, also as CSV.
    await chooseFromToolbar(drafter, "People and history…");
    const people = drafter.getByRole("dialog", { name: "People and history of this draft" });
    await expect.poll(() => people.getByTestId("member").allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([
      expect.stringContaining("Dana Drafter (Advancing Justice | Chicago)"), expect.stringContaining("Rita Reviewer (Office of Ald. Ramirez-Rosa, 35th Ward)"),
    ]));
    await people.getByLabel("Role of Rita Reviewer (Office of Ald. Ramirez-Rosa, 35th Ward)").selectOption("viewer");
    await expect.poll(async () => ((await (await drafter.request.get(`${server.url}/api/drafts/${new URL(link).searchParams.get("shared")}`)).json()) as { members: Array<{ person?: string; role: string }> }).members.find((member) => member.person === "Rita Reviewer")?.role, { timeout: 10_000 }).toBe("viewer");
    await expect.poll(() => people.getByTestId("audit-row").allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining("Accepted a suggestion")]));
    // Read in words, with the base text's fingerprint cut short (the CSV keeps it whole).
    const auditText = (await people.getByTestId("audit-row").allTextContents()).join("\n");
    expect(auditText).toMatch(/Created the draft.*base text fingerprint [0-9a-f]{12}…/);
    expect(auditText).toContain("Shared the draft's text");
    expect(auditText).not.toMatch(/[0-9a-f]{64}/);
    await drafter.screenshot({ path: join(outputDir(), "shared-people.png") });
    const csvHref = await people.getByRole("link", { name: "Download as CSV" }).getAttribute("href");
    const csv = await (await drafter.request.get(server.url + csvHref!)).text();
    expect(csv.split(/\r?\n/)[0]).toBe("id,at,person,office,draft,action,detail");
    expect(csv).toContain("role-set");
    expect(csv).toMatch(/draft-created,.*base [0-9a-f]{64}/);
    await people.getByRole("button", { name: "Close" }).click();

    // Gone within seconds of leaving.
    await reviewer.close();
    await expect.poll(() => present(drafter), { timeout: 30_000 }).toEqual(["Dana Drafter (you)"]);
    // Signing out ends the session and leaves the shared draft.
    await chooseFromToolbar(drafter, "Sign out");
    await drafter.waitForURL((url) => !url.search.includes("shared="), { timeout: 15_000 });
    expect((await drafter.request.get(`${server.url}/api/session`)).status()).toBe(401);
    // Asking for the session before signing in is answered 401, which Chromium logs; nothing else may be.
    expect(errors.filter((error) => !error.includes("status of 401"))).toEqual([]);
  }, 180_000);
});
