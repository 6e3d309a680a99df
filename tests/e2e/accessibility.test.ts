import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { chooseLanguage, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page and waits for its one h1 before axe looks at it. */
async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

describe("accessibility (WCAG 2.1 AA) in German", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  const publicPages: [string, string][] = [
    ["/login", "Anmelden"],
    ["/forgot-password", "Passwort vergessen"],
    ["/reset-password?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Neues Passwort festlegen"],
    ["/reset-password", "Neues Passwort festlegen"],
    ["/invitation?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Einladung annehmen"],
    ["/no-such-page", "Seite nicht gefunden"],
  ];
  for (const [path, heading] of publicPages) {
    it(`has no violations on ${path} (public)`, async () => {
      await visit(page, path, heading);
      await expectNoAxeViolations(page);
    });
  }

  it("has no violations on the login page showing an error", async () => {
    await visit(page, "/login", "Anmelden");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
  });

  it("has no violations on the pages of the network coordinator", async () => {
    await login(page, DEMO.coordinator);
    await expectNoAxeViolations(page);

    await visit(page, "/organisation", /Koordination/);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Bearbeiten" }).click();
    await page.getByRole("textbox", { name: "Name", exact: true }).waitFor();
    await expectNoAxeViolations(page);

    await visit(page, "/members", "Mitglieder");
    await page.getByRole("table").first().waitFor();
    await expectNoAxeViolations(page);

    await visit(page, "/organisations", "Organisationen");
    await page.getByRole("table").waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Neue Organisation" }).click();
    await page.getByRole("dialog", { name: "Neue Organisation anlegen" }).waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    await page.getByRole("link", { name: /^Jobcenter Halle/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Jobcenter Halle/ }).waitFor();
    await page.getByRole("region", { name: "Mitglieder" }).getByRole("table").waitFor();
    await expectNoAxeViolations(page);

    await visit(page, "/audit", "Audit-Protokoll");
    await page.getByRole("table").waitFor();
    await expectNoAxeViolations(page);

    await visit(page, "/outbox", "Postausgang");
    await page
      .getByText(/E-Mails|Keine E-Mails/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page);

    await visit(page, "/does-not-exist", "Seite nicht gefunden");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
    await expectNoAxeViolations(page);
  });

  it("has no violations on the pages of an organisation admin", async () => {
    const admin = await newPage(browser);
    try {
      await login(admin.page, DEMO.admin);
      await expectNoAxeViolations(admin.page);
      await visit(admin.page, "/members", "Mitglieder");
      await admin.page.getByRole("table").first().waitFor();
      await expectNoAxeViolations(admin.page);
      await admin.page
        .getByRole("button", { name: /^Bearbeiten: / })
        .first()
        .click();
      await admin.page.getByRole("dialog", { name: "Mitglied bearbeiten" }).waitFor();
      await expectNoAxeViolations(admin.page);
    } finally {
      await admin.context.close();
    }
  });

  it("has no violations on the case pages of a counsellor", async () => {
    const counsellor = await newPage(browser);
    try {
      await login(counsellor.page, DEMO.counsellor);
      const deadlines = counsellor.page.getByRole("region", { name: "Fristen" });
      await deadlines.getByRole("table").or(deadlines.getByText("Keine offenen Fristen")).first().waitFor();
      await expectNoAxeViolations(counsellor.page);
      await visit(counsellor.page, "/cases", "Fälle");
      await counsellor.page.getByRole("table").waitFor();
      await expectNoAxeViolations(counsellor.page);
      await counsellor.page.getByRole("table").getByRole("link").first().click();
      await counsellor.page.getByRole("tabpanel", { name: "Überblick" }).waitFor();
      await expectNoAxeViolations(counsellor.page);
      await visit(counsellor.page, "/cases/new", "Neuen Fall anlegen");
      await expectNoAxeViolations(counsellor.page);
    } finally {
      await counsellor.context.close();
    }
  });
});

describe("accessibility (WCAG 2.1 AA) in Arabic", () => {
  it("has no violations on the public pages", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await expectNoAxeViolations(page);
      await visit(page, "/forgot-password", "نسيت كلمة المرور");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("has no violations on the coordinator's pages", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.coordinator);
      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { level: 1, name: "مرحبًا، Katrin Vogel" }).waitFor();
      await expectNoAxeViolations(page);
      await visit(page, "/members", "الأعضاء");
      await page.getByRole("table").first().waitFor();
      await expectNoAxeViolations(page);
      await visit(page, "/organisations", "المنظمات");
      await page.getByRole("table").waitFor();
      await expectNoAxeViolations(page);
      await visit(page, "/audit", "سجل التدقيق");
      await page.getByRole("table").waitFor();
      await expectNoAxeViolations(page);
    } finally {
      // Leave the account in German for the other tests.
      await chooseLanguage(page, "Deutsch").catch(() => undefined);
      await context.close();
    }
  });

  it("has no violations on the case pages of a counsellor", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      await chooseLanguage(page, "العربية");
      await visit(page, "/cases", "الحالات");
      await page.getByRole("table").waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole("table").getByRole("link").first().click();
      await page.getByRole("tabpanel", { name: "نظرة عامة" }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole("tab", { name: "السجل", exact: true }).click();
      await page.getByRole("tabpanel", { name: "السجل" }).getByRole("listitem").first().waitFor();
      await expectNoAxeViolations(page);
      await visit(page, "/cases/new", "فتح حالة جديدة");
      await expectNoAxeViolations(page);
    } finally {
      await chooseLanguage(page, "Deutsch").catch(() => undefined);
      await context.close();
    }
  });
});
