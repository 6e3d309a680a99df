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

const COMPLETED = "Diversity-Beratung in eigener Organisation 2026/1";
const RUNNING = "KomBI-Laufbahnberatung Herbst 2026";

/** The id of a demo cohort the caller reaches, found on the trainings page; null without it. */
async function demoCohortId(page: Page, title: string): Promise<string | null> {
  await page.goto("/trainings");
  const link = page.getByRole("link", { name: title }).first();
  try {
    await link.waitFor({ timeout: 5_000 });
  } catch {
    return null;
  }
  await link.click();
  await page.waitForURL(/\/trainings\/cohorts\//);
  return new URL(page.url()).pathname.split("/").pop() ?? null;
}

describe("the public evaluation page", () => {
  it("explains a missing or forged link in German and in Arabic, right to left, without errors for axe", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/evaluation");
      await page.getByRole("heading", { level: 1, name: "Selbsteinschätzung" }).waitFor();
      await page.getByRole("alert").getByText("Der Link ist unvollständig").waitFor();
      await expectNoAxeViolations(page);

      await page.goto(`/evaluation?token=${"A".repeat(43)}`);
      await page.getByText("Dieser Evaluationslink ist ungültig").waitFor();
      await expectNoAxeViolations(page);

      await chooseLanguage(page, "العربية");
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await page.reload();
      await page.getByText("رابط التقييم هذا غير صالح").waitFor();
      await page.getByRole("heading", { level: 1, name: "التقييم الذاتي" }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

describe("evaluations of a demo cohort", () => {
  it("the trainer sends links by keyboard; a participant answers once through the link, in Arabic", async (ctx) => {
    const trainer = await newPage(browser);
    let token = "";
    try {
      await login(trainer.page, DEMO.trainer);
      const cohortId = await demoCohortId(trainer.page, RUNNING);
      if (!cohortId) ctx.skip();
      await trainer.page.goto(`/trainings/cohorts/${cohortId}?tab=evaluations`);
      const send = trainer.page.getByRole("button", { name: "Links zur Vorher-Einschätzung verschicken" });
      await send.focus();
      await trainer.page.keyboard.press("Enter");
      await trainer.page
        .getByText(/Links verschickt/)
        .first()
        .waitFor();
      await trainer.page
        .getByText(/von \d+ haben geantwortet/)
        .first()
        .waitFor();
      await expectNoAxeViolations(trainer.page);
    } finally {
      await trainer.context.close();
    }

    // Without SMTP the mail waits in the outbox, where the coordinator reads the link.
    const coordinator = await newPage(browser);
    try {
      await login(coordinator.page, DEMO.coordinator);
      const res = await coordinator.page.request.get(
        `/api/outbox?to=${encodeURIComponent(DEMO.volunteer)}&limit=50`,
      );
      const mails = (await res.json()).items as { template: string; bodyText: string }[];
      const mail = mails.find((m) => m.template === "training_evaluation");
      token = /\/evaluation\?token=([A-Za-z0-9_-]+)/.exec(mail?.bodyText ?? "")?.[1] ?? "";
      expect(token).not.toBe("");
    } finally {
      await coordinator.context.close();
    }

    const participant = await newPage(browser);
    try {
      const { page } = participant;
      await page.goto(`/evaluation?token=${token}`);
      await page.getByRole("button", { name: /Antworten absenden|Send answers|إرسال الإجابات/ }).waitFor();
      await chooseLanguage(page, "العربية");
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await expectNoAxeViolations(page);
      // By keyboard: into the first scale, Space picks 1, ArrowDown moves to 2 and 3; Tab to the
      // comment, Tab to the next goal's scale.
      const radios = page.getByRole("radio");
      const goals = (await radios.count()) / 5;
      await radios.first().focus();
      for (let g = 0; g < goals; g++) {
        await page.keyboard.press("Space");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Tab");
        if (g === 0) await page.keyboard.type("تعليق قصير");
        await page.keyboard.press("Tab");
      }
      await expect.poll(() => page.getByRole("radio", { checked: true }).count()).toBe(goals);
      await page.getByRole("button", { name: "إرسال الإجابات" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText("شكرًا جزيلًا!").waitFor();
      await expectNoAxeViolations(page);
      // Single use: the same link again says so.
      await page.goto(`/evaluation?token=${token}`);
      await page.getByText("تم استخدام هذا الرابط للإجابة بالفعل").waitFor();
    } finally {
      await participant.context.close();
    }
  });

  it("shows the completed cohort's figures with chart and table, and no individual answers", async (ctx) => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.trainer);
      const cohortId = await demoCohortId(page, COMPLETED);
      if (!cohortId) ctx.skip();
      await page.goto(`/trainings/cohorts/${cohortId}?tab=evaluations`);
      await page.getByRole("heading", { name: "Ergebnisse je Lernziel" }).waitFor();
      await page.getByText("13 von 14 haben geantwortet").waitFor();
      await page.getByRole("img", { name: /Lernziel 1 vorher und nachher/ }).waitFor();
      await page.getByRole("table").filter({ hasText: "Antworten je Stufe, Lernziel 1" }).waitFor();
      await page.getByText("Wilcoxon-Vorzeichen-Rang-Test").first().waitFor();
      await expectNoAxeViolations(page);
      await chooseLanguage(page, "العربية");
      await page.getByRole("heading", { name: "النتائج لكل هدف تعلم" }).waitFor();
      await expectNoAxeViolations(page);
      const results = await page.request.get(`/api/training-cohorts/${cohortId}/evaluation-results`);
      expect(await results.text()).not.toMatch(/participantId|"email"/);
      // The choice is the account's preference: back to German for the tests that log in after.
      await chooseLanguage(page, "Deutsch");
    } finally {
      await context.close();
    }
  });
});
