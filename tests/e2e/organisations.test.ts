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

describe("organisation directory", () => {
  it("lets the network coordinator create an organisation, set it inactive and find it by filters", async () => {
    const { context, page } = await newPage(browser);
    const name = `Begegnungsverein Quedlinburg ${Date.now()}`;
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Organisationen").click();
      await page.getByRole("button", { name: "Neue Organisation" }).click();
      const dialog = page.getByRole("dialog", { name: "Neue Organisation anlegen" });
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
      await dialog.getByLabel("Art der Organisation").selectOption({ label: "Migrantenorganisation" });
      await dialog.getByLabel("Landkreis / kreisfreie Stadt").selectOption({ label: "Harz" });
      await dialog.getByLabel("Postleitzahl").fill("06484");
      await dialog.getByLabel("Ort").fill("Quedlinburg");
      await dialog.getByRole("button", { name: "Anlegen" }).click();

      await page.getByRole("heading", { level: 1, name }).waitFor();
      await page.getByText("06484 Quedlinburg").waitFor();

      await page.getByRole("button", { name: "Bearbeiten" }).click();
      const form = page.getByRole("region", { name: "Profil bearbeiten" });
      await form.getByLabel("Status").selectOption({ label: "Inaktiv" });
      await form.getByRole("button", { name: "Speichern" }).click();
      await page.getByText("Das Profil ist gespeichert.").waitFor();
      await page
        .getByRole("definition")
        .filter({ hasText: /^Inaktiv$/ })
        .waitFor();

      await page.getByRole("link", { name: "Zurück zu den Organisationen" }).click();
      const filters = page.getByRole("search", { name: "Organisationen filtern" });
      await filters.getByLabel("Landkreis / kreisfreie Stadt").selectOption({ label: "Harz" });
      await filters.getByLabel("Status").selectOption({ label: "Inaktiv" });
      const table = page.getByRole("table");
      await table.getByRole("link", { name }).waitFor();
      await expect.poll(() => table.getByRole("row").count()).toBe(2);
    } finally {
      await context.close();
    }
  });

  it("shows the validation messages of the server under the fields", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Organisationen").click();
      await page.getByRole("button", { name: "Neue Organisation" }).click();
      const dialog = page.getByRole("dialog", { name: "Neue Organisation anlegen" });
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("X");
      await dialog.getByLabel("Postleitzahl").fill("123");
      await dialog.getByRole("button", { name: "Anlegen" }).click();
      await dialog.getByText("Mindestens 2 Zeichen.").waitFor();
      await dialog.getByText("Ungültiges Format.").waitFor();
      expect(
        await dialog.getByRole("textbox", { name: "Name", exact: true }).getAttribute("aria-invalid"),
      ).toBe("true");
    } finally {
      await context.close();
    }
  });
});
