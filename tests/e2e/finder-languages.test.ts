import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FinderOfferSummary, FinderResults } from "../../src/shared/contracts/finder.ts";
import {
  baseUrl,
  chooseLanguage,
  DEMO,
  expectNoAxeViolations,
  launchBrowser,
  login,
  newPage,
  PHONE,
} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function results(query: string): Promise<FinderOfferSummary[]> {
  const res: FinderResults = await (await fetch(`${baseUrl()}/api/finder/offers?${query}`)).json();
  return res.items;
}

/** Waits until the result list shows the search of the current URL. */
async function resultsSettled(page: Page) {
  await page.locator('section[aria-busy="false"]').waitFor();
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab until the element has the focus, as a keyboard user would. */
async function tabTo(page: Page, locator: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${locator}`);
}

/** Whether the element's top edge is on the first screen, without scrolling. */
async function onFirstScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y < PHONE.height;
}

describe("the offer finder on a phone", () => {
  it("shows the search box and the results first; the filters fold away behind a button that counts them and opens by keyboard", async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE });
    try {
      await page.goto("/finder?lang=de&type=anerkennungsberatung&language=ar");
      await resultsSettled(page);
      const firstResult = page.locator(".offer-card h3 a").first();
      await firstResult.waitFor();
      expect(await onFirstScreen(page.getByRole("searchbox", { name: "Suchbegriff" }))).toBe(true);
      expect(await onFirstScreen(page.getByLabel("In der Nähe von: Postleitzahl oder Ort"))).toBe(true);
      expect(await onFirstScreen(firstResult)).toBe(true);

      const type = page.getByLabel("Art des Angebots");
      const toggle = page.getByRole("button", { name: "Filter (2 aktiv)" });
      expect(await type.isHidden()).toBe(true);
      expect(await page.locator(".district-map").isHidden()).toBe(true);
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");

      await tabTo(page, toggle);
      await page.keyboard.press("Enter");
      await type.waitFor({ state: "visible" });
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      expect(await type.inputValue()).toBe("anerkennungsberatung");
      // The filters open right below the button: the next Tab is the first of them.
      const buttonBox = await toggle.boundingBox();
      const typeBox = await type.boundingBox();
      expect(typeBox?.y).toBeGreaterThan((buttonBox?.y ?? 0) + (buttonBox?.height ?? 0));
      await page.keyboard.press("Enter");
      await type.waitFor({ state: "hidden" });
      expect(await isFocused(toggle)).toBe(true);
      await page.keyboard.press("Space");
      await type.waitFor({ state: "visible" });
      await page.keyboard.press("Tab");
      expect(await isFocused(type)).toBe(true);

      // A changed filter keeps the panel open and the count follows.
      await page.getByLabel("Nur kostenlose Angebote").check();
      await page.waitForURL(/free=true/);
      await page.getByRole("button", { name: "Filter (3 aktiv)" }).waitFor();
      expect(await type.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("keeps the filters beside the results on a wide screen, without the button", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/finder?lang=ar");
      await resultsSettled(page);
      expect(await page.getByLabel("نوع العرض").isVisible()).toBe(true);
      expect(await page.locator(".refine__toggle").isHidden()).toBe(true);
      const filters = await page.getByLabel("نوع العرض").boundingBox();
      const firstResult = await page.locator(".offer-card").first().boundingBox();
      // Right to left: the results start on the right, the sidebar is on the left beside them.
      expect((filters?.x ?? 0) + (filters?.width ?? 0)).toBeLessThan(firstResult?.x ?? 0);
      expect(Math.abs((filters?.y ?? 0) - (firstResult?.y ?? 0))).toBeLessThan(200);
    } finally {
      await context.close();
    }
  });

  for (const lang of ["ar", "fa", "uk"]) {
    it(`passes axe on a phone in ${lang}, with the filters folded and open`, async () => {
      const { context, page } = await newPage(browser, { viewport: PHONE });
      try {
        await page.goto(`/finder?lang=${lang}&district=15003`);
        await resultsSettled(page);
        await page.locator(".offer-card").first().waitFor();
        await expectNoAxeViolations(page);
        await page.locator(".refine__toggle").click();
        await page.locator(".district-map").waitFor();
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    });
  }
});

describe("offers in the visitor's language", () => {
  it("shows an untranslated offer in German, marked as German, with a note in the visitor's language", async () => {
    const items = await results("lang=uk&type=diversity_ikoe_beratung");
    const untranslated = items.find((o) => o.nameLang === "de");
    const translated = items.find((o) => o.nameLang === "uk");
    if (!untranslated || !translated)
      throw new Error("the demo has a translated and an untranslated diversity offer");
    const note = "Ще не перекладено — показано німецькою";
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/finder?lang=uk&type=diversity_ikoe_beratung");
      await resultsSettled(page);
      const card = page
        .locator(".offer-card")
        .filter({ has: page.getByRole("link", { name: untranslated.name }) });
      await card.getByText(note).waitFor();
      expect(await card.getByRole("link", { name: untranslated.name }).getAttribute("lang")).toBe("de");
      const other = page
        .locator(".offer-card")
        .filter({ has: page.getByRole("link", { name: translated.name }) });
      expect(await other.getByRole("link").first().getAttribute("lang")).toBe("uk");
      expect(await other.getByText(note).count()).toBe(0);
      await expectNoAxeViolations(page);

      await card.getByRole("link", { name: untranslated.name }).click();
      const heading = page.getByRole("heading", { level: 1, name: untranslated.name });
      await heading.waitFor();
      expect(await heading.getAttribute("lang")).toBe("de");
      await page.getByText(note).first().waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("shows a translated name with the German description and the note beside the description", async () => {
    const [offer] = await results("lang=fa&type=existenzgruendungsberatung&language=fr");
    if (offer?.nameLang !== "fa" || offer.summaryLang !== "de")
      throw new Error("the demo's founders' meet-up has a Persian name and a German description");
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`/finder/offers/${offer.id}?lang=fa`);
      const heading = page.getByRole("heading", { level: 1, name: offer.name });
      await heading.waitFor();
      expect(await heading.getAttribute("lang")).toBe("fa");
      const description = page.locator(".offer-page__description");
      await description.getByText("هنوز ترجمه نشده – به زبان آلمانی نمایش داده می‌شود").waitFor();
      expect(await description.locator("p[lang]").getAttribute("lang")).toBe("de");
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("isolates German names and numbers inside right-to-left text, so their punctuation stays with them", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/finder?lang=ar&district=15003");
      await resultsSettled(page);
      // "… في Magdeburg": the district is its own island.
      await page.getByRole("status").locator("bdi", { hasText: "Magdeburg" }).waitFor();
      const provider = page.locator(".offer-card__provider").first();
      expect(await provider.locator("bdi").count()).toBeGreaterThanOrEqual(1);
      const direction = await provider
        .locator("bdi")
        .first()
        .evaluate((el) => getComputedStyle(el).unicodeBidi);
      expect(direction).toBe("isolate");
    } finally {
      await context.close();
    }
  });
});

describe("the finder in every language", () => {
  const headings: Record<string, string> = {
    de: "Angebote finden",
    en: "Find offers",
    ar: "ابحث عن العروض",
    uk: "Знайти пропозиції",
    ru: "Найти предложения",
    fa: "خدمات را پیدا کنید",
    tr: "Hizmet bulun",
  };
  for (const [lang, heading] of Object.entries(headings)) {
    it(`is served and shown in ${lang} and passes axe`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await page.goto(`/finder?lang=${lang}&q=Beratung`);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await resultsSettled(page);
        await page.locator(".district-map").waitFor();
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        expect(await page.title()).toContain(heading);
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    });
  }

  it("takes the language from the browser when the address names none", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "uk-UA" });
    try {
      const page = await context.newPage();
      const response = await page.goto("/finder");
      // The server answered in Ukrainian before any script ran.
      expect(await response?.text()).toContain('<html lang="uk" dir="ltr">');
      await page.getByRole("heading", { level: 1, name: headings.uk }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe("the offer form in every finder language", () => {
  it("edits a Ukrainian name that the finder then shows in Ukrainian; refuses HTML in the Arabic one", async () => {
    const { context, page } = await newPage(browser);
    const stamp = String(Date.now());
    const name = `Anerkennungsberatung Sudenburg ${stamp}`;
    const ukName = `Консультація з визнання кваліфікацій (Anerkennungsberatung) Sudenburg ${stamp}`;
    try {
      await login(page, DEMO.admin);
      await page.goto("/offers/new");
      await page.getByRole("heading", { level: 1, name: "Neues Angebot" }).waitFor();
      await page.getByLabel(/^Name( \*)?$/).fill(name);
      await page.getByLabel(/^Beschreibung$/).fill("Beratung zur Anerkennung im Stadtteil.");
      await page.getByLabel(/^Art des Angebots/).selectOption({ label: "Anerkennungsberatung" });
      await page.getByRole("checkbox", { name: /^Phase 2:/ }).check();
      await page.getByRole("checkbox", { name: "Magdeburg", exact: true }).check();

      await page
        .getByText("Noch nicht übersetzt: Englisch, Arabisch, Ukrainisch, Russisch, Persisch, Türkisch")
        .waitFor();
      const ukTab = page.getByRole("tab", { name: /Українська/ });
      expect(await ukTab.textContent()).toContain("fehlt");
      await ukTab.click();
      const ukField = page.getByLabel("Name auf Ukrainisch");
      expect(await ukField.getAttribute("lang")).toBe("uk");
      await ukField.fill(ukName);
      await page
        .getByLabel("Beschreibung auf Ukrainisch")
        .fill("Консультація щодо визнання іноземних дипломів.");
      expect(await ukTab.textContent()).toContain("vollständig");
      await page
        .getByText("Noch nicht übersetzt: Englisch, Arabisch, Russisch, Persisch, Türkisch")
        .waitFor();

      await page.getByRole("tab", { name: /العربية/ }).click();
      const arField = page.getByLabel("Name auf Arabisch");
      expect(await arField.getAttribute("lang")).toBe("ar");
      // Mantine puts `dir` on the field's wrapper; the field itself runs right to left.
      expect(await arField.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
      expect(await ukField.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
      await arField.fill("استشارة <b>الاعتراف</b>");
      await page.getByRole("tab", { name: /English/ }).click();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Speichern" }).click();
      // The Arabic tab opens by itself and says what is wrong.
      await page
        .getByText("Bitte nur Text eingeben, ohne HTML-Auszeichnungen (wie <b> oder &amp;).")
        .waitFor();
      expect(await page.getByRole("tab", { name: /العربية/ }).getAttribute("aria-selected")).toBe("true");
      await expectNoAxeViolations(page);
      await arField.fill("استشارة الاعتراف بالمؤهلات في Sudenburg");
      await page.getByRole("button", { name: "Speichern" }).click();

      await page.getByRole("heading", { level: 1, name }).waitFor();
      await page.getByRole("region", { name: "Grunddaten" }).getByText(ukName).waitFor();
      const id = page.url().match(/\/offers\/([0-9a-f-]{36})/)?.[1];
      if (!id) throw new Error(`no offer id in ${page.url()}`);

      await page.goto(`/finder/offers/${id}?lang=uk`);
      const heading = page.getByRole("heading", { level: 1, name: ukName });
      await heading.waitFor();
      expect(await heading.getAttribute("lang")).toBe("uk");
      await page.getByText("Консультація щодо визнання іноземних дипломів.").waitFor();
      expect(await page.getByText("Ще не перекладено").count()).toBe(0);
      // Russian has none: the German name stands in, with the note in Russian.
      await page.goto(`/finder/offers/${id}?lang=ru`);
      await page.getByRole("heading", { level: 1, name }).waitFor();
      await page.getByText("Ещё не переведено — показано на немецком").first().waitFor();
    } finally {
      await context.close();
    }
  });

  it("passes axe in Arabic with the translations open", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      await chooseLanguage(page, "العربية");
      try {
        await page.goto("/offers/new");
        await page.getByRole("heading", { level: 1, name: "عرض جديد" }).waitFor();
        await page.getByRole("tab", { name: /Українська/ }).click();
        await page.getByLabel("الاسم باللغة الأوكرانية").fill("Консультація");
        await expectNoAxeViolations(page);
      } finally {
        await chooseLanguage(page, "Deutsch");
      }
    } finally {
      await context.close();
    }
  });
});
