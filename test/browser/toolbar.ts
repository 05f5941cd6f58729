/** Reaches the toolbar's menu actions in browser tests, as a person would: open the menu, pick the item. */
import type { Page } from "playwright-core";

/** Which toolbar menu holds each action. */
const MENU_OF: Readonly<Record<string, string>> = {
  "New section…": "Section", "Renumber section…": "Section", "Repeal section": "Section", "Delete subsection": "Section",
  "Drafts…": "Draft", "Versions…": "Draft", "Import official text…": "Draft", "Import proposed text…": "Draft", "Share…": "Draft", "People and history…": "Draft", "Sign out": "Draft",
};

/** Opens the toolbar menu that holds `action` and chooses it. */
export async function chooseFromToolbar(page: Page, action: string): Promise<void> {
  const menu = MENU_OF[action];
  if (!menu) throw new Error(`no toolbar menu holds ${action}`);
  await page.getByRole("button", { name: menu, exact: true }).click();
  await page.getByRole("menuitem", { name: action, exact: true }).click();
}
