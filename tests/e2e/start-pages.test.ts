import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Words that announce a feature instead of offering it. */
const ANNOUNCEMENT =
  /\b(bald|demnächst|in Vorbereitung|bald verfügbar|kommt noch|coming soon|soon|in preparation)\b|قريبًا/i;

/** Every text of the element, the texts of separate nodes kept apart so that words do not run together. */
const visibleText = (locator: Locator) =>
  locator.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? "");
    return parts.join(" ");
  });

/** A kind of work on the start page, by its heading. */
const work = (page: Page, title: string): Locator => page.getByRole("region", { name: title, exact: true });

type RoleCase = {
  email: string;
  /** Sections that must be there, each with a link the demo gives it (a name, or any link). */
  sections: [title: string, link: string | RegExp | null][];
};

const ROLES: Record<string, RoleCase> = {
  "network coordinator": {
    email: DEMO.coordinator,
    sections: [
      ["Schnittstellen mit Verzug", / an /],
      ["Offene Verweise im Netzwerk", "Zur Schnittstellen-Analyse"],
      ["Angebote ohne Pflege", "Begleitung zu Ämtern und Beratungsstellen"],
      ["Veraltete Platzangaben", null],
      ["Nicht zugestellte E-Mails", "y.mansour@lotse-demo.invalid"],
    ],
  },
  "organisation admin": {
    email: DEMO.admin,
    sections: [
      ["Mitglieder", "Mitglieder verwalten"],
      ["Offene Einladungen", "mentorin.neu@lotse.example"],
      ["Nicht zugestellte E-Mails", "y.mansour@lotse-demo.invalid"],
      ["Angebote ohne Pflege", "Begleitung zu Ämtern und Beratungsstellen"],
      ["Veraltete Platzangaben", "Ehrenamtliche Laufbahnberatung nach KomBI"],
    ],
  },
  counsellor: {
    email: DEMO.counsellor,
    sections: [
      ["Neue Verweise an Ihre Organisation", null],
      ["Überfällige Verweise im Posteingang", null],
      ["Ihre überfälligen gesendeten Verweise", "Rania Al-Khatib"],
      ["Fälle ohne nächsten Schritt", null],
      ["Besondere Kategorien ohne Rechtsgrundlage", "Rania Al-Khatib"],
      ["Fristen", null],
    ],
  },
  volunteer: {
    email: DEMO.volunteer,
    sections: [
      ["Ihre Fälle", "Ahmad Wardak"],
      ["Ihre überfälligen gesendeten Verweise", "Halyna Shevchenko"],
      ["Fristen", "Ahmad Wardak"],
    ],
  },
  trainer: {
    email: DEMO.trainer,
    sections: [
      ["Angebote Ihrer Organisation", "Berufssprachkurs B1 – Magdeburg"],
      ["Schnittstellen Ihrer Organisation", "Schnittstellen ansehen"],
    ],
  },
  "company contact": {
    email: DEMO.company,
    sections: [
      ["Neue Verweise an Ihre Organisation", /Betriebliche Einarbeitung/],
      ["Überfällige Verweise im Posteingang", null],
      ["Verweise in Bearbeitung", /Betriebliche Einarbeitung/],
    ],
  },
};

describe("start pages", () => {
  for (const [role, spec] of Object.entries(ROLES)) {
    it(`shows the ${role} the real work of today and announces nothing`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, spec.email);
        await page.getByRole("heading", { level: 2, name: "Ihre Arbeit heute" }).waitFor();
        for (const [title, link] of spec.sections) {
          const region = work(page, title);
          await region.waitFor();
          if (link) await region.getByRole("link", { name: link }).first().waitFor();
        }
        const main = await visibleText(page.getByRole("main"));
        expect(main).not.toMatch(ANNOUNCEMENT);
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    });
  }

  it("leads from each kind of work to the page where it is done", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const sent = work(page, "Ihre überfälligen gesendeten Verweise");
      await sent.getByRole("link").first().click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
      await page.getByRole("heading", { level: 1 }).waitFor();

      await page.goto("/");
      await work(page, "Neue Verweise an Ihre Organisation")
        .getByRole("link", { name: "Neue Verweise im Posteingang" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Verweise" }).waitFor();
      expect(new URL(page.url()).searchParams.get("bucket")).toBe("new");

      await page.goto("/");
      await work(page, "Besondere Kategorien ohne Rechtsgrundlage")
        .getByRole("link", { name: "Rania Al-Khatib" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Rania Al-Khatib" }).waitFor();
      await page.getByText("Besondere Kategorien ohne Einwilligung oder Rechtsgrundlage").waitFor();
    } finally {
      await context.close();
    }
  });

  it("is worked by keyboard: Tab reaches the records of the day, Enter opens one", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      const cases = work(page, "Ihre Fälle");
      await cases.getByRole("link", { name: "Ahmad Wardak" }).waitFor();
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.textContent === "Ahmad Wardak");
      }
      expect(reached).toBe(true);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Ahmad Wardak" }).waitFor();
      expect(new URL(page.url()).searchParams.get("tab")).toBe("steps");
    } finally {
      await context.close();
    }
  });

  it("passes axe in Arabic, right to left, for every role", async () => {
    for (const spec of Object.values(ROLES)) {
      const { context, page } = await newPage(browser);
      try {
        await login(page, spec.email);
        await chooseLanguage(page, "العربية");
        await page.getByRole("heading", { level: 2, name: "عملك اليوم" }).waitFor();
        await page.locator("section[aria-labelledby^='home-work-']").first().waitFor();
        expect(await visibleText(page.getByRole("main"))).not.toMatch(ANNOUNCEMENT);
        await expectNoAxeViolations(page);
      } finally {
        // Leave the account in German for the other tests.
        await chooseLanguage(page, "Deutsch").catch(() => undefined);
        await context.close();
      }
    }
  });
});

