import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage, DEMO, expectNoAxeViolations, launchBrowser, login, newPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The running demo cohort (made by the core's demo data; its exchange space by ours). */
const COHORT = "KomBI-Laufbahnberatung Herbst 2026";

async function cohortId(page: Page): Promise<string> {
  const res = await page.request.get("/api/training-cohorts");
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { id: string; title: string }[] };
  const cohort = items.find((c) => c.title === COHORT);
  if (!cohort) throw new Error(`demo cohort ${COHORT} missing`);
  return cohort.id;
}

async function openExchange(page: Page, id: string) {
  await page.goto(`/trainings/cohorts/${id}?tab=exchange`);
  await page.getByRole("tab", { name: "Austausch", selected: true }).waitFor();
  await page.getByRole("heading", { name: "Beiträge" }).waitFor();
}

describe("the cohort's exchange space", () => {
  it("lets a participant post, reply and share a file by keyboard; axe clean in German and Arabic", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.volunteer);
      const id = await cohortId(page);
      await openExchange(page, id);
      // The demo thread is there, newest activity first, with the trainer marked as the team.
      await page.getByText("Kurze Rückmeldung aus dem Jobcenter", { exact: false }).waitFor();
      await expect(page.getByText("Schulungsteam").first().isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);

      // A new post by keyboard only: into the field, type, Tab to the button, Enter.
      const text = `Frage zur Schnittstelle ${Date.now()} – siehe https://example.org/info. <b>kein HTML</b>`;
      await page.getByRole("textbox", { name: /^Neuer Beitrag/ }).focus();
      await page.keyboard.type(text);
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Veröffentlichen");
      await page.keyboard.press("Enter");
      const article = page.getByRole("article").filter({ hasText: "Frage zur Schnittstelle" });
      await article.waitFor();
      // Plain text: the tags show as written, the address is a safe link.
      await expect(article.locator("b").count()).resolves.toBe(0);
      await article.getByText("<b>kein HTML</b>", { exact: false }).waitFor();
      const link = article.getByRole("link", { name: /example\.org\/info/ });
      await expect(link.getAttribute("href")).resolves.toBe("https://example.org/info");
      await expect(link.getAttribute("rel")).resolves.toContain("noopener");

      // Reply by keyboard: the reply button opens a focused field; Escape closes it and the focus
      // goes back to the button.
      const activeLabel = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
      await article.getByRole("button", { name: /^Antworten: Beitrag von / }).focus();
      await page.keyboard.press("Enter");
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("TEXTAREA");
      await page.keyboard.press("Escape");
      await expect.poll(activeLabel).toMatch(/^Antworten: Beitrag von /);
      await page.keyboard.press("Enter");
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("TEXTAREA");
      await page.keyboard.type("Antwort per Tastatur");
      await article.getByRole("button", { name: "Antwort senden" }).press("Enter");
      await article
        .getByRole("list", { name: /^Antworten auf den Beitrag/ })
        .getByText("Antwort per Tastatur")
        .waitFor();

      // Edit own post, then share a file.
      await article
        .getByRole("button", { name: /^Bearbeiten: Beitrag von / })
        .first()
        .click();
      const edit = article.getByRole("textbox", { name: /^Beitrag bearbeiten/ });
      await edit.fill("Geänderte Frage zur Schnittstelle");
      await article.getByRole("button", { name: "Speichern" }).click();
      await article.getByText("bearbeitet", { exact: false }).first().waitFor();

      // Mantine's file field is a button over a hidden file input.
      await page.locator('input[type="file"]').setInputFiles({
        name: "notizen-modul-3.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Notizen aus Modul 3\n"),
      });
      await page
        .getByLabel(/^Titel/)
        .first()
        .fill("Notizen Modul 3");
      await page.getByRole("button", { name: "Hochladen" }).click();
      const row = page.getByRole("row").filter({ hasText: "Notizen Modul 3" });
      await row.waitFor();
      const download = await row.getByRole("link", { name: "Notizen Modul 3" }).getAttribute("href");
      const res = await page.request.get(download ?? "");
      expect(res.status()).toBe(200);
      expect(res.headers()["content-disposition"]).toContain("attachment");
      expect(await res.text()).toBe("Notizen aus Modul 3\n");
      await expectNoAxeViolations(page);

      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { name: "المشاركات" }).waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });

  it("lets the trainer remove a participant's post after confirming in place", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.trainer);
      const id = await cohortId(page);
      await openExchange(page, id);
      // Found by its reply, which stays when the post goes.
      const article = page.getByRole("article").filter({ hasText: "Antwort per Tastatur" });
      await article.getByText("Geänderte Frage zur Schnittstelle").waitFor();
      await article
        .getByRole("button", { name: /^Löschen: Beitrag von / })
        .first()
        .click();
      // The question replaces the button in place, and takes the focus.
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Ja, löschen");
      await expectNoAxeViolations(page);
      await article.getByRole("button", { name: "Ja, löschen" }).click();
      // The reply lives on, so the post stays as its emptied head.
      await article.getByText("Dieser Beitrag wurde gelöscht.").waitFor();
      // The delete button went with the text: the focus continues from the thread's heading.
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("exchange-thread");
    } finally {
      await context.close();
    }
  });

  it("shows an admin whose member takes part nothing of the space", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.admin);
      const id = await cohortId(page);
      await page.goto(`/trainings/cohorts/${id}?tab=exchange`);
      await page.getByRole("tab", { name: "Überblick" }).waitFor();
      await expect(page.getByRole("tab", { name: "Austausch" }).count()).resolves.toBe(0);
      const res = await page.request.get(`/api/training-cohorts/${id}/exchange/posts`);
      expect(res.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
