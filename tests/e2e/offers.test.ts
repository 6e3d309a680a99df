import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseLanguage,
  DEMO,
  expectNoAxeViolations,
  launchBrowser,
  login,
  navLink,
  newPage,
} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks a language in the searchable language field by typing part of its name. */
async function addLanguage(page: Page, typed: string, option: string) {
  const field = page.getByRole("combobox", { name: "Sprachen des Angebots" });
  await field.fill(typed);
  await page.getByRole("option", { name: option }).click();
  await field.press("Escape");
}

describe("offers", () => {
  it("lets an organisation admin create, find, edit an offer and read its history", async () => {
    const { context, page } = await newPage(browser);
    const stamp = String(Date.now());
    const name = `Anerkennungsberatung Stadtfeld ${stamp}`;
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Angebote").click();
      await page.getByRole("heading", { level: 1, name: "Angebote" }).waitFor();
      // The demo seed gives the admin's organisation offers of its own.
      await page.getByRole("region", { name: "Angebote" }).getByRole("row").nth(1).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Neues Angebot" }).click();
      await page.getByRole("heading", { level: 1, name: "Neues Angebot" }).waitFor();
      await page.getByLabel(/^Name( \*)?$/).fill(name);
      await page.getByLabel(/^Beschreibung$/).fill("Beratung zur Anerkennung im Stadtteiltreff.");
      await page.getByLabel(/^Art des Angebots/).selectOption({ label: "Anerkennungsberatung" });
      await page.getByRole("checkbox", { name: /^Phase 1:/ }).check();
      await page.getByRole("checkbox", { name: /^Phase 2:/ }).check();
      await addLanguage(page, "Arab", "Arabisch (ar)");
      await addLanguage(page, "Ukrain", "Ukrainisch (uk)");
      await page.getByRole("checkbox", { name: "Magdeburg", exact: true }).check();
      await page.getByRole("checkbox", { name: "Börde", exact: true }).check();
      await page.getByLabel("Name auf Englisch").fill("Recognition counselling Stadtfeld");
      await page
        .getByLabel("Beschreibung auf Englisch")
        .fill("Counselling on recognition at the district centre.");
      await page.getByRole("button", { name: "Öffnungszeit hinzufügen" }).click();
      const hours = page.getByRole("group", { name: "Öffnungszeit 1" });
      await hours.getByRole("checkbox", { name: "Mittwoch" }).check();
      await hours.getByLabel("Von").fill("14:00");
      await hours.getByLabel("Bis").fill("17:00");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Speichern" }).click();

      await page.getByRole("heading", { level: 1, name }).waitFor();
      const details = page.getByRole("region", { name: "Grunddaten" });
      await details.getByText(/^(Deutsch, )?Arabisch, Ukrainisch$/).waitFor();
      await details.getByText("Recognition counselling Stadtfeld").waitFor();
      await details.getByText("Magdeburg, Börde").waitFor();
      // The history loads after the offer: axe looks at the page once both are there.
      await page.getByRole("region", { name: "Änderungsverlauf" }).getByRole("row").nth(1).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Zurück zu den Angeboten" }).click();
      await page.getByLabel("Name enthält").fill(stamp);
      const list = page.getByRole("region", { name: "Angebote" });
      await list.getByRole("link", { name }).waitFor();
      await expect.poll(() => list.getByRole("row").count()).toBe(2);
      await list.getByRole("link", { name }).click();

      await page.getByRole("link", { name: "Bearbeiten" }).click();
      await page.getByRole("heading", { level: 1, name: "Angebot bearbeiten" }).waitFor();
      await page.getByLabel(/^Status/).selectOption({ label: "Vorübergehend geschlossen" });
      await page.getByRole("checkbox", { name: /^Phase 3:/ }).check();
      await page.getByRole("button", { name: "Speichern" }).click();

      await page.getByRole("heading", { level: 1, name }).waitFor();
      const history = page.getByRole("region", { name: "Änderungsverlauf" });
      const statusRow = history.getByRole("row", { name: /Geändert\s+Status/ });
      await statusRow.getByRole("cell", { name: "Aktiv", exact: true }).waitFor();
      await statusRow.getByRole("cell", { name: "Vorübergehend geschlossen", exact: true }).waitFor();
      await history
        .getByRole("row", { name: /Geändert\s+Phasen/ })
        .getByRole("cell", { name: "Phase 1, Phase 2, Phase 3" })
        .waitFor();
      await history.getByRole("row", { name: /Angelegt\s+Name auf Englisch/ }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("passes axe on the offer list and an offer with its history in Arabic", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await chooseLanguage(page, "العربية");
      try {
        await page.goto("/offers");
        await page.getByRole("heading", { level: 1, name: "العروض" }).waitFor();
        const first = page.getByRole("region", { name: "العروض" }).getByRole("row").nth(1);
        await first.waitFor();
        await expectNoAxeViolations(page);
        await first.getByRole("link").click();
        await page.getByRole("heading", { level: 2, name: "سجل التغييرات" }).waitFor();
        await page.getByRole("region", { name: "سجل التغييرات" }).getByRole("row").nth(1).waitFor();
        await expectNoAxeViolations(page);
      } finally {
        // The language is the account's preference: the next tests expect German.
        await chooseLanguage(page, "Deutsch");
      }
    } finally {
      await context.close();
    }
  });

  it("lets an admin add a location in a dialog and lists it", async () => {
    const { context, page } = await newPage(browser);
    const place = `Stadtteilbüro ${Date.now()}`;
    try {
      await login(page, DEMO.admin);
      await page.goto("/offers");
      await page.getByRole("button", { name: "Standort hinzufügen" }).click();
      const dialog = page.getByRole("dialog", { name: "Neuer Standort" });
      await dialog.getByLabel("Bezeichnung").fill(place);
      await dialog.getByLabel("Straße und Hausnummer").fill("Olvenstedter Straße 12");
      await dialog.getByLabel("Postleitzahl").fill("39108");
      await dialog.getByLabel("Ort", { exact: true }).fill("Magdeburg");
      await dialog.getByLabel("Landkreis / kreisfreie Stadt").selectOption({ label: "Magdeburg" });
      await expectNoAxeViolations(page);
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await dialog.waitFor({ state: "detached" });
      const locations = page.getByRole("region", { name: "Standorte" });
      await locations.getByRole("row", { name: new RegExp(place) }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("shows a counsellor the offers without the means to change them", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      await navLink(page, "Angebote").click();
      await page.getByRole("region", { name: "Angebote" }).getByRole("row").nth(1).waitFor();
      expect(await page.getByRole("link", { name: "Neues Angebot" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Standort hinzufügen" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe("offers of another organisation", () => {
  it("lets the coordination add an offer for an organisation from its page", async () => {
    const { context, page } = await newPage(browser);
    const name = `Kenntnisprüfung Vorbereitung ${Date.now()}`;
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Organisationen").click();
      await page.getByLabel("Name enthält").fill("Pflegeschule Anhalt");
      await page.getByRole("link", { name: /Pflegeschule Anhalt-Bitterfeld/ }).click();
      const offers = page.getByRole("region", { name: "Angebote" });
      await offers.getByRole("row").nth(1).waitFor();
      await expectNoAxeViolations(page);
      await offers.getByRole("link", { name: "Neues Angebot" }).click();
      await page.getByRole("heading", { level: 1, name: "Neues Angebot" }).waitFor();
      await page.getByLabel(/^Name( \*)?$/).fill(name);
      await page.getByLabel(/^Art des Angebots/).selectOption({ label: "Anpassungsqualifizierung" });
      await page.getByRole("checkbox", { name: /^Phase 3:/ }).check();
      await page.getByRole("checkbox", { name: "Anhalt-Bitterfeld", exact: true }).check();
      await page.getByRole("button", { name: "Speichern" }).click();
      await page.getByRole("heading", { level: 1, name }).waitFor();
      // It belongs to the school, not to the coordination office.
      const res = await page.request.get(
        `/api/organisations/${(await page.request.get("/api/session").then((r) => r.json())).active.organisationId}/offers?q=${encodeURIComponent(name)}`,
      );
      expect((await res.json()).total).toBe(0);
    } finally {
      await context.close();
    }
  });
});
