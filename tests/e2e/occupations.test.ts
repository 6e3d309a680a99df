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

/** A new case whose client has a foreign nursing qualification; returns the case's path. */
async function caseWithQualification(page: Page, name: string): Promise<string> {
  await page.goto("/cases/new");
  await page.getByLabel(/^Name( \*)?$/).fill(name);
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  const casePath = new URL(page.url()).pathname;
  const c = await (await page.request.get(`/api/cases/${casePath.split("/").pop()}`)).json();
  const session = await (await page.request.get("/api/session")).json();
  const res = await page.request.post(`/api/clients/${c.client.id}/qualifications`, {
    data: { originalTitle: "Медична сестра", germanTitle: "Krankenschwester", country: "UA" },
    headers: { "X-CSRF-Token": session.csrfToken },
  });
  expect(res.status(), await res.text()).toBe(201);
  return casePath;
}

describe("reference occupations by everyday titles", () => {
  it("finds „Krankenschwester“, shows it regulated with the Landesverwaltungsamt, and keeps that on the procedure", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, DEMO.counsellor);
      const casePath = await caseWithQualification(page, `Olena Kovalenko ${Date.now()}`);
      await page.goto(`${casePath}?tab=recognition`);
      const panel = page.getByRole("region", { name: "Anerkennung ausländischer Abschlüsse" });
      const qualification = panel.getByRole("region", { name: "Медична сестра" });
      await qualification.getByRole("button", { name: "Anerkennungsverfahren beginnen" }).click();
      const dialog = page.getByRole("dialog", { name: "Anerkennungsverfahren beginnen" });
      await dialog
        .getByText("Dieser Dienst nutzt die ESCO-Klassifikation der Europäischen Kommission.", {
          exact: false,
        })
        .waitFor();

      await dialog.getByRole("combobox", { name: /^Referenzberuf/ }).fill("Krankenschwester");
      const option = page.getByRole("option", {
        name: /^Krankenschwester → Berufe in der Gesundheits- und Krankenpflege \(ohne Spezialisierung\) – fachlich/,
      });
      await option.waitFor();
      await expect.poll(() => option.textContent()).toMatch(/KldB 81302/);
      await option.getByText("reglementiert", { exact: true }).waitFor();
      await option
        .getByText(/^Landesverwaltungsamt Sachsen-Anhalt – Landesprüfungsamt für Gesundheitsberufe$/)
        .waitFor();
      await expectNoAxeViolations(page);

      // Choosing it presets "regulated" and the legal basis from the list, and says why.
      await option.click();
      const info = dialog.getByRole("region", { name: "Anerkennung des gewählten Referenzberufs" });
      await info.getByText("Gefunden über die Berufsbezeichnung „Krankenschwester“").waitFor();
      await info
        .getByText("Reglementierter Beruf: Für die Arbeit im Beruf ist die Anerkennung notwendig.")
        .waitFor();
      await info.getByRole("link", { name: /^Landesverwaltungsamt Sachsen-Anhalt/ }).waitFor();
      expect(await dialog.getByRole("radio", { name: "Ja" }).isChecked()).toBe(true);
      expect(await dialog.getByLabel("Rechtsgrundlage").inputValue()).toBe("federal_profession_law");
      await expectNoAxeViolations(page);

      await dialog.getByRole("button", { name: "Anerkennungsverfahren beginnen" }).click();
      await dialog.waitFor({ state: "detached" });
      const procedure = qualification.getByRole("region", { name: /Gesundheits- und Krankenpflege/ });
      await procedure.getByText("KldB 81302 · reglementierter Beruf").waitFor();
      await procedure.getByText("Anerkennung in Sachsen-Anhalt").waitFor();
      await procedure.getByRole("link", { name: /^Landesverwaltungsamt Sachsen-Anhalt/ }).waitFor();
      await procedure.getByText(/^Pflegefachfrau \/ Pflegefachmann/).waitFor();
      await expectNoAxeViolations(page);

      // Arabic, right to left: the picker with its badge and the procedure pass axe too.
      await chooseLanguage(page, "العربية");
      try {
        await page.goto(`${casePath}?tab=recognition`);
        const arPanel = page.getByRole("region", { name: "الاعتراف بالمؤهلات الأجنبية" });
        await arPanel.getByText("الاعتراف في ساكسونيا-أنهالت").waitFor();
        await expectNoAxeViolations(page);
        await arPanel.getByRole("button", { name: "بدء إجراء الاعتراف" }).click();
        const arDialog = page.getByRole("dialog", { name: "بدء إجراء الاعتراف" });
        await arDialog
          .getByText("تستخدم هذه الخدمة تصنيف ESCO التابع للمفوضية الأوروبية.", { exact: false })
          .waitFor();
        await arDialog.getByRole("combobox").first().fill("Krankenschwester");
        const arOption = page.getByRole("option", { name: /^Krankenschwester → / });
        await arOption.getByText("مهنة منظمة").waitFor();
        await expectNoAxeViolations(page);
        // Close the list and the dialog, so that the header's language menu can be reached again.
        await page.keyboard.press("Escape");
        await page.keyboard.press("Escape");
        await arDialog.waitFor({ state: "detached" });
      } finally {
        await chooseLanguage(page, "Deutsch");
      }
    } finally {
      await context.close();
    }
  });
});
