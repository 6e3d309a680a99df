import type { Browser } from "playwright-core";
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

const PLANNED = "Diversity-Beratung in eigener Organisation 2027/1";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("trainings core", () => {
  it("lets the coordinator set up a cohort in a minute and register a person; bad dates are named", async () => {
    const { context, page } = await newPage(browser);
    const title = `Diversity-Beratung Test ${Date.now()}`;
    try {
      await login(page, DEMO.coordinator);
      await navLink(page, "Weiterbildungen").click();
      await page.getByRole("heading", { level: 1, name: "Weiterbildungen" }).waitFor();
      await page.getByRole("link", { name: PLANNED }).waitFor();
      await page
        .getByRole("heading", { name: "Diversity-Beratung in eigener Organisation", level: 3 })
        .waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "Neue Kohorte" }).click();
      const dialog = page.getByRole("dialog", { name: "Neue Kohorte" });
      await dialog
        .getByLabel(/^Programm/)
        .selectOption({ label: "Diversity-Beratung in eigener Organisation" });
      await dialog.getByLabel(/^Titel/).fill(title);
      await dialog.getByLabel(/^Beginn/).fill(day(40));
      await dialog.getByLabel(/^Ende/).fill(day(20));
      await dialog.getByLabel(/^Ort oder Adresse/).fill("Magdeburg, Breiter Weg 12");
      await dialog.getByLabel(/^Plätze/).fill("1");
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await dialog.getByText("Das Ende liegt vor dem Beginn.").first().waitFor();
      await expectNoAxeViolations(page);
      await dialog.getByLabel(/^Ende/).fill(day(100));
      await dialog.getByRole("button", { name: "Speichern" }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByRole("heading", { name: "Mischung der Akteursgruppen" }).waitFor();
      await expectNoAxeViolations(page);

      // By keyboard: the tabs with the arrow keys, then the register dialog.
      await page.getByRole("tab", { name: "Überblick" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.getByRole("tab", { name: "Teilnehmende", selected: true }).waitFor();
      await page.getByRole("button", { name: "Person anmelden" }).focus();
      await page.keyboard.press("Enter");
      const register = page.getByRole("dialog", { name: "Person anmelden" });
      await register.getByText("Person ohne Konto").click();
      await register.getByLabel(/^Name/).fill("Leonie Brandt");
      await register.getByLabel(/^E-Mail/).fill(`leonie.brandt.${Date.now()}@example.org`);
      await register.getByLabel(/^Organisation$|^Organisation \*/).fill("Stadtbibliothek Magdeburg");
      await register.getByLabel(/^Organisationsart/).selectOption({ label: "Stadt- oder Kreisverwaltung" });
      await register.getByRole("button", { name: "Anmelden" }).press("Enter");
      await page.getByRole("rowheader", { name: "Leonie Brandt" }).waitFor();
      expect(await page.getByRole("row", { name: /Leonie Brandt/ }).textContent()).toContain("angemeldet");
      await page.getByText(/0 von 1 Plätzen frei/).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("takes a public application in Arabic, and the coordinator approves it with one action", async () => {
    const { context, page } = await newPage(browser);
    const email = `bewerbung.${Date.now()}@example.org`;
    try {
      await page.goto("/apply");
      await page.getByRole("heading", { level: 1, name: "Bewerbung für eine Weiterbildung" }).waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { level: 1, name: "التقديم على دورة تدريبية" }).waitFor();
      await page.getByRole("button", { name: "إرسال الطلب" }).click();
      await page
        .getByText("يرجى", { exact: false })
        .first()
        .waitFor()
        .catch(() => undefined);
      await expectNoAxeViolations(page);
      const cohort = page.getByLabel(/^الدفعة/);
      const value = await cohort.locator("option", { hasText: PLANNED }).getAttribute("value");
      await cohort.selectOption(value ?? "");
      await page.getByLabel(/^اسمك/).fill("Rana Haddad");
      await page.getByLabel(/^بريدك الإلكتروني/).fill(email);
      await page.getByLabel(/^منظمتك/).fill("Kulturverein Nord");
      await page.getByLabel(/^نوع المنظمة/).selectOption({ index: 2 });
      await page.getByLabel(/^تعمل هناك بصفة/).selectOption({ index: 1 });
      await page.getByLabel(/^أوافق/).check();
      await page.getByRole("button", { name: "إرسال الطلب" }).click();
      await page.getByText("تم استلام الطلب").first().waitFor();
      await expectNoAxeViolations(page);

      await chooseLanguage(page, "Deutsch");
      await login(page, DEMO.coordinator);
      await page.goto("/trainings");
      await page.getByRole("link", { name: PLANNED }).click();
      await page.getByRole("tab", { name: "Teilnehmende" }).click();
      await page.getByRole("button", { name: "Bewerbung von Rana Haddad zulassen" }).click();
      await page
        .getByRole("row", { name: /Rana Haddad/ })
        .getByText("angemeldet")
        .waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("lets an admin register a member of their own organisation from the list, in Arabic too", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await page.goto("/trainings");
      await page.getByRole("button", { name: `Mitglieder anmelden: ${PLANNED}` }).click();
      const dialog = page.getByRole("dialog", { name: `Mitglieder anmelden: ${PLANNED}` });
      await dialog.getByRole("combobox", { name: /^Mitglied/ }).click();
      await page.getByRole("listbox").getByRole("option").first().click();
      await dialog.getByRole("button", { name: "Anmelden" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByRole("link", { name: PLANNED }).click();
      await page.getByRole("tab", { name: "Teilnehmende" }).click();
      await page.getByRole("columnheader", { name: "E-Mail" }).waitFor();
      await chooseLanguage(page, "العربية");
      await page.getByRole("tab", { name: "المشاركون" }).click();
      await page.getByRole("heading", { name: "مزيج فئات الجهات الفاعلة" }).waitFor({ state: "detached" });
      await expectNoAxeViolations(page);
      await page.getByRole("tab", { name: "نظرة عامة" }).click();
      await page.getByRole("heading", { name: "مزيج فئات الجهات الفاعلة" }).waitFor();
      await expectNoAxeViolations(page);
      // The choice is the account's preference: back to German for the tests that log in after.
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });
});
