import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO,
  expectNoAxeViolations,
  launchBrowser,
  login,
  navigationEntries,
  navLink,
  newPage,
  passwordField,
} from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("invitation", () => {
  it("goes from the admin's invitation through the outbox to a logged-in new member", async () => {
    const email = `neu.${Date.now()}@lotse.example`;
    const name = "Samira Neumann";

    // 1. The organisation admin invites a volunteer.
    const admin = await newPage(browser);
    let organisationName: string;
    try {
      await login(admin.page, DEMO.admin);
      const session = await (await admin.page.request.get("/api/session")).json();
      organisationName = session.active.organisationName as string;
      await admin.page.getByText(`Sie handeln für ${organisationName} als Organisationsadmin.`).waitFor();
      await navLink(admin.page, "Mitglieder").click();
      const invite = admin.page.getByRole("region", { name: "Person einladen" });
      await invite.getByLabel("E-Mail-Adresse").fill(email);
      // Only the network coordination may give its own role.
      const roleOptions = await invite.getByLabel("Rolle").locator("option").allInnerTexts();
      expect(roleOptions).not.toContain("Netzwerkkoordination");
      await invite.getByLabel("Rolle").selectOption({ label: "Ehrenamtliche*r" });
      await invite.getByRole("button", { name: "Einladen" }).click();
      await admin.page.getByText(`Die Einladung an ${email} ist verschickt.`).waitFor();
      const open = admin.page.getByRole("region", { name: "Offene Einladungen" });
      await open.getByRole("cell", { name: email, exact: true }).waitFor();
    } finally {
      await admin.context.close();
    }

    // 2. Without SMTP the mail waits in the outbox, where the coordinator reads the link.
    const coordinator = await newPage(browser);
    let link: URL;
    try {
      await login(coordinator.page, DEMO.coordinator);
      await navLink(coordinator.page, "Postausgang").click();
      await coordinator.page.getByLabel("Empfänger").fill(email);
      // Other invitations to the same organisation share the subject: pick the row of this address.
      await coordinator.page
        .getByRole("row")
        .filter({ hasText: email })
        .getByRole("link", { name: `Einladung zu Lotse: ${organisationName}` })
        .click();
      await coordinator.page
        .getByRole("heading", { level: 1, name: `Einladung zu Lotse: ${organisationName}` })
        .waitFor();
      const anchor = coordinator.page.getByRole("link", { name: /\/invitation\?token=/ });
      link = new URL((await anchor.textContent()) ?? "");
      expect(link.pathname).toBe("/invitation");
    } finally {
      await coordinator.context.close();
    }

    // 3. The invited person opens the link in a browser of their own and sets name and password.
    const invited = await newPage(browser);
    try {
      await invited.page.goto(link.pathname + link.search);
      await invited.page.getByRole("heading", { level: 1, name: "Einladung annehmen" }).waitFor();
      await invited.page
        .getByText(
          `Sie wurden eingeladen, in Lotse für ${organisationName} als Ehrenamtliche*r mitzuarbeiten.`,
        )
        .waitFor();
      expect(await invited.page.getByLabel("E-Mail-Adresse").inputValue()).toBe(email);
      await expectNoAxeViolations(invited.page);

      await invited.page.getByLabel("Ihr Name").fill(name);
      await passwordField(invited.page, "Neues Passwort").fill("ein langes neues Passwort");
      await invited.page.getByRole("button", { name: "Einladung annehmen" }).click();

      await invited.page.getByRole("heading", { level: 1, name: `Guten Tag, ${name}` }).waitFor();
      await invited.page.getByText(`Sie handeln für ${organisationName} als Ehrenamtliche*r.`).waitFor();
      expect(await navigationEntries(invited.page)).toEqual([
        "Start",
        "Fälle",
        "Verweise",
        "Kompetenzprofile",
        "Weiterbildungen",
        "Unsere Organisation",
        "Angebote",
        "Schnittstellen",
      ]);

      // The link is used up.
      const again = await newPage(browser);
      try {
        await again.page.goto(link.pathname + link.search);
        await again.page.getByRole("alert").getByText("Der Link ist ungültig oder abgelaufen.").waitFor();
      } finally {
        await again.context.close();
      }
    } finally {
      await invited.context.close();
    }
  });
});
