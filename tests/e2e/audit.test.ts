import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, login, navLink, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("audit log", () => {
  it("shows an organisation admin their own logins, filtered by action", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Audit-Protokoll").click();
      await page.getByRole("heading", { level: 1, name: "Audit-Protokoll" }).waitFor();
      await page.getByLabel("Aktion").fill("auth.login");
      const table = page.getByRole("table");
      await table.getByRole("cell", { name: "auth.login", exact: true }).first().waitFor();
      // Every row is a login, by the admin, with the request that made it.
      await expect
        .poll(async () => new Set(await table.locator("tbody tr td:nth-child(3)").allTextContents()))
        .toEqual(new Set(["auth.login"]));
      const first = table.locator("tbody tr").first();
      expect(await first.locator("td").nth(1).textContent()).toBe("Amir Haddad");
      expect(await first.locator("td").nth(5).textContent()).toMatch(/^[0-9a-f-]{36}$/);

      // A day in the future has no entries.
      await page.getByLabel("Von (Datum)").fill("2099-01-01");
      await page.getByText("Keine Einträge für diese Filter.").waitFor();
    } finally {
      await context.close();
    }
  });

  it("lets the network coordinator narrow the log to one organisation", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Audit-Protokoll").click();
      const organisation = page.getByLabel("Organisation", { exact: true });
      await organisation
        .locator("option", { hasText: "Netzwerk Migrantenorganisationen Magdeburg (Demo)" })
        .waitFor({
          state: "attached",
        });
      await organisation.selectOption({ label: "Netzwerk Migrantenorganisationen Magdeburg (Demo)" });
      await page.getByLabel("Aktion").fill("auth.");
      const table = page.getByRole("table");
      // The coordinator's own logins belong to another organisation and leave the list.
      await expect.poll(() => table.getByRole("cell", { name: "Katrin Vogel", exact: true }).count()).toBe(0);
      await table.getByRole("cell", { name: "Amir Haddad", exact: true }).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it("hides the log's own readers when only changes are asked for", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Audit-Protokoll").click();
      const table = page.getByRole("table");
      // Opening the log is itself a read of personal data, so it appears in the log.
      await table.getByRole("cell", { name: "audit.list", exact: true }).first().waitFor();
      await page.getByLabel("Art des Zugriffs").selectOption({ label: "Nur Änderungen" });
      await expect.poll(() => table.getByRole("cell", { name: "audit.list", exact: true }).count()).toBe(0);
      await table.getByRole("cell", { name: "auth.login", exact: true }).first().waitFor();
    } finally {
      await context.close();
    }
  });
});
