import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectNoAxeViolations, launchBrowser, login, navLink, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const JOBCENTER = "Jobcenter Landeshauptstadt Magdeburg (Demo)";
const BILDUNGSWERK = "Bildungswerk Elbe-Börde (Demo)";
const OWN = "Netzwerk Migrantenorganisationen Magdeburg (Demo)";

/** Picks an organisation in a searchable organisation field by typing part of its name. */
async function chooseOrganisation(dialog: Locator, page: Page, label: string, typed: string, name: string) {
  const field = dialog.getByRole("combobox", { name: new RegExp(`^${label}`) });
  await field.fill(typed);
  await page.getByRole("option", { name }).click();
}

/** A JSON write through the API with the session's CSRF token, as the web app sends it. */
async function write(page: Page, method: "PATCH" | "PUT", path: string, data: unknown, ifMatch?: number) {
  const session = await (await page.request.get("/api/session")).json();
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: {
      "X-CSRF-Token": session.csrfToken,
      ...(ifMatch === undefined ? {} : { "If-Match": `"${ifMatch}"` }),
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** One active offer of the organisation the page's person acts for. */
async function ownOffer(page: Page): Promise<{ id: string; name: string }> {
  const session = await (await page.request.get("/api/session")).json();
  const res = await page.request.get(
    `/api/organisations/${session.active.organisationId}/offers?status=active&limit=1`,
  );
  return (await res.json()).items[0];
}

/** A counsellor refers one of their cases to an offer (without consent, saying why). */
async function refer(page: Page, offerId: string): Promise<string> {
  const session = await (await page.request.get("/api/session")).json();
  const cases = await (await page.request.get("/api/cases?limit=1")).json();
  const res = await page.request.post(`/api/cases/${cases.items[0].id}/referrals`, {
    data: {
      offerId,
      items: [],
      consentOverrideReason: "Eilige Vermittlung, Einwilligung folgt schriftlich.",
    },
    headers: { "X-CSRF-Token": session.csrfToken, "Idempotency-Key": `bell-${Date.now()}-${Math.random()}` },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

describe("interface register", () => {
  it("lets the coordination register an interface, find it and edit it, and reload on a stale save", async () => {
    const { context, page } = await newPage(browser);
    const unit = `Team Anerkennung ${Date.now()}`;
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Schnittstellen").click();
      await page.getByRole("heading", { level: 1, name: "Schnittstellen" }).waitFor();
      await page
        .getByRole("region", { name: "Standardfristen des Netzwerks" })
        .getByRole("textbox")
        .first()
        .waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Neue Schnittstelle" }).click();
      const dialog = page.getByRole("dialog", { name: "Neue Schnittstelle" });
      await chooseOrganisation(dialog, page, "Übergebende Organisation", "Jobcenter Landeshaupt", JOBCENTER);
      await chooseOrganisation(dialog, page, "Aufnehmende Organisation", "Bildungswerk", BILDUNGSWERK);
      // Two different organisations: the scope follows as external.
      expect(await dialog.getByLabel("Bereich").inputValue()).toBe("external");
      await dialog.getByLabel("Abteilung (übergebend)").fill(unit);
      await dialog.getByLabel("Übergabeweg").selectOption({ label: "E-Mail" });
      await dialog
        .getByLabel("Was wird übergeben?")
        .fill("Kundinnen und Kunden mit Bedarf an Anpassungsqualifizierung");
      await dialog.getByLabel(/^Antwort innerhalb von/).fill("5");
      await dialog.getByLabel(/^Abschluss innerhalb von/).fill("3");
      await expectNoAxeViolations(page);
      await dialog.getByRole("button", { name: "Speichern" }).click();
      // The server refuses a completion before the answer and names the field.
      await dialog
        .getByText("Die Frist für den Abschluss darf nicht kürzer sein als die Frist für die Antwort.")
        .first()
        .waitFor();
      await dialog.getByLabel(/^Abschluss innerhalb von/).fill("20");
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await dialog.waitFor({ state: "detached" });

      const register = page.getByRole("region", { name: "Schnittstellenregister" });
      await register.getByLabel("Organisation enthält").fill("Bildungswerk Elbe");
      const row = register.getByRole("row", { name: new RegExp(unit) });
      await row.waitFor();
      for (const text of [
        "extern",
        "E-Mail",
        "Antwort in 5 Arbeitstagen",
        "Abschluss in 20 Arbeitstagen",
        "Aktiv",
      ]) {
        await row.getByText(text, { exact: true }).waitFor();
      }

      await row.getByRole("button", { name: /^Bearbeiten/ }).click();
      const edit = page.getByRole("dialog", { name: "Schnittstelle bearbeiten" });
      await edit.getByLabel(/^Antwort innerhalb von/).fill("3");
      await edit.getByRole("button", { name: "Speichern" }).click();
      await edit.waitFor({ state: "detached" });
      await row.getByText("Antwort in 3 Arbeitstagen", { exact: true }).waitFor();

      // Somebody else saves meanwhile: the next save is refused and the form offers to reload.
      await row.getByRole("button", { name: /^Bearbeiten/ }).click();
      await edit.getByLabel(/^Antwort innerhalb von/).fill("4");
      const list = await (await page.request.get("/api/interfaces?q=Bildungswerk%20Elbe&limit=100")).json();
      const stored = list.items.find((i: { fromUnit: string }) => i.fromUnit === unit);
      await write(page, "PATCH", `/api/interfaces/${stored.id}`, { channel: "phone" }, stored.version);
      await edit.getByRole("button", { name: "Speichern" }).click();
      await edit.getByRole("button", { name: "Neu laden" }).click();
      // The reloaded form shows the other person's change and what had been typed before.
      await expect.poll(() => edit.getByLabel("Übergabeweg").inputValue()).toBe("phone");
      await edit.getByText("4", { exact: true }).waitFor();
      await edit.getByLabel(/^Antwort innerhalb von/).fill("4");
      await edit.getByRole("button", { name: "Speichern" }).click();
      await edit.waitFor({ state: "detached" });
      await row.getByText("Antwort in 4 Arbeitstagen", { exact: true }).waitFor();
      await row.getByText("Telefon", { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("lets the coordination change the network default times", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await page.goto("/interfaces");
      const settings = page.getByRole("region", { name: "Standardfristen des Netzwerks" });
      const expire = settings.getByLabel(/^Verfall nach/);
      await expire.waitFor();
      const before = await expire.inputValue();
      const changed = String(Number(before) + 1);
      await expire.fill(changed);
      await settings.getByRole("button", { name: "Standardfristen speichern" }).click();
      await page.getByText("Die Standardfristen wurden gespeichert.").waitFor();
      await page.reload();
      await expect.poll(() => expire.inputValue()).toBe(changed);
      // Other tests rely on the seeded defaults.
      await expire.fill(before);
      await settings.getByRole("button", { name: "Standardfristen speichern" }).click();
      await expect
        .poll(async () => (await (await page.request.get("/api/referral-settings")).json()).expireAfterDays)
        .toBe(Number(before));
    } finally {
      await context.close();
    }
  });

  it("shows an organisation admin the register and lets them edit only their organisation's interfaces", async () => {
    const { context, page } = await newPage(browser);
    const unit = `Beratungsteam ${Date.now()}`;
    try {
      await login(page, DEMO.admin);
      await navLink(page, "Schnittstellen").click();
      await page.getByRole("heading", { level: 1, name: "Schnittstellen" }).waitFor();
      const settings = page.getByRole("region", { name: "Standardfristen des Netzwerks" });
      await settings.getByText(/^Antwort innerhalb von/).waitFor();
      // Only the coordination changes the defaults.
      expect(await settings.getByRole("textbox").count()).toBe(0);

      await page.getByRole("button", { name: "Neue Schnittstelle" }).click();
      const dialog = page.getByRole("dialog", { name: "Neue Schnittstelle" });
      // The admin's own organisation is the sending side to begin with; a pair without it is refused.
      await chooseOrganisation(dialog, page, "Übergebende Organisation", "Bildungswerk", BILDUNGSWERK);
      await chooseOrganisation(dialog, page, "Aufnehmende Organisation", "Jobcenter Landeshaupt", JOBCENTER);
      await dialog.getByLabel(/^Antwort innerhalb von/).fill("5");
      await dialog.getByLabel(/^Abschluss innerhalb von/).fill("15");
      await dialog.getByRole("button", { name: "Speichern" }).click();
      const refused = "Sie können nur Schnittstellen anlegen, an denen Ihre Organisation beteiligt ist.";
      await dialog.getByText(refused).first().waitFor();
      expect(
        await dialog
          .getByRole("combobox", { name: /^Übergebende Organisation/ })
          .getAttribute("aria-invalid"),
      ).toBe("true");

      await chooseOrganisation(dialog, page, "Übergebende Organisation", "Migrantenorganisationen", OWN);
      await dialog.getByLabel("Abteilung (übergebend)").fill(unit);
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await dialog.waitFor({ state: "detached" });

      const register = page.getByRole("region", { name: "Schnittstellenregister" });
      await register.getByLabel("Organisation enthält").fill("Jobcenter Landeshauptstadt");
      const own = register.getByRole("row", { name: new RegExp(unit) });
      await own.getByRole("button", { name: /^Bearbeiten/ }).waitFor();
      // The coordination's interface between two other organisations is shown, but not editable.
      const others = register.getByRole("row").filter({ hasText: BILDUNGSWERK });
      await others.first().waitFor();
      expect(await others.getByRole("button").count()).toBe(0);
      await expectNoAxeViolations(page);

      await own.getByRole("button", { name: /^Bearbeiten/ }).click();
      const edit = page.getByRole("dialog", { name: "Schnittstelle bearbeiten" });
      await edit.getByLabel("Status").selectOption({ label: "Inaktiv" });
      await expectNoAxeViolations(page);
      await edit.getByRole("button", { name: "Speichern" }).click();
      await edit.waitFor({ state: "detached" });
      await own.getByText("Inaktiv", { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe("notifications bell", () => {
  it("opens by keyboard, shows the empty list and the read-all control, and closes with Escape", async () => {
    const { context, page } = await newPage(browser);
    try {
      // The coordination office offers nothing, so nobody refers to it: its list stays empty.
      await login(page, DEMO.coordinator);
      const bell = page.getByRole("button", { name: /^Benachrichtigungen/ });
      await bell.focus();
      await page.keyboard.press("Enter");
      const panel = page.getByRole("dialog", { name: "Benachrichtigungen" });
      await panel.getByText("Keine Benachrichtigungen.").waitFor();
      await panel.getByRole("button", { name: "Alle als gelesen markieren" }).waitFor();
      await expectNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await panel.waitFor({ state: "detached" });
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
        .toBe("Benachrichtigungen");
    } finally {
      await context.close();
    }
  });

  it("lists a new referral for the receiving organisation, marks it read when followed, and all at once", async () => {
    const counsellor = await newPage(browser);
    const company = await newPage(browser);
    try {
      await login(company.page, DEMO.company);
      const offer = await ownOffer(company.page);
      await login(counsellor.page, DEMO.counsellor);
      const referral = { id: await refer(counsellor.page, offer.id), offerName: offer.name };
      await company.page.reload();
      const bell = company.page.getByRole("button", { name: /^Benachrichtigungen, \d+ ungelesen$/ });
      await bell.click();
      const panel = company.page.getByRole("dialog", { name: "Benachrichtigungen" });
      const link = panel.getByRole("link", {
        name: `Ungelesen: Neuer Verweis eingegangen: ${referral.offerName}`,
      });
      await link.first().waitFor();
      await expectNoAxeViolations(company.page);
      await link.first().click();
      await company.page.waitForURL(`**/referrals/${referral.id}`);
      const read = async () => {
        const list = await (await company.page.request.get("/api/notifications")).json();
        return list.items.find((n: { referralId: string }) => n.referralId === referral.id)?.read;
      };
      await expect.poll(read).toBe(true);

      // A second referral, then everything at once.
      await refer(counsellor.page, offer.id);
      await company.page.reload();
      await company.page.getByRole("button", { name: /^Benachrichtigungen, \d+ ungelesen$/ }).click();
      await panel.getByRole("button", { name: "Alle als gelesen markieren" }).click();
      await company.page.getByRole("button", { name: "Benachrichtigungen", exact: true }).waitFor();
      expect((await (await company.page.request.get("/api/notifications")).json()).unread).toBe(0);
    } finally {
      await counsellor.context.close();
      await company.context.close();
    }
  });
});
