import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, login, navLink, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Edits the only member row the search shows, through the edit dialog. */
async function editMember(page: Page, changes: { role?: string; status?: string }) {
  await page.getByRole("button", { name: /^Bearbeiten: / }).click();
  const dialog = page.getByRole("dialog", { name: "Mitglied bearbeiten" });
  if (changes.role) await dialog.getByLabel("Rolle").selectOption({ label: changes.role });
  if (changes.status) await dialog.getByLabel("Status").selectOption({ label: changes.status });
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await dialog.waitFor({ state: "detached" });
}

describe("user management", () => {
  it("lets an organisation admin change a member's role, deactivate and reactivate them", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Mitglieder").click();
      const members = page.getByRole("region", { name: "Mitglieder" });

      // The admin's own row has no edit button: nobody changes their own role.
      await members.getByRole("row", { name: /Amir Haddad/ }).waitFor();
      expect(await members.getByRole("button", { name: "Bearbeiten: Amir Haddad" }).count()).toBe(0);

      // The demo seed gives every organisation a counsellor whose address ends in ".<org>.2@".
      await members.getByLabel("Name oder E-Mail enthält").fill(".mo-md.2@");
      await expect.poll(() => members.getByRole("row").count()).toBe(2);
      const row = members.getByRole("row").nth(1);
      await row.getByRole("cell", { name: "Berater*in", exact: true }).waitFor();

      await editMember(page, { role: "Trainer*in" });
      await row.getByRole("cell", { name: "Trainer*in", exact: true }).waitFor();

      await editMember(page, { status: "Deaktiviert" });
      await row.getByText("Deaktiviert", { exact: true }).waitFor();

      await editMember(page, { role: "Berater*in", status: "Aktiv" });
      await row.getByRole("cell", { name: "Berater*in", exact: true }).waitFor();
      await row.getByText("Aktiv", { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("lists a new invitation as open and removes it when revoked", async () => {
    const { context, page } = await newPage(browser);
    const email = `widerruf.${Date.now()}@lotse.example`;
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Mitglieder").click();
      const invite = page.getByRole("region", { name: "Person einladen" });
      await invite.getByLabel("E-Mail-Adresse").fill(email);
      await invite.getByRole("button", { name: "Einladen" }).click();
      const open = page.getByRole("region", { name: "Offene Einladungen" });
      await open.getByRole("cell", { name: email, exact: true }).waitFor();

      await open.getByRole("button", { name: `Widerrufen: Einladung an ${email}` }).click();
      await open.getByRole("cell", { name: email, exact: true }).waitFor({ state: "detached" });
    } finally {
      await context.close();
    }
  });

  it("shows a field error from the server under the invitation's e-mail field", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Mitglieder").click();
      const invite = page.getByRole("region", { name: "Person einladen" });
      await invite.getByLabel("E-Mail-Adresse").fill("keine-adresse");
      await invite.getByRole("button", { name: "Einladen" }).click();
      const field = invite.getByLabel("E-Mail-Adresse");
      await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
      await invite.getByText("Bitte geben Sie eine gültige E-Mail-Adresse an.").waitFor();
    } finally {
      await context.close();
    }
  });
});