describe("special categories on a case", () => {
  it("asks for them only behind a purpose, warns while the named consent is missing, and clears once it is recorded", async () => {
    const { context, page } = await newPage(browser);
    const name = `Leyla Demir ${Date.now()}`;
    try {
      await login(page, DEMO.counsellor);
      await page.goto("/cases/new");
      await page.getByRole("heading", { level: 1, name: "Neuen Fall anlegen" }).waitFor();
      await page.getByLabel(/^Name( \*)?$/).fill(name);
      const languages = page.getByRole("combobox", { name: /^Bevorzugte Sprachen/ });
      await languages.fill("Türk");
      await page.getByRole("option", { name: "Türkisch (tr)" }).click();
      await languages.press("Escape");

      const health = page.getByLabel("Gesundheitliche Einschränkungen");
      expect(await health.count()).toBe(0);
      await page
        .getByText("Die Felder erscheinen, sobald Zweck und Rechtsgrundlage angegeben sind.")
        .waitFor();
      // By keyboard: the purpose, then the legal basis; the fields follow right after.
      await page
        .getByLabel("Wofür werden diese Angaben gebraucht?")
        .fill("Die Wahl der Umschulung hängt an der Belastbarkeit.");
      await page.keyboard.press("Tab");
      await page
        .getByLabel(/^Rechtsgrundlage$/)
        .selectOption({ label: "Ausdrückliche Einwilligung (Art. 9 Abs. 2 lit. a DSGVO)" });
      await health.waitFor();
      await page.getByText(/Erfassen Sie die Einwilligung danach im Reiter „Einwilligungen“/).waitFor();
      await expectNoAxeViolations(page);
      await health.fill("Keine Nachtschichten");
      await page.getByRole("button", { name: "Fall anlegen" }).click();
      await page.getByRole("heading", { level: 1, name }).waitFor();

      const warning = page
        .getByRole("alert")
        .filter({ hasText: "Besondere Kategorien ohne Einwilligung oder Rechtsgrundlage" });
      await warning.getByText(/Gesundheitliche Einschränkungen/).waitFor();
      await warning
        .getByText(
          "Als Rechtsgrundlage ist die ausdrückliche Einwilligung angegeben, im Einwilligungsregister fehlt sie aber.",
        )
        .waitFor();
      await expectNoAxeViolations(page);

      await warning.getByRole("link", { name: /^Einwilligung erfassen/ }).click();
      const panel = page.getByRole("region", { name: "Einwilligungen" });
      await panel.getByRole("button", { name: "Einwilligung erfassen" }).click();
      const dialog = page.getByRole("dialog", { name: "Einwilligung erfassen" });
      await dialog.getByLabel(/^Zweck/).selectOption({ label: "Beratungsdokumentation" });
      await dialog.getByRole("checkbox", { name: "Identität (Name, Geburtsdatum)" }).check();
      await dialog.getByRole("checkbox", { name: /^Besondere Kategorien/ }).check();
      await dialog.getByRole("radio", { name: "Unterschrieben" }).check();
      await dialog.getByRole("button", { name: "Einwilligung speichern" }).click();
      await dialog.waitFor({ state: "detached" });
      await expect.poll(() => warning.count()).toBe(0);

      // The same case page in Arabic, right to left.
      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { level: 1, name }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await chooseLanguage(page, "Deutsch").catch(() => undefined);
      await context.close();
    }
  });

  it("shows the warning in Arabic on a demo case without a basis, and passes axe", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      await chooseLanguage(page, "العربية");
      await page
        .getByRole("region", { name: "فئات خاصة بلا أساس قانوني", exact: true })
        .getByRole("link", { name: "Rania Al-Khatib" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Rania Al-Khatib" }).waitFor();
      await page.getByRole("alert").getByText("فئات خاصة دون موافقة أو أساس قانوني").waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await chooseLanguage(page, "Deutsch").catch(() => undefined);
      await context.close();
    }
  });
});
